#include "PunctuationVote.hpp"

namespace taskloom::nodes::ocr {

namespace {

constexpr double kPageWeight = 1.5;

// A line as its skeleton (every character but commas, full stops and spaces) and the separators around it:
// separators[i] stands before skeleton[i], the last one after the skeleton's end.
struct Separated {
    QString skeleton;
    QStringList separators{QString()};

    explicit Separated(const QString& text)
    {
        for (QChar c : text) {
            if (c == u',' || c == u'.' || c == u' ') {
                separators.last() += c;
            } else {
                skeleton += c;
                separators.append(QString());
            }
        }
    }
};

// The separators read at one place, in the order read, with their votes.
struct Ballot {
    QList<std::pair<QString, double>> choices; ///< the page's first

    void add(const QString& separator, double weight)
    {
        for (auto& [s, votes] : choices)
            if (s == separator) {
                votes += weight;
                return;
            }
        choices.append({separator, weight});
    }

    QString winner() const
    {
        const auto* best = &choices.first();
        for (const auto& c : choices)
            if (c.second > best->second)
                best = &c;
        return best->first;
    }
};

} // namespace

int votePunctuation(const OcrPipeline& pipeline, OcrPage& page, const PreparedPage& prepared, const QList<int>& lineHeights,
                    const LineFilter& worthIt)
{
    if (prepared.image.empty())
        return 0;
    int changed = 0;
    for (qsizetype index : linesWorthRereading(page, worthIt)) {
        OcrLine& line = page.lines[index];
        const Separated read(line.text);
        QList<Ballot> ballots(read.separators.size());
        for (qsizetype i = 0; i < ballots.size(); ++i)
            ballots[i].add(read.separators[i], kPageWeight);
        for (int height : lineHeights) {
            const auto again = pipeline.rereadLine(prepared, line.box, height);
            if (!again)
                continue;
            const Separated crop(again->text);
            if (crop.skeleton != read.skeleton)
                continue;
            for (qsizetype i = 0; i < ballots.size(); ++i)
                ballots[i].add(crop.separators[i], 1);
        }
        QString text = ballots.first().winner().trimmed();
        for (qsizetype i = 0; i < read.skeleton.size(); ++i) {
            text += read.skeleton[i];
            text += i + 1 == read.skeleton.size() ? ballots[i + 1].winner().trimmed() : ballots[i + 1].winner();
        }
        if (text != line.text) {
            line.text = text;
            ++changed;
        }
    }
    return changed;
}

} // namespace taskloom::nodes::ocr
