#include "MrzReader.hpp"

#include "MrzGlyphs.hpp"
#include "Preprocessor.hpp"

#include <QRegularExpression>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace taskloom::nodes::ocr {

namespace {

int validChecks(const mrz::MrzData& d)
{
    int n = 0;
    for (const mrz::CheckResult& c : d.checks)
        n += c.valid ? 1 : 0;
    return n;
}

// Penalty for a parse whose document code or name field breaks ICAO 9303's shape (0 for a plausible one).
double namePlausibility(const mrz::MrzData& d)
{
    double penalty = 0;
    const QString& first = d.lines.value(0);
    if (first.isEmpty() || !QStringLiteral("ACIPV").contains(first[0]))
        penalty += 1;
    const QString names = d.format == mrz::Format::TD1 ? d.lines.value(2) : first.mid(5);
    static const QRegularExpression lone(QStringLiteral("<<[A-Z]<|<[A-Z]<<"));
    penalty += names.count(lone);
    return penalty;
}

// How much further from Tesseract's reading the glyph matcher's repair may go than the reading it replaces.
constexpr double maxGlyphExtraEdits = 2.0;

Box clampBox(const Box& b, int w, int h)
{
    const int x = std::clamp(b.x, 0, w - 1), y = std::clamp(b.y, 0, h - 1);
    return {x, y, std::clamp(b.right(), x + 1, w) - x, std::clamp(b.bottom(), y + 1, h) - y};
}

} // namespace

QList<Box> MrzReader::locate(const cv::Mat& gray)
{
    // Dark text on light paper: black-hat keeps thin dark strokes; a horizontal gradient and a wide closing turn
    // each MRZ line into one long bar; the zone is a block of such bars spanning most of the page width.
    const double f = std::min(1.0, 1000.0 / gray.cols);
    cv::Mat small;
    cv::resize(gray, small, {}, f, f, cv::INTER_AREA);
    const int unit = std::max(3, small.cols / 100);
    cv::Mat blackhat;
    cv::morphologyEx(small, blackhat, cv::MORPH_BLACKHAT, cv::getStructuringElement(cv::MORPH_RECT, {unit * 2 + 1, unit + 1}));
    cv::Mat grad;
    cv::Sobel(blackhat, grad, CV_32F, 1, 0, -1);
    grad = cv::abs(grad);
    double lo = 0, hi = 0;
    cv::minMaxLoc(grad, &lo, &hi);
    grad.convertTo(grad, CV_8U, hi > lo ? 255.0 / (hi - lo) : 1, hi > lo ? -255.0 * lo / (hi - lo) : 0);
    cv::morphologyEx(grad, grad, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, {unit * 3, 1}));
    cv::Mat bw;
    cv::threshold(grad, bw, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
    cv::morphologyEx(bw, bw, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, {unit * 4, unit * 2}));
    cv::erode(bw, bw, cv::Mat(), {-1, -1}, 2);
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(bw, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
    struct Scored {
        Box box;
        double score;
    };
    QList<Scored> found;
    for (const auto& c : contours) {
        const cv::Rect r = cv::boundingRect(c);
        if (r.width < small.cols * 0.45 || r.height < unit || r.width < r.height * 4)
            continue;
        // Lower on the page and wider scores higher.
        const double score = double(r.width) / small.cols + double(r.y + r.height) / small.rows;
        const int padX = int(r.width * 0.04), padY = int(r.height * 0.25) + unit;
        found.append({clampBox(Box{int((r.x - padX) / f), int((r.y - padY) / f), int((r.width + 2 * padX) / f),
                                   int((r.height + 2 * padY) / f)},
                               gray.cols, gray.rows),
                      score});
    }
    std::stable_sort(found.begin(), found.end(), [](const Scored& a, const Scored& b) { return a.score > b.score; });
    QList<Box> out;
    for (const Scored& s : found.mid(0, 8))
        out << s.box;
    return out;
}

std::expected<std::optional<MrzReading>, QString> MrzReader::readRegion(const cv::Mat& gray, const Box& region, int variant,
                                                                       QList<Box>* zoneLineBoxes) const
{
    cv::Mat crop = gray(cv::Rect(region.x, region.y, region.width, region.height)).clone();
    // MRZ characters read best around 30-40 px high; scale the band so its lines get there.
    const double targetWidth = 1600;
    const double f = targetWidth / crop.cols;
    cv::resize(crop, crop, {}, f, f, f > 1 ? cv::INTER_CUBIC : cv::INTER_AREA);
    if (variant == 1)
        cv::threshold(crop, crop, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
    else if (variant == 2)
        crop = Preprocessor::binarize(crop);
    cv::copyMakeBorder(crop, crop, 20, 20, 20, 20, cv::BORDER_REPLICATE);
    RecognizeRequest req = m_base;
    req.pageSegMode = 6;
    req.whitelist = QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<");
    auto page = TesseractEngine::recognize(crop, req);
    if (!page)
        return std::unexpected(page.error());
    QStringList raw;
    double conf = 0;
    for (const OcrLine& l : page->lines) {
        raw << l.text;
        conf += l.confidence;
        // Lines that look like zone lines, mapped back to the image (undo the border and the scale) with some
        // room above and below.
        const QString cleaned = mrz::cleanLines({l.text}).value(0);
        if (zoneLineBoxes && cleaned.size() >= 25 && cleaned.count(u'<') >= 2 && !l.box.isEmpty()) {
            const int padY = int(l.box.height / f * 0.3) + 2, padX = int(l.box.height / f);
            zoneLineBoxes->append(clampBox(Box{region.x + int((l.box.x - 20) / f) - padX, region.y + int((l.box.y - 20) / f) - padY,
                                               int(l.box.width / f) + 2 * padX, int(l.box.height / f) + 2 * padY},
                                           gray.cols, gray.rows));
        }
    }
    if (qEnvironmentVariableIsSet("TASKLOOM_OCR_DEBUG"))
        qWarning("mrz region %d,%d %dx%d variant %d: %s", region.x, region.y, region.width, region.height, variant, qPrintable(raw.join(QStringLiteral(" | "))));
    auto data = mrz::parse(raw);
    if (!data)
        return std::optional<MrzReading>();
    MrzReading reading;
    reading.data = std::move(*data);
    reading.rawLines = raw;
    reading.box = region;
    reading.confidence = page->lines.isEmpty() ? 0 : conf / double(page->lines.size());
    return std::optional<MrzReading>(std::move(reading));
}

std::optional<MrzReading> MrzReader::vote(const QList<QStringList>& readings)
{
    // Distinct readings per line, with how many variants gave each. A reading that ends in a filler but is
    // too short to pass for a zone line lost its trailing fillers (OCR drops long '<' runs): they are put back.
    QList<QList<std::pair<QString, int>>> options(readings.size());
    for (qsizetype i = 0; i < readings.size(); ++i)
        for (QString r : readings[i]) {
            if (const QString c = mrz::cleanLines({r}).value(0); c.size() >= 10 && c.size() < 30 && c.endsWith(u'<'))
                r = c + QString(30 - c.size(), u'<');
            auto it = std::find_if(options[i].begin(), options[i].end(), [&](const auto& o) { return o.first == r; });
            if (it == options[i].end())
                options[i].append({r, 1});
            else
                ++it->second;
        }
    struct Combo {
        QStringList lines;
        int votes = 0;
    };
    QList<Combo> combos{{}};
    for (const auto& opts : options) {
        QList<Combo> next;
        for (const Combo& partial : combos)
            for (const auto& [text, n] : opts)
                next.append({partial.lines + QStringList{text}, partial.votes + n});
        combos = std::move(next);
        if (combos.size() > 256)
            return std::nullopt;
    }
    // Parse every combination; identical parses pool the votes of the readings that led to them and keep the
    // cheapest way they were reached.
    struct Parsed {
        mrz::MrzData data;
        QStringList raw;
        int votes = 0;
        double cost = 0;
    };
    QList<Parsed> parsed;
    for (const Combo& c : combos) {
        auto data = mrz::parse(c.lines);
        if (!data)
            continue;
        const QStringList cleaned = mrz::cleanLines(c.lines);
        double cost = 0;
        // Only the lines with check digits count: the name line's filler runs are often misread and then
        // rebuilt whole, which says nothing about the rest.
        for (qsizetype i = 0; i < data->lines.size(); ++i)
            if (data->format == mrz::Format::TD1 ? i < 2 : i == 1)
                cost += i < cleaned.size() ? mrz::readingDistance(cleaned[i], data->lines[i]) : 44;
        // The name line has no check digit; what ICAO allows there still tells readings apart: the document code
        // starts with A, C, I, P or V, and names do not hold single letters between fillers ("<<S<<").
        cost += namePlausibility(*data);
        auto it = std::find_if(parsed.begin(), parsed.end(), [&](const Parsed& p) { return p.data.lines == data->lines; });
        if (it == parsed.end()) {
            parsed.append({std::move(*data), c.lines, c.votes, cost});
        } else {
            it->votes += c.votes;
            if (cost < it->cost) {
                it->cost = cost;
                it->raw = c.lines;
            }
        }
    }
    // Most valid check digits first, then the fewest flags, then the fewest edits from a reading, then the most
    // readings agreeing.
    const Parsed* best = nullptr;
    for (const Parsed& p : parsed) {
        if (!best) {
            best = &p;
            continue;
        }
        const int valid = validChecks(p.data), bestValid = validChecks(best->data);
        const qsizetype flags = p.data.flags.size(), bestFlags = best->data.flags.size();
        if (valid != bestValid ? valid > bestValid
                               : flags != bestFlags ? flags < bestFlags
                                                    : std::abs(p.cost - best->cost) > 1e-9 ? p.cost < best->cost : p.votes > best->votes)
            best = &p;
    }
    if (!best)
        return std::nullopt;
    MrzReading reading{best->data, best->raw, {}, 0.9};
    reading.edits = best->cost;
    return reading;
}

QList<Box> MrzReader::zoneLines(const QList<Box>& bands)
{
    // The zone is two or three bands stacked closely with the same left edge; the lowest such group wins.
    QList<Box> sorted = bands;
    std::sort(sorted.begin(), sorted.end(), [](const Box& a, const Box& b) { return a.y < b.y; });
    QList<Box> best;
    for (qsizetype i = 0; i < sorted.size(); ++i) {
        QList<Box> group{sorted[i]};
        for (qsizetype j = i + 1; j < sorted.size() && group.size() < 3; ++j) {
            const Box& prev = group.last();
            const Box& b = sorted[j];
            const int h = std::max(prev.height, b.height);
            if (b.y - prev.bottom() > h * 2 || std::abs(b.x - prev.x) > prev.width / 10 || std::abs(b.width - prev.width) > prev.width / 5)
                break;
            group << b;
        }
        if (group.size() >= 2 && (best.isEmpty() || group.first().y >= best.first().y || group.size() > best.size()))
            best = group;
    }
    return best;
}

std::expected<QString, QString> MrzReader::readLine(const cv::Mat& gray, const Box& band, int variant) const
{
    // The line is scaled to a few sizes: Tesseract's LSTM doubles or drops characters of widely spaced print at
    // some sizes and not at others, so the readings of several sizes are compared (see read()). Sizes are given
    // as the width of the whole line; a 44-character line 1000 px wide has characters about 20 px high.
    static constexpr int widths[lineVariants] = {1000, 1250, 1600, 1000};
    cv::Mat crop = gray(cv::Rect(band.x, band.y, band.width, band.height)).clone();
    const double f = double(widths[variant]) / crop.cols;
    cv::resize(crop, crop, {}, f, f, f > 1 ? cv::INTER_CUBIC : cv::INTER_AREA);
    if (variant == 3)
        cv::threshold(crop, crop, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
    cv::copyMakeBorder(crop, crop, 16, 16, 16, 16, cv::BORDER_REPLICATE);
    RecognizeRequest req = m_base;
    req.pageSegMode = 7;
    req.whitelist = QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<");
    auto page = TesseractEngine::recognize(crop, req);
    if (!page)
        return std::unexpected(page.error());
    QString text;
    for (const OcrLine& l : page->lines)
        text += l.text;
    if (qEnvironmentVariableIsSet("TASKLOOM_OCR_DEBUG"))
        qWarning("mrz line %d,%d variant %d: %s", band.x, band.y, variant, qPrintable(text));
    return text;
}

std::expected<std::optional<MrzReading>, QString> MrzReader::read(const cv::Mat& image) const
{
    if (image.empty())
        return std::unexpected(QStringLiteral("empty image"));
    cv::Mat gray = Preprocessor::toGray(image);
    // A slanted zone crosses into its neighbour line within a band's crop: straighten the page first (a 1.5
    // degree tilt moves the end of a 1000 px line by 26 px, more than half a line).
    if (const double skew = Preprocessor::estimateSkew(gray); std::abs(skew) > 0.2 && std::abs(skew) < 15)
        gray = Preprocessor::rotate(gray, -skew);
    const QList<Box> bands = locate(gray);
    if (qEnvironmentVariableIsSet("TASKLOOM_OCR_DEBUG"))
        for (const Box& b : bands)
            qWarning("mrz band %d,%d %dx%d", b.x, b.y, b.width, b.height);
    std::optional<MrzReading> best;
    int bestValid = -1;
    auto consider = [&](MrzReading&& reading) {
        int valid = validChecks(reading.data);
        if (valid > bestValid || (valid == bestValid && best && reading.data.flags.size() < best->data.flags.size())) {
            bestValid = valid;
            best = std::move(reading);
        }
        return best->data.allChecksValid() && best->data.flags.isEmpty();
    };
    // Reads a zone given as its line bands; true when the result is complete (every check digit holds).
    auto readZone = [&](QList<Box> zone) -> std::expected<bool, QString> {
        // Every line of a zone has the same length and left edge: give each band the zone's full width (a
        // name line's box may end where its fillers start, and the sizes below are for whole lines).
        int left = zone.first().x, right = zone.first().right();
        for (const Box& b : zone) {
            left = std::min(left, b.x);
            right = std::max(right, b.right());
        }
        for (Box& b : zone) {
            b.x = left;
            b.width = right - left;
        }
        // Read each line alone at a few sizes; every combination of the lines' readings is parsed (repaired with
        // the check digits), and the parse that the most readings agree with wins among those whose check digits
        // hold: a wrong repair that happens to satisfy a check digit is rarely reached from two different readings.
        QList<QStringList> readings(zone.size());
        Box all;
        for (const Box& b : zone)
            all = all.united(b);
        for (int variant = 0; variant < lineVariants; ++variant) {
            if (m_base.cancelled && m_base.cancelled())
                return std::unexpected(QStringLiteral("cancelled"));
            for (qsizetype i = 0; i < zone.size(); ++i) {
                auto text = readLine(gray, zone[i], variant);
                if (!text)
                    return std::unexpected(text.error());
                readings[i] << *text;
            }
        }
        if (auto voted = vote(readings)) {
            voted->box = all;
            consider(std::move(*voted));
        }
        if (best) {
            // Second opinion from the document's own glyphs on the document number.
            const int length = best->data.format == mrz::Format::TD3 ? 44 : best->data.format == mrz::Format::TD2 ? 36 : 30;
            MrzGlyphs glyphs;
            if (zone.size() == best->data.lines.size() && glyphs.segment(gray, zone, length)) {
                auto readCell = [&](const cv::Rect& r) -> QChar {
                    cv::Mat cell = gray(r).clone();
                    const double f = 56.0 / std::max(1, cell.rows);
                    cv::resize(cell, cell, {}, f, f, cv::INTER_CUBIC);
                    cv::copyMakeBorder(cell, cell, 12, 12, 24, 24, cv::BORDER_REPLICATE);
                    RecognizeRequest req = m_base;
                    req.pageSegMode = 10;
                    req.whitelist = QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<");
                    auto page = TesseractEngine::recognize(cell, req);
                    const QString t = page ? page->text().trimmed() : QString();
                    return t.size() == 1 ? t[0] : QChar();
                };
                auto refined = glyphs.refine(best->data, readCell);
                if (!refined && !best->data.allChecksValid())
                    refined = glyphs.refine(best->data, readCell, true);
                // Changes the document's own print of those characters made are evidence (a check digit cannot tell
                // O from 0 where both sit under the same weight). Changes made by reading cells alone must stay close
                // to that: a rewrite of half the number that happens to pass its check digit is less credible than
                // the reading it replaces.
                double refinedCost = 0;
                if (refined) {
                    for (qsizetype i = 0; i < refined->lines.size(); ++i)
                        if (best->data.format == mrz::Format::TD1 ? i < 2 : i == 1)
                            refinedCost += mrz::readingDistance(refined->templateOnly[i], refined->lines[i]);
                }
                if (qEnvironmentVariableIsSet("TASKLOOM_OCR_DEBUG") && refined)
                    qWarning("mrz glyphs: %s (%.1f) -> %s (%.1f; %d by template, %d by cell)",
                             qPrintable(best->data.lines.join(u'|')), best->edits, qPrintable(refined->lines.join(u'|')),
                             refinedCost, refined->byTemplate, refined->byCell);
                if (refined && refinedCost < best->edits + maxGlyphExtraEdits)
                    best->data = mrz::parseExact(refined->lines, best->data.format);
            }
            if (best->data.allChecksValid() && best->data.flags.isEmpty())
                return true;
        }
        return false;
    };
    if (const QList<Box> zone = zoneLines(bands); !zone.isEmpty()) {
        auto done = readZone(zone);
        if (!done)
            return std::unexpected(done.error());
        if (*done)
            return best;
    }

    // No clean zone: read larger regions as blocks (the lower part of the page, then the whole page). When
    // Tesseract's own line finding puts two or three zone-like lines there, those lines are read again one by one
    // like a located zone (several sizes and the vote), which a single block reading cannot match.
    QList<Box> regions = bands.mid(0, 1);
    regions << Box{0, gray.rows * 55 / 100, gray.cols, gray.rows - gray.rows * 55 / 100} << Box{0, 0, gray.cols, gray.rows};
    bool zoneFromLines = false;
    for (int variant = 0; variant < 2; ++variant) {
        for (const Box& region : regions) {
            if (m_base.cancelled && m_base.cancelled())
                return std::unexpected(QStringLiteral("cancelled"));
            QList<Box> lineBoxes;
            auto reading = readRegion(gray, region, variant, &lineBoxes);
            if (!reading)
                return std::unexpected(reading.error());
            // The lines read one by one come first: a block reading that passes its check digits is still the
            // less reliable one.
            if (!zoneFromLines && lineBoxes.size() >= 2) {
                zoneFromLines = true;
                const bool td1 = *reading && (**reading).data.format == mrz::Format::TD1;
                auto done = readZone(lineBoxes.mid(td1 && lineBoxes.size() >= 3 ? lineBoxes.size() - 3 : lineBoxes.size() - 2));
                if (!done)
                    return std::unexpected(done.error());
                if (*done)
                    return best;
            }
            if (*reading && consider(std::move(**reading)))
                return best;
        }
    }
    return best;
}

} // namespace taskloom::nodes::ocr
