#include "LuaHighlighter.hpp"

namespace taskloom::studio {

LuaHighlighter::LuaHighlighter(QTextDocument* document) : QSyntaxHighlighter(document)
{
    QTextCharFormat keyword;
    keyword.setForeground(QColor(0xC6, 0x78, 0xDD));
    keyword.setFontWeight(QFont::Bold);
    QTextCharFormat builtin;
    builtin.setForeground(QColor(0x61, 0xAF, 0xEF));
    QTextCharFormat number;
    number.setForeground(QColor(0xD1, 0x9A, 0x66));
    m_string.setForeground(QColor(0x98, 0xC3, 0x79));
    m_comment.setForeground(QColor(0x7F, 0x84, 0x8E));
    m_comment.setFontItalic(true);

    m_rules.append({QRegularExpression(QStringLiteral(
                        "\\b(and|break|do|else|elseif|end|false|for|function|goto|if|in|local|nil|not|or|repeat|"
                        "return|then|true|until|while)\\b")),
                    keyword});
    m_rules.append({QRegularExpression(QStringLiteral(
                        "\\b(print|pairs|ipairs|type|tostring|tonumber|table|string|math|json|date|str|item|items|"
                        "ctx|vars|error|select|next|pcall|assert)\\b")),
                    builtin});
    m_rules.append({QRegularExpression(QStringLiteral("\\b(0[xX][0-9a-fA-F]+|\\d+(\\.\\d+)?([eE][-+]?\\d+)?)\\b")),
                    number});
}

void LuaHighlighter::highlightBlock(const QString& text)
{
    for (const Rule& r : m_rules) {
        for (auto it = r.pattern.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            setFormat(int(m.capturedStart()), int(m.capturedLength()), r.format);
        }
    }
    // Strings and comments last, scanning left to right so "--" inside a string is not a comment.
    int i = 0;
    int start = 0;
    if (previousBlockState() == 1) { // inside --[[ ]]
        const int end = int(text.indexOf(QStringLiteral("]]")));
        if (end < 0) {
            setFormat(0, int(text.size()), m_comment);
            setCurrentBlockState(1);
            return;
        }
        setFormat(0, end + 2, m_comment);
        i = end + 2;
    }
    setCurrentBlockState(0);
    while (i < text.size()) {
        const QChar c = text[i];
        if (c == u'"' || c == u'\'') {
            start = i++;
            while (i < text.size() && text[i] != c) {
                if (text[i] == u'\\')
                    ++i;
                ++i;
            }
            setFormat(start, std::min(int(text.size()), i + 1) - start, m_string);
            ++i;
        } else if (text.mid(i, 4) == u"--[[") {
            const int end = int(text.indexOf(QStringLiteral("]]"), i + 4));
            if (end < 0) {
                setFormat(i, int(text.size()) - i, m_comment);
                setCurrentBlockState(1);
                return;
            }
            setFormat(i, end + 2 - i, m_comment);
            i = end + 2;
        } else if (text.mid(i, 2) == u"--") {
            setFormat(i, int(text.size()) - i, m_comment);
            return;
        } else {
            ++i;
        }
    }
}

} // namespace taskloom::studio
