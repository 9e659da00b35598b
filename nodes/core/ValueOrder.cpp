#include "ValueOrder.hpp"

#include "DateText.hpp"

#include "engine/Json.hpp"

#include <cmath>

namespace taskloom::nodes::core {

using engine::Value;

namespace {

int sign(double x) { return x < 0 ? -1 : (x > 0 ? 1 : 0); }

bool isDigit(QChar c) { return c >= u'0' && c <= u'9'; }

// Compares two runs of digits by their value without converting (they may be longer than any integer type).
int compareDigitRuns(QStringView a, QStringView b)
{
    while (a.size() > 1 && a.front() == u'0')
        a = a.mid(1);
    while (b.size() > 1 && b.front() == u'0')
        b = b.mid(1);
    if (a.size() != b.size())
        return a.size() < b.size() ? -1 : 1;
    return sign(a.compare(b));
}

} // namespace

bool ValueOrder::isMissing(const Value& v)
{
    return v.isNull() || (v.isString() && v.stringRef().trimmed().isEmpty());
}

std::optional<double> ValueOrder::toNumber(const Value& v)
{
    if (v.isNumber()) {
        const double d = v.toDouble();
        return std::isfinite(d) ? std::optional<double>(d) : std::nullopt;
    }
    if (!v.isString())
        return std::nullopt;
    const QString t = v.stringRef().trimmed();
    if (t.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double d = t.toDouble(&ok);
    if (!ok || !std::isfinite(d))
        return std::nullopt;
    return d;
}

std::optional<qint64> ValueOrder::toInteger(const Value& v)
{
    if (v.isInt())
        return v.toInt();
    if (!v.isString())
        return std::nullopt;
    bool ok = false;
    const qint64 i = v.stringRef().trimmed().toLongLong(&ok);
    return ok ? std::optional<qint64>(i) : std::nullopt;
}

ValueOrder::Key ValueOrder::key(const Value& v)
{
    Key k;
    if (isMissing(v))
        return k;
    if (const auto n = toNumber(v)) {
        k.kind = Kind::Number;
        k.number = *n;
        return k;
    }
    if (v.isString()) {
        if (const auto date = DateText::parseIso(v.stringRef(), QTimeZone::utc())) {
            k.kind = Kind::Date;
            k.number = double(date->when.toMSecsSinceEpoch());
            return k;
        }
        k.kind = Kind::Text;
        k.text = v.stringRef();
        return k;
    }
    if (v.isBool()) {
        k.kind = Kind::Boolean;
        k.number = v.toBool() ? 1 : 0;
        return k;
    }
    k.kind = Kind::Other;
    k.text = QString::fromUtf8(engine::Json::serialize(v));
    return k;
}

int ValueOrder::compare(const Key& a, const Key& b, Text text)
{
    if (a.kind != b.kind)
        return a.kind < b.kind ? -1 : 1;
    switch (a.kind) {
    case Kind::Number:
    case Kind::Date:
    case Kind::Boolean: return a.number < b.number ? -1 : (a.number > b.number ? 1 : 0);
    case Kind::Text: return compareText(a.text, b.text, text);
    case Kind::Other: return sign(a.text.compare(b.text));
    case Kind::Missing: return 0;
    }
    return 0;
}

int ValueOrder::compareText(const QString& a, const QString& b, Text mode)
{
    switch (mode) {
    case Text::CaseSensitive: return sign(a.compare(b));
    case Text::CaseInsensitive: return sign(a.compare(b, Qt::CaseInsensitive));
    case Text::Natural: return naturalCompare(a, b);
    }
    return 0;
}

int ValueOrder::naturalCompare(QStringView a, QStringView b)
{
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() && j < b.size()) {
        if (isDigit(a[i]) && isDigit(b[j])) {
            const qsizetype si = i;
            const qsizetype sj = j;
            while (i < a.size() && isDigit(a[i]))
                ++i;
            while (j < b.size() && isDigit(b[j]))
                ++j;
            if (const int c = compareDigitRuns(a.mid(si, i - si), b.mid(sj, j - sj)))
                return c;
            continue;
        }
        const QChar x = a[i].toCaseFolded();
        const QChar y = b[j].toCaseFolded();
        if (x != y)
            return x < y ? -1 : 1;
        ++i;
        ++j;
    }
    if (i < a.size())
        return 1;
    if (j < b.size())
        return -1;
    return 0;
}

} // namespace taskloom::nodes::core
