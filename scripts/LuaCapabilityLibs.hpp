#pragma once

struct lua_State;

namespace taskloom::scripts {

struct LuaScript;

/// Installs `files` (read, write, list, exists) and `http` (request) into a node's sandbox. Every call checks
/// two things: that the node type declared the capability in its file (`capabilities = {files = "read"}`) and
/// that the user granted it in settings.json for that type (folders for files, host names for http). A path is
/// resolved against the flow's folder, symlinks followed, and must lie inside a granted folder. `script` must
/// outlive the sandbox.
void installCapabilityLibraries(lua_State* L, const LuaScript& script);

} // namespace taskloom::scripts
