#include "AskNode.hpp"


namespace taskloom::nodes::llm {

using namespace engine;

AskNode::AskNode()
{
    declare(QStringLiteral("llm.ask"), QStringLiteral("Ask a model"),
            QStringLiteral("Sends a prompt, written with {{ }} expressions over the item, to a chat model on any "
                           "OpenAI-compatible server and puts the answer into the item."),
            {QStringLiteral("prompt"), QStringLiteral("chat"), QStringLiteral("ai"), QStringLiteral("llm"),
             QStringLiteral("gpt"), QStringLiteral("openai"), QStringLiteral("ollama")});
    m_prompt = addParam<QString>(ParamSpec::text(QStringLiteral("prompt"), QStringLiteral("Prompt"))
                                     .required()
                                     .hint(QStringLiteral("Write a friendly reply to this complaint: {{ item.message }}")));
    m_output = addParam<QString>(ParamSpec::string(QStringLiteral("output"), QStringLiteral("Output field"))
                                     .defaults(QStringLiteral("answer")));
    addProviderParams();
    m_spec.requirements = {QStringLiteral("network")};
}

void AskNode::run(ExecutionContext& ctx, const Inputs& in, Outputs& out, ReplyCache& cache) const
{
    forEachItem(ctx, in, out, [&](const Item& item, qsizetype index) {
        const ChatSettings settings = requireProvider(ctx, &item, index);
        const QString prompt = ctx.param(m_prompt, item, index);
        if (prompt.trimmed().isEmpty())
            throw NodeError::param(m_prompt.name(), prompt, QStringLiteral("the prompt is empty for this item"));
        const QString outputName = ctx.param(m_output, item, index).trimmed();
        if (outputName.isEmpty())
            throw NodeError::param(m_output.name(), outputName, QStringLiteral("an output field is required"));
        QList<ChatMessage> messages;
        if (const QString system = ctx.param(m_systemPrompt, item, index).trimmed(); !system.isEmpty())
            messages.append({QStringLiteral("system"), system});
        messages.append({QStringLiteral("user"), prompt});
        const ChatReply reply = call(ctx, settings, messages, cache);
        Item result = item;
        setField(result.json(), outputName, reply.content.trimmed());
        out.push(0, std::move(result));
    });
}

} // namespace taskloom::nodes::llm
