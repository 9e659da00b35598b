#include "UserSettings.hpp"

#include "engine/Json.hpp"

#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QRegularExpression>

namespace taskloom::app {

std::expected<UserSettings, QString> UserSettings::load(const QString& dataDir)
{
    UserSettings s;
    const QString path = QDir(dataDir).filePath(QStringLiteral("settings.json"));
    QFile f(path);
    if (!f.exists())
        return s;
    if (!f.open(QIODevice::ReadOnly))
        return std::unexpected(QStringLiteral("%1: cannot read: %2").arg(path, f.errorString()));
    auto parsed = engine::Json::parse(f.readAll());
    if (!parsed)
        return std::unexpected(QStringLiteral("%1: %2").arg(path, parsed.error().toString()));
    if (!parsed->isObject())
        return std::unexpected(QStringLiteral("%1: expected a JSON object").arg(path));
    s.m_raw = parsed->toObject();
    const engine::Value& env = s.m_raw.value(u"expressions").objectRef().value(u"env");
    if (env.isArray()) {
        s.m_envAllow.clear();
        for (const engine::Value& v : env.arrayRef())
            s.m_envAllow.append(v.toText());
    } else if (!env.isNull()) {
        return std::unexpected(QStringLiteral("%1: expressions.env: expected a list of variable names").arg(path));
    }
    if (auto lua = s.readLua(dataDir); !lua)
        return std::unexpected(QStringLiteral("%1: %2").arg(path, lua.error()));
    return s;
}

std::expected<void, QString> UserSettings::readLua(const QString& dataDir)
{
    const engine::Value& lua = m_raw.value(u"lua");
    if (lua.isNull())
        return {};
    if (!lua.isObject())
        return std::unexpected(QStringLiteral("lua: expected an object"));
    const engine::Value& folder = lua.objectRef().value(u"nodesFolder");
    if (!folder.isNull() && !folder.isString())
        return std::unexpected(QStringLiteral("lua.nodesFolder: expected a folder path"));
    if (folder.isString() && !folder.stringRef().isEmpty())
        m_luaNodesFolder = QDir(dataDir).absoluteFilePath(folder.stringRef());
    const engine::Value& grants = lua.objectRef().value(u"grants");
    if (grants.isNull())
        return {};
    if (!grants.isObject())
        return std::unexpected(QStringLiteral("lua.grants: expected {\"node.type\": {\"files\": [...], \"http\": [...]}}"));
    for (const auto& [type, grant] : grants.objectRef()) {
        const QString at = QStringLiteral("lua.grants[\"%1\"]").arg(type);
        if (!grant.isObject())
            return std::unexpected(at + QStringLiteral(": expected {\"files\": [folders], \"http\": [hosts]}"));
        scripts::LuaGrants g;
        for (const auto& [key, list] : grant.objectRef()) {
            if (key != u"files" && key != u"http")
                return std::unexpected(QStringLiteral("%1.%2: unknown grant (files, http)").arg(at, key));
            if (!list.isArray())
                return std::unexpected(QStringLiteral("%1.%2: expected a list").arg(at, key));
            for (const engine::Value& v : list.arrayRef()) {
                if (!v.isString() || v.stringRef().trimmed().isEmpty())
                    return std::unexpected(QStringLiteral("%1.%2: expected non-empty strings").arg(at, key));
                if (key == u"http") {
                    g.httpHosts.append(v.stringRef().trimmed());
                } else {
                    const QString dir = QDir::cleanPath(QDir(dataDir).absoluteFilePath(v.stringRef()));
                    if (dir == u"/")
                        return std::unexpected(QStringLiteral("%1.files: granting the whole file system is refused").arg(at));
                    g.fileRoots.append(dir);
                }
            }
        }
        m_luaGrants.insert(type, g);
    }
    return {};
}

engine::Object UserSettings::allowedEnvironment() const
{
    QList<QRegularExpression> patterns;
    for (const QString& p : m_envAllow)
        patterns.append(QRegularExpression(QRegularExpression::wildcardToRegularExpression(p)));
    engine::Object out;
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    QStringList keys = env.keys();
    keys.sort();
    for (const QString& k : keys) {
        for (const QRegularExpression& re : patterns) {
            if (re.match(k).hasMatch()) {
                out.insert(k, env.value(k));
                break;
            }
        }
    }
    return out;
}

} // namespace taskloom::app
