#include "MrzGlyphs.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <map>

namespace taskloom::nodes::ocr {

namespace {

constexpr int glyphW = 20;
constexpr int glyphH = 28;

// The cells of one line: ink blobs assigned to positions on a regular pitch between the first and last blob.
std::optional<QList<cv::Mat>> lineCells(const cv::Mat& band, int length, QList<cv::Rect>& rects)
{
    cv::Mat bw;
    cv::threshold(band, bw, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
    cv::Mat labels, stats, centroids;
    const int n = cv::connectedComponentsWithStats(bw, labels, stats, centroids, 8);
    int maxH = 0;
    for (int i = 1; i < n; ++i)
        if (stats.at<int>(i, cv::CC_STAT_TOP) > 0 && stats.at<int>(i, cv::CC_STAT_TOP) + stats.at<int>(i, cv::CC_STAT_HEIGHT) < band.rows)
            maxH = std::max(maxH, stats.at<int>(i, cv::CC_STAT_HEIGHT));
    struct Blob {
        cv::Rect rect;
        double cx;
    };
    std::vector<Blob> blobs;
    for (int i = 1; i < n; ++i) {
        const cv::Rect r(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP), stats.at<int>(i, cv::CC_STAT_WIDTH),
                         stats.at<int>(i, cv::CC_STAT_HEIGHT));
        // Fillers ('<') are shorter than letters; specks and neighbouring lines' edges are dropped.
        if (r.height < maxH * 0.25 || r.area() < 6 || r.y == 0 || r.y + r.height >= band.rows)
            continue;
        blobs.push_back({r, centroids.at<double>(i, 0)});
    }
    if (int(blobs.size()) < length / 2)
        return std::nullopt;
    std::sort(blobs.begin(), blobs.end(), [](const Blob& a, const Blob& b) { return a.cx < b.cx; });
    const double first = blobs.front().cx, last = blobs.back().cx;
    const double pitch = (last - first) / (length - 1);
    if (pitch < 4)
        return std::nullopt;
    std::vector<cv::Rect> cells(static_cast<size_t>(length));
    for (const Blob& b : blobs) {
        const int i = int(std::lround((b.cx - first) / pitch));
        if (i < 0 || i >= length || std::abs(b.cx - (first + i * pitch)) > pitch * 0.35)
            continue;
        cells[size_t(i)] = cells[size_t(i)].area() ? (cells[size_t(i)] | b.rect) : b.rect;
    }
    QList<cv::Mat> out;
    rects.clear();
    for (int i = 0; i < length; ++i) {
        const cv::Rect& r = cells[size_t(i)];
        // The cell for reading it alone: a pitch wide around its centre, the band's height.
        const int cx = int(first + i * pitch);
        rects.append(cv::Rect(cx - int(pitch * 0.6), 0, int(pitch * 1.2), band.rows) & cv::Rect(0, 0, band.cols, band.rows));
        if (!r.area()) {
            out.append(cv::Mat());
            continue;
        }
        // Keep the glyph's height relative to the line (a '<' stays small) by cropping the full ink height.
        cv::Mat glyph;
        cv::resize(bw(r), glyph, {glyphW, glyphH}, 0, 0, cv::INTER_AREA);
        glyph.convertTo(glyph, CV_32F, 1.0 / 255);
        out.append(glyph);
    }
    return out;
}

double similarity(const cv::Mat& a, const cv::Mat& b)
{
    cv::Mat r;
    cv::matchTemplate(a, b, r, cv::TM_CCOEFF_NORMED);
    return r.at<float>(0, 0);
}

struct Span {
    int line;
    int start;
    int length;
};

} // namespace

bool MrzGlyphs::segment(const cv::Mat& gray, const QList<Box>& bands, int lineLength)
{
    m_cells.clear();
    m_rects.clear();
    for (const Box& b : bands) {
        const cv::Mat band = gray(cv::Rect(b.x, b.y, b.width, b.height));
        QList<cv::Rect> rects;
        auto cells = lineCells(band, lineLength, rects);
        if (!cells)
            return false;
        for (cv::Rect& r : rects)
            r += cv::Point(b.x, b.y);
        m_cells.append(*cells);
        m_rects.append(rects);
    }
    return true;
}

std::optional<MrzGlyphs::Refined> MrzGlyphs::refine(const mrz::MrzData& data,
                                                    const std::function<QChar(const cv::Rect&)>& readCell,
                                                    bool wholeLines) const
{
    if (m_cells.size() != data.lines.size())
        return std::nullopt;
    const bool td1 = data.format == mrz::Format::TD1;
    const int length = int(data.lines[0].size());
    // What to re-read: the document number with its check digit and the nationality (the fields OCR gets wrong),
    // or whole lines. Templates come from every other non-filler character (their fields passed the checks),
    // or, for whole lines, from the name line only.
    QList<Span> spans = td1 ? QList<Span>{{0, 5, 10}, {1, 15, 3}} : QList<Span>{{1, 0, 13}};
    if (wholeLines)
        spans = td1 ? QList<Span>{{0, 0, length}, {1, 0, length}} : QList<Span>{{1, 0, length}};
    auto inSpan = [&](int line, int pos) {
        for (const Span& s : spans)
            if (line == s.line && pos >= s.start && pos < s.start + s.length)
                return true;
        return false;
    };
    std::map<QChar, QList<cv::Mat>> templates;
    for (int line = 0; line < data.lines.size(); ++line)
        for (int pos = 0; pos < data.lines[line].size() && pos < m_cells[line].size(); ++pos)
            if (!inSpan(line, pos) && !m_cells[line][pos].empty() && (data.lines[line][pos] != u'<' || wholeLines))
                templates[data.lines[line][pos]].append(m_cells[line][pos]);
    QStringList lines = data.lines;
    Refined refined;
    refined.templateOnly = data.lines;
    for (const Span& span : spans) {
        for (int k = span.start; k < span.start + span.length && k < m_cells[span.line].size(); ++k) {
            const cv::Mat& cell = m_cells[span.line][k];
            QChar& current = lines[span.line][k];
            if (cell.empty()) {
                if (wholeLines && current != u'<') {
                    current = u'<';
                    ++refined.byCell;
                }
                continue;
            }
            QChar best;
            double bestScore = -1, currentScore = -1;
            for (const auto& [c, examples] : templates) {
                double s = -1;
                for (const cv::Mat& e : examples)
                    s = std::max(s, similarity(cell, e));
                if (s > bestScore) {
                    bestScore = s;
                    best = c;
                }
                if (c == current)
                    currentScore = s;
            }
            // A close template match decides. Otherwise the cell read alone (no neighbours to merge with or drop)
            // may overrule the line's reading only where there is evidence against it: the lines fail their checks
            // (whole lines), or this document's own print of the character does not look like the cell. Where the
            // document has no print of the character to compare with, the reading in its line's context stands.
            QChar c = current;
            bool byTemplate = false;
            if (!best.isNull() && bestScore > 0.85 && bestScore > currentScore + 0.08) {
                c = best;
                byTemplate = true;
            } else if ((wholeLines || (currentScore >= 0 && currentScore <= 0.85)) && readCell) {
                if (const QChar alone = readCell(m_rects[span.line][k]); !alone.isNull())
                    c = alone;
            }
            if (c != current) {
                current = c;
                ++(byTemplate ? refined.byTemplate : refined.byCell);
                if (byTemplate)
                    refined.templateOnly[span.line][k] = c;
            }
        }
    }
    if (refined.byTemplate + refined.byCell == 0)
        return std::nullopt;
    const mrz::MrzData check = mrz::parseExact(lines, data.format);
    if (!check.allChecksValid())
        return std::nullopt;
    refined.lines = check.lines;
    return refined;
}

} // namespace taskloom::nodes::ocr
