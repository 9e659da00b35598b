#include "JsonStringifyNode.hpp"

#include "FieldPath.hpp"
#include "ItemLoop.hpp"

#include "engine/Json.hpp"

namespace taskloom::nodes::core {

using namespace engine;

JsonStringifyNode::JsonStringifyNode()
{
    m_spec.type = QStringLiteral("core.jsonStringify");
    m_spec.title = QStringLiteral("JSON Stringify");
    m_spec.category = QStringLiteral("Transform");
    m_spec.description = QStringLiteral("Turns a field, or the whole item, into JSON text.");
    m_spec.aliases = {QStringLiteral("encode"), QStringLiteral("serialize"), QStringLiteral("to json"),
                      QStringLiteral("JSON.stringify")};
    m_spec.icon = QStringLiteral("code-context");
    m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("In"), {}}};
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Out"), {}}};
    m_spec.inputMode = InputMode::Stream;
    m_source = addParam<QString>(ParamSpec::choice(QStringLiteral("source"), QStringLiteral("Convert"),
                                                   {{QStringLiteral("field"), QStringLiteral("A field"), {}},
                                                    {QStringLiteral("item"), QStringLiteral("The whole item"), {}}}));
    m_field = addParam<QString>(ParamSpec::string(QStringLiteral("field"), QStringLiteral("Field"))
                                    .required()
                                    .noExpressions()
                                    .hint(QStringLiteral("order or order.lines"))
                                    .visibleWhen(QStringLiteral("source"), {QStringLiteral("field")}));
    m_targetField = addParam<QString>(
        ParamSpec::string(QStringLiteral("targetField"), QStringLiteral("Target field"))
            .noExpressions()
            .hint(QStringLiteral("json"))
            .describe(QStringLiteral("Where the text goes. Empty: the converted field itself, or \"json\" for the "
                                     "whole item.")));
    m_pretty = addParam<bool>(ParamSpec::boolean(QStringLiteral("pretty"), QStringLiteral("Pretty print"), false)
                                  .describe(QStringLiteral("Indent with two spaces, one field per line.")));
    m_spec.errors = {{QStringLiteral("FIELD_MISSING"), QStringLiteral("The item has no such field."), false}};
}

Exec JsonStringifyNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    const bool wholeItem = ctx.param(m_source) == u"item";
    const FieldPath source = FieldPath::parse(wholeItem ? QString() : ctx.param(m_field));
    if (!wholeItem && source.isEmpty())
        throw NodeError::param(m_field.name(), source.text(), QStringLiteral("needs a field name"));
    QString targetName = ctx.param(m_targetField).trimmed();
    if (targetName.isEmpty())
        targetName = wholeItem ? QStringLiteral("json") : source.text();
    const FieldPath target = FieldPath::parse(targetName);
    const Json::WriteOptions options{ctx.param(m_pretty), 0};
    forEachItem(ctx, in, out, [&](const Item& item, qsizetype) {
        QByteArray text;
        if (wholeItem) {
            text = Json::serialize(item.json(), options);
        } else {
            if (!source.exists(item.json()))
                throw NodeError(QStringLiteral("FIELD_MISSING"), QStringLiteral("the item has no field \"%1\"").arg(source.text()));
            text = Json::serialize(source.get(item.json()), options);
        }
        Item next = item;
        target.set(next.json(), QString::fromUtf8(text));
        out.push(0, std::move(next));
    });
    return Exec::Done;
}

} // namespace taskloom::nodes::core
