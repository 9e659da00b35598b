#include "NumberVote.hpp"

#include <algorithm>

namespace taskloom::nodes::ocr {

namespace {

constexpr double kPageWeight = 1.5;

// One number of a line: where the page's text prints it and what each reading made of it, in the order read (so
// that a tie goes to the page, then to the reading that came first, the same on every run).
struct Ballot {
    struct Choice {
        QString value; ///< normalised
        QString raw;   ///< as printed (the first reading's)
        double votes = 0;
    };
    qsizetype position = 0;
    qsizetype length = 0;
    QList<Choice> choices; ///< the page's reading first

    void add(const QString& value, const QString& printed, double weight)
    {
        for (Choice& c : choices)
            if (c.value == value) {
                c.votes += weight;
                return;
            }
        choices.append({value, printed, weight});
    }

    const Choice& winner() const
    {
        const Choice* best = &choices.first();
        for (const Choice& c : choices)
            if (c.votes > best->votes)
                best = &c;
        return *best;
    }
};

QList<Ballot> amountBallots(const QString& text)
{
    QList<Ballot> out;
    for (const AmountMatch& a : normalize::findAmounts(text)) {
        Ballot b{a.position, a.raw.size(), {}};
        b.add(normalize::formatAmount(a.value), a.raw, kPageWeight);
        out << b;
    }
    return out;
}

QList<Ballot> dateBallots(const QString& text, DateOrder order)
{
    QList<Ballot> out;
    for (const DateMatch& d : normalize::findDates(text, order)) {
        Ballot b{d.position, d.length, {}};
        b.add(d.date.toString(Qt::ISODate), d.raw, normalize::isPlausible(d.date) ? kPageWeight : 0);
        out << b;
    }
    return out;
}

} // namespace

int voteOnNumbers(const OcrPipeline& pipeline, OcrPage& page, const PreparedPage& prepared, const QList<int>& lineHeights,
                  const LineFilter& worthIt, DateOrder order)
{
    if (prepared.image.empty())
        return 0;
    int changed = 0;
    for (qsizetype index : linesWorthRereading(page, worthIt)) {
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
                    if (normalize::isPlausible(found[i].date))
                        dates[i].add(found[i].date.toString(Qt::ISODate), found[i].raw, 1);
        }
        // Replace from the right so that earlier positions stay valid.
        QList<Ballot> all = amounts + dates;
        std::sort(all.begin(), all.end(), [](const Ballot& a, const Ballot& b) { return a.position > b.position; });
        qsizetype replacedFrom = line.text.size();
        for (const Ballot& b : all) {
            const Ballot::Choice& won = b.winner();
            if (&won == &b.choices.first() || b.position + b.length > replacedFrom)
                continue; // kept, or inside a number already replaced (a date's "18.05" read as an amount)
            line.text.replace(b.position, b.length, won.raw);
            replacedFrom = b.position;
            ++changed;
        }
    }
    return changed;
}

int readDroppedAmounts(const OcrPipeline& pipeline, OcrPage& page, const PreparedPage& prepared, const QList<int>& lineHeights,
                       const LineFilter& worthIt)
{
    if (prepared.image.empty() || lineHeights.isEmpty())
        return 0;
    const int pageWidth = int(prepared.image.cols / prepared.scale);
    int changed = 0;
    for (qsizetype index : linesWorthRereading(page, worthIt)) {
        OcrLine& line = page.lines[index];
        if (!normalize::findAmounts(line.text).isEmpty() || line.box.isEmpty())
            continue;
        Box wide = line.box;
        wide.width = std::max(wide.width, pageWidth - wide.x);
        // The first amount two readings end in wins; two readings without any end the search.
        struct Reading {
            AmountMatch amount;
            OcrWord word; ///< the last word with a digit: where the amount stands
        };
        QList<Reading> readings;
        std::optional<Reading> agreed;
        int empty = 0;
        for (qsizetype h = 0; h < lineHeights.size() && !agreed && empty < 2; ++h) {
            const auto again = pipeline.rereadLine(prepared, wide, lineHeights[h]);
            const auto amounts = again ? normalize::findAmounts(again->text) : QList<AmountMatch>{};
            if (amounts.isEmpty()) {
                ++empty;
                continue;
            }
            Reading r{amounts.last(), {}};
            for (auto w = again->words.crbegin(); w != again->words.crend(); ++w)
                if (std::any_of(w->text.begin(), w->text.end(), [](QChar c) { return c.isDigit(); })) {
                    r.word = *w;
                    break;
                }
            for (const Reading& earlier : readings)
                if (std::abs(earlier.amount.value - r.amount.value) < 0.005)
                    agreed = earlier;
            readings << r;
        }
        if (!agreed)
            continue;
        // Only the amount is taken: the label stays as the page read it.
        line.text += u' ' + agreed->amount.raw;
        line.words.append({agreed->amount.raw, agreed->word.confidence, agreed->word.box});
        line.box = line.box.united(agreed->word.box);
        ++changed;
    }
    return changed;
}

} // namespace taskloom::nodes::ocr
