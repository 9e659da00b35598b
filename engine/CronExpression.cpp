#include "CronExpression.hpp"

#include "LocalTime.hpp"

#include <QDate>

#include <bit>

namespace taskloom::engine {

QString ScheduleError::toString() const
{
    return position < 0 ? message : QStringLiteral("column %1: %2").arg(position + 1).arg(message);
}

namespace {

enum class Field { Second, Minute, Hour, Day, Month, Weekday };

struct FieldInfo {
    const char* name;
    int min;
    int max;
};

FieldInfo info(Field f)
{
    switch (f) {
    case Field::Second: return {"second", 0, 59};
    case Field::Minute: return {"minute", 0, 59};
    case Field::Hour: return {"hour", 0, 23};
    case Field::Day: return {"day of month", 1, 31};
    case Field::Month: return {"month", 1, 12};
    case Field::Weekday: return {"day of week", 0, 7};
    }
    return {"", 0, 0};
}

const char* const monthNames[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
const char* const dayNames[] = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

struct Token {
    QString text;
    int position = 0;
};

} // namespace

/// Parses one expression; every error names the character it is about.
class CronParser {
public:
    explicit CronParser(CronExpression& out) : m_out(out) {}

    std::expected<void, ScheduleError> parse(const QString& text);

private:
    std::expected<void, ScheduleError> field(Field f, const Token& token);
    std::expected<void, ScheduleError> item(Field f, const QString& text, int position, std::uint64_t& bits);
    std::expected<bool, ScheduleError> dayItem(const QString& text, int position);
    std::expected<bool, ScheduleError> weekdayItem(const QString& text, int position);
    std::expected<int, ScheduleError> value(Field f, const QString& text, int position) const;
    static ScheduleError error(int position, QString message) { return ScheduleError{position, std::move(message)}; }

    CronExpression& m_out;
};

namespace {

QString expandMacro(const QString& text)
{
    const QString t = text.trimmed().toLower();
    if (t == u"@yearly" || t == u"@annually")
        return QStringLiteral("0 0 1 1 *");
    if (t == u"@monthly")
        return QStringLiteral("0 0 1 * *");
    if (t == u"@weekly")
        return QStringLiteral("0 0 * * 0");
    if (t == u"@daily" || t == u"@midnight")
        return QStringLiteral("0 0 * * *");
    if (t == u"@hourly")
        return QStringLiteral("0 * * * *");
    return {};
}

QList<Token> tokenize(const QString& text)
{
    QList<Token> tokens;
    int i = 0;
    const int n = int(text.size());
    while (i < n) {
        while (i < n && text.at(i).isSpace())
            ++i;
        if (i >= n)
            break;
        const int start = i;
        while (i < n && !text.at(i).isSpace())
            ++i;
        tokens.append({text.mid(start, i - start), start});
    }
    return tokens;
}

bool isNumber(const QString& s)
{
    if (s.isEmpty() || s.size() > 4)
        return false;
    for (QChar c : s) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

} // namespace

std::expected<void, ScheduleError> CronParser::parse(const QString& text)
{
    m_out.m_text = text.trimmed();
    if (m_out.m_text.isEmpty())
        return std::unexpected(error(-1, QStringLiteral("the cron expression is empty")));
    QString source = text;
    if (source.trimmed().startsWith(u'@')) {
        source = expandMacro(text);
        if (source.isEmpty())
            return std::unexpected(error(int(text.indexOf(u'@')),
                                         QStringLiteral("unknown macro \"%1\" (known: @yearly, @annually, @monthly, "
                                                        "@weekly, @daily, @midnight, @hourly)")
                                             .arg(text.trimmed())));
    }
    const QList<Token> tokens = tokenize(source);
    if (tokens.size() < 5 || tokens.size() > 6) {
        const int pos = tokens.size() > 6 ? tokens.at(6).position : -1;
        return std::unexpected(error(pos, QStringLiteral("expected 5 fields (minute hour day month weekday) or 6 "
                                                         "(second first), found %1")
                                              .arg(tokens.size())));
    }
    m_out.m_hasSeconds = tokens.size() == 6;
    const Field order[] = {Field::Second, Field::Minute, Field::Hour, Field::Day, Field::Month, Field::Weekday};
    const int skip = m_out.m_hasSeconds ? 0 : 1;
    if (!m_out.m_hasSeconds)
        m_out.m_seconds = 1; // second 0
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        if (auto r = field(order[i + skip], tokens.at(i)); !r)
            return r;
    }
    return {};
}

std::expected<void, ScheduleError> CronParser::field(Field f, const Token& token)
{
    const bool star = token.text.startsWith(u'*') || token.text.startsWith(u'?');
    if (token.text.startsWith(u'?') && f != Field::Day && f != Field::Weekday)
        return std::unexpected(error(token.position, QStringLiteral("'?' is allowed only in the day-of-month and "
                                                                    "day-of-week fields")));
    if (f == Field::Day)
        m_out.m_dayRestricted = !star;
    if (f == Field::Weekday)
        m_out.m_weekdayRestricted = !star;
    std::uint64_t bits = 0;
    int offset = 0;
    const QStringList items = token.text.split(u',');
    for (const QString& it : items) {
        const int position = token.position + offset;
        offset += int(it.size()) + 1;
        if (it.isEmpty())
            return std::unexpected(error(position, QStringLiteral("empty list item in the %1 field").arg(QLatin1StringView(info(f).name))));
        if (f == Field::Day) {
            auto special = dayItem(it, position);
            if (!special)
                return std::unexpected(special.error());
            if (*special)
                continue;
        }
        if (f == Field::Weekday) {
            auto special = weekdayItem(it, position);
            if (!special)
                return std::unexpected(special.error());
            if (*special)
                continue;
        }
        if (auto r = item(f, it, position, bits); !r)
            return r;
    }
    switch (f) {
    case Field::Second: m_out.m_seconds = bits; break;
    case Field::Minute: m_out.m_minutes = bits; break;
    case Field::Hour: m_out.m_hours = std::uint32_t(bits); break;
    case Field::Day: m_out.m_days = std::uint32_t(bits); break;
    case Field::Month: m_out.m_months = std::uint16_t(bits); break;
    case Field::Weekday:
        if (bits & (1u << 7))
            bits = (bits | 1u) & 0x7f; // 7 is Sunday too
        m_out.m_weekdays = std::uint8_t(bits);
        break;
    }
    return {};
}

std::expected<int, ScheduleError> CronParser::value(Field f, const QString& text, int position) const
{
    const FieldInfo fi = info(f);
    if (text.isEmpty())
        return std::unexpected(error(position, QStringLiteral("a value is missing in the %1 field").arg(QLatin1StringView(fi.name))));
    int v = -1;
    if (isNumber(text)) {
        v = text.toInt();
    } else if (f == Field::Month || f == Field::Weekday) {
        const QString upper = text.toUpper();
        const auto names = f == Field::Month ? monthNames : dayNames;
        const int count = f == Field::Month ? 12 : 7;
        for (int i = 0; i < count; ++i) {
            if (upper == QLatin1StringView(names[i]))
                v = f == Field::Month ? i + 1 : i;
        }
        if (v < 0)
            return std::unexpected(error(position, QStringLiteral("\"%1\" is not a %2 (use %3 or a number)")
                                                        .arg(text, QLatin1StringView(fi.name),
                                                             f == Field::Month ? QStringLiteral("JAN-DEC")
                                                                               : QStringLiteral("SUN-SAT"))));
        return v;
    } else {
        return std::unexpected(error(position, QStringLiteral("\"%1\" is not a number in the %2 field")
                                                    .arg(text, QLatin1StringView(fi.name))));
    }
    if (v < fi.min || v > fi.max)
        return std::unexpected(error(position, QStringLiteral("%1 %2 is out of range %3-%4")
                                                    .arg(QLatin1StringView(fi.name))
                                                    .arg(v)
                                                    .arg(fi.min)
                                                    .arg(fi.max)));
    return v;
}

std::expected<void, ScheduleError> CronParser::item(Field f, const QString& text, int position, std::uint64_t& bits)
{
    const FieldInfo fi = info(f);
    QString range = text;
    int step = 1;
    const qsizetype slash = text.indexOf(u'/');
    if (slash >= 0) {
        const QString stepText = text.mid(slash + 1);
        const int stepPos = position + int(slash) + 1;
        if (!isNumber(stepText))
            return std::unexpected(error(stepPos, QStringLiteral("step \"%1\" is not a number").arg(stepText)));
        step = stepText.toInt();
        if (step < 1 || step > fi.max)
            return std::unexpected(error(stepPos, QStringLiteral("step %1 is out of range 1-%2").arg(step).arg(fi.max)));
        range = text.left(slash);
    }
    int lo = fi.min;
    int hi = f == Field::Weekday ? 6 : fi.max;
    if (range == u"*" || range == u"?") {
        // the whole range
    } else {
        const qsizetype dash = range.indexOf(u'-', 1);
        if (dash < 0) {
            auto v = value(f, range, position);
            if (!v)
                return std::unexpected(v.error());
            lo = *v;
            hi = slash >= 0 ? (f == Field::Weekday ? 6 : fi.max) : *v; // "5/15" means 5 to the end, every 15
        } else {
            auto a = value(f, range.left(dash), position);
            if (!a)
                return std::unexpected(a.error());
            auto b = value(f, range.mid(dash + 1), position + int(dash) + 1);
            if (!b)
                return std::unexpected(b.error());
            lo = *a;
            hi = *b;
            if (lo > hi)
                return std::unexpected(error(position, QStringLiteral("range %1 runs backwards (%2 is after %3)")
                                                            .arg(range)
                                                            .arg(lo)
                                                            .arg(hi)));
        }
    }
    for (int v = lo; v <= hi; v += step)
        bits |= std::uint64_t(1) << v;
    return {};
}

std::expected<bool, ScheduleError> CronParser::dayItem(const QString& text, int position)
{
    const QString t = text.toUpper();
    if (t == u"L") {
        m_out.m_lastDayOffsets.append(0);
        return true;
    }
    if (t == u"LW") {
        m_out.m_lastWeekday = true;
        return true;
    }
    if (t.startsWith(u"L-")) {
        const QString n = t.mid(2);
        if (!isNumber(n) || n.toInt() > 30)
            return std::unexpected(error(position + 2, QStringLiteral("\"L-%1\": expected L-n with n from 0 to 30").arg(n)));
        m_out.m_lastDayOffsets.append(n.toInt());
        return true;
    }
    if (t.endsWith(u'W')) {
        const QString n = t.chopped(1);
        if (!isNumber(n) || n.toInt() < 1 || n.toInt() > 31)
            return std::unexpected(error(position, QStringLiteral("\"%1\": expected nW with a day from 1 to 31").arg(text)));
        m_out.m_nearestWeekday.append(n.toInt());
        return true;
    }
    if (t.contains(u'L') || t.contains(u'#'))
        return std::unexpected(error(position, QStringLiteral("\"%1\" is not a day of month (use L, L-n, LW, nW, "
                                                              "numbers, ranges and steps)")
                                                   .arg(text)));
    return false;
}

std::expected<bool, ScheduleError> CronParser::weekdayItem(const QString& text, int position)
{
    const qsizetype hash = text.indexOf(u'#');
    if (hash >= 0) {
        auto d = value(Field::Weekday, text.left(hash), position);
        if (!d)
            return std::unexpected(d.error());
        const QString n = text.mid(hash + 1);
        if (!isNumber(n) || n.toInt() < 1 || n.toInt() > 5)
            return std::unexpected(error(position + int(hash) + 1,
                                         QStringLiteral("\"#%1\": the week number after # must be 1 to 5").arg(n)));
        m_out.m_nthWeekday.append({*d % 7, n.toInt()});
        return true;
    }
    if (text.size() > 1 && text.back().toUpper() == u'L') {
        auto d = value(Field::Weekday, text.chopped(1), position);
        if (!d)
            return std::unexpected(d.error());
        m_out.m_lastOfWeekday |= std::uint8_t(1u << (*d % 7));
        return true;
    }
    if (text.compare(u"L", Qt::CaseInsensitive) == 0) // Quartz: L alone in the weekday field is Saturday
        return std::unexpected(error(position, QStringLiteral("\"L\" needs a weekday in this field (e.g. 5L, the last Friday)")));
    return false;
}

std::expected<CronExpression, ScheduleError> CronExpression::parse(const QString& text)
{
    CronExpression e;
    CronParser parser(e);
    if (auto r = parser.parse(text); !r)
        return std::unexpected(r.error());
    if (e.m_seconds == 0 || e.m_minutes == 0 || e.m_hours == 0 || e.m_months == 0)
        return std::unexpected(ScheduleError{-1, QStringLiteral("the expression matches no time")});
    const bool anyDay = e.m_days || !e.m_lastDayOffsets.isEmpty() || !e.m_nearestWeekday.isEmpty() || e.m_lastWeekday;
    const bool anyWeekday = e.m_weekdays || e.m_lastOfWeekday || !e.m_nthWeekday.isEmpty();
    if (!anyDay || !anyWeekday)
        return std::unexpected(ScheduleError{-1, QStringLiteral("the expression matches no day")});
    // A fixed date that no month has (30 February) fires never: say so now, not in 30 years.
    if (!e.next(0, QTimeZone::utc()))
        return std::unexpected(ScheduleError{-1, QStringLiteral("the expression never fires (no month has that day)")});
    return e;
}

bool CronExpression::matchesDay(const QDate& date) const
{
    if (!(m_months & (1u << date.month())))
        return false;
    const int day = date.day();
    const int last = date.daysInMonth();
    const int weekday = date.dayOfWeek() % 7; // Qt: Monday 1 ... Sunday 7
    bool dayMatch = (m_days >> day) & 1u;
    for (int off : m_lastDayOffsets)
        dayMatch = dayMatch || day == last - off;
    const auto isWorkday = [](int wd) { return wd >= 1 && wd <= 5; };
    if (!dayMatch && isWorkday(weekday)) {
        for (int n : m_nearestWeekday) {
            if (n > last)
                continue;
            const int wdN = QDate(date.year(), date.month(), n).dayOfWeek() % 7;
            int target = n;
            if (wdN == 6) // Saturday: the Friday before, unless that leaves the month
                target = n == 1 ? 3 : n - 1;
            else if (wdN == 0) // Sunday: the Monday after, unless that leaves the month
                target = n == last ? n - 2 : n + 1;
            dayMatch = dayMatch || target == day;
        }
        if (m_lastWeekday) {
            const int wdLast = QDate(date.year(), date.month(), last).dayOfWeek() % 7;
            const int target = wdLast == 6 ? last - 1 : wdLast == 0 ? last - 2 : last;
            dayMatch = dayMatch || target == day;
        }
    }
    bool weekdayMatch = (m_weekdays >> weekday) & 1u;
    if ((m_lastOfWeekday >> weekday) & 1u)
        weekdayMatch = weekdayMatch || day + 7 > last;
    for (const auto& [wd, n] : m_nthWeekday)
        weekdayMatch = weekdayMatch || (wd == weekday && (day - 1) / 7 + 1 == n);
    if (m_dayRestricted && m_weekdayRestricted)
        return dayMatch || weekdayMatch;
    if (m_dayRestricted)
        return dayMatch;
    if (m_weekdayRestricted)
        return weekdayMatch;
    return true;
}

namespace {

// The lowest set bit at or above `from`, or -1.
int nextBit(std::uint64_t bits, int from)
{
    if (from >= 64)
        return -1;
    const std::uint64_t masked = bits & (~std::uint64_t(0) << from);
    return masked ? std::countr_zero(masked) : -1;
}

} // namespace

int CronExpression::nextTimeOfDay(int sod) const
{
    int h = sod / 3600;
    int m = sod / 60 % 60;
    int s = sod % 60;
    while (true) {
        const int hh = nextBit(m_hours, h);
        if (hh < 0)
            return -1;
        if (hh != h)
            m = s = 0;
        h = hh;
        const int mm = nextBit(m_minutes, m);
        if (mm < 0) {
            ++h;
            m = s = 0;
            continue;
        }
        if (mm != m)
            s = 0;
        m = mm;
        const int ss = nextBit(m_seconds, s);
        if (ss < 0) {
            ++m;
            s = 0;
            if (m == 60) {
                ++h;
                m = 0;
            }
            continue;
        }
        return h * 3600 + m * 60 + ss;
    }
}

std::optional<qint64> CronExpression::next(qint64 afterUtcSecs, const QTimeZone& zone) const
{
    constexpr qint64 day = 86400;
    constexpr qint64 unixEpochJulianDay = 2440588;
    const qint64 local = LocalTime::toLocal(zone, afterUtcSecs);
    qint64 dayNumber = local >= 0 ? local / day : (local - day + 1) / day;
    int sod = int(local - dayNumber * day);
    QDate date = QDate::fromJulianDay(dayNumber + unixEpochJulianDay);
    const QDate end = date.addYears(30);
    while (date <= end) {
        if (!(m_months & (1u << date.month()))) {
            date = QDate(date.year(), date.month(), 1).addMonths(1);
            sod = 0;
            continue;
        }
        if (matchesDay(date)) {
            const qint64 dayStart = (date.toJulianDay() - unixEpochJulianDay) * day;
            for (int t = nextTimeOfDay(sod); t >= 0; t = t + 1 < int(day) ? nextTimeOfDay(t + 1) : -1) {
                const qint64 at = LocalTime::resolve(zone, dayStart + t);
                if (at > afterUtcSecs)
                    return at;
            }
        }
        date = date.addDays(1);
        sod = 0;
    }
    return std::nullopt;
}

} // namespace taskloom::engine
