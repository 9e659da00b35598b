#pragma once

#include <QList>
#include <QString>

namespace taskloom::nodes::llm {

/// Splits prose into sentences, for English and Korean (and text mixing them). Rules, not a model:
/// - `.` `!` `?` `…` end a sentence when whitespace follows (after any closing quotes or brackets) and the next
///   word does not start with a lower-case Latin letter; full-width `。！？` always end one.
/// - `.` after a known abbreviation (Mr., Dr., e.g., Jan.), a single initial (J. Smith) or inside a number
///   (3.14, v1.2) does not; a period after Hangul always does (Korean has no such abbreviations).
/// - A terminator inside quotes followed directly by a Korean particle (`"가자."라고`) does not.
/// - Blank lines and list markers (`- `, `* `, `• `, `1. `) are hard boundaries; single line breaks inside a
///   paragraph are wrapping and become spaces.
class SentenceSplitter {
public:
    struct Sentence {
        QString text;          ///< whitespace-normalised
        qsizetype offset = 0;  ///< of the first character in the input
        int paragraph = 0;     ///< 0-based paragraph index
    };

    static QList<Sentence> split(const QString& text);
    /// Just the texts.
    static QStringList splitTexts(const QString& text);
};

} // namespace taskloom::nodes::llm
