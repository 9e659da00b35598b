#include "ReceiptExtractor.hpp"

#include "Lexicon.hpp"
#include "ReceiptTotal.hpp"
#include "TextLines.hpp"

#include <QRegularExpression>

#include <cmath>

namespace taskloom::nodes::ocr {

using namespace textlines;

namespace {

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

// One priced line of the item list, read from its right: the amount, at most a tax code after it (S, Z, SR), the
// unit price right before it, and before that a quantity with x, @ or * ("RICE 2 x 3.50 7.00", "1 X 4.62 4.62"), a
// bare one before a unit price ("TEA 1 2.50 2.50") or one leading the line ("2 FISHBALL NOODLE @7.00 14.00"). What
// is left is the description; it may be no name at all (a barcode), and the name then stands on a line above.
struct ItemLine {
    QString description;
    QString quantity;
    std::optional<AmountMatch> unitPrice;
    AmountMatch amount;
};

std::optional<ItemLine> parseItemLine(const QString& text)
{
    const auto amounts = normalize::findAmounts(text);
    if (amounts.isEmpty())
        return std::nullopt;
    ItemLine item;
    item.amount = amounts.last();
    static const auto taxCode = re("^\\s*[A-Z]{0,2}\\s*$");
    if (!containsAny(text.mid(item.amount.position + item.amount.raw.size()).toUpper(), taxCode))
        return std::nullopt;
    QString head = text.left(item.amount.position);
    if (amounts.size() >= 2) {
        const AmountMatch& before = amounts[amounts.size() - 2];
        const qsizetype end = before.position + before.raw.size();
        if (text.mid(end, item.amount.position - end).trimmed().isEmpty()) {
            item.unitPrice = before;
            head = text.left(before.position);
        }
    }
    static const auto currency = re("\\s*(\\bRM|\\bMYR|\\$|€|£)\\s*$");
    head.remove(currency); // the currency printed before each amount
    static const auto trailingQuantity = re("(?:^|[\\s@])(\\d{1,4}(?:[.,]\\d{1,3})?)\\s*([X@*])?\\s*@?\\s*$");
    static const auto leadingQuantity = re("^\\s*(\\d{1,3})\\s+(?=\\D)");
    if (const auto m = trailingQuantity.match(head.toUpper()); m.hasMatch() && (item.unitPrice || !m.captured(2).isEmpty())) {
        item.quantity = m.captured(1);
        head.truncate(m.capturedStart(1));
    } else if (const auto l = leadingQuantity.match(head); l.hasMatch() && item.unitPrice) {
        item.quantity = l.captured(1);
        head = head.mid(l.capturedEnd());
    }
    item.description = head.remove(QRegularExpression(QStringLiteral("[\\s@*:]+$"))).simplified();
    return item;
}

double quantityOf(const ItemLine& item)
{
    return QString(item.quantity).replace(u',', u'.').toDouble();
}

// The item list: priced lines between the header and the first total, subtotal or payment line with an amount.
// A line whose own description is no name (a barcode and the numbers, or column headings OCR ran into it) takes
// its name from the lines printed since the item before (the first item, if need be, from the two above the list):
// of the last two, the one with more letters, the later on a tie ("KILAT ECO AUTO WASH" over its stock code
// "WA44-A 12"). A nameless line right under an item that gives its quantity and unit price ("@2 X RM 4.19" under
// "... RM 8.38") completes that item.
void findLineItems(const QList<OcrLine>& lines, qsizetype from, Extraction& ex)
{
    static const auto notAnItem = re("TOTAL|SUBTOT|TAX|GST|SST|VAT|CASH|CHANGE|ROUND|BALANCE|TENDER|PAYMENT|PAID|CARD|"
                                     "VISA|MASTER|ITEM\\s*\\(?S\\)?\\s*:|QTY\\s*\\(?S\\)?\\s*:|COUNT|STANDARD|ZERO\\s*RATED|"
                                     "EXEMPT|SUMMARY|INVOICE|RECEIPT|합계|부가세|현금|카드");
    static const auto endsItems = re("TOTAL|SUBTOT|CASH|TENDER|PAYMENT|합계");
    static const auto headings = re("\\b(QTY|DESCRIPTION|PRICE|AMOUNT|AMT|ITEM)\\b.*\\b(QTY|DESCRIPTION|PRICE|AMOUNT|AMT|TOTAL)\\b");
    auto mayName = [&](const OcrLine& l) {
        // A name waiting for its price; label lines ("CASHIER : ANN", "OPERATOR KPOT"), dates, headings (TAX
        // INVOICE) and the address's last line are none.
        static const auto staff = re("OPERATOR|CASHIER|SALES\\s*PERSON|SERVER|\\bTABLE\\b|\\bPAX\\b|MEMBER");
        const QString u = upper(l);
        return normalize::findAmounts(l.text).isEmpty() && !isNoise(l.text) && !l.text.contains(u':') &&
               normalize::findDates(l.text).isEmpty() && !containsAny(u, headings) && !containsAny(u, notAnItem) &&
               !containsAny(u, staff) && !containsAny(u, legalSuffix()) && !opensAddress(u) && !containsAny(u, regionWord());
    };
    auto letters = [](const QString& t) { return std::count_if(t.begin(), t.end(), [](QChar c) { return c.isLetter(); }); };
    struct Row {
        QString description;
        ItemLine item;
        qsizetype line;         ///< where the item is printed
        qsizetype quantityLine; ///< where its quantity and unit price are: the same line, or the one under it
    };
    QList<Row> rows;
    // The two lines above the list name the first item only when none below its start does.
    QStringList aboveTheList, sinceLastItem;
    for (qsizetype i = std::max<qsizetype>(0, from - 2); i < from && i < lines.size(); ++i)
        if (mayName(lines[i]))
            aboveTheList << lines[i].text.simplified();
    for (qsizetype i = std::max<qsizetype>(0, from); i < lines.size(); ++i) {
        const QString u = upper(lines[i]);
        const bool priced = !normalize::findAmounts(lines[i].text).isEmpty();
        if (priced && (ReceiptTotal::labelPriority(u) > 0 || containsAny(u, endsItems)))
            break;
        if (containsAny(u, notAnItem) || !priced) {
            if (mayName(lines[i]))
                sinceLastItem << lines[i].text.simplified();
            continue;
        }
        const auto item = parseItemLine(lines[i].text.trimmed());
        if (!item)
            continue;
        QString desc = item->description;
        const bool nameless = isNoise(desc) || containsAny(desc.toUpper(), headings);
        if (rows.isEmpty() && sinceLastItem.isEmpty())
            sinceLastItem = aboveTheList;
        if (nameless && sinceLastItem.isEmpty()) {
            // "@2 X RM 4.19" under "... RM 8.38": the item above's quantity and unit price.
            if (!rows.isEmpty() && rows.last().item.quantity.isEmpty() && !item->quantity.isEmpty() && !item->unitPrice &&
                std::abs(quantityOf(*item) * item->amount.value - rows.last().item.amount.value) <= 0.02) {
                rows.last().item.quantity = item->quantity;
                rows.last().item.unitPrice = item->amount;
                rows.last().quantityLine = i;
            }
            continue;
        }
        if (nameless) {
            const QStringList recent = sinceLastItem.mid(std::max<qsizetype>(0, sinceLastItem.size() - 2));
            desc = letters(recent.first()) > letters(recent.last()) ? recent.first() : recent.last();
        }
        sinceLastItem.clear();
        if (desc.size() >= 2 && !isNoise(desc))
            rows.append({desc, *item, i, i});
    }
    for (const Row& r : rows) {
        FieldList row;
        row.append({QStringLiteral("description"), fieldFrom(lines[r.line], r.description, r.description)});
        if (!r.item.quantity.isEmpty())
            row.append({QStringLiteral("quantity"),
                        fieldFrom(lines[r.quantityLine], QString::number(quantityOf(r.item)), r.item.quantity)});
        if (r.item.unitPrice)
            row.append({QStringLiteral("unitPrice"), fieldFrom(lines[r.quantityLine], normalize::formatAmount(r.item.unitPrice->value),
                                                               r.item.unitPrice->raw)});
        row.append({QStringLiteral("amount"), fieldFrom(lines[r.line], normalize::formatAmount(r.item.amount.value), r.item.amount.raw)});
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
    // A line in brackets under a name is an aside (the branch, the former name), not the name: "TONYMOLY VIVA CITY" /
    // "(TONYMOLY SHOP (95874))".
    auto aside = [&](qsizetype i) {
        const QString t = lines[i].text.trimmed();
        return i > 0 && t.startsWith(u'(') && t.endsWith(u')') && nameLike(lines[i - 1]);
    };
    qsizetype companyLine = -1;
    for (int pass = 0; pass < 2 && companyLine < 0; ++pass)
        for (qsizetype i = 0; i < firstAddress && companyLine < 0; ++i)
            if (!isNoise(lines[i].text) && !aside(i) && containsAny(upper(lines[i]), pass == 0 ? legalSuffix() : businessWord()))
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
    // "NG 8", "Nc 8", "NQ.113G", "MNO 18": the house number's "NO" as OCR reads it. Curly quotes are specks: till
    // printers print straight ones, and OCR reads them where a space is.
    text.replace(re("^(\\p{L}?NO|[NM][OGQC0])(?=[.\\s]*\\d)"), QStringLiteral("NO"));
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

bool ReceiptExtractor::lacksItsAmount(const QList<OcrLine>& lines, qsizetype index)
{
    // A total label (as ReceiptTotal reads them, a misread T included) or a payment label among the line's first
    // three words. Policies ("NO CASH REFUND"), invoice numbers and column headings are no labels.
    static const auto firstWords = re("^\\W*(\\S+\\s+){0,2}\\S*");
    static const auto payment = re("\\b(ROUNDING|CASH|CHANGE|VISA|MASTER)\\b");
    static const auto noLabel = re("\\bQTY\\b|DESCRIPTION|\\bPRICE\\b|REFUND|\\bINV|COUNTER|\\bNO\\b");
    const QString u = upper(lines[index]);
    const QString start = firstWords.match(u).captured(0);
    return (ReceiptTotal::labelPriority(start) > 0 || containsAny(start, payment)) && !containsAny(u, noLabel) &&
           normalize::findAmounts(lines[index].text).isEmpty() && !amountFor(lines, index);
}

bool ReceiptExtractor::mayHoldAddress(const QList<OcrLine>& lines, qsizetype index)
{
    const QString& text = lines[index].text;
    return index < 12 && (text.contains(u',') || text.contains(u'.')) && isAddressWord(upper(lines[index]));
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
    static const auto dateLabel = re("DATE|TARIKH|일자|날짜");
    std::optional<std::pair<qsizetype, DateMatch>> date;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        auto found = normalize::findDates(lines[i].text, m_options.dateOrder);
        found.removeIf([](const DateMatch& d) { return !normalize::isPlausible(d.date); });
        if (found.isEmpty())
            continue;
        const bool labelled = containsAny(upper(lines[i]), dateLabel);
        if (!date || labelled) // a labelled date ends the search: the one kept so far is never labelled
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
    ReceiptTotal::find(lines, ex);
    // Below the header: a shop's name may hold a card's (HOME MASTER HARDWARE).
    for (const OcrLine& l : lines.mid(header)) {
        static const auto payment = re("\\b(CASH|VISA|MASTER\\s*CARD|MASTER|AMEX|DEBIT|CREDIT\\s*CARD|E-?WALLET|GRAB\\s*PAY|"
                                       "TOUCH\\s*N\\s*GO|BOOST|PAYPAL|APPLE\\s*PAY)\\b|현금|카드|신용");
        if (const auto m = payment.match(l.text); m.hasMatch()) {
            ex.set(QStringLiteral("paymentMethod"), fieldFrom(l, m.captured(0).toUpper(), m.captured(0)));
            break;
        }
    }
    findLineItems(lines, header, ex);
    crossCheck(ex);
    flagImpossibleDates(ex.text, ex);
    return ex;
}

} // namespace taskloom::nodes::ocr
