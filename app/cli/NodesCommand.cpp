// taskloom nodes [--json] [TYPE]: the node specs, the same data the studio builds its palette from.

#include "Cli.hpp"
#include "CommandLine.hpp"

#include "app/runtime/Runtime.hpp"
#include "engine/Json.hpp"

namespace taskloom::cli {

using namespace engine;

namespace {

QString describeParam(const ParamSpec& p, int indent)
{
    QString line = QString(indent, u' ') + QStringLiteral("%1 (%2%3)").arg(p.name, ParamSpec::typeName(p.type),
                                                                             p.isRequired ? QStringLiteral(", required") : QString());
    if (!p.defaultValue.isNull() && !(p.defaultValue.isString() && p.defaultValue.stringRef().isEmpty())
        && !p.defaultValue.isArray())
        line += QStringLiteral(" = %1").arg(p.defaultValue.toText().left(40));
    if (!p.options.isEmpty()) {
        QStringList values;
        for (const ParamOption& o : p.options)
            values.append(o.value);
        line += QStringLiteral(" one of: %1").arg(values.join(QStringLiteral(", ")));
    }
    if (!p.description.isEmpty())
        line += QStringLiteral(" — ") + p.description;
    for (const ParamSpec& f : p.fields)
        line += u'\n' + describeParam(f, indent + 4);
    return line;
}

} // namespace

int nodesCommand(const QStringList& args)
{
    CommandLine cl(QStringLiteral("nodes"), QStringLiteral("Lists the node types of this build, or describes one."));
    cl.addPositional(QStringLiteral("type"), QStringLiteral("A node type id, e.g. core.csvRead."), QStringLiteral("[type]"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the full specs as JSON."));
    cl.addOption(json);
    if (auto code = cl.parse(args, 0, 1))
        return *code;
    auto runtime = app::Runtime::create({});
    if (!runtime)
        return fail(Usage, runtime.error());
    const NodeRegistry& registry = (*runtime)->registry();
    QList<const NodeType*> types = registry.types();
    if (!cl.parser().positionalArguments().isEmpty()) {
        const QString id = cl.parser().positionalArguments().first();
        const NodeType* t = registry.find(id);
        if (!t)
            return fail(Usage, QStringLiteral("nodes: unknown node type \"%1\" (taskloom nodes lists them)").arg(id));
        types = {t};
    }
    if (cl.parser().isSet(json)) {
        Array nodes;
        for (const NodeType* t : types)
            nodes.append(t->spec().toValue());
        Object root{{QStringLiteral("nodes"), nodes}};
        if (cl.parser().positionalArguments().isEmpty()) {
            Array creds;
            for (const CredentialTypeSpec& c : registry.credentialTypes())
                creds.append(c.toValue());
            root.insert(QStringLiteral("credentialTypes"), creds);
        }
        out(Json::serialize(Value(root), Json::WriteOptions{true, 100}) + '\n');
        return Ok;
    }
    if (types.size() == 1 && !cl.parser().positionalArguments().isEmpty()) {
        const NodeSpec& s = types.first()->spec();
        QString text = QStringLiteral("%1 (%2, version %3) — %4\n%5\n").arg(s.title, s.type).arg(s.version).arg(s.category, s.description);
        QStringList ins, outs;
        for (const PortSpec& p : s.inputs)
            ins.append(p.name);
        for (const PortSpec& p : s.outputs)
            outs.append(p.name);
        text += QStringLiteral("inputs: %1\noutputs: %2\nparameters:\n")
                    .arg(ins.isEmpty() ? QStringLiteral("none") : ins.join(QStringLiteral(", ")),
                         outs.isEmpty() ? QStringLiteral("none") : outs.join(QStringLiteral(", ")));
        for (const ParamSpec& p : s.params)
            text += describeParam(p, 2) + u'\n';
        if (!s.errors.isEmpty()) {
            text += QStringLiteral("errors:\n");
            for (const ErrorSpec& e : s.errors)
                text += QStringLiteral("  %1%2 — %3\n").arg(e.code, e.retryable ? QStringLiteral(" (retryable)") : QString(), e.description);
        }
        out(text);
        return Ok;
    }
    QString text;
    QString category;
    for (const NodeType* t : types) {
        const NodeSpec& s = t->spec();
        if (s.category != category) {
            category = s.category;
            text += QStringLiteral("%1%2\n").arg(text.isEmpty() ? QString() : QStringLiteral("\n"), category);
        }
        text += QStringLiteral("  %1 %2\n").arg(s.type, -22).arg(s.title);
    }
    out(text);
    return Ok;
}

} // namespace taskloom::cli
