#include "InvoiceExtractor.hpp"

#include "TextLines.hpp"

#include <QRegularExpression>

#include <cmath>

namespace taskloom::nodes::ocr {

using namespace textlines;

namespace {

struct Located {
    qsizetype line = -1;
    QString text;
};

// The text after a label on its line, else the next line's text (labels above values), else nothing.
Located valueAfter(const QList<OcrLine>& lines, const QRegularExpression& label, int lookAhead = 1)
{
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const auto m = label.match(lines[i].text);
        if (!m.hasMatch())
            continue;
        QString rest = lines[i].text.mid(m.capturedEnd()).trimmed();
        while (rest.startsWith(u':') || rest.startsWith(u'#') || rest.startsWith(u'.') || rest.startsWith(u'-'))
            rest = rest.mid(1).trimmed();
        if (!rest.isEmpty())
            return {i, rest};
        for (int k = 1; k <= lookAhead && i + k < lines.size(); ++k)
            if (!lines[i + k].text.trimmed().isEmpty())
                return {i + k, lines[i + k].text.trimmed()};
    }
    return {};
}

int totalPriority(const QString& u)
{
    if (containsAny(u, re("SUB\\s*-?\\s*TOTAL|EXCL|EXCLUDING|BEFORE|NET\\s+AMOUNT|TOTAL\\s*(TAX|VAT|GST|BTW|MWST|QTY|DISCOUNT)|공급가")))
        return 0;
    // "incl." alone is a column heading ("Prijs incl. BTW") as often as a total; it counts next to a total word.
    if (containsAny(u, re("AMOUNT\\s*DUE|BALANCE\\s*DUE|TOTAL\\s*(DUE|PAYABLE|AMOUNT|TO\\s*PAY)|GRAND\\s*TOTAL|TE\\s*BETALEN|"
                          "TOTAAL\\s*(INCL|BEDRAG)|GESAMTBETRAG|RECHNUNGSBETRAG|MONTANT\\s*TOTAL|TOTAL\\s*TTC|SOMME\\s*[ÀA]\\s*PAYER|"
                          "(TOTAL|TOTAAL|AMOUNT)\\s*(INCL|INCLUDING)|합계\\s*금액|청구\\s*금액")))
        return 3;
    if (containsAny(u, re("\\bTOTAL\\b|\\bTOTAAL\\b|\\bGESAMT\\b|\\bAMOUNT\\b|합\\s*계")))
        return 2;
    return 0;
}

QString documentCurrency(const QString& text, const QString& nearTotal)
{
    const QString near = normalize::currency(nearTotal);
    if (!near.isEmpty())
        return near;
    // The most frequent marker in the document.
    static const char* codes[] = {"EUR", "USD", "GBP", "INR", "MYR", "KRW", "JPY", "CHF", "SGD", "CAD", "AUD"};
    // Markers are counted with what follows them ("Rs 40", "Rs -40.00" need the number to be one).
    QHash<QString, int> counts;
    const QStringList words = text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString c = normalize::currency(i + 1 < words.size() ? words[i] + u' ' + words[i + 1] : words[i]);
        if (!c.isEmpty() && normalize::currency(i + 1 < words.size() ? words[i + 1] : QString()) != c)
            ++counts[c];
    }
    for (const char* code : codes)
        counts[QString::fromLatin1(code)] += 0; // keep a stable order below
    QString best;
    int bestCount = 0;
    for (const char* code : codes) {
        const int n = counts.value(QString::fromLatin1(code));
        if (n > bestCount) {
            best = QString::fromLatin1(code);
            bestCount = n;
        }
    }
    return best;
}

} // namespace

bool InvoiceExtractor::validIban(QString iban)
{
    iban.remove(u' ');
    iban = iban.toUpper();
    if (iban.size() < 15 || iban.size() > 34 || !iban.at(0).isLetter() || !iban.at(1).isLetter() || !iban.at(2).isDigit())
        return false;
    const QString moved = iban.mid(4) + iban.left(4);
    int rem = 0;
    for (QChar c : moved) {
        if (c.isDigit())
            rem = (rem * 10 + c.digitValue()) % 97;
        else if (c >= u'A' && c <= u'Z')
            rem = (rem * 100 + (c.unicode() - 'A' + 10)) % 97;
        else
            return false;
    }
    return rem == 1;
}

Extraction InvoiceExtractor::extract(const OcrDocument& doc) const
{
    Extraction ex;
    ex.kind = QStringLiteral("invoice");
    ex.text = doc.text();
    const QList<OcrLine> lines = doc.allLines();

    // Invoice number: after an invoice-number label; a value must hold a digit.
    static const auto numberLabel = re("\\b(INVOICE|INV|FACTUUR|RECHNUNGS?|FACTURE|BILL|TAX\\s+INVOICE|ORDER)\\s*(NO\\b\\.?|N\\s?°|Nº|NUMBER|NUMMER|NR\\b\\.?|NUM\\b\\.?|ID\\b|#)|"
                                       "FACTUURNUMMER|RECHNUNGSNUMMER|INVOICE\\s*:|청구서\\s*번호|송장\\s*번호|BOOKING\\s*ID");
    for (qsizetype i = 0; i < lines.size() && ex.get(QStringLiteral("invoiceNumber")).isEmpty(); ++i) {
        for (auto it = numberLabel.globalMatch(lines[i].text); it.hasNext();) {
            const auto m = it.next();
            QString rest = lines[i].text.mid(m.capturedEnd());
            QString next = i + 1 < lines.size() ? lines[i + 1].text : QString();
            for (const QString& source : {rest, next}) {
                // A '#' after the label belongs to the number as printed, even with a space after it ("No : # A12").
                static const QRegularExpression token(QStringLiteral("^[\\s:.]*(#?\\s?[A-Za-z0-9][A-Za-z0-9_\\-/#]*\\d[A-Za-z0-9_\\-/]*)"));
                const auto t = token.match(source);
                if (t.hasMatch() && !normalize::date(t.captured(1))) {
                    const QString value = QString(t.captured(1)).remove(u' ');
                    ex.set(QStringLiteral("invoiceNumber"), fieldFrom(lines[source == rest ? i : i + 1], value, t.captured(1)));
                    break;
                }
            }
            if (!ex.get(QStringLiteral("invoiceNumber")).isEmpty())
                break;
        }
    }
    static const auto dueLabel = re("DUE\\s*(DATE|BY|ON)?|PAYMENT\\s+DUE|VERVALDATUM|FÄLLIG|ÉCHÉANCE|DATE\\s+LIMITE|납부\\s*기한");
    auto dateField = [&](const QString& name, const QRegularExpression& label, bool notDue = false) {
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const auto m = label.match(lines[i].text);
            if (!m.hasMatch() || (notDue && dueLabel.match(lines[i].text).hasMatch()))
                continue;
            for (qsizetype k = i; k <= i + 1 && k < lines.size(); ++k) {
                const QString source = k == i ? lines[i].text.mid(m.capturedStart()) : lines[k].text;
                const auto dates = normalize::findDates(source, m_options.dateOrder);
                if (!dates.isEmpty()) {
                    ex.set(name, fieldFrom(lines[k], dates.first().date.toString(Qt::ISODate), dates.first().raw));
                    return true;
                }
            }
        }
        return false;
    };
    // The invoice's own date before an order date, before any other labelled date.
    if (!dateField(QStringLiteral("issueDate"), re("(INVOICE|ISSUE|BILLING|FACTUUR|RECHNUNGS|FACTURE)\\s*-?\\s*(DATE|DATUM)|DATE\\s+OF\\s+ISSUE|DATE\\s+DE\\s+FACTURE|발행일|작성일"))
        && !dateField(QStringLiteral("issueDate"), re("ORDER\\s*-?\\s*(DATE|DATUM)|ORDERDATUM|BESTELLDATUM"))
        && !dateField(QStringLiteral("issueDate"), re("\\b(DATE|DATUM|DATED)\\b"), true)) {
        const auto dates = normalize::findDates(ex.text, m_options.dateOrder);
        if (!dates.isEmpty())
            ex.set(QStringLiteral("issueDate"), Field{dates.first().date.toString(Qt::ISODate), dates.first().raw, 0.4, {}, 1});
    }
    dateField(QStringLiteral("dueDate"), dueLabel);

    // Amounts.
    struct Best {
        int priority = 0;
        double value = 0;
        QString raw;
        qsizetype line = -1;
    } best;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int p = totalPriority(lines[i].text.toUpper());
        if (p == 0)
            continue;
        auto amounts = normalize::findAmounts(lines[i].text);
        qsizetype at = i;
        if (amounts.isEmpty() && i + 1 < lines.size()) {
            amounts = normalize::findAmounts(lines[i + 1].text);
            at = i + 1;
        }
        if (amounts.isEmpty())
            continue;
        const AmountMatch& a = amounts.last();
        if (p > best.priority || (p == best.priority && a.value > best.value))
            best = {p, a.value, a.raw, at};
    }
    if (best.line >= 0)
        ex.set(QStringLiteral("total"), fieldFrom(lines[best.line], normalize::formatAmount(best.value), best.raw));
    const QString currency = documentCurrency(ex.text, best.line >= 0 ? lines[best.line].text : QString());
    if (!currency.isEmpty())
        ex.set(QStringLiteral("currency"), Field{currency, currency, 0.8, best.line >= 0 ? lines[best.line].box : Box{}, 1});
    auto labelledAmount = [&](const QString& name, const QRegularExpression& label, const QRegularExpression& exclude) {
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (!label.match(lines[i].text).hasMatch() || exclude.match(lines[i].text).hasMatch())
                continue;
            const auto amounts = normalize::findAmounts(lines[i].text);
            if (!amounts.isEmpty()) {
                ex.set(name, fieldFrom(lines[i], normalize::formatAmount(amounts.last().value), amounts.last().raw));
                return;
            }
        }
    };
    labelledAmount(QStringLiteral("subtotal"), re("SUB\\s*-?\\s*TOTAL|TOTAL\\s*EXCL|NET\\s+AMOUNT|TOTAAL\\s*EXCL|ZWISCHENSUMME|NETTO|공급가액"), re("$^"));
    labelledAmount(QStringLiteral("tax"), re("\\b(VAT|TAX|GST|BTW|MWST|USt|IGST|CGST|SGST|TVA)\\b|부가세|세액"),
                   re("INCL|EXCL|\\bID\\b|NUMBER|\\bNO\\b|REG|GSTIN|TOTAL\\s*(INCL|DUE)"));
    // Parties and references.
    for (const auto& [name, label] : {std::pair{QStringLiteral("vendorTaxId"), re("\\b(VAT\\s*(NO|NUMBER|ID|REG\\w*)|TAX\\s*ID|GSTIN|BTW[-\\s]*(NR|NUMMER)|USt-?IdNr|TIN|ABN|사업자\\s*등록\\s*번호)\\b\\.?")},
                                      std::pair{QStringLiteral("poNumber"), re("\\b(P\\.?O\\.?\\s*(NO|NUMBER|#)?|PURCHASE\\s+ORDER(\\s*(NO|NUMBER))?)\\b\\.?")}}) {
        const Located v = valueAfter(lines, label, 0);
        static const QRegularExpression token(QStringLiteral("^[\\s:#.]*([A-Za-z0-9][A-Za-z0-9\\-/ .]*\\d[A-Za-z0-9]*)"));
        const auto t = token.match(v.text);
        if (v.line >= 0 && t.hasMatch())
            ex.set(name, fieldFrom(lines[v.line], t.captured(1).trimmed(), t.captured(1).trimmed()));
    }
    static const QRegularExpression iban(QStringLiteral("\\b([A-Z]{2}\\d{2}(?:\\s?[A-Z0-9]{4}){2,7}(?:\\s?[A-Z0-9]{1,4})?)\\b"));
    for (const OcrLine& l : lines) {
        for (auto it = iban.globalMatch(l.text.toUpper()); it.hasNext();) {
            const QString candidate = it.next().captured(1);
            if (validIban(candidate)) {
                ex.set(QStringLiteral("iban"), fieldFrom(l, QString(candidate).remove(u' '), candidate));
                break;
            }
        }
    }
    static const auto bicLabel = re("\\b(BIC|SWIFT)\\b[\\s:]*([A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?)\\b");
    for (const OcrLine& l : lines)
        if (const auto m = bicLabel.match(l.text); m.hasMatch()) {
            ex.set(QStringLiteral("bic"), fieldFrom(l, m.captured(2).toUpper(), m.captured(2)));
            break;
        }
    // Vendor: the first substantial line of the first page (letterhead); customer: after a bill-to label.
    for (const OcrLine& l : lines) {
        const QString t = l.text.simplified();
        if (t.size() >= 3 && !containsAny(t, re("^(TAX\\s+)?INVOICE\\b|^FACTUUR|^RECHNUNG|^PAGE|^\\d")) && t.count(QRegularExpression(QStringLiteral("[A-Za-z가-힣]"))) >= 3) {
            ex.set(QStringLiteral("vendorName"), fieldFrom(l, t, t));
            break;
        }
    }
    const Located customer = valueAfter(lines, re("\\b(BILL(ED)?\\s*TO|SOLD\\s*TO|CUSTOMER(\\s*NAME)?|INVOICE\\s*TO|KLANT|KUNDE|CLIENT)\\b\\s*:?"), 1);
    if (customer.line >= 0)
        ex.set(QStringLiteral("customer"), fieldFrom(lines[customer.line], customer.text.simplified(), customer.text));

    // Cross-checks.
    const Field total = ex.get(QStringLiteral("total")), sub = ex.get(QStringLiteral("subtotal")), tax = ex.get(QStringLiteral("tax"));
    if (!total.isEmpty() && !sub.isEmpty() && !tax.isEmpty()
        && std::abs(sub.value.toDouble() + tax.value.toDouble() - total.value.toDouble()) > 0.02)
        ex.flags << QStringLiteral("subtotal %1 + tax %2 does not give total %3").arg(sub.value, tax.value, total.value);
    const Field issue = ex.get(QStringLiteral("issueDate")), due = ex.get(QStringLiteral("dueDate"));
    if (!issue.isEmpty() && !due.isEmpty() && due.value < issue.value)
        ex.flags << QStringLiteral("due date %1 is before the issue date %2").arg(due.value, issue.value);
    if (total.isEmpty())
        ex.flags << QStringLiteral("no total found");
    return ex;
}

} // namespace taskloom::nodes::ocr
