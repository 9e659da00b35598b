#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace taskloom::nodes::llm {

/// The built-in offline summarizer: extractive, TextRank over sentences (Mihalcea & Tarau 2004). Sentences are
/// nodes, edges weigh the terms two sentences share (IDF-weighted, normalised by their lengths), PageRank ranks
/// them, and the best are returned in document order. Deterministic: ties go to the earlier sentence.
class TextRankSummarizer {
public:
    struct Options {
        int sentences = 3;  ///< how many sentences, when maxChars is 0
        int maxChars = 0;   ///< when > 0: as many of the best sentences as fit in this many characters
        /// How much early sentences are favoured: a sentence's centrality is scaled by 1 + leadBias at the start
        /// of the text, falling linearly to 1 at the end (0: none, as in the paper). News and reports put their
        /// point first; lead bias helps there and hurts little elsewhere (measured in docs/llm.md).
        double leadBias = 1.5;
        /// A sentence that quotes someone has its score scaled by 1 - quotePenalty: reported speech colours a story
        /// but seldom states its point.
        double quotePenalty = 0.5;
        /// A sentence this similar to one already chosen (shared terms / the shorter one's terms) is skipped.
        double redundancy = 0.7;
    };

    struct Summary {
        QStringList sentences;  ///< the chosen sentences, in document order
        QList<int> indices;     ///< their positions among all sentences
        int totalSentences = 0;
        QString text(const QString& separator = QStringLiteral(" ")) const { return sentences.join(separator); }
    };

    static Summary summarize(const QString& text, const Options& options);
    /// Ranks already split sentences; the same algorithm summarize() uses.
    static Summary summarizeSentences(const QStringList& sentences, const Options& options);
    /// PageRank scores of the sentences (sum 1).
    static QList<double> scores(const QStringList& sentences, double leadBias = 0);
};

} // namespace taskloom::nodes::llm
