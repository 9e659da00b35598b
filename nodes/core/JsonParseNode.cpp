#include "JsonParseNode.hpp"

#include "FieldPath.hpp"
#include "ItemLoop.hpp"

#include "engine/Json.hpp"

namespace taskloom::nodes::core {

using namespace engine;

JsonParseNode::JsonParseNode()
{
    m_spec.type = QStringLiteral("core.jsonParse");
    m_spec.title = QStringLiteral("Parse JSON");
    m_spec.category = QStringLiteral("Transform");
    m_spec.description = QStringLiteral("Turns JSON text in a field into data: in the same field, in another field, or "
                                        "merged into the item.");
    m_spec.aliases = {QStringLiteral("decode"), QStringLiteral("deserialize"), QStringLiteral("from json"),
                      QStringLiteral("JSON.parse")};
    m_spec.icon = QStringLiteral("code-context");
    m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("In"), {}}};
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Out"), {}}};
    m_spec.inputMode = InputMode::Stream;
    m_field = addParam<QString>(ParamSpec::string(QStringLiteral("field"), QStringLiteral("Field with JSON text"))
                                    .required()
                                    .noExpressions()
                                    .hint(QStringLiteral("body or response.data")));
    m_output = addParam<QString>(ParamSpec::choice(QStringLiteral("output"), QStringLiteral("Put the result"),
                                                   {{QStringLiteral("replace"), QStringLiteral("In the same field"), {}},
                                                    {QStringLiteral("field"), QStringLiteral("In another field"), {}},
                                                    {QStringLiteral("merge"), QStringLiteral("Merge into the item"),
                                                     QStringLiteral("The object's fields become the item's fields")}}));
    m_targetField = addParam<QString>(ParamSpec::string(QStringLiteral("targetField"), QStringLiteral("Target field"))
                                          .required()
                                          .noExpressions()
                                          .hint(QStringLiteral("parsed"))
                                          .visibleWhen(QStringLiteral("output"), {QStringLiteral("field")}));
    m_spec.errors = {{QStringLiteral("JSON_PARSE_ERROR"),
                      QStringLiteral("The text is not valid JSON; the message gives the line and column."), false},
                     {QStringLiteral("FIELD_MISSING"), QStringLiteral("The item has no such field."), false},
                     {QStringLiteral("NOT_AN_OBJECT"), QStringLiteral("Merge: the JSON is not an object."), false}};
}

Exec JsonParseNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    const FieldPath source = FieldPath::parse(ctx.param(m_field));
    const QString output = ctx.param(m_output);
    const FieldPath target = output == u"field" ? FieldPath::parse(ctx.param(m_targetField)) : source;
    if (source.isEmpty())
        throw NodeError::param(m_field.name(), source.text(), QStringLiteral("needs a field name"));
    forEachItem(ctx, in, out, [&](const Item& item, qsizetype) {
        const Value text = source.get(item.json());
        Value parsed;
        if (text.isString()) {
            auto result = Json::parse(text.stringRef().toUtf8());
            if (!result)
                throw NodeError(QStringLiteral("JSON_PARSE_ERROR"), QStringLiteral("field \"%1\" is not valid JSON: %2")
                                                                        .arg(source.text(), result.error().toString()));
            parsed = std::move(*result);
        } else if (text.isNull() && !source.exists(item.json())) {
            throw NodeError(QStringLiteral("FIELD_MISSING"), QStringLiteral("the item has no field \"%1\"").arg(source.text()));
        } else {
            parsed = text; // already data (parsed before, or a number): parsing again changes nothing
        }
        Item next = item;
        if (output != u"merge") {
            target.set(next.json(), std::move(parsed));
        } else if (!parsed.isObject()) {
            throw NodeError(QStringLiteral("NOT_AN_OBJECT"),
                            QStringLiteral("field \"%1\" holds a JSON %2, not an object, so it cannot be merged into the "
                                           "item (choose \"In another field\")")
                                .arg(source.text(), parsed.typeName()));
        } else {
            for (const auto& [key, value] : parsed.objectRef())
                next.json().insert(key, value);
        }
        out.push(0, std::move(next));
    });
    return Exec::Done;
}

} // namespace taskloom::nodes::core
