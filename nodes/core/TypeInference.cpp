#include "TypeInference.hpp"

#include <charconv>
#include <cmath>
#include <limits>
#include <optional>

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

// The shape is checked already: digits with an optional minus. QString::toLongLong goes through the locale
// machinery, which made inference the slowest step of reading a CSV.
std::optional<qint64> toInteger(QStringView s)
{
    const bool negative = s.front() == u'-';
    quint64 magnitude = 0;
    for (qsizetype i = negative ? 1 : 0; i < s.size(); ++i) {
        const quint64 digit = s[i].unicode() - u'0';
        if (magnitude > (std::numeric_limits<quint64>::max() - digit) / 10)
            return std::nullopt;
        magnitude = magnitude * 10 + digit;
    }
    const quint64 limit = quint64(std::numeric_limits<qint64>::max()) + (negative ? 1 : 0);
    if (magnitude > limit)
        return std::nullopt; // beyond 64 bits: keep the text rather than lose digits
    return negative ? qint64(0 - magnitude) : qint64(magnitude);
}

std::optional<double> toDouble(QStringView s)
{
    char ascii[64]; // the shape is ASCII digits, '.', 'e', signs
    if (s.size() >= qsizetype(sizeof ascii))
        return std::nullopt;
    for (qsizetype i = 0; i < s.size(); ++i)
        ascii[i] = char(s[i].unicode());
    double d = 0;
    const auto [end, error] = std::from_chars(ascii, ascii + s.size(), d);
    if (error != std::errc() || end != ascii + s.size() || !std::isfinite(d))
        return std::nullopt;
    return d;
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
    switch (shapeOf(text)) {
    case Shape::Text: return text;
    case Shape::Integer: {
        const auto i = toInteger(text);
        return i ? engine::Value(*i) : engine::Value(text);
    }
    case Shape::Decimal: {
        const auto d = toDouble(text);
        return d ? engine::Value(*d) : engine::Value(text);
    }
    }
    return text;
}

} // namespace taskloom::nodes::core
