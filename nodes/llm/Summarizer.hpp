#pragma once

#include "ChatClient.hpp"

#include <QString>

#include <expected>
#include <functional>

namespace taskloom::nodes::llm {

/// Summaries the same way for the node and `taskloom summarize`: offline with TextRank, or through a chat model
/// with map-reduce over chunks that fit a token budget.
class Summarizer {
public:
    enum class Style { Bullets, Paragraph, Headline };

    struct Options {
        Style style = Style::Paragraph;
        int sentences = 3;        ///< length in sentences (bullets: points) when maxChars is 0
        int maxChars = 0;         ///< when > 0: length in characters instead
        qint64 chunkTokens = 3000; ///< the estimated token budget of one chunk sent to a model
    };

    /// One model call; the node and the CLI supply their own (progress, logging, cancellation).
    using Call = std::function<std::expected<ChatReply, net::HttpError>(const QList<ChatMessage>& messages)>;
    /// Reports (finished calls, expected calls) as map-reduce proceeds.
    using Progress = std::function<void(int done, int total)>;

    static std::optional<Style> styleFromName(QStringView name);

    /// Extractive, offline, deterministic.
    static QString offline(const QString& text, const Options& options);
    /// Abstractive through `call`: each chunk is summarized, the partial summaries are combined (again in
    /// chunks while they exceed the budget), and the last call writes the summary in the requested style.
    static std::expected<QString, net::HttpError> withModel(const QString& text, const Options& options, const Call& call,
                                                            const Progress& progress = {});

    /// Why `text` cannot be summarized (empty, or binary data rather than text), or nothing.
    static std::optional<QString> textProblem(const QString& text);
    /// The instructions of the final call (exposed for tests).
    static QString finalInstruction(const Options& options);
};

} // namespace taskloom::nodes::llm
