#include "Template.hpp"

namespace taskloom::engine {

namespace {

// Finds the "}}" closing an expression that starts at `from`, skipping Lua strings, long brackets and
// balanced braces (so `{{ {a = {1}} }}` works). Returns -1 when there is none.
qsizetype findClose(const QString& s, qsizetype from)
{
    int depth = 0;
    qsizetype i = from;
    const qsizetype n = s.size();
    while (i < n) {
        const QChar c = s[i];
        if (c == u'"' || c == u'\'') {
            ++i;
            while (i < n && s[i] != c) {
                if (s[i] == u'\\')
                    ++i;
                ++i;
            }
            ++i;
            continue;
        }
        if (c == u'[' && i + 1 < n && (s[i + 1] == u'[' || s[i + 1] == u'=')) {
            qsizetype j = i + 1;
            int level = 0;
            while (j < n && s[j] == u'=') {
                ++level;
                ++j;
            }
            if (j < n && s[j] == u'[') {
                const QString close = u']' + QString(level, u'=') + u']';
                const qsizetype end = s.indexOf(close, j + 1);
                if (end < 0)
                    return -1;
                i = end + close.size();
                continue;
            }
        }
        if (c == u'{') {
            ++depth;
        } else if (c == u'}') {
            if (depth == 0 && i + 1 < n && s[i + 1] == u'}')
                return i;
            if (depth > 0)
                --depth;
        }
        ++i;
    }
    return -1;
}

} // namespace

std::expected<Template, QString> Template::parse(const QString& s)
{
    Template t;
    qsizetype pos = 0;
    while (pos < s.size()) {
        const qsizetype open = s.indexOf(u"{{", pos);
        if (open < 0) {
            t.m_parts.append({false, s.mid(pos)});
            break;
        }
        if (open > pos)
            t.m_parts.append({false, s.mid(pos, open - pos)});
        const qsizetype close = findClose(s, open + 2);
        if (close < 0)
            return std::unexpected(QStringLiteral("column %1: \"{{\" without a closing \"}}\"").arg(open + 1));
        const QString expr = s.mid(open + 2, close - open - 2).trimmed();
        if (expr.isEmpty())
            return std::unexpected(QStringLiteral("column %1: empty expression \"{{ }}\"").arg(open + 1));
        t.m_parts.append({true, expr});
        pos = close + 2;
    }
    return t;
}

} // namespace taskloom::engine
