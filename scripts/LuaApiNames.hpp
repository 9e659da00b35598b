#pragma once

#include <QStringList>

namespace taskloom::scripts {

/// Every name a Code node or Lua node script can reach, read from a fresh sandbox set up the way a node run
/// sets it up (safe libraries, helpers, capability libraries) plus the ctx table: globals ("ipairs", "json"),
/// and the members of global tables and of ctx as "table.member" ("json.encode", "ctx.log"). Sorted. The studio
/// completes from it, so the list follows the host instead of a copy that goes stale.
QStringList luaApiNames();

/// The Lua 5.4 reserved words.
QStringList luaKeywords();

} // namespace taskloom::scripts
