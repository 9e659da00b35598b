#include "NumberVote.hpp"

#include <QHash>

namespace taskloom::nodes::ocr {

namespace {

constexpr double kPageWeight = 1.5;

// One number of a line: where the page's text prints it and what each reading made of it.
struct Ballot {
    qsizetype position = 0;
    qsizetype length = 0;
    QHash<QString, double> votes; ///< normalised value -> votes
    QHash<QString, QString> raw;  ///< normalised value -> as printed (the first reading's)
    QString pageValue;

    void add(const QString& value, const QString& printed, double weight)
    {
        votes[value] += weight;
        if (!raw.contains(value))
            raw.insert(value, printed);
    }

    QString winner() const
    {
        QString best = pageValue;
        double most = votes.value(pageValue);
        for (auto it = votes.begin(); it != votes.end(); ++it)
            if (it.value() > most) {
                most = it.value();
                best = it.key();
            }
        return best;
    }
};

bool plausible(const QDate& date)
{
    return date.isValid() && date <= QDate::currentDate().addYears(1);
}

QList<Ballot> amountBallots(const QString& text)
{
    QList<Ballot> out;
    for (const AmountMatch& a : normalize::findAmounts(text)) {
        Ballot b{a.position, a.raw.size(), {}, {}, normalize::formatAmount(a.value)};
        b.add(b.pageValue, a.raw, kPageWeight);
        out << b;
    }
    return out;
}

QList<Ballot> dateBallots(const QString& text, DateOrder order)
{
    QList<Ballot> out;
    for (const DateMatch& d : normalize::findDates(text, order)) {
        Ballot b{d.position, d.raw.size(), {}, {}, d.date.toString(Qt::ISODate)};
        b.add(b.pageValue, d.raw, plausible(d.date) ? kPageWeight : 0);
        out << b;
    }
    return out;
}

} // namespace

int voteOnNumbers(const OcrPipeline& pipeline, OcrPage& page, const PreparedPage& prepared, const QList<int>& lineHeights,
                  const std::function<bool(const QList<OcrLine>&, qsizetype)>& worthIt, DateOrder order)
{
    if (prepared.image.empty())
        return 0;
    int changed = 0;
    const QList<OcrLine> before = page.lines;
    for (qsizetype index = 0; index < page.lines.size(); ++index) {
        if (!worthIt(before, index))
            continue;
        OcrLine& line = page.lines[index];
        QList<Ballot> amounts = amountBallots(line.text);
        QList<Ballot> dates = dateBallots(line.text, order);
        if (amounts.isEmpty() && dates.isEmpty())
            continue;
        for (int height : lineHeights) {
            const auto again = pipeline.rereadLine(prepared, line.box, height);
            if (!again)
                continue;
            // A reading votes on a line's amounts only when it finds as many of them (the n-th with the n-th).
            if (const auto found = normalize::findAmounts(again->text); found.size() == amounts.size())
                for (qsizetype i = 0; i < found.size(); ++i)
                    amounts[i].add(normalize::formatAmount(found[i].value), found[i].raw, 1);
            if (const auto found = normalize::findDates(again->text, order); found.size() == dates.size())
                for (qsizetype i = 0; i < found.size(); ++i)
                    if (plausible(found[i].date))
                        dates[i].add(found[i].date.toString(Qt::ISODate), found[i].raw, 1);
        }
        // Replace from the right so that earlier positions stay valid.
        QList<Ballot> all = amounts + dates;
        std::sort(all.begin(), all.end(), [](const Ballot& a, const Ballot& b) { return a.position > b.position; });
        qsizetype replacedFrom = line.text.size();
        for (const Ballot& b : all) {
            const QString value = b.winner();
            if (value == b.pageValue || b.position + b.length > replacedFrom)
                continue; // kept, or inside a number already replaced (a date's "18.05" read as an amount)
            line.text.replace(b.position, b.length, b.raw.value(value));
            replacedFrom = b.position;
            ++changed;
        }
    }
    return changed;
}

} // namespace taskloom::nodes::ocr
