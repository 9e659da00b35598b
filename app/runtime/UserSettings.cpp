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
    return s;
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
