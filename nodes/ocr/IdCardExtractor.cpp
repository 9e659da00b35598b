#include "IdCardExtractor.hpp"

#include "Normalize.hpp"
#include "TextLines.hpp"

#include <QRegularExpression>

namespace taskloom::nodes::ocr {

using namespace textlines;

namespace {

QString camelLabel(const QString& label)
{
    QString out;
    bool upperNext = false;
    for (QChar c : label.simplified()) {
        if (!c.isLetterOrNumber()) {
            upperNext = !out.isEmpty();
            continue;
        }
        out += upperNext ? c.toUpper() : (out.isEmpty() ? c.toLower() : c);
        upperNext = false;
    }
    return out;
}

// A Korean date as cards print it: "2018. 12. 25." or "2018.12.25".
std::optional<std::pair<QDate, QString>> koreanDate(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("(\\d{4})\\s*[.\\-년]\\s*(\\d{1,2})\\s*[.\\-월]\\s*(\\d{1,2})\\s*[.일]?"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const QDate d(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    if (!d.isValid())
        return std::nullopt;
    return std::pair{d, m.captured(0).trimmed()};
}

} // namespace

bool IdCardExtractor::validResidentNumber(const QString& digits)
{
    if (digits.size() != 13)
        return false;
    static const int weights[12] = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};
    int sum = 0;
    for (int i = 0; i < 12; ++i) {
        if (!digits[i].isDigit())
            return false;
        sum += digits[i].digitValue() * weights[i];
    }
    return digits[12].isDigit() && (11 - sum % 11) % 10 == digits[12].digitValue();
}

QString IdCardExtractor::maskResidentNumber(const QString& digits)
{
    return digits.left(6) + u'-' + digits.mid(6, 1) + QString(6, u'*');
}

Extraction IdCardExtractor::extract(const OcrDocument& doc) const
{
    Extraction ex;
    ex.kind = QStringLiteral("id");
    ex.text = doc.text();
    const QList<OcrLine> lines = doc.allLines();
    QString compact = ex.text;
    compact.remove(QRegularExpression(QStringLiteral("\\s+")));
    const bool licence = compact.contains(QStringLiteral("운전면허")) || compact.contains(QStringLiteral("DRIVER"), Qt::CaseInsensitive);
    const bool resident = compact.contains(QStringLiteral("주민등록증"));
    static const QRegularExpression rrn(QStringLiteral("(?<!\\d)(\\d{6})\\s*[-–~]\\s*([1-8]\\d{6})(?!\\d)"));
    qsizetype rrnLine = -1;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const auto m = rrn.match(lines[i].text);
        if (!m.hasMatch())
            continue;
        const QString digits = m.captured(1) + m.captured(2);
        Field f = fieldFrom(lines[i], m_options.revealNationalIds ? m.captured(1) + u'-' + m.captured(2) : maskResidentNumber(digits),
                            m_options.revealNationalIds ? m.captured(0) : maskResidentNumber(digits));
        f.box = boxOfSpan(lines[i], m.capturedStart(), m.capturedLength());
        ex.set(QStringLiteral("residentNumber"), f);
        if (!validResidentNumber(digits))
            ex.flags << QStringLiteral("resident registration number check digit fails (or the number was issued after October 2020)");
        const QChar g = digits[6];
        const int base = (g == u'1' || g == u'2' || g == u'5' || g == u'6') ? 1900 : (g == u'9' || g == u'0') ? 1800 : 2000;
        const QDate birth(base + digits.left(2).toInt(), digits.mid(2, 2).toInt(), digits.mid(4, 2).toInt());
        if (birth.isValid())
            ex.set(QStringLiteral("birthDate"), fieldFrom(lines[i], birth.toString(Qt::ISODate), m.captured(1)));
        else
            ex.flags << QStringLiteral("birth date in the resident registration number cannot exist");
        ex.set(QStringLiteral("sex"), fieldFrom(lines[i], digits[6].digitValue() % 2 == 1 ? QStringLiteral("M") : QStringLiteral("F"), QString(g)));
        rrnLine = i;
        break;
    }
    if (resident || licence || rrnLine >= 0) {
        ex.documentType = licence ? QStringLiteral("kr-driver-licence") : QStringLiteral("kr-resident-card");
        // Name: 2-5 Hangul syllables on their own (optionally after 성명), near the top or just above the number.
        static const QRegularExpression name(QStringLiteral("(?:성\\s*명\\s*[:：]?\\s*)?([가-힣]{2,5})(?:\\s*\\([^)]*\\))?\\s*$"));
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QString t = lines[i].text.trimmed();
            const auto m = name.match(t);
            if (m.hasMatch() && !t.contains(QStringLiteral("주민등록증")) && !t.contains(QStringLiteral("면허")) &&
                !t.contains(QStringLiteral("청장")) && !t.contains(QStringLiteral("시장")) && !t.contains(QStringLiteral("구청")) &&
                (rrnLine < 0 || std::abs(i - rrnLine) <= 2)) {
                ex.set(QStringLiteral("name"), fieldFrom(lines[i], m.captured(1), t));
                break;
            }
        }
        // Address: lines after the number holding place words, up to the issue date.
        static const QRegularExpression place(QStringLiteral("(시|도|구|군|읍|면|동|로|길|번지|아파트|호)(\\s|$|\\d)"));
        QStringList address;
        Box box;
        for (qsizetype i = std::max<qsizetype>(0, rrnLine + 1); i < lines.size(); ++i) {
            const QString t = lines[i].text.simplified();
            if (koreanDate(t))
                break;
            if (place.match(t).hasMatch() && !t.contains(QStringLiteral("면허"))) {
                address << t;
                box = box.united(lines[i].box);
            } else if (!address.isEmpty()) {
                break;
            }
        }
        if (!address.isEmpty())
            ex.set(QStringLiteral("address"), Field{address.join(u' '), address.join(u' '), 0.6, box, 1});
        for (qsizetype i = lines.size() - 1; i >= 0; --i) {
            if (auto d = koreanDate(lines[i].text)) {
                ex.set(QStringLiteral("issueDate"), fieldFrom(lines[i], d->first.toString(Qt::ISODate), d->second));
                break;
            }
        }
        if (licence) {
            static const QRegularExpression number(QStringLiteral("((?:[가-힣]{2}\\s*)?\\d{2})\\s*-\\s*(\\d{2})\\s*-\\s*(\\d{6})\\s*-\\s*(\\d{2})"));
            static const QRegularExpression type(QStringLiteral("([12])\\s*종\\s*(보통|대형|소형|특수|원동기)"));
            for (const OcrLine& l : lines) {
                if (const auto m = number.match(l.text); m.hasMatch() && ex.get(QStringLiteral("licenceNumber")).isEmpty())
                    ex.set(QStringLiteral("licenceNumber"), fieldFrom(l, QStringLiteral("%1-%2-%3-%4").arg(m.captured(1).simplified(), m.captured(2), m.captured(3), m.captured(4)), m.captured(0)));
                if (const auto m = type.match(l.text); m.hasMatch() && ex.get(QStringLiteral("licenceType")).isEmpty())
                    ex.set(QStringLiteral("licenceType"), fieldFrom(l, m.captured(1) + QStringLiteral("종 ") + m.captured(2), m.captured(0)));
            }
        }
        return ex;
    }
    // Generic card: "Label: value" lines.
    ex.documentType = QStringLiteral("label-value");
    static const QRegularExpression pair(QStringLiteral("^\\s*([A-Za-z가-힣][A-Za-z가-힣 ./']{0,30}?)\\s*[:：]\\s*(\\S.*)$"));
    for (const OcrLine& l : lines) {
        const auto m = pair.match(l.text);
        if (!m.hasMatch())
            continue;
        const QString key = camelLabel(m.captured(1));
        if (key.isEmpty() || !ex.get(key).isEmpty())
            continue;
        QString value = m.captured(2).trimmed();
        if (const auto dates = normalize::findDates(value); !dates.isEmpty() && dates.first().raw.size() + 2 >= value.size())
            ex.set(key, fieldFrom(l, dates.first().date.toString(Qt::ISODate), value));
        else
            ex.set(key, fieldFrom(l, value, value));
    }
    return ex;
}

} // namespace taskloom::nodes::ocr
