# ccache with precompiled headers needs these sloppiness settings, or every PCH user misses the cache. The base
# directory makes paths relative, so two checkouts of the same sources (git worktrees, CI clones) share hits.
find_program(TASKLOOM_CCACHE ccache)
if(TASKLOOM_CCACHE)
  set(_launcher ${CMAKE_COMMAND} -E env
      CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime
      CCACHE_MAXSIZE=5G CCACHE_BASEDIR=${CMAKE_SOURCE_DIR} ${TASKLOOM_CCACHE})
  set(CMAKE_CXX_COMPILER_LAUNCHER ${_launcher})
  set(CMAKE_C_COMPILER_LAUNCHER ${_launcher})
endif()
