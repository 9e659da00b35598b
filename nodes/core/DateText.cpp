#include "DateText.hpp"

#include <QLocale>
#include <QRegularExpression>

#include <cmath>

namespace taskloom::nodes::core {

using engine::Value;

namespace {

const QRegularExpression& isoPattern()
{
    // date [T|space time [offset]]; an offset only makes sense after a time of day.
    static const QRegularExpression re(QStringLiteral(R"(^(\d{4})-(\d{2})-(\d{2}))"
                                                      R"((?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)"
                                                      R"(\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$)"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}

std::optional<QTimeZone> offsetZone(QStringView text)
{
    if (text.compare(u"z", Qt::CaseInsensitive) == 0)
        return QTimeZone::utc();
    const int sign = text.front() == u'-' ? -1 : 1;
    QString digits = text.mid(1).toString().remove(u':');
    const int hours = digits.left(2).toInt();
    const int minutes = digits.size() >= 4 ? digits.mid(2, 2).toInt() : 0;
    if (hours > 14 || minutes > 59)
        return std::nullopt;
    return QTimeZone(sign * (hours * 3600 + minutes * 60));
}

std::optional<double> numberFrom(const Value& v)
{
    if (v.isNumber())
        return v.toDouble();
    if (!v.isString())
        return std::nullopt;
    bool ok = false;
    const double d = v.stringRef().trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(d))
        return std::nullopt;
    return d;
}

std::optional<DateText::Parsed> fromEpoch(const Value& v, double unitMs)
{
    const auto n = numberFrom(v);
    if (!n)
        return std::nullopt;
    const double ms = *n * unitMs;
    if (std::fabs(ms) > 8.64e15) // QDateTime's range is wider, but no one means a date past the year 275000
        return std::nullopt;
    return DateText::Parsed{QDateTime::fromMSecsSinceEpoch(qint64(std::llround(ms)), QTimeZone::utc()), false};
}

bool hasTimeOfDay(const QString& pattern)
{
    for (QChar c : pattern) {
        if (c == u'h' || c == u'H' || c == u'm' || c == u's')
            return true;
    }
    return false;
}

std::optional<DateText::Parsed> fromPattern(const QString& text, const QString& pattern, const QTimeZone& zone)
{
    QDateTime dt = QLocale::c().toDateTime(text, pattern);
    if (!dt.isValid())
        return std::nullopt;
    if (dt.timeSpec() == Qt::LocalTime) // the pattern named no zone: the text is wall-clock time in `zone`
        dt = QDateTime(dt.date(), dt.time(), zone);
    if (!dt.isValid())
        return std::nullopt;
    return DateText::Parsed{dt, !hasTimeOfDay(pattern)};
}

bool isUtc(const QTimeZone& zone)
{
    return zone == QTimeZone::utc() || zone.id() == "UTC" || zone.id() == "Etc/UTC";
}

} // namespace

std::optional<DateText::Parsed> DateText::parseIso(QStringView text, const QTimeZone& zone)
{
    const auto m = isoPattern().match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const QDate date(m.capturedView(1).toInt(), m.capturedView(2).toInt(), m.capturedView(3).toInt());
    if (!date.isValid())
        return std::nullopt;
    Parsed out;
    out.dateOnly = !m.hasCaptured(4);
    QTime time(0, 0);
    if (!out.dateOnly) {
        const QString fraction = (m.capturedView(7).toString() + QStringLiteral("000")).left(3);
        const int seconds = m.hasCaptured(6) ? m.capturedView(6).toInt() : 0;
        time = QTime(m.capturedView(4).toInt(), m.capturedView(5).toInt(), seconds, fraction.toInt());
        if (!time.isValid())
            return std::nullopt;
    }
    QTimeZone tz = zone;
    if (m.hasCaptured(8)) {
        const auto offset = offsetZone(m.capturedView(8));
        if (!offset)
            return std::nullopt;
        tz = *offset;
    }
    out.when = QDateTime(date, time, tz);
    if (!out.when.isValid())
        return std::nullopt;
    return out;
}

std::optional<DateText::Parsed> DateText::parse(const Value& v, const QString& format, const QTimeZone& zone)
{
    if (format == u"unix")
        return fromEpoch(v, 1000);
    if (format == u"unixMs")
        return fromEpoch(v, 1);
    if (!v.isString()) {
        if (format.isEmpty() && v.isNumber())
            return fromEpoch(v, 1000);
        return std::nullopt;
    }
    const QString text = v.stringRef().trimmed();
    if (format == u"iso")
        return parseIso(text, zone);
    if (format == u"rfc2822") {
        const QDateTime dt = QDateTime::fromString(text, Qt::RFC2822Date);
        return dt.isValid() ? std::optional<Parsed>(Parsed{dt, false}) : std::nullopt;
    }
    if (!format.isEmpty())
        return fromPattern(text, format, zone);
    if (auto iso = parseIso(text, zone))
        return iso;
    if (auto epoch = fromEpoch(v, 1000))
        return epoch;
    const QDateTime mail = QDateTime::fromString(text, Qt::RFC2822Date);
    if (mail.isValid())
        return Parsed{mail, false};
    return std::nullopt;
}

Value DateText::format(const QDateTime& when, const QString& format, const QTimeZone& zone, bool dateOnly)
{
    if (format == u"unix")
        return Value(qint64(std::floor(double(when.toMSecsSinceEpoch()) / 1000.0)));
    if (format == u"unixMs")
        return Value(when.toMSecsSinceEpoch());
    // Qt writes "Z" only for a Qt::UTC date; a date in the UTC time zone would get "+00:00".
    const QDateTime local = isUtc(zone) ? when.toUTC() : when.toTimeZone(zone);
    if (format.isEmpty() || format == u"iso") {
        if (dateOnly && local.time() == QTime(0, 0))
            return local.date().toString(Qt::ISODate);
        return local.toString(local.time().msec() != 0 ? Qt::ISODateWithMs : Qt::ISODate);
    }
    if (format == u"rfc2822")
        return local.toString(Qt::RFC2822Date);
    return QLocale::c().toString(local, format);
}

QString DateText::expectedFormats(const QString& format)
{
    if (format.isEmpty())
        return QStringLiteral("ISO 8601 like 2024-03-01T10:00:00Z, Unix seconds or an RFC 2822 date");
    if (format == u"unix")
        return QStringLiteral("Unix seconds");
    if (format == u"unixMs")
        return QStringLiteral("Unix milliseconds");
    if (format == u"iso")
        return QStringLiteral("ISO 8601 like 2024-03-01T10:00:00Z");
    if (format == u"rfc2822")
        return QStringLiteral("an RFC 2822 date like Fri, 01 Mar 2024 10:00:00 +0000");
    return QStringLiteral("the pattern \"%1\"").arg(format);
}

qint64 DateText::monthsBetween(const QDateTime& from, const QDateTime& to, const QTimeZone& zone)
{
    if (to < from)
        return -monthsBetween(to, from, zone);
    const QDateTime a = from.toTimeZone(zone);
    const QDateTime b = to.toTimeZone(zone);
    qint64 months = qint64(b.date().year() - a.date().year()) * 12 + (b.date().month() - a.date().month());
    if (a.addMonths(int(months)) > b)
        --months;
    return months;
}

} // namespace taskloom::nodes::core
