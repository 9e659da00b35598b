#include "ExtractNode.hpp"

#include "JsonSchema.hpp"


#include "engine/Json.hpp"

namespace taskloom::nodes::llm {

using namespace engine;

ExtractNode::ExtractNode()
{
    declare(QStringLiteral("llm.extract"), QStringLiteral("Extract fields"),
            QStringLiteral("Reads an item's text with a chat model and returns the fields a JSON Schema describes; the reply "
                           "is validated against the schema (and the model asked again with the problems when it does "
                           "not conform). The fields join the item."),
            {QStringLiteral("extract"), QStringLiteral("parse"), QStringLiteral("json"), QStringLiteral("schema"),
             QStringLiteral("structured output"), QStringLiteral("ai"), QStringLiteral("llm")});
    m_field = addParam<QString>(ParamSpec::string(QStringLiteral("field"), QStringLiteral("Text field")).defaults(QStringLiteral("text")));
    m_binary = addParam<QString>(ParamSpec::string(QStringLiteral("binary"), QStringLiteral("Text attachment"))
                                     .describe(QStringLiteral("Read the text from this attachment (UTF-8) instead of a field.")));
    m_schema = addParam<Value>(ParamSpec::json(QStringLiteral("schema"), QStringLiteral("JSON Schema"))
                                   .required()
                                   .noExpressions()
                                   .describe(QStringLiteral("An object schema: {\"type\": \"object\", \"properties\": {...}, "
                                                            "\"required\": [...]}.")));
    m_instructions = addParam<QString>(ParamSpec::text(QStringLiteral("instructions"), QStringLiteral("Instructions"))
                                           .describe(QStringLiteral("What the fields mean, units, formats.")));
    m_output = addParam<QString>(ParamSpec::string(QStringLiteral("output"), QStringLiteral("Output field"))
                                     .describe(QStringLiteral("Put the extracted object under this field; empty: its fields "
                                                              "join the item at the top level.")));
    m_repairs = addParam<qint64>(ParamSpec::integer(QStringLiteral("repairAttempts"), QStringLiteral("Repair attempts"), 2)
                                     .range(0, 5)
                                     .describe(QStringLiteral("How often to ask again, with the validation errors, when the "
                                                              "reply does not match the schema.")));
    m_jsonMode = addParam<bool>(ParamSpec::boolean(QStringLiteral("jsonMode"), QStringLiteral("JSON mode"), true)
                                    .describe(QStringLiteral("Ask the server for a JSON object (response_format); turn off "
                                                             "for servers that reject it.")));
    addProviderParams();
    m_spec.requirements = {QStringLiteral("network")};
}

QList<std::pair<QString, QString>> ExtractNode::checkParams(const Object& params) const
{
    auto problems = LlmNodeType::checkParams(params);
    const Value& schema = params.value(m_schema.name());
    if (schema.type() != Value::Type::Null) {
        if (auto ok = JsonSchema::checkSchema(schema); !ok)
            problems.append({m_schema.name(), ok.error()});
        else if (schema.toObject().value(u"type").toText() != u"object")
            problems.append({m_schema.name(), QStringLiteral("the schema's type must be \"object\" (its fields join the item)")});
    }
    return problems;
}

void ExtractNode::run(ExecutionContext& ctx, const Inputs& in, Outputs& out, ReplyCache& cache) const
{
    const Value schema = ctx.param(m_schema);
    if (auto ok = JsonSchema::checkSchema(schema); !ok)
        throw NodeError::param(m_schema.name(), schema, ok.error());
    if (schema.toObject().value(u"type").toText() != u"object")
        throw NodeError::param(m_schema.name(), schema, QStringLiteral("the schema's type must be \"object\""));
    const QString schemaText = QString::fromUtf8(Json::serialize(schema));

    forEachItem(ctx, in, out, [&](const Item& item, qsizetype index) {
        ChatSettings settings = requireProvider(ctx, &item, index);
        settings.jsonObject = ctx.param(m_jsonMode, item, index);
        const QString text = inputText(ctx, item, index, m_field, m_binary);
        QString instructions = QStringLiteral(
            "Extract information from the user's text into one JSON object that conforms to this JSON Schema:\n%1\n"
            "Use only what the text says. When a value is missing from the text, use null if the schema allows it. "
            "Reply with the JSON object only.").arg(schemaText);
        if (const QString extra = ctx.param(m_instructions, item, index).trimmed(); !extra.isEmpty())
            instructions += QStringLiteral("\n\n") + extra;
        QList<ChatMessage> messages = {{QStringLiteral("system"), systemPrompt(ctx, item, index, instructions)},
                                       {QStringLiteral("user"), text}};
        const qint64 repairs = std::clamp<qint64>(ctx.param(m_repairs, item, index), 0, 5);
        QStringList problems;
        for (qint64 attempt = 0; attempt <= repairs; ++attempt) {
            const ChatReply reply = call(ctx, settings, messages, cache);
            auto value = JsonSchema::parseReply(reply.content);
            problems = value ? JsonSchema::validate(*value, schema) : QStringList{value.error()};
            if (problems.isEmpty()) {
                Item result = item;
                const QString outputName = ctx.param(m_output, item, index).trimmed();
                if (outputName.isEmpty()) {
                    for (const auto& [key, v] : value->toObject())
                        result.json().insert(key, v);
                } else {
                    setField(result.json(), outputName, *value);
                }
                out.push(0, std::move(result));
                return;
            }
            ctx.log(LogLevel::Warning, QStringLiteral("reply %1 does not match the schema: %2")
                                           .arg(attempt + 1)
                                           .arg(problems.join(QStringLiteral("; "))));
            messages.append({QStringLiteral("assistant"), reply.content});
            messages.append({QStringLiteral("user"),
                             QStringLiteral("Your reply does not conform to the schema:\n- %1\nReply again with only the "
                                            "corrected JSON object.").arg(problems.join(QStringLiteral("\n- ")))});
        }
        throw NodeError(QStringLiteral("INVALID_RESPONSE"),
                        QStringLiteral("model \"%1\": the reply does not match the schema after %2 attempts: %3")
                            .arg(settings.model)
                            .arg(repairs + 1)
                            .arg(problems.join(QStringLiteral("; "))));
    });
}

} // namespace taskloom::nodes::llm
