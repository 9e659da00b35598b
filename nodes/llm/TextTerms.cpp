#include "TextTerms.hpp"

#include <QSet>

namespace taskloom::nodes::llm {

namespace {

bool isHangulSyllable(QChar c) { return c.unicode() >= 0xAC00 && c.unicode() <= 0xD7A3; }

const QSet<QString>& englishStopWords()
{
    static const QSet<QString> set = [] {
        const char* words[] = {
            "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as",
            "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can",
            "could", "did", "do", "does", "doing", "down", "during", "each", "even", "few", "for", "from",
            "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself",
            "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "may", "me", "might",
            "more", "most", "much", "must", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once",
            "one", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "said", "same",
            "says", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them",
            "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under",
            "until", "up", "us", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who",
            "whom", "why", "will", "with", "would", "yet", "you", "your", "yours", "yourself", "s", "t", "don",
            "however", "many", "new", "would", "like", "get", "got", "make", "made", "two", "three",
        };
        QSet<QString> s;
        for (const char* w : words)
            s.insert(QString::fromLatin1(w));
        return s;
    }();
    return set;
}

const QSet<QString>& koreanStopWords()
{
    static const QSet<QString> set = {
        QStringLiteral("그리고"), QStringLiteral("그러나"), QStringLiteral("하지만"), QStringLiteral("또한"),
        QStringLiteral("그래서"), QStringLiteral("따라서"), QStringLiteral("이"),     QStringLiteral("그"),
        QStringLiteral("저"),     QStringLiteral("것"),     QStringLiteral("수"),     QStringLiteral("등"),
        QStringLiteral("및"),     QStringLiteral("있다"),   QStringLiteral("했다"),   QStringLiteral("한다"),
        QStringLiteral("하는"),   QStringLiteral("있는"),   QStringLiteral("위해"),   QStringLiteral("대한"),
        QStringLiteral("통해"),   QStringLiteral("이번"),   QStringLiteral("밝혔다"), QStringLiteral("말했다"),
        QStringLiteral("되었다"), QStringLiteral("됐다"),   QStringLiteral("있었다"), QStringLiteral("더"),
        QStringLiteral("또"),     QStringLiteral("매우"),   QStringLiteral("가장"),   QStringLiteral("했"),
    };
    return set;
}

// Particles and copulas that attach to a Korean noun, longest first.
const QStringList& koreanSuffixes()
{
    static const QStringList list = {
        QStringLiteral("에서는"), QStringLiteral("으로는"), QStringLiteral("에게서"), QStringLiteral("까지는"),
        QStringLiteral("이라는"), QStringLiteral("에서"),   QStringLiteral("으로"),   QStringLiteral("에게"),
        QStringLiteral("한테"),   QStringLiteral("께서"),   QStringLiteral("까지"),   QStringLiteral("부터"),
        QStringLiteral("보다"),   QStringLiteral("처럼"),   QStringLiteral("이나"),   QStringLiteral("이다"),
        QStringLiteral("였다"),   QStringLiteral("이며"),   QStringLiteral("라는"),   QStringLiteral("에는"),
        QStringLiteral("와의"),   QStringLiteral("과의"),   QStringLiteral("들이"),   QStringLiteral("들은"),
        QStringLiteral("들을"),   QStringLiteral("들의"),   QStringLiteral("은"),     QStringLiteral("는"),
        QStringLiteral("이"),     QStringLiteral("가"),     QStringLiteral("을"),     QStringLiteral("를"),
        QStringLiteral("의"),     QStringLiteral("에"),     QStringLiteral("로"),     QStringLiteral("와"),
        QStringLiteral("과"),     QStringLiteral("도"),     QStringLiteral("만"),     QStringLiteral("나"),
        QStringLiteral("들"),
    };
    return list;
}

QString stemEnglish(QString w)
{
    const auto strip = [&w](QStringView suffix, qsizetype minStem) {
        if (w.size() - suffix.size() >= minStem && w.endsWith(suffix)) {
            w.chop(suffix.size());
            return true;
        }
        return false;
    };
    if (strip(u"ies", 3)) {
        w += u'y';
        return w;
    }
    if (strip(u"ing", 4) || strip(u"edly", 4) || strip(u"ed", 4) || strip(u"ly", 4) || strip(u"es", 4)
        || strip(u"ment", 4) || strip(u"ness", 4) || strip(u"ation", 4))
        return w;
    if (w.size() > 3 && w.endsWith(u's') && !w.endsWith(u"ss") && !w.endsWith(u"us") && !w.endsWith(u"is"))
        w.chop(1);
    return w;
}

template <typename Fn>
void forEachWord(const QString& text, Fn&& fn)
{
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        while (i < n && !text[i].isLetterOrNumber())
            ++i;
        qsizetype j = i;
        while (j < n && (text[j].isLetterOrNumber() || text[j].isMark()
                         || ((text[j] == u'\'' || text[j] == u'\u2019') && j + 1 < n && text[j + 1].isLetter())))
            ++j;
        if (j > i)
            fn(text.mid(i, j - i));
        i = j;
    }
}

} // namespace

QStringList TextTerms::of(const QString& sentence)
{
    QStringList out;
    forEachWord(sentence, [&out](QString w) {
        if (isHangulSyllable(w[0])) {
            for (const QString& suffix : koreanSuffixes()) {
                if (w.size() > suffix.size() && w.endsWith(suffix)) {
                    w.chop(suffix.size());
                    break;
                }
            }
            if (koreanStopWords().contains(w))
                return;
            if (w.size() >= 2)
                out.append(w);
            for (qsizetype k = 0; w.size() >= 3 && k + 1 < w.size(); ++k)
                out.append(w.mid(k, 2));
            return;
        }
        w = w.toLower();
        if (const qsizetype apostrophe = w.indexOf(u'\''); apostrophe > 0)
            w.truncate(apostrophe);
        if (w.size() < 2 || englishStopWords().contains(w))
            return;
        if (w[0].isDigit()) {
            out.append(w);
            return;
        }
        out.append(stemEnglish(w));
    });
    return out;
}

QStringList TextTerms::words(const QString& text)
{
    QStringList out;
    forEachWord(text, [&out](const QString& w) { out.append(w.toLower()); });
    return out;
}

qint64 TextTerms::estimateTokens(QStringView text)
{
    qint64 ascii = 0;
    qint64 other = 0;
    for (QChar c : text) {
        if (c.unicode() < 0x80)
            ++ascii;
        else if (!c.isLowSurrogate())
            ++other;
    }
    return (ascii + 3) / 4 + other;
}

} // namespace taskloom::nodes::llm
