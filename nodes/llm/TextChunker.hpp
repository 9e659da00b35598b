#pragma once

#include <QStringList>

namespace taskloom::nodes::llm {

/// Cuts a long text into pieces of at most `maxTokens` estimated tokens (TextTerms::estimateTokens), at
/// sentence boundaries where possible, so each piece fits a model's context for map-reduce summarizing.
/// A sentence longer than the budget is cut at whitespace (or anywhere, for text without spaces).
class TextChunker {
public:
    static QStringList chunk(const QString& text, qint64 maxTokens);
};

} // namespace taskloom::nodes::llm
