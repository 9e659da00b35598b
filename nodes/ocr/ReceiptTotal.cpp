#include "ReceiptTotal.hpp"

#include "TextLines.hpp"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace taskloom::nodes::ocr {

using namespace textlines;

namespace {

struct Candidate {
    int priority = 0;
    double value = 0;
    QString raw;
    qsizetype line = -1;
};

struct Payment {
    std::optional<double> cash, change;
};

bool multipleOf5Cents(double v)
{
    return std::abs(v * 20 - std::round(v * 20)) < 1e-6;
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
    return std::count_if(label.begin(), label.end(), [](QChar c) { return c.isLetter(); }) >= 3 ? label : u;
}

// The amount under the strongest total label (the larger of equals), and the cash tendered and change given.
Candidate labelledTotal(const QList<OcrLine>& lines, Payment& paid)
{
    static const auto cash = re("\\bCASH\\b|\\bTENDER|현금|받은");
    static const auto change = re("\\bCHANGE\\b|\\bBALANCE\\b(?!\\s*DUE)|거스름");
    Candidate best;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString u = lastAmountLabel(lines[i]);
        if (containsAny(u, cash) && !u.contains(u"CHANGE"))
            if (auto a = amountFor(lines, i); a && !paid.cash)
                paid.cash = a->value;
        if (containsAny(u, change))
            if (auto a = amountFor(lines, i); a && !paid.change)
                paid.change = a->value;
        const int p = ReceiptTotal::labelPriority(u);
        if (p == 0)
            continue;
        auto a = amountFor(lines, i);
        if (!a || a->value <= 0)
            continue;
        if (p > best.priority || (p == best.priority && a->value > best.value))
            best = {p, a->value, a->raw, i};
    }
    return best;
}

// No total line read: cash minus change, else the subtotal, plus the tax unless the prices include it ("INC 6%
// GST") or the "tax" is no tax at all (a taxable amount as large as the subtotal); the largest amount printed at
// least twice wins over both when it is larger (a receipt repeats its total: total, cash, card). Cash minus change
// below half the subtotal is a misread cash line (RM10U. 00 for RM100.00), not a discount.
Candidate unlabelledTotal(const QList<OcrLine>& lines, const Extraction& ex, const Payment& paid)
{
    Candidate best;
    const Field sub = ex.get(QStringLiteral("subtotal"));
    if (paid.cash && paid.change && *paid.cash > *paid.change &&
        (sub.isEmpty() || *paid.cash - *paid.change >= sub.value.toDouble() / 2)) {
        best = {1, *paid.cash - *paid.change, normalize::formatAmount(*paid.cash - *paid.change), -1};
    } else if (!sub.isEmpty()) {
        static const auto inclusive = re("\\bINC(L|LUSIVE)?\\b\\.?\\s*(OF\\s*)?(\\d+\\s*%\\s*)?(GST|TAX|VAT)");
        const Field tax = ex.get(QStringLiteral("tax"));
        const bool taxIncluded = std::any_of(lines.begin(), lines.end(), [](const OcrLine& l) { return containsAny(upper(l), inclusive); });
        const double subtotal = sub.value.toDouble(), taxValue = tax.isEmpty() ? 0 : tax.value.toDouble();
        const double value = subtotal + (taxIncluded || taxValue > subtotal * 0.3 ? 0 : taxValue);
        best = {1, value, normalize::formatAmount(value), -1};
    }
    QHash<QString, int> seen;
    for (const OcrLine& l : lines)
        for (const AmountMatch& a : normalize::findAmounts(l.text))
            ++seen[normalize::formatAmount(a.value)];
    for (auto it = seen.begin(); it != seen.end(); ++it)
        if (it.value() >= 2 && it.key().toDouble() > best.value)
            best = {1, it.key().toDouble(), it.key(), -1};
    return best;
}

// When cash minus change disagrees with the labelled total, the paid amount wins if it is printed elsewhere on the
// receipt (the label's amount was misread), if it is a multiple of 0.05 within 0.05 of a total that is not (an
// unrounded total, or a misread last digit: "NET TOTAL 14.89" over "CASH 14.85", "CHANGE 0.00"), or if the
// subtotal, with or without its tax, sides with it.
void checkAgainstPayment(const QList<OcrLine>& lines, const Extraction& ex, const Payment& pay, Candidate& best)
{
    if (!pay.cash || !pay.change || *pay.cash <= *pay.change || std::abs(*pay.cash - *pay.change - best.value) <= 0.005)
        return;
    const double paid = *pay.cash - *pay.change;
    const bool rounding = std::abs(paid - best.value) < 0.045 && multipleOf5Cents(paid) && !multipleOf5Cents(best.value);
    qsizetype printedAt = -1;
    for (qsizetype i = 0; i < lines.size() && printedAt < 0; ++i)
        for (const AmountMatch& a : normalize::findAmounts(lines[i].text))
            if (std::abs(a.value - paid) < 0.005 && std::abs(a.value - *pay.cash) > 0.005 && std::abs(a.value - *pay.change) > 0.005) {
                printedAt = i;
                break;
            }
    const Field sub = ex.get(QStringLiteral("subtotal"));
    const Field tax = ex.get(QStringLiteral("tax"));
    bool subtotalAgrees = false;
    if (!sub.isEmpty())
        for (double expected : {sub.value.toDouble(), sub.value.toDouble() + (tax.isEmpty() ? 0 : tax.value.toDouble())})
            subtotalAgrees = subtotalAgrees || (std::abs(expected - paid) <= 0.025 && std::abs(expected - best.value) > 0.05);
    if (printedAt >= 0 || rounding || subtotalAgrees)
        best = {best.priority, paid, normalize::formatAmount(paid), printedAt >= 0 ? printedAt : best.line};
}

// An unrounded total: what was charged is the rounded amount when a total or rounding line prints it ("Rounding RM
// 52.10", "Grand Total 15.40" under "Total incl. GST 15.39"), when a rounding adjustment follows the total
// ("Rounding Adj -0.02"), or when cash paid it exactly to the nearest 0.05.
void applyRounding(const QList<OcrLine>& lines, const Payment& pay, Candidate& best)
{
    if (best.priority >= 6 || multipleOf5Cents(best.value))
        return;
    static const auto rounding = re("ROUND");
    static const auto adjustment = re("ROUND(ING)?\\s*(ADJ|ADJUSTMENT|OFF)|ROUNDING");
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString u = upper(lines[i]);
        if (ReceiptTotal::labelPriority(u) == 0 && !containsAny(u, rounding))
            continue;
        for (const AmountMatch& a : normalize::findAmounts(lines[i].text))
            if (std::abs(a.value - best.value) < 0.03 && multipleOf5Cents(a.value) && a.value > 0) {
                best = {best.priority, a.value, a.raw, i};
                return;
            }
    }
    for (qsizetype i = std::max<qsizetype>(0, best.line); i < lines.size(); ++i) {
        if (!containsAny(upper(lines[i]), adjustment))
            continue;
        const auto amounts = normalize::findAmounts(lines[i].text);
        if (amounts.isEmpty())
            continue;
        const double adjusted = best.value + amounts.last().value;
        if (std::abs(amounts.last().value) < 0.05 && multipleOf5Cents(adjusted)) {
            best = {best.priority, adjusted, normalize::formatAmount(adjusted), best.line};
            return;
        }
    }
    if (pay.cash && !pay.change && std::abs(*pay.cash - best.value) < 0.03 && multipleOf5Cents(*pay.cash))
        best = {best.priority, *pay.cash, normalize::formatAmount(*pay.cash), best.line};
}

} // namespace

int ReceiptTotal::labelPriority(const QString& upperLabel)
{
    // TOTAL with its T read as I, l or a bracket ("lotal After Rounding", "{otal Sales Incl. GST").
    static const auto misreadT = re("(?<![A-Z0-9])[IL1|{(\\[](?=[O0]TAL\\b)");
    static const auto noTotal = re("SUB\\s*-?\\s*TOTAL|TOTAL\\s*(QTY|QUANTITY|ITEM|DISC|SAVING|POINT)|SAVING|EXCL|BEFORE|공급가");
    static const auto rounded = re("ROUND(ED|ING)?\\s*(TOTAL|AMT|AMOUNT)|TOTAL\\s*(AMT\\s*|AMOUNT\\s*)?ROUND|결제\\s*금액|받을\\s*금액");
    static const auto grand = re("GRAND\\s*TOTAL|NET+\\s*TOTAL|TOTAL\\s*(PAYABLE|DUE)|AMOUNT\\s*DUE|BALANCE\\s*DUE|"
                                 "TOTAL\\s*(SALES\\s*)?\\(?\\s*INCL|INCL\\w*\\s*(GST|TAX|VAT)|합\\s*계|총\\s*액");
    static const auto taxTotal = re("^\\s*(TOTAL\\s*(GST|TAX|VAT)|GST|TAX)\\b");
    static const auto total = re("\\bT[O0]TAL\\b|\\bJUMLAH\\b|(NET|TOTAL)\\s*AMOUNT|AMOUNT\\s*(PAYABLE|DUE)");
    const QString u = QString(upperLabel).replace(misreadT, QStringLiteral("T"));
    if (containsAny(u, noTotal))
        return 0;
    if (containsAny(u, rounded))
        return 6;
    if (containsAny(u, grand))
        return 5;
    if (containsAny(u, taxTotal))
        return 0;
    return containsAny(u, total) ? 4 : 0;
}

void ReceiptTotal::find(const QList<OcrLine>& lines, Extraction& ex)
{
    Payment pay;
    Candidate best = labelledTotal(lines, pay);
    if (best.line < 0)
        best = unlabelledTotal(lines, ex, pay);
    if (best.priority == 0)
        return;
    checkAgainstPayment(lines, ex, pay, best);
    applyRounding(lines, pay, best);
    Field f = best.line >= 0 ? fieldFrom(lines[best.line], normalize::formatAmount(best.value), best.raw)
                             : Field{normalize::formatAmount(best.value), best.raw, 0.3, {}, 1};
    ex.set(QStringLiteral("total"), f);
    if (pay.cash && pay.change && std::abs(*pay.cash - *pay.change - best.value) > 0.05 && *pay.cash - *pay.change > 0)
        ex.flags << QStringLiteral("total %1 differs from cash %2 minus change %3")
                        .arg(normalize::formatAmount(best.value), normalize::formatAmount(*pay.cash), normalize::formatAmount(*pay.change));
    if (pay.cash)
        ex.set(QStringLiteral("cash"), Field{normalize::formatAmount(*pay.cash), normalize::formatAmount(*pay.cash), 0.5, {}, 1});
}

} // namespace taskloom::nodes::ocr
