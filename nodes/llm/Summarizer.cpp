#include "Summarizer.hpp"

#include "TextChunker.hpp"
#include "TextRankSummarizer.hpp"
#include "TextTerms.hpp"

namespace taskloom::nodes::llm {

namespace {

QString lengthPhrase(const Summarizer::Options& o, const QString& unit)
{
    if (o.maxChars > 0)
        return QStringLiteral("at most %1 characters").arg(o.maxChars);
    const int n = std::max(1, o.sentences);
    return QStringLiteral("at most %1 %2").arg(n).arg(n == 1 && unit.endsWith(u's') ? unit.chopped(1) : unit);
}

const QString& partInstruction()
{
    static const QString text = QStringLiteral(
        "You summarize one part of a longer document. Keep every fact, name, number and date that matters; drop "
        "repetition and filler. Write in the language of the text. Reply with the summary only.");
    return text;
}

std::expected<QString, net::HttpError> ask(const Summarizer::Call& call, const QString& system, const QString& text)
{
    auto reply = call({{QStringLiteral("system"), system}, {QStringLiteral("user"), text}});
    if (!reply)
        return std::unexpected(reply.error());
    return reply->content.trimmed();
}

} // namespace

std::optional<Summarizer::Style> Summarizer::styleFromName(QStringView name)
{
    if (name == u"bullets")
        return Style::Bullets;
    if (name == u"paragraph")
        return Style::Paragraph;
    if (name == u"headline")
        return Style::Headline;
    return std::nullopt;
}

QString Summarizer::finalInstruction(const Options& o)
{
    QString how;
    switch (o.style) {
    case Style::Bullets:
        how = QStringLiteral("Summarize the text as a bulleted list of %1, one line each, every line starting with \"- \".")
                  .arg(o.maxChars > 0 ? lengthPhrase(o, {}) : lengthPhrase(o, QStringLiteral("points")));
        break;
    case Style::Paragraph:
        how = QStringLiteral("Summarize the text in one paragraph of %1.").arg(lengthPhrase(o, QStringLiteral("sentences")));
        break;
    case Style::Headline:
        how = QStringLiteral("Write one headline for the text, at most %1.")
                  .arg(o.maxChars > 0 ? QStringLiteral("%1 characters").arg(o.maxChars) : QStringLiteral("15 words"));
        break;
    }
    return how + QStringLiteral(" Write in the language of the text. Reply with the summary only, without a preamble.");
}

QString Summarizer::offline(const QString& text, const Options& o)
{
    TextRankSummarizer::Options tr;
    tr.sentences = o.style == Style::Headline ? 1 : std::max(1, o.sentences);
    tr.maxChars = o.maxChars;
    if (o.style == Style::Bullets && o.maxChars > 0) {
        // Each point costs its "- " and a line break on top of the sentence.
        tr.maxChars = std::max(1, o.maxChars);
    }
    auto summary = TextRankSummarizer::summarize(text, tr);
    if (o.style == Style::Headline && !summary.sentences.isEmpty())
        return summary.sentences.first();
    if (o.style == Style::Bullets) {
        QStringList lines;
        int used = 0;
        for (const QString& s : summary.sentences) {
            const QString line = QStringLiteral("- ") + s;
            if (o.maxChars > 0 && used + line.size() + (lines.isEmpty() ? 0 : 1) > o.maxChars && !lines.isEmpty())
                break;
            used += int(line.size()) + (lines.isEmpty() ? 0 : 1);
            lines.append(line);
        }
        return lines.join(u'\n');
    }
    return summary.text();
}

std::expected<QString, net::HttpError> Summarizer::withModel(const QString& text, const Options& o, const Call& call,
                                                             const Progress& progress)
{
    QStringList pieces = TextChunker::chunk(text, o.chunkTokens);
    // Expected calls: one per chunk per level until one chunk is left, then the final one; levels shrink about
    // fivefold, so the estimate is refined as they go.
    int done = 0;
    int total = pieces.size() > 1 ? int(pieces.size()) + 1 : 1;
    for (int level = 0; pieces.size() > 1; ++level) {
        QStringList partial;
        for (const QString& piece : pieces) {
            auto s = ask(call, partInstruction(), piece);
            if (!s)
                return std::unexpected(s.error());
            partial.append(*s);
            if (progress)
                progress(++done, total);
        }
        QString combined = partial.join(QStringLiteral("\n\n"));
        QStringList next = TextChunker::chunk(combined, o.chunkTokens);
        // A model that does not shorten its input would loop forever: stop shrinking after a few levels and
        // let the final call work on the first chunk's worth.
        if (next.size() >= pieces.size() || level >= 4)
            next = QStringList{next.value(0)};
        pieces = next;
        total = done + (pieces.size() > 1 ? int(pieces.size()) + 1 : 1);
    }
    auto result = ask(call, finalInstruction(o), pieces.value(0));
    if (result && progress)
        progress(++done, total);
    return result;
}

std::optional<QString> Summarizer::textProblem(const QString& text)
{
    if (text.trimmed().isEmpty())
        return QStringLiteral("the text is empty");
    qsizetype bad = 0;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (u == 0xFFFD || u == 0 || (u < 0x20 && u != u'\n' && u != u'\r' && u != u'\t'))
            ++bad;
    }
    if (bad * 20 > text.size())
        return QStringLiteral("this is not text (%1 of %2 characters are control characters or invalid UTF-8)")
            .arg(bad)
            .arg(text.size());
    return std::nullopt;
}

} // namespace taskloom::nodes::llm
