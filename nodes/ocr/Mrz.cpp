#include "Mrz.hpp"

#include <QDate>

#include <algorithm>
#include <vector>

#include <functional>

namespace taskloom::nodes::ocr::mrz {

namespace {

enum class Kind { Digit, Alpha, AlphaNum };

QChar toDigit(QChar c)
{
    switch (c.unicode()) {
    case 'O': case 'Q': case 'D': case 'U': return u'0';
    case 'I': case 'L': case 'T': return u'1';
    case 'Z': return u'2';
    case 'A': return u'4';
    case 'S': return u'5';
    case 'G': return u'6';
    case 'B': return u'8';
    default: return c;
    }
}

QChar toAlpha(QChar c)
{
    switch (c.unicode()) {
    case '0': return u'O';
    case '1': return u'I';
    case '2': return u'Z';
    case '4': return u'A';
    case '5': return u'S';
    case '6': return u'G';
    case '8': return u'B';
    default: return c;
    }
}

// Alternatives for a character of a mixed field (document numbers, optional data), most likely first.
QString alternatives(QChar c)
{
    switch (c.unicode()) {
    case 'O': return QStringLiteral("0QD");
    case '0': return QStringLiteral("OQD");
    case 'Q': return QStringLiteral("0O");
    case 'D': return QStringLiteral("0O");
    case 'I': return QStringLiteral("1L");
    case 'T': return QStringLiteral("17");
    case '7': return QStringLiteral("T");
    case 'U': return QStringLiteral("0");
    case '1': return QStringLiteral("IL");
    case 'L': return QStringLiteral("1I");
    case 'B': return QStringLiteral("8");
    case '8': return QStringLiteral("B");
    case 'S': return QStringLiteral("5");
    case '5': return QStringLiteral("S");
    case 'Z': return QStringLiteral("2");
    case '2': return QStringLiteral("Z");
    case 'G': return QStringLiteral("6");
    case '6': return QStringLiteral("G");
    default: return {};
    }
}

QString coerce(QString s, Kind kind)
{
    for (QChar& c : s) {
        if (c == u'<')
            continue;
        if (kind == Kind::Digit)
            c = toDigit(c);
        else if (kind == Kind::Alpha)
            c = toAlpha(c);
    }
    return s;
}

// How likely OCR swaps `a` for `b` in an MRZ font, as a cost (lower: more common). O and 0 are nearly identical
// in OCR-B and most sans-serif faces; T/7 or U/0 take a damaged glyph.
double swapCost(QChar a, QChar b)
{
    auto is = [&](const char* x, const char* y) { return (a == QLatin1Char(x[0]) && b == QLatin1Char(y[0])) || (a == QLatin1Char(y[0]) && b == QLatin1Char(x[0])); };
    if (is("O", "0"))
        return 0.3;
    if (is("I", "1") || is("B", "8") || is("S", "5") || is("Z", "2") || is("Q", "0") || is("Q", "O") || is("D", "0"))
        return 0.5;
    if (is("G", "6") || is("D", "O") || is("L", "1") || is("L", "I"))
        return 0.6;
    return 0.8;
}

// Changes confusable characters of `field` (at most three) until its check digit holds, choosing the cheapest set
// of changes by swapCost (a lone O/0 swap before a T/7 one; ties go to the leftmost).
QString repairWithCheck(const QString& field, QChar check, double* costOut = nullptr)
{
    if (costOut)
        *costOut = 1e9;
    if (!check.isDigit() && check != u'<')
        return field;
    const int want = check == u'<' ? 0 : check.digitValue();
    if (checkDigit(field) == want) {
        if (costOut)
            *costOut = 0;
        return field;
    }
    QList<int> positions;
    for (int i = 0; i < field.size(); ++i)
        if (!alternatives(field[i]).isEmpty())
            positions << i;
    QString best;
    double bestCost = 1e9;
    QString s = field;
    std::function<void(int, int, double)> search = [&](int start, int left, double cost) {
        if (cost >= bestCost)
            return;
        if (cost > 0 && checkDigit(s) == want) {
            best = s;
            bestCost = cost;
            return;
        }
        if (left == 0)
            return;
        for (int p = start; p < positions.size(); ++p) {
            const int pos = positions[p];
            const QChar orig = s[pos];
            for (QChar alt : alternatives(orig)) {
                s[pos] = alt;
                search(p + 1, left - 1, cost + swapCost(orig, alt));
            }
            s[pos] = orig;
        }
    };
    search(0, 3, 0);
    if (costOut && !best.isEmpty())
        *costOut = bestCost;
    return best.isEmpty() ? field : best;
}

QString nameText(QStringView s)
{
    QString out = s.toString();
    out.replace(u'<', u' ');
    return out.simplified();
}

// Makes a line exactly `length` long by growing or shrinking its longest run of fillers (OCR drops and doubles
// '<' inside long runs), else by padding or cutting the end.
QString fitLength(QString line, int length)
{
    if (line.size() == length)
        return line;
    int bestStart = -1, bestLen = 0;
    for (int i = 0; i < line.size();) {
        if (line[i] != u'<') {
            ++i;
            continue;
        }
        int j = i;
        while (j < line.size() && line[j] == u'<')
            ++j;
        if (j - i >= bestLen) {
            bestLen = j - i;
            bestStart = i;
        }
        i = j;
    }
    const int diff = length - int(line.size());
    if (bestStart >= 0 && bestLen >= 2 && (diff > 0 || bestLen + diff >= 1)) {
        if (diff > 0)
            line.insert(bestStart, QString(diff, u'<'));
        else
            line.remove(bestStart, -diff);
        return line;
    }
    if (diff > 0)
        return line + QString(diff, u'<');
    return line.left(length);
}

// Ways to bring a misread line to its length: stretch or shrink its filler run, or (one character too many,
// outside the fillers) drop one character; the check digits decide between them.
QStringList lengthCandidates(const QString& line, int length)
{
    QStringList out{fitLength(line, length)};
    if (line.size() == length + 1) {
        for (int i = 0; i < std::min<int>(int(line.size()), 30); ++i) {
            if (line[i] == u'<')
                continue;
            QString cut = line;
            cut.remove(i, 1);
            if (!out.contains(cut))
                out << cut;
        }
    }
    return out;
}

void addCheck(MrzData& d, const QString& name, const QString& field, QChar check)
{
    // An empty optional field may carry '<' instead of its check digit 0.
    const bool valid = check == u'<' ? checkDigit(field) == 0 : check.isDigit() && checkDigit(field) == check.digitValue();
    d.checks.append({name, valid});
    if (!valid)
        d.flags << QStringLiteral("check digit of %1 fails").arg(name);
}

void setDates(MrzData& d, const QString& birth, const QString& expiry)
{
    d.birthDate = isoDate(birth, false);
    d.expiryDate = isoDate(expiry, true);
    if (d.birthDate.isEmpty())
        d.flags << QStringLiteral("birth date %1 is not a date").arg(birth);
    if (d.expiryDate.isEmpty())
        d.flags << QStringLiteral("expiry date %1 is not a date").arg(expiry);
}

void setNames(MrzData& d, QStringView field)
{
    const qsizetype sep = field.indexOf(u"<<");
    if (sep < 0) {
        d.surname = nameText(field);
        return;
    }
    d.surname = nameText(field.left(sep));
    d.givenNames = nameText(field.mid(sep + 2));
}

// A three-letter code (issuing state, nationality) is letters then fillers ("D<<"): after the first '<' every
// character is a misread filler.
QString repairCode(QString s)
{
    s = coerce(s, Kind::Alpha);
    if (const qsizetype lt = s.indexOf(u'<'); lt > 0)
        for (qsizetype i = lt; i < s.size(); ++i)
            s[i] = u'<';
    return s;
}

QString cleanSex(QChar c)
{
    if (c == u'M' || c == u'F')
        return QString(c);
    if (c == u'<' || c == u'X')
        return QStringLiteral("X");
    if (c == u'H' || c == u'N')
        return QStringLiteral("M");
    if (c == u'E' || c == u'P')
        return QStringLiteral("F");
    return {};
}

// Name fields hold letters and fillers only; a 'K' among fillers is a misread '<'.
QString repairNameField(QString s)
{
    s = coerce(s, Kind::Alpha);
    for (int pass = 0; pass < 2; ++pass)
        for (int i = 0; i < s.size(); ++i)
            if (s[i] == u'K' && (i + 1 >= s.size() || s[i + 1] == u'<') && i > 0 && s[i - 1] == u'<')
                s[i] = u'<';
    // Trailing filler: anything after a run of at least three '<' is filler too.
    const qsizetype run = s.indexOf(QStringLiteral("<<<"));
    if (run >= 0)
        s = s.left(run) + QString(s.size() - run, u'<');
    return s;
}

} // namespace

double confusionCost(QChar a, QChar b)
{
    return a == b ? 0.0 : swapCost(a, b);
}

// How far a line as read is from the line after repair: inserted or dropped fillers cost little (OCR merges and
// splits runs of '<', and reads a filler as K, L, C or E), swaps between look-alike characters cost what
// confusionCost says, a character doubled by OCR (its neighbour is itself or a look-alike: "S5", "OQ")
// costs 0.6 to drop, anything else one. A parse reached with fewer and cheaper edits is the more credible one.
double readingDistance(const QString& read, const QString& fixed)
{
    auto fillerNoise = [](QChar c) { return c == u'<' || c == u'K' || c == u'L' || c == u'C' || c == u'E'; };
    auto subst = [&](QChar a, QChar b) {
        if (a == b)
            return 0.0;
        if (b == u'<' && fillerNoise(a))
            return 0.1;
        return confusionCost(a, b) < 0.8 ? confusionCost(a, b) : 1.0;
    };
    auto drop = [&](qsizetype i) { // cost of dropping read[i]
        const QChar c = read[i];
        if (c == u'<')
            return 0.1;
        for (qsizetype k : {i - 1, i + 1})
            if (k >= 0 && k < read.size() && (read[k] == c || confusionCost(read[k], c) < 0.8))
                return 0.6;
        return 1.0;
    };
    const qsizetype n = read.size(), m = fixed.size();
    std::vector<double> prev(size_t(m + 1)), cur(size_t(m + 1));
    for (qsizetype j = 0; j <= m; ++j)
        prev[size_t(j)] = j == 0 ? 0 : prev[size_t(j - 1)] + (fixed[j - 1] == u'<' ? 0.1 : 1.0);
    for (qsizetype i = 1; i <= n; ++i) {
        cur[0] = prev[0] + drop(i - 1);
        for (qsizetype j = 1; j <= m; ++j)
            cur[size_t(j)] = std::min({prev[size_t(j - 1)] + subst(read[i - 1], fixed[j - 1]), prev[size_t(j)] + drop(i - 1),
                                       cur[size_t(j - 1)] + (fixed[j - 1] == u'<' ? 0.1 : 1.0)});
        std::swap(prev, cur);
    }
    return prev[size_t(m)];
}

QString formatName(Format f)
{
    switch (f) {
    case Format::TD1: return QStringLiteral("TD1");
    case Format::TD2: return QStringLiteral("TD2");
    case Format::TD3: return QStringLiteral("TD3");
    }
    return {};
}

int checkDigit(QStringView field)
{
    static const int weights[3] = {7, 3, 1};
    int sum = 0;
    for (qsizetype i = 0; i < field.size(); ++i) {
        const QChar c = field[i];
        int v;
        if (c.isDigit())
            v = c.digitValue();
        else if (c >= u'A' && c <= u'Z')
            v = c.unicode() - 'A' + 10;
        else if (c == u'<')
            v = 0;
        else
            return -1;
        sum += v * weights[i % 3];
    }
    return sum % 10;
}

QString isoDate(QStringView yymmdd, bool expiry)
{
    if (yymmdd.size() != 6)
        return {};
    bool ok = false;
    const int yy = yymmdd.left(2).toInt(&ok);
    if (!ok)
        return {};
    const int mm = yymmdd.mid(2, 2).toInt(&ok);
    if (!ok)
        return {};
    const int dd = yymmdd.mid(4, 2).toInt(&ok);
    if (!ok)
        return {};
    const int thisYear = QDate::currentDate().year();
    int year = 2000 + yy;
    if (expiry ? yy > thisYear % 100 + 30 : year > thisYear)
        year -= 100;
    const QDate d(year, mm, dd);
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

bool MrzData::allChecksValid() const
{
    for (const CheckResult& c : checks)
        if (!c.valid)
            return false;
    return !checks.isEmpty();
}

QStringList cleanLines(const QStringList& raw)
{
    QStringList out;
    for (QString l : raw) {
        l = l.toUpper();
        l.remove(u' ');
        l.replace(u'«', QStringLiteral("<<"));
        l.replace(u'‹', u'<');
        l.replace(u'(', u'<');
        l.replace(u'[', u'<');
        l.replace(u'{', u'<');
        QString kept;
        for (QChar c : l)
            if ((c >= u'A' && c <= u'Z') || c.isDigit() || c == u'<')
                kept += c;
        out << kept;
    }
    return out;
}

MrzData parseExact(QStringList lines, Format format)
{
    MrzData d;
    d.format = format;
    if (format == Format::TD1) {
        QString l1 = lines[0], l2 = lines[1], l3 = lines[2];
        l1.replace(0, 2, coerce(l1.mid(0, 2), Kind::Alpha));
        l1.replace(2, 3, coerce(l1.mid(2, 3), Kind::Alpha));
        l1[14] = coerce(l1.mid(14, 1), Kind::Digit)[0];
        QString number = l1.mid(5, 9);
        if (l1[14] == u'<') { // long document number continues in the optional data; its last character checks it
            const QString opt = l1.mid(15, 15);
            const qsizetype end = opt.indexOf(u'<');
            const QString tail = end < 0 ? opt : opt.left(end);
            if (!tail.isEmpty()) {
                QString full = repairWithCheck(number + tail.left(tail.size() - 1), coerce(tail.right(1), Kind::Digit)[0]);
                d.documentNumber = full.remove(u'<');
                addCheck(d, QStringLiteral("documentNumber"), number + tail.left(tail.size() - 1), coerce(tail.right(1), Kind::Digit)[0]);
            }
        } else {
            number = repairWithCheck(number, l1[14]);
            l1.replace(5, 9, number);
            d.documentNumber = QString(number).remove(u'<');
            addCheck(d, QStringLiteral("documentNumber"), number, l1[14]);
        }
        l2.replace(0, 7, coerce(l2.mid(0, 7), Kind::Digit));
        l2.replace(8, 7, coerce(l2.mid(8, 7), Kind::Digit));
        l2.replace(15, 3, repairCode(l2.mid(15, 3)));
        l2[29] = coerce(l2.mid(29, 1), Kind::Digit)[0];
        l3 = repairNameField(l3);
        d.documentType = QString(l1.mid(0, 2)).remove(u'<');
        d.issuingCountry = QString(l1.mid(2, 3)).remove(u'<');
        d.optionalData = QString(l1.mid(15, 15)).remove(u'<');
        addCheck(d, QStringLiteral("birthDate"), l2.mid(0, 6), l2[6]);
        d.sex = cleanSex(l2[7]);
        addCheck(d, QStringLiteral("expiryDate"), l2.mid(8, 6), l2[14]);
        d.nationality = QString(l2.mid(15, 3)).remove(u'<');
        d.optionalData2 = QString(l2.mid(18, 11)).remove(u'<');
        addCheck(d, QStringLiteral("composite"), l1.mid(5, 25) + l2.mid(0, 7) + l2.mid(8, 7) + l2.mid(18, 11), l2[29]);
        setDates(d, l2.mid(0, 6), l2.mid(8, 6));
        setNames(d, l3);
        d.lines = {l1, l2, l3};
    } else {
        const int len = format == Format::TD3 ? 44 : 36;
        const int optLen = format == Format::TD3 ? 14 : 7;
        QString l1 = lines[0], l2 = lines[1];
        l1.replace(0, 1, coerce(l1.mid(0, 1), Kind::Alpha));
        l1.replace(2, 3, repairCode(l1.mid(2, 3)));
        l1.replace(5, len - 5, repairNameField(l1.mid(5)));
        l2[9] = coerce(l2.mid(9, 1), Kind::Digit)[0];
        l2.replace(0, 9, repairWithCheck(l2.mid(0, 9), l2[9]));
        l2.replace(10, 3, repairCode(l2.mid(10, 3)));
        l2.replace(13, 7, coerce(l2.mid(13, 7), Kind::Digit));
        l2.replace(21, 7, coerce(l2.mid(21, 7), Kind::Digit));
        l2[len - 1] = coerce(l2.mid(len - 1, 1), Kind::Digit)[0];
        if (const QString sex = cleanSex(l2[20]); sex == u"M" || sex == u"F")
            l2[20] = sex[0];
        if (format == Format::TD3) {
            if (l2[42] != u'<')
                l2[42] = coerce(l2.mid(42, 1), Kind::Digit)[0];
            l2.replace(28, optLen, repairWithCheck(l2.mid(28, optLen), l2[42]));
        }
        d.documentType = QString(l1.mid(0, 2)).remove(u'<');
        d.issuingCountry = QString(l1.mid(2, 3)).remove(u'<');
        setNames(d, QStringView(l1).mid(5));
        d.documentNumber = QString(l2.mid(0, 9)).remove(u'<');
        addCheck(d, QStringLiteral("documentNumber"), l2.mid(0, 9), l2[9]);
        d.nationality = QString(l2.mid(10, 3)).remove(u'<');
        addCheck(d, QStringLiteral("birthDate"), l2.mid(13, 6), l2[19]);
        d.sex = cleanSex(l2[20]);
        addCheck(d, QStringLiteral("expiryDate"), l2.mid(21, 6), l2[27]);
        d.optionalData = QString(l2.mid(28, optLen)).remove(u'<');
        if (format == Format::TD3)
            addCheck(d, QStringLiteral("optionalData"), l2.mid(28, 14), l2[42]);
        addCheck(d, QStringLiteral("composite"), l2.mid(0, 10) + l2.mid(13, 7) + l2.mid(21, len - 22), l2[len - 1]);
        setDates(d, l2.mid(13, 6), l2.mid(21, 6));
        d.lines = {l1, l2};
    }
    return d;
}

std::optional<MrzData> parse(const QStringList& rawLines)
{
    QStringList lines;
    for (const QString& l : cleanLines(rawLines))
        if (l.size() >= 20 && (l.count(u'<') >= 1))
            lines << l;
    if (lines.isEmpty())
        return std::nullopt;
    // Prefer the format whose line lengths fit best; the zone is the last lines of the document.
    struct Candidate {
        Format format;
        int count;
        int length;
    };
    const Candidate candidates[] = {{Format::TD3, 2, 44}, {Format::TD2, 2, 36}, {Format::TD1, 3, 30}};
    std::optional<MrzData> best;
    double bestScore = -1e9;
    for (const Candidate& c : candidates) {
        if (lines.size() < c.count)
            continue;
        for (qsizetype start = lines.size() - c.count; start >= 0; --start) {
            int lengthError = 0;
            QList<QStringList> options;
            for (int i = 0; i < c.count; ++i) {
                lengthError += std::abs(int(lines[start + i].size()) - c.length);
                options << lengthCandidates(lines[start + i], c.length);
            }
            if (lengthError > c.length / 3 * c.count)
                continue;
            // Every combination of the lines' candidates (a handful each), scored by the check digits that hold.
            QList<QStringList> combos{{}};
            for (const QStringList& opts : options) {
                QList<QStringList> next;
                for (const QStringList& partial : combos)
                    for (const QString& o : opts)
                        next.append(partial + QStringList{o});
                combos = std::move(next);
            }
            for (qsizetype k = 0; k < combos.size(); ++k) {
                MrzData d = parseExact(combos[k], c.format);
                int valid = 0;
                for (const CheckResult& r : d.checks)
                    valid += r.valid ? 1 : 0;
                // Among equally valid parses, the one closest to the lines as read (readingDistance over the lines
                // with check digits) wins.
                double distance = 0;
                for (int i = 0; i < c.count; ++i)
                    if (c.format == Format::TD1 ? i < 2 : i == 1)
                        distance += readingDistance(lines[start + i], d.lines[i]);
                const double score = valid * 10 - lengthError - int(d.flags.size()) * 3 - distance;
                if (score > bestScore) {
                    bestScore = score;
                    best = std::move(d);
                }
            }
        }
    }
    return best;
}

} // namespace taskloom::nodes::ocr::mrz
