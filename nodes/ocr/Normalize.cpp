#include "Normalize.hpp"

#include <QRegularExpression>

#include <algorithm>

namespace taskloom::nodes::ocr::normalize {

namespace {

int monthFromName(QStringView name)
{
    // English, Dutch and German share most three-letter stems; French and the odd ones are listed whole.
    static const char* names[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    static const std::pair<const char*, int> words[] = {
        {"janvier", 1}, {"février", 2}, {"fevrier", 2}, {"mars", 3}, {"avril", 4}, {"mai", 5}, {"juin", 6}, {"juillet", 7},
        {"août", 8}, {"aout", 8}, {"septembre", 9}, {"octobre", 10}, {"novembre", 11}, {"décembre", 12}, {"decembre", 12},
        {"mei", 5}, {"okt", 10}, {"dez", 12}, {"mär", 3}, {"maerz", 3}, {"märz", 3}, {"maart", 3}};
    const QString word = name.toString().toLower();
    for (const auto& [w, month] : words)
        if (word == QString::fromUtf8(w))
            return month;
    const QString lower = word.left(3);
    for (int i = 0; i < 12; ++i)
        if (lower == QLatin1String(names[i]))
            return i + 1;
    return 0;
}

int fullYear(int y)
{
    if (y >= 100)
        return y;
    return y + (y <= QDate::currentDate().year() % 100 + 10 ? 2000 : 1900);
}

bool overlaps(const QList<DateMatch>& found, qsizetype pos, qsizetype len)
{
    for (const DateMatch& m : found)
        if (pos < m.position + m.raw.size() && m.position < pos + len)
            return true;
    return false;
}

} // namespace

std::optional<double> amount(QString text)
{
    text.remove(QRegularExpression(QStringLiteral("[^0-9.,\\-]")));
    const bool negative = text.startsWith(u'-');
    text.remove(u'-');
    if (text.isEmpty() || (!text.front().isDigit() && text.front() != u'.' && text.front() != u','))
        return std::nullopt;
    const qsizetype lastDot = text.lastIndexOf(u'.'), lastComma = text.lastIndexOf(u',');
    const qsizetype lastSep = std::max(lastDot, lastComma);
    QString intPart = text, fracPart;
    // The last separator is decimal when one or two digits follow it (or three after a different separator
    // appears earlier? no: "1.234" with three digits is a thousands group).
    if (lastSep >= 0) {
        const qsizetype digitsAfter = text.size() - lastSep - 1;
        const bool otherBefore = (lastSep == lastDot ? lastComma : lastDot) >= 0;
        if (digitsAfter > 0 && (digitsAfter <= 2 || (digitsAfter != 3 && !otherBefore))) {
            intPart = text.left(lastSep);
            fracPart = text.mid(lastSep + 1);
        }
    }
    intPart.remove(u'.');
    intPart.remove(u',');
    if (intPart.isEmpty() && fracPart.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double v = (intPart.isEmpty() ? QStringLiteral("0") : intPart).append(u'.').append(fracPart.isEmpty() ? QStringLiteral("0") : fracPart).toDouble(&ok);
    if (!ok)
        return std::nullopt;
    return negative ? -v : v;
}

QList<AmountMatch> findAmounts(const QString& text, bool requireDecimals)
{
    static const QRegularExpression withDecimals(
        QStringLiteral("(?<![\\d.,])-?(?:\\d{1,3}(?:[,.\\s]\\d{3})+|\\d+)[.,] ?\\d{2}(?![\\d])"));
    static const QRegularExpression anyNumber(QStringLiteral("(?<![\\d.,])-?(?:\\d{1,3}(?:[,.]\\d{3})+|\\d+)(?:[.,]\\d{1,2})?(?![\\d])"));
    QList<AmountMatch> out;
    auto collect = [&](const QRegularExpression& re, bool needCurrency) {
        for (auto it = re.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            // The marker just before the number (with the number, for markers that must be followed by one).
            const qsizetype from = std::max<qsizetype>(0, m.capturedStart() - 4);
            const QString code = currency(text.mid(from, m.capturedEnd() - from));
            if (needCurrency && code.isEmpty())
                continue;
            if (std::any_of(out.begin(), out.end(), [&](const AmountMatch& a) { return m.capturedStart() < a.position + a.raw.size() && a.position < m.capturedEnd(); }))
                continue;
            QString raw = m.captured(0);
            QString compact = raw;
            compact.remove(u' ');
            if (auto v = amount(compact))
                out.append({raw, *v, m.capturedStart(), code});
        }
    };
    collect(requireDecimals ? withDecimals : anyNumber, false);
    // Whole amounts count when a currency marker stands right before them ("Rs 1939", "$25").
    if (requireDecimals)
        collect(anyNumber, true);
    std::sort(out.begin(), out.end(), [](const AmountMatch& a, const AmountMatch& b) { return a.position < b.position; });
    return out;
}

QList<DateMatch> findDates(const QString& text, DateOrder order)
{
    QList<DateMatch> out;
    auto add = [&](const QRegularExpressionMatch& m, int y, int mo, int d, const QString& raw = {}) {
        const QDate date(fullYear(y), mo, d);
        if (date.isValid() && !overlaps(out, m.capturedStart(), m.capturedLength()))
            out.append({raw.isEmpty() ? m.captured(0) : raw, date, m.capturedStart(), m.capturedLength()});
    };
    static const QRegularExpression korean(QStringLiteral("(\\d{4})\\s*년\\s*(\\d{1,2})\\s*월\\s*(\\d{1,2})\\s*일"));
    for (auto it = korean.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        add(m, m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    }
    static const QRegularExpression iso(QStringLiteral("(?<!\\d)(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)"));
    for (auto it = iso.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        add(m, m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    }
    // Not inside a code with more of its own separators: "MI11/3-21 - 12/480" holds no date.
    static const QRegularExpression numeric(
        QStringLiteral("(?<![\\d.])(?<!\\d[-/])(\\d{1,2})\\s?([-/.])\\s?(\\d{1,2})\\s?\\2\\s?(\\d{4}|\\d{2})(?!\\d|/\\d)"));
    for (auto it = numeric.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        int a = m.captured(1).toInt(), b = m.captured(3).toInt();
        const int y = m.captured(4).toInt();
        int day = order == DateOrder::DayFirst ? a : b, month = order == DateOrder::DayFirst ? b : a;
        if (month > 12 && day <= 12)
            std::swap(day, month); // the only reading that exists
        // OCR puts spaces around separators that are not printed ("18-10- 17"): the raw form drops them.
        add(m, y, month, day, QString(m.captured(0)).remove(u' '));
    }
    static const QRegularExpression dayMonthName(QStringLiteral(
        "(?<!\\d)(\\d{1,2})(?:st|nd|rd|th|er)?[\\s\\-/.]*(\\p{L}{3,9})[\\s\\-/.,]*(\\d{4}|\\d{2}(?!\\s*,\\s*\\d{4}))(?!\\d)"),
        QRegularExpression::UseUnicodePropertiesOption);
    for (auto it = dayMonthName.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        // A month name run into its year by OCR ("03 APR2018") is printed with a space.
        if (const int mo = monthFromName(m.captured(2))) {
            QString raw = m.captured(0);
            if (m.capturedStart(3) == m.capturedEnd(2))
                raw.insert(m.capturedStart(3) - m.capturedStart(0), u' ');
            add(m, m.captured(3).toInt(), mo, m.captured(1).toInt(), raw);
        }
    }
    static const QRegularExpression monthNameDay(QStringLiteral("\\b([A-Za-z]{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*,?\\s+(\\d{4})(?!\\d)"));
    for (auto it = monthNameDay.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (const int mo = monthFromName(m.captured(1)))
            add(m, m.captured(3).toInt(), mo, m.captured(2).toInt());
    }
    std::sort(out.begin(), out.end(), [](const DateMatch& a, const DateMatch& b) { return a.position < b.position; });
    return out;
}

std::optional<QDate> date(const QString& text, DateOrder order)
{
    const auto found = findDates(text, order);
    if (found.isEmpty())
        return std::nullopt;
    return found.first().date;
}

QString currency(const QString& text)
{
    struct Marker {
        const char* pattern;
        const char* code;
    };
    static const Marker markers[] = {
        {"\\bRM\\b|\\bRM(?=\\d)|\\bMYR\\b", "MYR"}, {"€|\\bEUR\\b", "EUR"},      {"£|\\bGBP\\b", "GBP"},
        {"₹|\\bINR\\b|\\bRs\\.?(?=\\s?-?\\d)", "INR"}, {"₩|\\bKRW\\b|원", "KRW"},  {"¥|\\bJPY\\b", "JPY"},
        {"\\bUSD\\b|US\\$", "USD"},                  {"\\bS\\$|\\bSGD\\b", "SGD"}, {"\\bCHF\\b", "CHF"},
        {"\\bCAD\\b|C\\$", "CAD"},                   {"\\bAUD\\b|A\\$", "AUD"},   {"\\$", "USD"},
    };
    for (const Marker& m : markers) {
        const QRegularExpression re(QString::fromUtf8(m.pattern));
        if (re.match(text).hasMatch())
            return QString::fromLatin1(m.code);
    }
    return {};
}

bool isPlausible(const QDate& date)
{
    return date.isValid() && date <= QDate::currentDate().addYears(1);
}

QString formatAmount(double v)
{
    return QString::number(v, 'f', 2);
}

QString findTime(const QString& text, QString* raw)
{
    static const QRegularExpression re(QStringLiteral("(?<![\\d:])([01]?\\d|2[0-3])\\s?:\\s?([0-5]\\d)(?::([0-5]\\d))?\\s*([AaPp][Mm])?(?![\\d])"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return {};
    int h = m.captured(1).toInt();
    const QString ampm = m.captured(4).toUpper();
    if (ampm == u"PM" && h < 12)
        h += 12;
    if (ampm == u"AM" && h == 12)
        h = 0;
    if (raw)
        *raw = m.captured(0).trimmed();
    return QStringLiteral("%1:%2:%3").arg(h, 2, 10, QLatin1Char('0')).arg(m.captured(2)).arg(m.captured(3).isEmpty() ? QStringLiteral("00") : m.captured(3));
}

} // namespace taskloom::nodes::ocr::normalize
