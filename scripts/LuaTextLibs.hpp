#pragma once

struct lua_State;

namespace taskloom::scripts {

/// Installs the text helpers scripts and expressions share (docs/scripting.md):
///  - csv.parse(text [, {separator, header, quote}]) and csv.encode(rows [, {separator, header, columns}])
///  - base64.encode(s [, urlSafe]) and base64.decode(s [, urlSafe])
///  - hash.md5 / sha1 / sha256 / sha512(s) as lowercase hex, hash.hmac(algorithm, key, s)
void installTextLibraries(lua_State* L);

/// Installs `regex`: PCRE2 with match, heap and depth limits, so a pattern that backtracks catastrophically
/// fails with a clear error instead of hanging (see LuaRegex.cpp).
void installRegex(lua_State* L);

} // namespace taskloom::scripts
