#include "SummarizeNode.hpp"

#include "Summarizer.hpp"


namespace taskloom::nodes::llm {

using namespace engine;

SummarizeNode::SummarizeNode()
{
    declare(QStringLiteral("llm.summarize"), QStringLiteral("Summarize"),
            QStringLiteral("Summarizes text from a field or a text attachment: with a chat model on any OpenAI-compatible "
                           "server (long texts in chunks, map-reduce), or offline with the built-in extractive summarizer "
                           "when no server is configured."),
            {QStringLiteral("summary"), QStringLiteral("tl;dr"), QStringLiteral("abstract"), QStringLiteral("textrank"),
             QStringLiteral("ai"), QStringLiteral("llm"), QStringLiteral("gpt")});
    m_field = addParam<QString>(ParamSpec::string(QStringLiteral("field"), QStringLiteral("Text field"))
                                    .defaults(QStringLiteral("text"))
                                    .describe(QStringLiteral("The field holding the text (a path such as page.body).")));
    m_binary = addParam<QString>(ParamSpec::string(QStringLiteral("binary"), QStringLiteral("Text attachment"))
                                     .describe(QStringLiteral("Read the text from this attachment (UTF-8) instead of a field.")));
    m_output = addParam<QString>(ParamSpec::string(QStringLiteral("output"), QStringLiteral("Output field"))
                                     .defaults(QStringLiteral("summary")));
    m_style = addParam<QString>(ParamSpec::choice(QStringLiteral("style"), QStringLiteral("Style"),
                                                  {{QStringLiteral("paragraph"), QStringLiteral("One paragraph"), {}},
                                                   {QStringLiteral("bullets"), QStringLiteral("Bullet points"), {}},
                                                   {QStringLiteral("headline"), QStringLiteral("Headline"), {}}}));
    m_lengthUnit = addParam<QString>(ParamSpec::choice(QStringLiteral("lengthUnit"), QStringLiteral("Length in"),
                                                       {{QStringLiteral("sentences"), QStringLiteral("Sentences"), {}},
                                                        {QStringLiteral("characters"), QStringLiteral("Characters"), {}}}));
    m_sentences = addParam<qint64>(ParamSpec::integer(QStringLiteral("sentences"), QStringLiteral("Sentences"), 3)
                                       .range(1, 100)
                                       .visibleWhen(QStringLiteral("lengthUnit"), {Value(QStringLiteral("sentences"))}));
    m_characters = addParam<qint64>(ParamSpec::integer(QStringLiteral("characters"), QStringLiteral("Characters"), 600)
                                        .range(20, 100000)
                                        .visibleWhen(QStringLiteral("lengthUnit"), {Value(QStringLiteral("characters"))}));
    m_chunkTokens = addParam<qint64>(ParamSpec::integer(QStringLiteral("chunkTokens"), QStringLiteral("Chunk size (tokens)"), 3000)
                                         .range(200, 1'000'000)
                                         .describe(QStringLiteral("Longer texts are summarized in chunks of about this many "
                                                                  "tokens, then the partial summaries are summarized.")));
    addProviderParams();
}

void SummarizeNode::run(ExecutionContext& ctx, const Inputs& in, Outputs& out, ReplyCache& cache) const
{
    forEachItem(ctx, in, out, [&](const Item& item, qsizetype index) {
        const QString styleName = ctx.param(m_style, item, index);
        const auto style = Summarizer::styleFromName(styleName);
        if (!style)
            throw NodeError::param(m_style.name(), styleName, QStringLiteral("expected paragraph, bullets or headline"));
        Summarizer::Options options;
        options.style = *style;
        if (ctx.param(m_lengthUnit, item, index) == u"characters")
            options.maxChars = int(std::clamp<qint64>(ctx.param(m_characters, item, index), 20, 100000));
        else
            options.sentences = int(std::clamp<qint64>(ctx.param(m_sentences, item, index), 1, 100));
        options.chunkTokens = std::max<qint64>(200, ctx.param(m_chunkTokens, item, index));
        const QString outputName = ctx.param(m_output, item, index).trimmed();
        if (outputName.isEmpty())
            throw NodeError::param(m_output.name(), outputName, QStringLiteral("an output field is required"));

        const QString text = inputText(ctx, item, index, m_field, m_binary);
        QString summary;
        if (const auto settings = provider(ctx, &item, index)) {
            auto result = Summarizer::withModel(
                text, options,
                [&](const QList<ChatMessage>& messages) -> std::expected<ChatReply, net::HttpError> {
                    QList<ChatMessage> withSystem = messages;
                    withSystem.first().content = systemPrompt(ctx, item, index, messages.first().content);
                    return call(ctx, *settings, withSystem, cache);
                },
                [&ctx](int done, int total) {
                    ctx.progress(double(done) / double(std::max(total, 1)),
                                 QStringLiteral("summarized %1 of %2 parts").arg(done).arg(total));
                });
            summary = *result; // call() throws on failure, so the result is always a value here
        } else {
            summary = Summarizer::offline(text, options);
        }
        Item result = item;
        setField(result.json(), outputName, summary);
        out.push(0, std::move(result));
    });
}

} // namespace taskloom::nodes::llm
