#include "TypeInference.hpp"

#include <cmath>

namespace taskloom::nodes::core {

namespace {

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// The number of digits starting at `i`.
qsizetype digits(QStringView s, qsizetype i)
{
    qsizetype n = 0;
    while (i + n < s.size() && isDigit(s[i + n]))
        ++n;
    return n;
}

enum class Shape { Text, Integer, Decimal };

Shape shapeOf(QStringView s)
{
    qsizetype i = 0;
    if (i < s.size() && s[i] == u'-')
        ++i;
    const qsizetype whole = digits(s, i);
    if (whole == 0 || (whole > 1 && s[i] == u'0'))
        return Shape::Text;
    i += whole;
    if (i == s.size())
        return Shape::Integer;
    if (s[i] == u'.') {
        const qsizetype fraction = digits(s, i + 1);
        if (fraction == 0)
            return Shape::Text;
        i += 1 + fraction;
    }
    if (i < s.size() && (s[i] == u'e' || s[i] == u'E')) {
        ++i;
        if (i < s.size() && (s[i] == u'+' || s[i] == u'-'))
            ++i;
        const qsizetype exponent = digits(s, i);
        if (exponent == 0)
            return Shape::Text;
        i += exponent;
    }
    return i == s.size() ? Shape::Decimal : Shape::Text;
}

} // namespace

engine::Value TypeInference::infer(const QString& text)
{
    if (text.isEmpty())
        return text;
    const QChar first = text.front();
    if (first == u't' || first == u'T' || first == u'f' || first == u'F') {
        if (text.compare(u"true", Qt::CaseInsensitive) == 0)
            return true;
        if (text.compare(u"false", Qt::CaseInsensitive) == 0)
            return false;
        return text;
    }
    if (first != u'-' && !isDigit(first))
        return text;
    if (text == u"-0")
        return text; // would write back as 0
    bool ok = false;
    switch (shapeOf(text)) {
    case Shape::Text: return text;
    case Shape::Integer: {
        const qint64 i = text.toLongLong(&ok);
        return ok ? engine::Value(i) : engine::Value(text);
    }
    case Shape::Decimal: {
        const double d = text.toDouble(&ok);
        return ok && std::isfinite(d) ? engine::Value(d) : engine::Value(text);
    }
    }
    return text;
}

} // namespace taskloom::nodes::core
