#include "FileWatchTriggerNode.hpp"

#include "TriggerEvent.hpp"

#include <QDir>

namespace taskloom::nodes::core {

using namespace engine;

FileWatchTriggerNode::FileWatchTriggerNode()
{
    m_spec.type = QString::fromLatin1(typeName);
    m_spec.title = QStringLiteral("File Watch Trigger");
    m_spec.category = QStringLiteral("Triggers");
    m_spec.description = QStringLiteral(
        "Starts the flow while `taskloom daemon` runs when a file matching the pattern appears in the folder, "
        "changes or is deleted. A new or changed file fires once it has stopped growing for the debounce time. "
        "Emits one item: event (new, changed, deleted), path, name, size and modifiedAt.");
    m_spec.aliases = {QStringLiteral("folder"), QStringLiteral("inbox"), QStringLiteral("watch"), QStringLiteral("new file")};
    m_spec.icon = QStringLiteral("folder-open");
    m_spec.trigger = true;
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Out"), {}}};
    addParam<QString>(ParamSpec::folder(QStringLiteral("folder"), QStringLiteral("Folder"))
                          .required()
                          .describe(QStringLiteral("relative to the flow file's folder unless absolute"))
                          .noExpressions());
    addParam<QString>(ParamSpec::string(QStringLiteral("pattern"), QStringLiteral("File name pattern"))
                          .defaults(QStringLiteral("*"))
                          .hint(QStringLiteral("*.csv;*.xlsx"))
                          .noExpressions());
    addParam<bool>(ParamSpec::boolean(QStringLiteral("onNew"), QStringLiteral("New files"), true).noExpressions());
    addParam<bool>(ParamSpec::boolean(QStringLiteral("onChanged"), QStringLiteral("Changed files"), false).noExpressions());
    addParam<bool>(ParamSpec::boolean(QStringLiteral("onDeleted"), QStringLiteral("Deleted files"), false).noExpressions());
    addParam<qint64>(ParamSpec::integer(QStringLiteral("debounceMs"), QStringLiteral("Quiet time (ms)"), 1000)
                         .range(0, 600000)
                         .describe(QStringLiteral("how long a file must stay the same size before it fires"))
                         .noExpressions());
}

std::expected<FileWatchTriggerNode::Settings, QString> FileWatchTriggerNode::settings(const Object& params,
                                                                                      const QString& baseDir) const
{
    const auto p = [&](const char* name) { return TriggerEvent::param(m_spec, params, QString::fromLatin1(name)); };
    Settings s;
    const QString folder = p("folder").toText().trimmed();
    if (folder.isEmpty())
        return std::unexpected(QStringLiteral("parameter \"folder\": required"));
    s.folder = QDir::cleanPath(QDir(baseDir).absoluteFilePath(folder));
    for (const QString& g : p("pattern").toText().split(u';', Qt::SkipEmptyParts))
        s.patterns.append(g.trimmed());
    if (s.patterns.isEmpty())
        s.patterns.append(QStringLiteral("*"));
    s.onNew = p("onNew").toBool(true);
    s.onChanged = p("onChanged").toBool(false);
    s.onDeleted = p("onDeleted").toBool(false);
    if (!s.onNew && !s.onChanged && !s.onDeleted)
        return std::unexpected(QStringLiteral("parameter \"onNew\": choose at least one of new, changed and deleted files"));
    const qint64 debounce = p("debounceMs").toInt(1000);
    if (debounce < 0 || debounce > 600000)
        return std::unexpected(QStringLiteral("parameter \"debounceMs\" = %1: use 0 to 600000").arg(debounce));
    s.debounceMs = int(debounce);
    return s;
}

QList<std::pair<QString, QString>> FileWatchTriggerNode::checkParams(const Object& params) const
{
    auto s = settings(params, QDir::currentPath());
    if (s)
        return {};
    const QString& m = s.error();
    const QString name = m.section(u'"', 1, 1);
    return {{name, m.mid(m.indexOf(u':') + 2)}};
}

std::unique_ptr<NodeInstance> FileWatchTriggerNode::instantiate() const
{
    return TriggerEvent::emitter();
}

} // namespace taskloom::nodes::core
