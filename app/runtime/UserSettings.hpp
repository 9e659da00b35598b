#pragma once

#include "engine/Value.hpp"
#include "scripts/LuaScript.hpp"

#include <QHash>

#include <QString>
#include <QStringList>

#include <expected>

namespace taskloom::app {

/// The user's own settings (`<dataDir>/settings.json`): grants that must never come from a flow file, such as
/// which environment variables expressions may read. A missing file means defaults.
class UserSettings {
public:
    static std::expected<UserSettings, QString> load(const QString& dataDir);

    /// Environment variable names (globs like TASKLOOM_VAR_*) that `env` in expressions may read.
    /// Default: TASKLOOM_VAR_*.
    const QStringList& envAllowList() const { return m_envAllow; }
    /// The allowed variables with their values, for RunOptions::env.
    engine::Object allowedEnvironment() const;
    const engine::Object& raw() const { return m_raw; }

    /// "lua": {"nodesFolder": DIR, "grants": {TYPE: {"files": [DIR, ...], "http": [HOST, ...]}}}: where the
    /// user's Lua node types live (empty: <dataDir>/nodes) and what each type may touch. Relative folders are
    /// taken from the data folder.
    const QString& luaNodesFolder() const { return m_luaNodesFolder; }
    const QHash<QString, scripts::LuaGrants>& luaGrants() const { return m_luaGrants; }

private:
    std::expected<void, QString> readLua(const QString& dataDir);

    QStringList m_envAllow{QStringLiteral("TASKLOOM_VAR_*")};
    QString m_luaNodesFolder;
    QHash<QString, scripts::LuaGrants> m_luaGrants;
    engine::Object m_raw;
};

} // namespace taskloom::app
