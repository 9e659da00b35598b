#include "RemoveFieldsNode.hpp"

#include "FieldPath.hpp"
#include "ItemLoop.hpp"

namespace taskloom::nodes::core {

using namespace engine;

RemoveFieldsNode::RemoveFieldsNode()
{
    m_spec.type = QStringLiteral("core.removeFields");
    m_spec.title = QStringLiteral("Remove Fields");
    m_spec.category = QStringLiteral("Transform");
    m_spec.description = QStringLiteral("Removes the listed fields from every item, or keeps only them (in the order listed).");
    m_spec.aliases = {QStringLiteral("drop"), QStringLiteral("delete"), QStringLiteral("keep"), QStringLiteral("columns")};
    m_spec.icon = QStringLiteral("edit-delete");
    m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("In"), {}}};
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Out"), {}}};
    m_spec.inputMode = InputMode::Stream;
    m_mode = addParam<QString>(ParamSpec::choice(QStringLiteral("mode"), QStringLiteral("Mode"),
                                                 {{QStringLiteral("remove"), QStringLiteral("Remove these fields"), {}},
                                                  {QStringLiteral("keep"), QStringLiteral("Keep only these fields"), {}}}));
    m_fields = addParam<Array>(ParamSpec::list(QStringLiteral("fields"), QStringLiteral("Fields"),
                                               {ParamSpec::string(QStringLiteral("field"), QStringLiteral("Field")).required()})
                                   .required());
}

Exec RemoveFieldsNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    const bool keep = ctx.param(m_mode) == u"keep";
    QList<FieldPath> fields;
    for (const Value& row : ctx.param(m_fields)) {
        FieldPath p = FieldPath::parse(row.objectRef().value(u"field").toText());
        if (!p.isEmpty())
            fields.append(p);
    }
    forEachItem(ctx, in, out, [&](const Item& item, qsizetype) {
        Item next = item;
        if (keep) {
            Object kept;
            for (const FieldPath& f : fields) {
                if (f.exists(item.json()))
                    f.set(kept, f.get(item.json()));
            }
            next.setJson(std::move(kept));
        } else {
            for (const FieldPath& f : fields)
                f.remove(next.json());
        }
        out.push(0, std::move(next));
    });
    return Exec::Done;
}

} // namespace taskloom::nodes::core
