#include "Json.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

namespace taskloom::engine {

QString JsonError::toString() const
{
    return QStringLiteral("line %1, column %2: %3").arg(line).arg(column).arg(message);
}

namespace {

class Parser {
public:
    explicit Parser(QByteArrayView text) : m_p(text.data()), m_begin(text.data()), m_end(text.data() + text.size()) {}

    std::expected<Value, JsonError> run()
    {
        skipSpace();
        if (m_p == m_end)
            return fail(QStringLiteral("empty document"));
        Value v;
        if (!parseValue(v, 0))
            return std::unexpected(m_error);
        skipSpace();
        if (m_p != m_end)
            return fail(QStringLiteral("unexpected text after the JSON value"));
        return v;
    }

private:
    std::unexpected<JsonError> fail(const QString& message)
    {
        setError(message);
        return std::unexpected(m_error);
    }

    bool setError(const QString& message)
    {
        if (!m_error.message.isEmpty())
            return false; // keep the first error
        m_error.offset = m_p - m_begin;
        m_error.line = 1;
        m_error.column = 1;
        for (const char* c = m_begin; c < m_p && c < m_end; ++c) {
            if (*c == '\n') {
                ++m_error.line;
                m_error.column = 1;
            } else {
                ++m_error.column;
            }
        }
        m_error.message = message;
        return false;
    }

    void skipSpace()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }

    bool literal(const char* word, Value v, Value& out)
    {
        const size_t n = std::strlen(word);
        if (size_t(m_end - m_p) < n || std::memcmp(m_p, word, n) != 0)
            return setError(QStringLiteral("invalid literal"));
        m_p += n;
        out = std::move(v);
        return true;
    }

    bool parseValue(Value& out, int depth)
    {
        if (depth >= Json::maxDepth) // depth counts from 0: maxDepth levels are allowed, one more is not
            return setError(QStringLiteral("nesting deeper than %1 levels").arg(Json::maxDepth));
        skipSpace();
        if (m_p == m_end)
            return setError(QStringLiteral("unexpected end of document"));
        switch (*m_p) {
        case '{': return parseObject(out, depth);
        case '[': return parseArray(out, depth);
        case '"': {
            QString s;
            if (!parseString(s))
                return false;
            out = std::move(s);
            return true;
        }
        case 't': return literal("true", true, out);
        case 'f': return literal("false", false, out);
        case 'n': return literal("null", nullptr, out);
        default:
            if (*m_p == '-' || (*m_p >= '0' && *m_p <= '9'))
                return parseNumber(out);
            return setError(QStringLiteral("unexpected character '%1'").arg(QChar::fromLatin1(*m_p)));
        }
    }

    bool parseObject(Value& out, int depth)
    {
        ++m_p; // '{'
        Object obj;
        skipSpace();
        if (m_p < m_end && *m_p == '}') {
            ++m_p;
            out = std::move(obj);
            return true;
        }
        for (;;) {
            skipSpace();
            if (m_p == m_end || *m_p != '"')
                return setError(QStringLiteral("expected a string key"));
            QString key;
            if (!parseString(key))
                return false;
            skipSpace();
            if (m_p == m_end || *m_p != ':')
                return setError(QStringLiteral("expected ':' after key \"%1\"").arg(key));
            ++m_p;
            Value v;
            if (!parseValue(v, depth + 1))
                return false;
            obj.insert(key, std::move(v)); // a repeated key keeps its first position and its last value
            skipSpace();
            if (m_p == m_end)
                return setError(QStringLiteral("unexpected end of document inside an object"));
            if (*m_p == ',') {
                ++m_p;
                continue;
            }
            if (*m_p == '}') {
                ++m_p;
                out = std::move(obj);
                return true;
            }
            return setError(QStringLiteral("expected ',' or '}'"));
        }
    }

    bool parseArray(Value& out, int depth)
    {
        ++m_p; // '['
        Array arr;
        skipSpace();
        if (m_p < m_end && *m_p == ']') {
            ++m_p;
            out = std::move(arr);
            return true;
        }
        for (;;) {
            Value v;
            if (!parseValue(v, depth + 1))
                return false;
            arr.append(std::move(v));
            skipSpace();
            if (m_p == m_end)
                return setError(QStringLiteral("unexpected end of document inside an array"));
            if (*m_p == ',') {
                ++m_p;
                continue;
            }
            if (*m_p == ']') {
                ++m_p;
                out = std::move(arr);
                return true;
            }
            return setError(QStringLiteral("expected ',' or ']'"));
        }
    }

    static int hexValue(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    bool parseHex4(char16_t& out)
    {
        if (m_end - m_p < 4)
            return setError(QStringLiteral("truncated \\u escape"));
        unsigned v = 0;
        for (int i = 0; i < 4; ++i) {
            const int h = hexValue(m_p[i]);
            if (h < 0)
                return setError(QStringLiteral("invalid \\u escape"));
            v = v * 16 + unsigned(h);
        }
        m_p += 4;
        out = char16_t(v);
        return true;
    }

    bool parseString(QString& out)
    {
        ++m_p; // opening quote
        const char* runStart = m_p;
        // Fast path: no escapes.
        while (m_p < m_end && *m_p != '"' && *m_p != '\\' && static_cast<unsigned char>(*m_p) >= 0x20)
            ++m_p;
        if (m_p < m_end && *m_p == '"') {
            out = QString::fromUtf8(runStart, m_p - runStart);
            ++m_p;
            return true;
        }
        QByteArray buf(runStart, m_p - runStart);
        while (m_p < m_end) {
            const char c = *m_p;
            if (c == '"') {
                ++m_p;
                out = QString::fromUtf8(buf);
                return true;
            }
            if (static_cast<unsigned char>(c) < 0x20)
                return setError(QStringLiteral("control character in string"));
            if (c != '\\') {
                buf.append(c);
                ++m_p;
                continue;
            }
            ++m_p;
            if (m_p == m_end)
                break;
            const char e = *m_p++;
            switch (e) {
            case '"': buf.append('"'); break;
            case '\\': buf.append('\\'); break;
            case '/': buf.append('/'); break;
            case 'b': buf.append('\b'); break;
            case 'f': buf.append('\f'); break;
            case 'n': buf.append('\n'); break;
            case 'r': buf.append('\r'); break;
            case 't': buf.append('\t'); break;
            case 'u': {
                char16_t hi = 0;
                if (!parseHex4(hi))
                    return false;
                QString piece;
                if (QChar::isHighSurrogate(hi) && m_end - m_p >= 6 && m_p[0] == '\\' && m_p[1] == 'u') {
                    m_p += 2;
                    char16_t lo = 0;
                    if (!parseHex4(lo))
                        return false;
                    if (QChar::isLowSurrogate(lo)) {
                        const char16_t pair[2] = {hi, lo};
                        piece = QString(reinterpret_cast<const QChar*>(pair), 2);
                    } else {
                        piece = QString(QChar(0xFFFD)) + QChar(lo);
                    }
                } else if (QChar::isSurrogate(hi)) {
                    piece = QString(QChar(0xFFFD));
                } else {
                    piece = QString(QChar(hi));
                }
                buf.append(piece.toUtf8());
                break;
            }
            default:
                m_p -= 2; // point at the backslash, where the escape starts
                return setError(QStringLiteral("invalid escape '\\%1'").arg(QChar::fromLatin1(e)));
            }
        }
        return setError(QStringLiteral("unterminated string"));
    }

    bool parseNumber(Value& out)
    {
        const char* start = m_p;
        bool isFloat = false;
        if (*m_p == '-')
            ++m_p;
        if (m_p == m_end || !(*m_p >= '0' && *m_p <= '9'))
            return setError(QStringLiteral("invalid number"));
        if (*m_p == '0' && m_p + 1 < m_end && m_p[1] >= '0' && m_p[1] <= '9')
            return setError(QStringLiteral("leading zeros are not allowed in numbers"));
        while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
            ++m_p;
        if (m_p < m_end && *m_p == '.') {
            isFloat = true;
            ++m_p;
            if (m_p == m_end || !(*m_p >= '0' && *m_p <= '9'))
                return setError(QStringLiteral("invalid number: digits expected after '.'"));
            while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
                ++m_p;
        }
        if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
            isFloat = true;
            ++m_p;
            if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
                ++m_p;
            if (m_p == m_end || !(*m_p >= '0' && *m_p <= '9'))
                return setError(QStringLiteral("invalid number: digits expected in exponent"));
            while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
                ++m_p;
        }
        if (!isFloat) {
            qint64 i = 0;
            const auto r = std::from_chars(start, m_p, i);
            if (r.ec == std::errc() && r.ptr == m_p) {
                out = i;
                return true;
            }
            // Too large for 64 bits: fall through to a double.
        }
        double d = 0;
        const auto r = std::from_chars(start, m_p, d);
        if (r.ec == std::errc::result_out_of_range) {
            // from_chars reports underflow (1e-400) and overflow (1e400) alike: a tiny number reads as zero.
            const double magnitude = underflows(start, m_p) ? 0.0 : HUGE_VAL;
            d = (*start == '-') ? -magnitude : magnitude;
        } else if (r.ec != std::errc()) {
            return setError(QStringLiteral("invalid number"));
        }
        out = d;
        return true;
    }

    // Whether the decimal number in [begin, end) is closer to zero than a double can hold (rather than larger).
    static bool underflows(const char* begin, const char* end)
    {
        const char* p = begin + (*begin == '-' ? 1 : 0);
        const char* exp = std::find_if(p, end, [](char c) { return c == 'e' || c == 'E'; });
        const char* point = std::find(p, exp, '.');
        const char* first = std::find_if(p, exp, [](char c) { return c >= '1' && c <= '9'; });
        if (first == exp)
            return true; // all zeros
        // The power of ten of the first significant digit, before the exponent.
        const long long magnitude = first < point ? point - first - 1 : point - first;
        if (exp == end)
            return magnitude < 0;
        const char* x = exp + 1;
        const bool negative = *x == '-';
        if (*x == '+' || *x == '-')
            ++x;
        long long exponent = 0;
        if (std::from_chars(x, end, exponent).ec != std::errc())
            return negative; // an exponent beyond 64 bits decides alone
        return magnitude + (negative ? -exponent : exponent) < 0;
    }

    const char* m_p;
    const char* m_begin;
    const char* m_end;
    JsonError m_error;
};

void appendEscaped(QByteArray& out, const QString& s)
{
    const QByteArray utf8 = s.toUtf8();
    out.append('"');
    for (const char c : utf8) {
        switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        case '\b': out.append("\\b"); break;
        case '\f': out.append("\\f"); break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                static const char hex[] = "0123456789abcdef";
                out.append("\\u00");
                out.append(hex[(c >> 4) & 0xF]);
                out.append(hex[c & 0xF]);
            } else {
                out.append(c);
            }
        }
    }
    out.append('"');
}

void newline(QByteArray& out, const Json::WriteOptions& o, int depth)
{
    if (!o.indent)
        return;
    out.append('\n');
    out.append(QByteArray(depth * 2, ' '));
}

void write(QByteArray& out, const Value& v, const Json::WriteOptions& o, int depth);

// The one-line form with a space after ':' and ',', or empty when it exceeds `limit`.
QByteArray inlineForm(const Value& v, qsizetype limit)
{
    QByteArray compact;
    write(compact, v, Json::WriteOptions{}, 0);
    if (compact.size() > limit)
        return {};
    const Value::Type t = v.type();
    if (t != Value::Type::Array && t != Value::Type::Object)
        return compact;
    // Re-serialise with spaces; strings may contain ':' or ',' so do it structurally.
    QByteArray out;
    if (t == Value::Type::Array) {
        out.append('[');
        bool first = true;
        for (const Value& e : v.arrayRef()) {
            if (!first)
                out.append(", ");
            first = false;
            const QByteArray element = inlineForm(e, limit);
            if (element.isEmpty())
                return {}; // the element's spaced form is too wide, so this one is too
            out.append(element);
        }
        out.append(']');
    } else {
        out.append('{');
        bool first = true;
        for (const auto& [k, e] : v.objectRef()) {
            if (!first)
                out.append(", ");
            first = false;
            appendEscaped(out, k);
            out.append(": ");
            const QByteArray member = inlineForm(e, limit);
            if (member.isEmpty())
                return {};
            out.append(member);
        }
        out.append('}');
    }
    return out.size() > limit ? QByteArray() : out;
}

void write(QByteArray& out, const Value& v, const Json::WriteOptions& o, int depth)
{
    if (o.indent && o.inlineWidth > 0 && (v.isArray() || v.isObject())) {
        const qsizetype room = o.inlineWidth - depth * 2;
        const QByteArray one = room > 0 ? inlineForm(v, room) : QByteArray();
        if (!one.isEmpty()) {
            out.append(one);
            return;
        }
    }
    switch (v.type()) {
    case Value::Type::Null: out.append("null"); break;
    case Value::Type::Bool: out.append(v.toBool() ? "true" : "false"); break;
    case Value::Type::Int: out.append(QByteArray::number(v.toInt())); break;
    case Value::Type::Double: out.append(Json::formatDouble(v.toDouble()).toLatin1()); break;
    case Value::Type::String: appendEscaped(out, v.stringRef()); break;
    case Value::Type::Array: {
        const Array& a = v.arrayRef();
        if (a.isEmpty()) {
            out.append("[]");
            break;
        }
        out.append('[');
        bool first = true;
        for (const Value& e : a) {
            if (!first)
                out.append(',');
            first = false;
            newline(out, o, depth + 1);
            write(out, e, o, depth + 1);
        }
        newline(out, o, depth);
        out.append(']');
        break;
    }
    case Value::Type::Object: {
        const Object& obj = v.objectRef();
        if (obj.isEmpty()) {
            out.append("{}");
            break;
        }
        out.append('{');
        bool first = true;
        for (const auto& [k, e] : obj) {
            if (!first)
                out.append(',');
            first = false;
            newline(out, o, depth + 1);
            appendEscaped(out, k);
            out.append(o.indent ? ": " : ":");
            write(out, e, o, depth + 1);
        }
        newline(out, o, depth);
        out.append('}');
        break;
    }
    }
}

} // namespace

std::expected<Value, JsonError> Json::parse(QByteArrayView text)
{
    // A UTF-8 byte order mark is common in files written on Windows.
    if (text.startsWith("\xEF\xBB\xBF"))
        text = text.sliced(3);
    return Parser(text).run();
}

QByteArray Json::serialize(const Value& value)
{
    return serialize(value, WriteOptions{});
}

QByteArray Json::serialize(const Value& value, const WriteOptions& options)
{
    QByteArray out;
    write(out, value, options, 0);
    return out;
}

QByteArray Json::serialize(const Object& object, const WriteOptions& options)
{
    return serialize(Value(object), options);
}

QString Json::formatDouble(double d)
{
    if (!std::isfinite(d))
        return QStringLiteral("null");
    if (d == 0)
        return QStringLiteral("0"); // -0 too, as JSON.stringify does: "-0" would read back as the integer 0
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, d);
    QString s = QString::fromLatin1(buf, r.ptr - buf);
    return s;
}

} // namespace taskloom::engine
