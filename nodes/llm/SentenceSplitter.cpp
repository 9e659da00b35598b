#include "SentenceSplitter.hpp"

#include <QSet>

namespace taskloom::nodes::llm {

namespace {

bool isHangul(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 0xAC00 && u <= 0xD7A3) || (u >= 0x1100 && u <= 0x11FF) || (u >= 0x3130 && u <= 0x318F);
}

bool isClosing(QChar c)
{
    static const QString closing = QStringLiteral("\"')]}\u201D\u2019\u00BB\u300D\u300F\u3009\u300B\uFF09");
    return closing.contains(c);
}

// Words whose period never ends a sentence: titles and the like come before a name.
const QSet<QString>& titleAbbreviations()
{
    static const QSet<QString> set = {
        QStringLiteral("mr"),   QStringLiteral("mrs"),  QStringLiteral("ms"),   QStringLiteral("dr"),
        QStringLiteral("prof"), QStringLiteral("st"),   QStringLiteral("sr"),   QStringLiteral("jr"),
        QStringLiteral("mt"),   QStringLiteral("gen"),  QStringLiteral("sen"),  QStringLiteral("rep"),
        QStringLiteral("gov"),  QStringLiteral("capt"), QStringLiteral("col"),  QStringLiteral("lt"),
        QStringLiteral("sgt"),  QStringLiteral("rev"),  QStringLiteral("hon"),  QStringLiteral("pres"),
        QStringLiteral("vs"),   QStringLiteral("no"),   QStringLiteral("fig"),  QStringLiteral("figs"),
        QStringLiteral("eq"),   QStringLiteral("vol"),  QStringLiteral("pp"),   QStringLiteral("p"),
        QStringLiteral("ch"),   QStringLiteral("sec"),  QStringLiteral("ref"),  QStringLiteral("approx"),
        QStringLiteral("ca"),   QStringLiteral("cf"),   QStringLiteral("jan"),  QStringLiteral("feb"),
        QStringLiteral("mar"),  QStringLiteral("apr"),  QStringLiteral("jun"),  QStringLiteral("jul"),
        QStringLiteral("aug"),  QStringLiteral("sep"),  QStringLiteral("sept"), QStringLiteral("oct"),
        QStringLiteral("nov"),  QStringLiteral("dec"),  QStringLiteral("e.g"),  QStringLiteral("i.e"),
        QStringLiteral("a.m"),  QStringLiteral("p.m"),  QStringLiteral("ave"),  QStringLiteral("blvd"),
        QStringLiteral("dept"), QStringLiteral("est"),  QStringLiteral("ft"),   QStringLiteral("oz"),
    };
    return set;
}

// The word that ends just before `end` (exclusive), dots inside it kept ("e.g", "U.S").
QString wordBefore(const QString& s, qsizetype end)
{
    qsizetype start = end;
    while (start > 0 && (s[start - 1].isLetterOrNumber() || s[start - 1] == u'.'))
        --start;
    while (start < end && s[start] == u'.')
        ++start;
    return s.mid(start, end - start);
}

bool isListMarkerAt(const QString& s, qsizetype i)
{
    // i is the first non-space character of a line
    if (i >= s.size())
        return false;
    const QChar c = s[i];
    if ((c == u'-' || c == u'*' || c == u'\u2022' || c == u'\u00B7') && i + 1 < s.size() && s[i + 1].isSpace())
        return true;
    qsizetype j = i;
    while (j < s.size() && j - i < 3 && s[j].isDigit())
        ++j;
    return j > i && j + 1 < s.size() && (s[j] == u'.' || s[j] == u')') && s[j + 1].isSpace();
}

class Splitter {
public:
    explicit Splitter(const QString& text) : m_s(text) {}

    QList<SentenceSplitter::Sentence> run()
    {
        const qsizetype n = m_s.size();
        qsizetype i = 0;
        while (i < n) {
            const QChar c = m_s[i];
            if (c == u'\n') {
                handleNewline(i);
                continue;
            }
            if (c == u'\u3002' || c == u'\uFF01' || c == u'\uFF1F') {
                qsizetype end = i + 1;
                while (end < n && isClosing(m_s[end]))
                    ++end;
                cut(end);
                i = end;
                continue;
            }
            if (c == u'.' || c == u'!' || c == u'?' || c == u'\u2026') {
                qsizetype end = i + 1;
                while (end < n && (m_s[end] == u'.' || m_s[end] == u'!' || m_s[end] == u'?' || m_s[end] == u'\u2026'))
                    ++end;
                while (end < n && isClosing(m_s[end]))
                    ++end;
                if (endsSentence(i, end))
                    cut(end);
                i = end;
                continue;
            }
            ++i;
        }
        cut(n);
        return m_out;
    }

private:
    // A run of terminators at [at, end): does the sentence end there?
    bool endsSentence(qsizetype at, qsizetype end) const
    {
        const qsizetype n = m_s.size();
        if (end >= n)
            return true;
        if (!m_s[end].isSpace())
            return false; // 3.14, example.com, "가자."라고
        qsizetype next = end;
        while (next < n && m_s[next].isSpace())
            ++next;
        if (next >= n)
            return true;
        const QChar following = m_s[next];
        if (at > 0 && isHangul(m_s[at - 1]))
            return true; // Korean has no abbreviations with a period, and "다. iPhone…" starts a new sentence
        const bool singleDot = m_s[at] == u'.' && end - at == 1 + countClosing(at + 1, end);
        if (singleDot) {
            const QString word = wordBefore(m_s, at);
            if (titleAbbreviations().contains(word.toLower()))
                return false;
            // A single initial: "J. R. R. Tolkien", "U. S."
            if (word.size() == 1 && word[0].isUpper() && (at < 2 || !m_s[at - 2].isLetter()))
                return false;
        }
        if (following.isLetter() && following.isLower() && following.unicode() < 0x250)
            return false; // "Why?" she asked. / etc. and more
        return true;
    }

    qsizetype countClosing(qsizetype from, qsizetype end) const
    {
        qsizetype k = 0;
        for (qsizetype j = from; j < end; ++j)
            k += isClosing(m_s[j]) ? 1 : 0;
        return k;
    }

    void handleNewline(qsizetype& i)
    {
        const qsizetype n = m_s.size();
        qsizetype j = i + 1;
        bool blank = false;
        while (j < n && m_s[j].isSpace()) {
            if (m_s[j] == u'\n')
                blank = true;
            ++j;
        }
        if (blank) {
            cut(i);
            ++m_paragraph;
        } else if (j < n && isListMarkerAt(m_s, j)) {
            cut(i);
        }
        i = j;
    }

    void cut(qsizetype end)
    {
        qsizetype start = m_start;
        m_start = end;
        while (start < end && m_s[start].isSpace())
            ++start;
        if (start >= end)
            return;
        QString text = m_s.mid(start, end - start).simplified();
        if (text.isEmpty())
            return;
        m_out.append({std::move(text), start, m_paragraph});
    }

    const QString& m_s;
    qsizetype m_start = 0;
    int m_paragraph = 0;
    QList<SentenceSplitter::Sentence> m_out;
};

} // namespace

QList<SentenceSplitter::Sentence> SentenceSplitter::split(const QString& text)
{
    return Splitter(text).run();
}

QStringList SentenceSplitter::splitTexts(const QString& text)
{
    QStringList out;
    for (Sentence& s : split(text))
        out.append(std::move(s.text));
    return out;
}

} // namespace taskloom::nodes::llm
