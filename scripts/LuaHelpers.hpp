#pragma once

struct lua_State;

namespace taskloom::scripts {

/// Installs the helper tables scripts and expressions share:
///  - json.encode(v [, pretty]), json.decode(text) (order-preserving, engine::Json), json.null, json.array([t])
///  - date.now() (ISO-8601 UTC), date.today() (local date), date.format(iso, pattern) and
///    date.parse(text [, pattern [, zone]]) with Qt date format patterns, date.toZone(iso, zone), date.offset(iso,
///    zone), date.format(iso, pattern [, zone]) with IANA zones, date.add(iso, amount, unit),
///    date.diff(from, to [, unit]); units: seconds, minutes, hours, days, weeks (add also: months, years)
///  - str.trim, str.split(s, sep), str.startsWith, str.endsWith, str.contains, str.replace(s, from, to):
///    plain text, never Lua patterns
void installHelpers(lua_State* L);

} // namespace taskloom::scripts
