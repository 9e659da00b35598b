#include "RenameFieldsNode.hpp"

#include "FieldPath.hpp"
#include "ItemLoop.hpp"

namespace taskloom::nodes::core {

using namespace engine;

RenameFieldsNode::RenameFieldsNode()
{
    m_spec.type = QStringLiteral("core.renameFields");
    m_spec.title = QStringLiteral("Rename Fields");
    m_spec.category = QStringLiteral("Transform");
    m_spec.description = QStringLiteral("Renames fields, keeping each in its place. Dotted names move nested fields.");
    m_spec.aliases = {QStringLiteral("rename keys"), QStringLiteral("columns")};
    m_spec.icon = QStringLiteral("edit-rename");
    m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("In"), {}}};
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Out"), {}}};
    m_spec.inputMode = InputMode::Stream;
    m_renames = addParam<Array>(ParamSpec::list(QStringLiteral("renames"), QStringLiteral("Renames"),
                                                {ParamSpec::string(QStringLiteral("from"), QStringLiteral("Current name")).required(),
                                                 ParamSpec::string(QStringLiteral("to"), QStringLiteral("New name")).required()})
                                    .required());
}

Exec RenameFieldsNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    QList<std::pair<FieldPath, FieldPath>> renames;
    for (const Value& row : ctx.param(m_renames)) {
        const FieldPath from = FieldPath::parse(row.objectRef().value(u"from").toText());
        const FieldPath to = FieldPath::parse(row.objectRef().value(u"to").toText());
        if (!from.isEmpty() && !to.isEmpty())
            renames.append({from, to});
    }
    forEachItem(ctx, in, out, [&](const Item& item, qsizetype) {
        Item next = item;
        Object& json = next.json();
        for (const auto& [from, to] : renames) {
            const bool simple = !from.text().contains(u'.') && !from.text().contains(u'[') && !to.text().contains(u'.')
                && !to.text().contains(u'[');
            if (simple) {
                json.rename(from.text(), to.text());
            } else if (from.exists(json)) {
                const Value v = from.get(json);
                from.remove(json);
                to.set(json, v);
            }
        }
        out.push(0, std::move(next));
    });
    return Exec::Done;
}

} // namespace taskloom::nodes::core
