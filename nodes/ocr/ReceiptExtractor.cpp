#include "ReceiptExtractor.hpp"

#include "Lexicon.hpp"
#include "TextLines.hpp"

#include <QRegularExpression>

#include <cmath>

namespace taskloom::nodes::ocr {

using namespace textlines;

namespace {

QRegularExpression re(const char* pattern)
{
    return QRegularExpression(QString::fromUtf8(pattern), QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
}

const QRegularExpression& legalSuffix()
{
    static const auto r = re("\\b(SDN\\.?\\s*BHD|BHD|S/B|SDN|LTD|LIMITED|INC|LLC|GMBH|PLC|CORP(ORATION)?|ENTERPRISES?|TRADING|"
                             "CO\\.,?\\s*LTD|주식회사|\\(주\\))\\b\\.?");
    return r;
}

const QRegularExpression& businessWord()
{
    static const auto r = re("\\b(RESTAURANT|RESTORAN|CAFE|BAKERY|MART|STORE|SHOP|HARDWARE|PHARMACY|SUPERMARKET|MARKET|"
                             "HOLDINGS|MARKETING|STATIONERY|BOOKS?|KEDAI|HOTEL|FOOD|ELECTRICAL|SERVICES?|CENTRE|CENTER|"
                             "INDUSTRIES|MACHINERY|GIFT|DECORATION|PRINTING|TEA|KOPITIAM|OUTLET|EMPORIUM)\\b");
    return r;
}

// Lines that end the address block: contact details, registration numbers, document headings.
const QRegularExpression& headerStop()
{
    static const auto r = re("\\b(TEL|TELEPHONE|PHONE|FAX|H/?P|MOBILE|GST|SST|TAX\\s*INVOICE|TAX|INVOICE|RECEIPT|DOC(UMENT)?|"
                             "CASHIER|DATE|TIME|TABLE|ORDER|BILL|E-?MAIL|WWW|HTTP|VAT|ABN|(REG(ISTRATION)?|BR)\\.?\\s*NO|GSTID|GSTREG|"
                             "COMPANY\\s+NO|CO\\.?\\s*NO|ROC|TERMINAL|POS|SALES|MEMBER|QTY|QNTY|QUANTITY|PRICE|DESCRIPTION|AMOUNT|전화|사업자|대표)\\b|"
                             "\\w*INVOICE\\b|@|\\.COM\\b"); // also run together with a misread TAX: "AXINVOICE"
    return r;
}

// Words that open an address line (with a house or lot number), the states and country an address ends with, and a
// postcode: five digits, not inside a registration number ("(81109-A)", "(95874)").
const QRegularExpression& streetWord()
{
    static const auto r = re("\\b(JALAN|JLN|JL|LOT|NO\\.?|LORONG|LRG|TAMAN|TMN|ROAD|RD|STREET|ST|AVENUE|AVE|BANDAR|KAWASAN|"
                             "PERSIARAN|LEBUH|LEBUHRAYA|SEKSYEN|SECTION|BLOCK|BLK|LEVEL|LVL|FLOOR|FLR|SUITE|UNIT|KM|BATU|"
                             "KAMPUNG|KG|PLAZA|MALL|WISMA|BANGUNAN|KOMPLEKS|PUSAT|시|구|동|로|길)\\b");
    return r;
}

const QRegularExpression& regionWord()
{
    static const auto r = re("\\b(SELANGOR|KUALA\\s*LUMPUR|KL|JOHOR|PERAK|PAHANG|KEDAH|MELAKA|MALACCA|SABAH|SARAWAK|PENANG|"
                             "PULAU\\s*PINANG|NEGERI\\s*SEMBILAN|KELANTAN|TERENGGANU|PERLIS|PUTRAJAYA|LABUAN|DARUL|EHSAN|TAKZIM|"
                             "AMAN|KHUSUS|MAKMUR|RIDZUAN|NAIM|WILAYAH|PERSEKUTUAN|MALAYSIA|SINGAPORE)\\b");
    return r;
}

const QRegularExpression& postcode()
{
    static const QRegularExpression r(QStringLiteral("(?<![\\d(\\-/])\\d{5}(?![\\d)\\-/])"));
    return r;
}

// "SITE : 2365", "CARELINE : 1800 88 1231": a labelled detail under the address, not a part of it.
bool labelledDetail(const QString& u)
{
    static const QRegularExpression label(QStringLiteral("^([\\p{L} ./#]{2,30}?)\\s*:\\s*\\S"));
    const auto m = label.match(u);
    return m.hasMatch() && !containsAny(m.captured(1), streetWord()) && !containsAny(m.captured(1), regionWord());
}

bool hasDigit(const QString& text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.isDigit(); });
}

bool isAddressWord(const QString& u)
{
    return containsAny(u, streetWord()) || containsAny(u, regionWord()) || containsAny(u, postcode());
}

// A line that opens a street address: a postcode, a street word with a number, or a street word first, before any
// contact or registration details ("CO. REG NO.: 725186-V" opens nothing).
bool opensAddress(QString u)
{
    if (const auto stop = headerStop().match(u); stop.hasMatch())
        u.truncate(stop.capturedStart());
    if (containsAny(u, postcode()))
        return true;
    const auto m = streetWord().match(u);
    return m.hasMatch() && (hasDigit(u) || m.capturedStart() == 0);
}

QString cleanCompany(QString s)
{
    // OCR slips in the legal form, which is a closed vocabulary: "SON BHD", "SDN DHD", "SIN BHD" are SDN BHD,
    // "5/8" next to a name is S/B. Anything printed after the legal form on the same line (registration numbers
    // read as letters) is not part of the name.
    static const QRegularExpression sdnBhd(QStringLiteral("\\b[S5][DOIUN0][NH]\\.?\\s*[BD8][HNI][DO0]\\b"),
                                           QRegularExpression::CaseInsensitiveOption);
    for (qsizetype from = 0;;) {
        const auto m = sdnBhd.match(s, from);
        if (!m.hasMatch())
            break;
        QString letters = m.captured(0).toUpper();
        letters.remove(QRegularExpression(QStringLiteral("[.\\s]")));
        if (letters != u"SDNBHD")
            s.replace(m.capturedStart(), m.capturedLength(), QStringLiteral("SDN BHD"));
        from = m.capturedStart() + 7;
    }
    // SDN is always followed by BHD: a short word after it that starts like B and ends like D is one ("SDN. 80.",
    // "SDN BILD").
    s.replace(re("\\bSDN(\\.?\\s*)[B8][A-Z0-9]{0,2}[DO0](?=\\.|\\b)"), QStringLiteral("SDN\\1BHD"));
    s.replace(QRegularExpression(QStringLiteral("(?<=[A-Z] )[S5]\\s*/\\s*[B8]\\b")), QStringLiteral("S/B"));
    if (const auto m = re("\\b(SDN\\.?\\s*BHD|S/B)\\b\\.?").match(s); m.hasMatch())
        s.truncate(m.capturedEnd());
    // Specks and rule fragments OCR reads at the edges: ". NAME", "| NAME", "NAME !".
    s.remove(QRegularExpression(QStringLiteral("^[^\\p{L}\\p{N}(]+")));
    // "OWNED BY: ACME SDN BHD": the owner's name is the merchant's.
    s.remove(re("^\\s*OWN(ED)?\\s*BY\\s*:?\\s*"));
    s.remove(QRegularExpression(QStringLiteral("(?<=\\S)\\s+[^\\p{L}\\p{N}().]+$")));
    // A registration number printed after the name is not part of it: "NAME (519537-X)", "NAME CO. REG 123".
    s.remove(QRegularExpression(QStringLiteral("\\s*\\((?=[^)]*\\d)[^)]*\\)?\\s*$")));
    s.remove(re("\\s*\\b(CO\\.?\\s*)?(REG|GST|SST)\\b.*$"));
    s.remove(QRegularExpression(QStringLiteral("\\s*[\\d\\-]{5,}[A-Z]?\\s*$")));
    return s.simplified();
}

bool isNoise(const QString& text)
{
    qsizetype letters = 0;
    for (QChar c : text)
        letters += c.isLetter() ? 1 : 0;
    return letters < 3 || letters * 4 < text.size();
}

struct Candidate {
    int priority = 0;
    double value = 0;
    QString raw;
    qsizetype line = -1;
};

// The amount a labelled line carries: its rightmost amount, else the first amount on the next line.
std::optional<AmountMatch> amountFor(const QList<OcrLine>& lines, qsizetype i)
{
    const auto here = normalize::findAmounts(lines[i].text);
    if (!here.isEmpty())
        return here.last();
    if (i + 1 < lines.size()) {
        const auto next = normalize::findAmounts(lines[i + 1].text);
        if (!next.isEmpty() && lines[i + 1].text.simplified().count(u' ') <= 2 &&
            !containsAny(lines[i + 1].text, re("TOTAL|CASH|CHANGE|TAX|GST")))
            return next.first();
    }
    return std::nullopt;
}

int totalPriority(const QString& u)
{
    if (containsAny(u, re("SUB\\s*-?\\s*TOTAL|TOTAL\\s*(QTY|QUANTITY|ITEM|DISC|SAVING|POINT)|EXCL|BEFORE|공급가")))
        return 0;
    if (containsAny(u, re("ROUND(ED|ING)?\\s*(TOTAL|AMT|AMOUNT)|TOTAL\\s*(AMT\\s*|AMOUNT\\s*)?ROUND|결제\\s*금액|받을\\s*금액")))
        return 6;
    if (containsAny(u, re("GRAND\\s*TOTAL|NET+\\s*TOTAL|TOTAL\\s*(PAYABLE|DUE)|AMOUNT\\s*DUE|BALANCE\\s*DUE|TOTAL\\s*(SALES\\s*)?\\(?\\s*INCL|INCL\\w*\\s*(GST|TAX|VAT)|합\\s*계|총\\s*액")))
        return 5;
    if (containsAny(u, re("^\\s*(TOTAL\\s*(GST|TAX|VAT)|GST|TAX)\\b")))
        return 0;
    if (containsAny(u, re("\\bT[O0]TAL\\b|\\bJUMLAH\\b|(NET|TOTAL)\\s*AMOUNT|AMOUNT\\s*(PAYABLE|DUE)")))
        return 4;
    return 0;
}

// The label of a line's last amount: the words after the amount before it, when they hold a label of their own
// ("TOTAL SAVING: 0.00 TOTAL 6.85": two columns read as one line), else the whole line.
QString lastAmountLabel(const OcrLine& line)
{
    const QString u = upper(line);
    const auto amounts = normalize::findAmounts(line.text);
    if (amounts.size() < 2)
        return u;
    const AmountMatch& before = amounts[amounts.size() - 2];
    const qsizetype from = before.position + before.raw.size();
    const QString label = u.mid(from, amounts.last().position - from);
    return label.count(QRegularExpression(QStringLiteral("\\p{L}"))) >= 3 ? label : u;
}

void findTotal(const QList<OcrLine>& lines, Extraction& ex)
{
    Candidate best;
    std::optional<double> cash, change;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString u = lastAmountLabel(lines[i]);
        if (containsAny(u, re("\\bCASH\\b|\\bTENDER|현금|받은")) && !containsAny(u, re("CHANGE")))
            if (auto a = amountFor(lines, i); a && !cash)
                cash = a->value;
        if (containsAny(u, re("\\bCHANGE\\b|\\bBALANCE\\b(?!\\s*DUE)|거스름")))
            if (auto a = amountFor(lines, i); a && !change)
                change = a->value;
        const int p = totalPriority(u);
        if (p == 0)
            continue;
        auto a = amountFor(lines, i);
        if (!a || a->value <= 0)
            continue;
        if (p > best.priority || (p == best.priority && a->value > best.value))
            best = {p, a->value, a->raw, i};
    }
    if (best.line < 0 && cash && change && *cash > *change)
        best = {1, *cash - *change, normalize::formatAmount(*cash - *change), -1};
    if (best.priority == 0) {
        // No total line read: the subtotal, plus the tax unless the prices include it ("INC 6% GST") or the "tax"
        // is no tax at all (a taxable amount as large as the subtotal).
        const Field sub = ex.get(QStringLiteral("subtotal"));
        const Field tax = ex.get(QStringLiteral("tax"));
        bool taxIncluded = false;
        for (const OcrLine& l : lines)
            taxIncluded = taxIncluded || containsAny(upper(l), re("\\bINC(L|LUSIVE)?\\b\\.?\\s*(OF\\s*)?(\\d+\\s*%\\s*)?(GST|TAX|VAT)"));
        if (!sub.isEmpty()) {
            const double subtotal = sub.value.toDouble(), taxValue = tax.isEmpty() ? 0 : tax.value.toDouble();
            const double value = subtotal + (taxIncluded || taxValue > subtotal * 0.3 ? 0 : taxValue);
            best = {1, value, normalize::formatAmount(value), -1};
        }
    }
    if (best.line < 0) {
        // No label: the largest amount printed at least twice (a receipt repeats its total: total, cash, card).
        QHash<QString, int> seen;
        for (const OcrLine& l : lines)
            for (const AmountMatch& a : normalize::findAmounts(l.text))
                ++seen[normalize::formatAmount(a.value)];
        for (auto it = seen.begin(); it != seen.end(); ++it)
            if (it.value() >= 2 && it.key().toDouble() > best.value)
                best = {1, it.key().toDouble(), it.key(), -1};
    }
    if (best.priority == 0)
        return;
    // A receipt prints its total more than once (total, rounded total, cash minus change). When cash minus change
    // disagrees with the labelled total but is itself printed elsewhere on the receipt, the labelled amount was
    // misread or is the unrounded one (prices round to 0.05): the paid amount wins. So it does when the paid amount
    // is a multiple of 0.05 within 0.05 of a total that is not: an unrounded total, or a misread last digit
    // ("NET TOTAL 14.89" over "CASH 14.85", "CHANGE 0.00"), and when the subtotal (plus tax) gives the paid amount.
    if (cash && change && *cash > *change && std::abs(*cash - *change - best.value) > 0.005) {
        const double paid = *cash - *change;
        auto multipleOf5 = [](double v) { return std::abs(v * 20 - std::round(v * 20)) < 1e-6; };
        const bool rounding = std::abs(paid - best.value) < 0.045 && multipleOf5(paid) && !multipleOf5(best.value);
        qsizetype printedAt = -1;
        for (qsizetype i = 0; i < lines.size() && printedAt < 0; ++i)
            for (const AmountMatch& a : normalize::findAmounts(lines[i].text))
                if (std::abs(a.value - paid) < 0.005 && std::abs(a.value - *cash) > 0.005 && std::abs(a.value - *change) > 0.005) {
                    printedAt = i;
                    break;
                }
        // The subtotal, with or without its tax, as a third reading: it sides with one of the two.
        const Field sub = ex.get(QStringLiteral("subtotal"));
        const Field tax = ex.get(QStringLiteral("tax"));
        bool subtotalAgrees = false;
        if (!sub.isEmpty())
            for (double expected : {sub.value.toDouble(), sub.value.toDouble() + (tax.isEmpty() ? 0 : tax.value.toDouble())})
                subtotalAgrees = subtotalAgrees || (std::abs(expected - paid) <= 0.025 && std::abs(expected - best.value) > 0.05);
        if (printedAt >= 0 || rounding || subtotalAgrees)
            best = {best.priority, paid, normalize::formatAmount(paid), printedAt >= 0 ? printedAt : best.line};
    }
    // An unrounded total with a rounding adjustment printed below it ("Rounding Adj -0.02"), or paid exactly in
    // cash to the nearest 0.05: what was charged is the rounded amount.
    auto multipleOf5Cents = [](double v) { return std::abs(v * 20 - std::round(v * 20)) < 1e-6; };
    if (best.priority < 6 && !multipleOf5Cents(best.value)) {
        // First a total or rounding line printing the rounded amount itself ("Rounding RM 52.10", "Grand Total
        // 15.40" under "Total incl. GST 15.39"), then an adjustment printed after the total.
        bool rounded = false;
        for (qsizetype i = 0; i < lines.size() && !rounded; ++i) {
            const QString u = upper(lines[i]);
            if (totalPriority(u) == 0 && !containsAny(u, re("ROUND")))
                continue;
            for (const AmountMatch& a : normalize::findAmounts(lines[i].text))
                if (std::abs(a.value - best.value) < 0.03 && multipleOf5Cents(a.value) && a.value > 0) {
                    best = {best.priority, a.value, a.raw, i};
                    rounded = true;
                    break;
                }
        }
        for (qsizetype i = std::max<qsizetype>(0, best.line); i < lines.size() && !rounded; ++i) {
            if (!containsAny(upper(lines[i]), re("ROUND(ING)?\\s*(ADJ|ADJUSTMENT|OFF)|ROUNDING")))
                continue;
            const auto amounts = normalize::findAmounts(lines[i].text);
            if (amounts.isEmpty())
                continue;
            const double adjusted = best.value + amounts.last().value;
            if (std::abs(amounts.last().value) < 0.05 && multipleOf5Cents(adjusted)) {
                best = {best.priority, adjusted, normalize::formatAmount(adjusted), best.line};
                break;
            }
        }
        if (!multipleOf5Cents(best.value) && cash && !change && std::abs(*cash - best.value) < 0.03 && multipleOf5Cents(*cash))
            best = {best.priority, *cash, normalize::formatAmount(*cash), best.line};
    }
    Field f = best.line >= 0 ? fieldFrom(lines[best.line], normalize::formatAmount(best.value), best.raw)
                             : Field{normalize::formatAmount(best.value), best.raw, 0.3, {}, 1};
    if (best.line < 0)
        f.confidence = 0.3;
    ex.set(QStringLiteral("total"), f);
    if (cash && change && std::abs(*cash - *change - best.value) > 0.05 && *cash - *change > 0)
        ex.flags << QStringLiteral("total %1 differs from cash %2 minus change %3")
                        .arg(normalize::formatAmount(best.value), normalize::formatAmount(*cash), normalize::formatAmount(*change));
    if (cash)
        ex.set(QStringLiteral("cash"), Field{normalize::formatAmount(*cash), normalize::formatAmount(*cash), 0.5, {}, 1});
}

void findLabelledAmount(const QList<OcrLine>& lines, Extraction& ex, const QString& name, const QRegularExpression& label,
                        const QRegularExpression& exclude)
{
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString u = upper(lines[i]);
        if (!containsAny(u, label) || (exclude.pattern().size() && containsAny(u, exclude)))
            continue;
        if (auto a = amountFor(lines, i)) {
            ex.set(name, fieldFrom(lines[i], normalize::formatAmount(a->value), a->raw));
            return;
        }
    }
}

void findLineItems(const QList<OcrLine>& lines, qsizetype from, qsizetype to, Extraction& ex)
{
    static const QRegularExpression item(QStringLiteral(
        "^(.*?[A-Za-z가-힣].*?)\\s+(?:(\\d{1,4}(?:\\.\\d{1,3})?)\\s*[xX@*]?\\s+)?(?:(\\d+[.,]\\d{2})\\s+)?(-?\\d+[.,]\\d{2})\\s*[A-Z]{0,2}\\s*$"));
    for (qsizetype i = std::max<qsizetype>(0, from); i < to && i < lines.size(); ++i) {
        const QString u = upper(lines[i]);
        if (totalPriority(u) > 0 || containsAny(u, re("TOTAL|TAX|GST|SST|VAT|CASH|CHANGE|ROUND|DISCOUNT|BALANCE|TENDER|"
                                                       "CARD|VISA|MASTER|합계|부가세|현금|카드")))
            continue;
        const auto m = item.match(lines[i].text.trimmed());
        if (!m.hasMatch())
            continue;
        FieldList row;
        const QString desc = m.captured(1).simplified();
        if (desc.size() < 2 || isNoise(desc))
            continue;
        row.append({QStringLiteral("description"), fieldFrom(lines[i], desc, desc)});
        if (!m.captured(2).isEmpty())
            row.append({QStringLiteral("quantity"), fieldFrom(lines[i], m.captured(2), m.captured(2))});
        if (!m.captured(3).isEmpty())
            row.append({QStringLiteral("unitPrice"), fieldFrom(lines[i], normalize::formatAmount(*normalize::amount(m.captured(3))), m.captured(3))});
        row.append({QStringLiteral("amount"), fieldFrom(lines[i], normalize::formatAmount(*normalize::amount(m.captured(4))), m.captured(4))});
        ex.lineItems.append(row);
    }
}

void crossCheck(Extraction& ex)
{
    const Field total = ex.get(QStringLiteral("total"));
    if (total.isEmpty())
        return;
    const double t = total.value.toDouble();
    const Field sub = ex.get(QStringLiteral("subtotal"));
    const Field tax = ex.get(QStringLiteral("tax"));
    if (!sub.isEmpty() && !tax.isEmpty()) {
        const double s = sub.value.toDouble(), x = tax.value.toDouble();
        // Prices may include the tax (subtotal already gross) or add it; rounding adds up to 0.05.
        if (std::abs(s + x - t) > 0.06 && std::abs(s - t) > 0.06)
            ex.flags << QStringLiteral("subtotal %1 + tax %2 does not give total %3").arg(sub.value, tax.value, total.value);
    }
    if (!ex.lineItems.isEmpty()) {
        double sum = 0;
        for (const FieldList& row : ex.lineItems)
            for (const auto& [n, f] : row)
                if (n == u"amount")
                    sum += f.value.toDouble();
        const double ref = sub.isEmpty() ? t : sub.value.toDouble();
        if (std::abs(sum - ref) > 0.06 && std::abs(sum - t) > 0.06)
            ex.flags << QStringLiteral("line items add up to %1, not %2").arg(normalize::formatAmount(sum), normalize::formatAmount(ref));
    }
}

void flagImpossibleDates(const QString& text, Extraction& ex)
{
    static const QRegularExpression numeric(QStringLiteral("(?<![\\d.])(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4})(?!\\d)"));
    for (auto it = numeric.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const int a = m.captured(1).toInt(), b = m.captured(3).toInt(), y = m.captured(4).toInt();
        const QDate date = QDate(y, b, a).isValid() ? QDate(y, b, a) : QDate(y, a, b);
        if (!date.isValid())
            ex.flags << QStringLiteral("date %1 cannot exist").arg(m.captured(0));
        else if (!normalize::isPlausible(date))
            ex.flags << QStringLiteral("date %1 lies in the future").arg(m.captured(0));
    }
}

// A line that can be part of a merchant's name: words, no contact or registration details, no address.
bool nameLike(const OcrLine& line)
{
    const QString u = upper(line);
    return !isNoise(line.text) && !containsAny(u, headerStop()) && !opensAddress(u) &&
           !line.text.contains(QRegularExpression(QStringLiteral("\\d{5,}")));
}

// How many words of a name come before its legal form: "STATIONERY SDN. BHD" 1, "CO. (M) SDN BHD" 0.
qsizetype wordsBeforeLegalForm(const QString& text)
{
    const auto m = legalSuffix().match(text.toUpper());
    if (!m.hasMatch())
        return -1;
    QString before = text.left(m.capturedStart()).toUpper();
    before.remove(QRegularExpression(QStringLiteral("\\(M\\)|\\bCO\\b\\.?|&|[^\\p{L}\\p{N}\\s]")));
    return before.simplified().isEmpty() ? 0 : before.simplified().count(u' ') + 1;
}

// The merchant's name and street address at the top of a receipt. The name is above the address: a line with a
// legal form (SDN BHD), else one naming a kind of business, else the first line of words; it may run over up to
// three lines. The address opens with a postcode or a street word and a number, possibly after registration, tax
// id and branch lines, and ends at contact details, a heading, a date or an amount.
void findMerchant(const QList<OcrLine>& lines, qsizetype headerEnd, Extraction& ex)
{
    qsizetype firstAddress = headerEnd;
    for (qsizetype i = 1; i < headerEnd; ++i)
        if (opensAddress(upper(lines[i]))) {
            firstAddress = i;
            break;
        }
    qsizetype companyLine = -1;
    for (int pass = 0; pass < 2 && companyLine < 0; ++pass)
        for (qsizetype i = 0; i < firstAddress && companyLine < 0; ++i)
            if (!isNoise(lines[i].text) && containsAny(upper(lines[i]), pass == 0 ? legalSuffix() : businessWord()))
                companyLine = i;
    for (qsizetype i = 0; i < firstAddress && companyLine < 0; ++i)
        if (nameLike(lines[i]))
            companyLine = i;
    if (companyLine < 0)
        return;
    // "WESTERN EASTERN" / "STATIONERY SDN. BHD", "POPULAR BOOK" / "CO. (M) SDN BHD": the line above starts the name.
    qsizetype first = companyLine;
    if (const qsizetype words = wordsBeforeLegalForm(lines[first].text);
        first > 0 && words >= 0 && words <= 1 && nameLike(lines[first - 1]) && !hasDigit(lines[first - 1].text))
        --first;
    QString name;
    Field f = fieldFrom(lines[first], {}, {});
    for (qsizetype i = first; i <= companyLine; ++i) {
        name += u' ' + lines[i].text.simplified();
        f.box = f.box.united(lines[i].box);
    }
    // "HARDWARE &" / "ELECTRICAL", "ENTERPRISE (SETIA" / "ALAM) SDN BHD", "ACME" / "TRADING SDN BHD".
    qsizetype next = companyLine + 1;
    for (int more = 0; more < 2 && next < lines.size() && nameLike(lines[next]); ++more, ++next) {
        name = name.simplified();
        const bool open = name.endsWith(u'&') || name.endsWith(u'-') || name.count(u'(') > name.count(u')');
        if (!open && (containsAny(name.toUpper(), legalSuffix()) || !containsAny(upper(lines[next]), legalSuffix())))
            break;
        name += u' ' + lines[next].text.simplified();
        f.box = f.box.united(lines[next].box);
    }
    name = lexicon::correct(cleanCompany(name));
    f.value = name;
    f.raw = name;
    ex.set(QStringLiteral("merchantName"), f);

    qsizetype start = -1;
    for (qsizetype i = next; i < std::min<qsizetype>(lines.size(), next + 6) && start < 0; ++i) {
        if (normalize::findDates(lines[i].text).isEmpty() && opensAddress(upper(lines[i])))
            start = i;
        else if (!normalize::findAmounts(lines[i].text).isEmpty())
            break; // the items: this receipt prints no address
    }
    if (start < 0)
        return;
    // A building's name on its own line above the street address belongs to it ("PARADIGM MALL" / "LOT NO.: 4F-27").
    static const auto building = re("\\b(MALL|PLAZA|WISMA|BANGUNAN|KOMPLEKS|COMPLEX|CENTRE|CENTER|TOWER|MENARA|SQUARE)\\b");
    if (start > next && containsAny(upper(lines[start - 1]), building) && nameLike(lines[start - 1]))
        --start;
    QStringList parts;
    Field address;
    address.confidence = 1;
    for (qsizetype i = start; i < lines.size() && parts.size() < 5; ++i) {
        const QString t = lines[i].text.simplified();
        const QString u = t.toUpper();
        if (const auto stop = headerStop().match(u); stop.hasMatch()) {
            if (const QString before = t.left(stop.capturedStart()).trimmed(); !isNoise(before) && isAddressWord(before.toUpper()))
                parts << before;
            break;
        }
        if (!normalize::findDates(t).isEmpty() || isNoise(t) || (!normalize::findAmounts(t).isEmpty() && !isAddressWord(u)) ||
            (!parts.isEmpty() && labelledDetail(u)))
            break;
        parts << t;
        address.box = address.box.united(lines[i].box);
        address.confidence = std::min(address.confidence, lines[i].confidence);
    }
    // A lone '|' is a column rule or the scanner's edge read as a character, never part of an address.
    QString text = parts.join(u' ').simplified().remove(QRegularExpression(QStringLiteral("(?<=\\s)\\|(?=\\s)|^\\|\\s|\\s\\|$"))).simplified();
    while (text.endsWith(u'-'))
        text.chop(1);
    // "NG 8", "Nc 8", "NQ.113G": the house number's "NO" as OCR reads it. Curly quotes are specks: till printers
    // print straight ones, and OCR reads them where a space is.
    text.replace(re("^[NM][OGQC0](?=[.\\s]*\\d)"), QStringLiteral("NO"));
    text.replace(QRegularExpression(QStringLiteral("[\\x{2018}\\x{2019}\\x{201C}\\x{201D}]")), QStringLiteral(" "));
    // A lone letter after the last punctuation is a speck read as one ("SELANGOR. U").
    text.remove(QRegularExpression(QStringLiteral("(?<=[.,])\\s+\\p{L}$")));
    text = lexicon::correct(text.simplified());
    if (isAddressWord(text.toUpper()) || hasDigit(text)) {
        address.value = text;
        address.raw = text;
        ex.set(QStringLiteral("merchantAddress"), address);
    }
}

// The header: the lines above the first date or priced amount. A whole number after a currency sign ("$1", "£2")
// does not end it: that is how OCR reads the specks and logos above a shop's name. Nor does a date or an amount in
// the first two lines when a legal form (SDN BHD) follows within five: that is debris above the name.
qsizetype headerEnd(const QList<OcrLine>& lines)
{
    auto priced = [](const AmountMatch& a) { return a.raw.contains(u'.') || a.raw.contains(u','); };
    auto endsHeader = [&](qsizetype i) {
        const auto amounts = normalize::findAmounts(lines[i].text);
        return !normalize::findDates(lines[i].text).isEmpty() || std::any_of(amounts.begin(), amounts.end(), priced);
    };
    const qsizetype limit = std::min<qsizetype>(lines.size(), 14);
    for (qsizetype i = 0; i < limit; ++i) {
        if (!endsHeader(i))
            continue;
        bool nameBelow = false;
        for (qsizetype k = i + 1; i < 2 && k < std::min(limit, i + 6) && !nameBelow; ++k)
            nameBelow = !endsHeader(k) && containsAny(upper(lines[k]), legalSuffix());
        if (!nameBelow)
            return i;
    }
    return limit;
}

} // namespace

bool ReceiptExtractor::carriesKeyNumber(const QList<OcrLine>& lines, qsizetype index)
{
    static const auto key = re("T[O0]TAL|JUMLAH|AMOUNT|AMT|PAYABLE|\\bDUE\\b|CASH|CHANGE|BALANCE|TENDER|ROUND|CREDIT|DEBIT|"
                               "CARD|VISA|MASTER|PAID|합\\s*계|결제|현금|받을");
    auto labelled = [&](qsizetype i) { return i >= 0 && i < lines.size() && containsAny(upper(lines[i]), key); };
    const QString& text = lines[index].text;
    if (!normalize::findDates(text).isEmpty())
        return true;
    if (normalize::findAmounts(text).isEmpty())
        return false;
    return labelled(index) || (labelled(index - 1) && normalize::findAmounts(lines[index - 1].text).isEmpty());
}

Extraction ReceiptExtractor::extract(const OcrDocument& doc) const
{
    Extraction ex;
    ex.kind = QStringLiteral("receipt");
    ex.text = doc.text();
    const QList<OcrLine> lines = doc.allLines();

    const qsizetype header = headerEnd(lines);
    findMerchant(lines, header, ex);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        static const QRegularExpression phone(QStringLiteral("(?:TEL|PHONE|PH|T|전화)\\s*(?:NO)?\\s*[.:]?\\s*([+(]?\\d[\\d\\s()\\-]{6,}\\d)"),
                                              QRegularExpression::CaseInsensitiveOption);
        if (const auto m = phone.match(lines[i].text); m.hasMatch()) {
            QString digits = m.captured(1).simplified();
            ex.set(QStringLiteral("phone"), fieldFrom(lines[i], QString(digits).remove(QRegularExpression(QStringLiteral("[^\\d+]"))), digits));
            break;
        }
    }
    // Date: one on a line labelled "date" wins over the first date printed. A date more than a year ahead is a
    // misread year (23/04/3007), not the receipt's date.
    std::optional<std::pair<qsizetype, DateMatch>> date;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        auto found = normalize::findDates(lines[i].text, m_options.dateOrder);
        found.removeIf([](const DateMatch& d) { return !normalize::isPlausible(d.date); });
        if (found.isEmpty())
            continue;
        const bool labelled = containsAny(upper(lines[i]), re("DATE|TARIKH|일자|날짜"));
        if (!date || (labelled && !containsAny(upper(lines[date->first]), re("DATE|TARIKH|일자|날짜"))))
            date = std::pair{i, found.first()};
        if (labelled)
            break;
    }
    if (date) {
        Field f = fieldFrom(lines[date->first], date->second.date.toString(Qt::ISODate), date->second.raw);
        f.box = boxOfSpan(lines[date->first], date->second.position, date->second.raw.size());
        ex.set(QStringLiteral("date"), f);
        QString rawTime;
        const QString time = normalize::findTime(lines[date->first].text, &rawTime);
        if (!time.isEmpty())
            ex.set(QStringLiteral("time"), fieldFrom(lines[date->first], time, rawTime));
    }
    if (ex.get(QStringLiteral("time")).isEmpty()) {
        for (const OcrLine& l : lines) {
            QString rawTime;
            if (const QString time = normalize::findTime(l.text, &rawTime); !time.isEmpty()) {
                ex.set(QStringLiteral("time"), fieldFrom(l, time, rawTime));
                break;
            }
        }
    }
    QString currency = normalize::currency(ex.text);
    if (currency.isEmpty())
        currency = m_options.defaultCurrency;
    if (!currency.isEmpty())
        ex.set(QStringLiteral("currency"), Field{currency, currency, 0.8, {}, 1});
    findLabelledAmount(lines, ex, QStringLiteral("subtotal"), re("SUB\\s*-?\\s*TOTAL|TOTAL\\s*(SALES\\s*)?\\(?EXCL|공급가"), QRegularExpression());
    // GST as OCR reads it at low resolution too: 6ST, BST, G5T.
    findLabelledAmount(lines, ex, QStringLiteral("tax"), re("\\b([GB6C][S5]T|SST|TAX|VAT)\\b|부가세|세액"),
                       re("INCL|EXCL|\\bID\\b|REG|NO\\s*[.:]|SUMMARY|INVOICE|%\\s*$"));
    findLabelledAmount(lines, ex, QStringLiteral("tip"), re("\\b(TIP|GRATUITY|SERVICE\\s*CHARGE|봉사료)\\b"), QRegularExpression());
    findTotal(lines, ex);
    for (const OcrLine& l : lines) {
        static const auto payment = re("\\b(CASH|VISA|MASTER\\s*CARD|MASTER|AMEX|DEBIT|CREDIT\\s*CARD|E-?WALLET|GRAB\\s*PAY|"
                                       "TOUCH\\s*N\\s*GO|BOOST|PAYPAL|APPLE\\s*PAY)\\b|현금|카드|신용");
        if (const auto m = payment.match(l.text); m.hasMatch()) {
            ex.set(QStringLiteral("paymentMethod"), fieldFrom(l, m.captured(0).toUpper(), m.captured(0)));
            break;
        }
    }
    findLineItems(lines, header, lines.size(), ex);
    crossCheck(ex);
    flagImpossibleDates(ex.text, ex);
    return ex;
}

} // namespace taskloom::nodes::ocr
