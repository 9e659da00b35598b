#include "TextChunker.hpp"

#include "SentenceSplitter.hpp"
#include "TextTerms.hpp"

#include <algorithm>

namespace taskloom::nodes::llm {

namespace {

// Pieces of one over-long sentence, each within the budget.
QStringList cutSentence(const QString& s, qint64 maxTokens)
{
    QStringList out;
    qsizetype start = 0;
    while (start < s.size()) {
        // Grow the piece while it fits; estimateTokens is monotonic, so a binary search finds the end.
        qsizetype lo = start + 1;
        qsizetype hi = s.size();
        while (lo < hi) {
            const qsizetype mid = (lo + hi + 1) / 2;
            if (TextTerms::estimateTokens(QStringView(s).sliced(start, mid - start)) <= maxTokens)
                lo = mid;
            else
                hi = mid - 1;
        }
        qsizetype end = lo;
        if (end < s.size()) {
            qsizetype space = end;
            while (space > start + (end - start) / 2 && !s[space].isSpace())
                --space;
            if (space > start + (end - start) / 2)
                end = space;
        }
        out.append(s.mid(start, end - start).trimmed());
        start = end;
        while (start < s.size() && s[start].isSpace())
            ++start;
    }
    out.removeAll(QString());
    return out;
}

} // namespace

QStringList TextChunker::chunk(const QString& text, qint64 maxTokens)
{
    maxTokens = std::max<qint64>(maxTokens, 16);
    QStringList chunks;
    QString current;
    qint64 currentTokens = 0;
    const auto flush = [&] {
        if (!current.isEmpty())
            chunks.append(current);
        current.clear();
        currentTokens = 0;
    };
    int paragraph = 0;
    for (const SentenceSplitter::Sentence& s : SentenceSplitter::split(text)) {
        const qint64 tokens = TextTerms::estimateTokens(s.text) + 1;
        if (tokens > maxTokens) {
            flush();
            for (const QString& piece : cutSentence(s.text, maxTokens - 1))
                chunks.append(piece);
            continue;
        }
        if (currentTokens + tokens > maxTokens)
            flush();
        if (!current.isEmpty())
            current += s.paragraph != paragraph ? QStringLiteral("\n\n") : QStringLiteral(" ");
        paragraph = s.paragraph;
        current += s.text;
        currentTokens += tokens;
    }
    flush();
    return chunks;
}

} // namespace taskloom::nodes::llm
