#pragma once

struct lua_State;

namespace taskloom::scripts {

/// Opens the parts of the standard library a sandboxed script may use and replaces the dangerous ones:
/// base without dofile / loadfile, `load` in text mode only, `require` for bundled modules only, string without
/// dump (and a locked string metatable), table, math, utf8, coroutine, and os.time / clock / date / difftime.
/// pcall, xpcall, coroutine.resume and coroutine.close re-raise fatal errors (budget, time limit, cancellation);
/// library calls whose C work the instruction count cannot see are charged against the budget.
void installSafeLibraries(lua_State* L);

} // namespace taskloom::scripts
