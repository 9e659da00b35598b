#pragma once

#include <QString>
#include <QStringList>

struct lua_State;

namespace taskloom::scripts {

/// http.request(options) for a node whose declaration the caller has checked: a blocking libcurl call that
/// reaches only `grantedHosts` ("*": any), follows no redirects, caps the response at the sandbox's free memory
/// and stops promptly on cancellation. Returns {status, headers, body}; transport failures are Lua errors.
int luaHttpRequest(lua_State* L, const QStringList& grantedHosts, const QString& typeId);

} // namespace taskloom::scripts
