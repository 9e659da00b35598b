#pragma once

#include <QString>
#include <QStringList>

namespace taskloom::nodes::llm {

/// The content terms of a sentence, for comparing sentences with each other: English words lower-cased,
/// stop words dropped and lightly stemmed ("reports" and "reported" meet at "report"); Korean words with their
/// particle (josa) removed plus their character bigrams, so "발표했다" and "발표한" share "발표".
class TextTerms {
public:
    static QStringList of(const QString& sentence);
    /// Words as written (letters and digits), lower-cased; for ROUGE-style overlap counts.
    static QStringList words(const QString& text);
    /// A rough token count for budgeting prompts: about 4 characters per token for Latin script and one per
    /// Hangul syllable or other non-ASCII character (tokenizers split those finely). Errs on the high side.
    static qint64 estimateTokens(QStringView text);
};

} // namespace taskloom::nodes::llm
