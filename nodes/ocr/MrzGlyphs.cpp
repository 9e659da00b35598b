#include "MrzGlyphs.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <map>

namespace taskloom::nodes::ocr {

namespace {

constexpr int glyphW = 20;
constexpr int glyphH = 28;

// The cells of one line: ink blobs assigned to positions on a regular pitch between the first and last blob.
std::optional<QList<cv::Mat>> lineCells(const cv::Mat& band, int length)
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
    std::vector<cv::Rect> cells(size_t(length));
    for (const Blob& b : blobs) {
        const int i = int(std::lround((b.cx - first) / pitch));
        if (i < 0 || i >= length || std::abs(b.cx - (first + i * pitch)) > pitch * 0.35)
            continue;
        cells[size_t(i)] = cells[size_t(i)].area() ? (cells[size_t(i)] | b.rect) : b.rect;
    }
    QList<cv::Mat> out;
    for (const cv::Rect& r : cells) {
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
    for (const Box& b : bands) {
        const cv::Mat band = gray(cv::Rect(b.x, b.y, b.width, b.height));
        auto cells = lineCells(band, lineLength);
        if (!cells)
            return false;
        m_cells.append(*cells);
    }
    return true;
}

std::optional<QStringList> MrzGlyphs::refine(const mrz::MrzData& data) const
{
    if (m_cells.size() != data.lines.size())
        return std::nullopt;
    const bool td1 = data.format == mrz::Format::TD1;
    // The document number and its check digit; everything else is trusted when its own checks held.
    const Span number = td1 ? Span{0, 5, 10} : Span{1, 0, 10};
    auto trusted = [&](int line, int pos) {
        if (line == number.line && pos >= number.start && pos < number.start + number.length)
            return false;
        return data.lines[line][pos] != u'<';
    };
    std::map<QChar, QList<cv::Mat>> templates;
    for (int line = 0; line < data.lines.size(); ++line)
        for (int pos = 0; pos < data.lines[line].size() && pos < m_cells[line].size(); ++pos)
            if (trusted(line, pos) && !m_cells[line][pos].empty())
                templates[data.lines[line][pos]].append(m_cells[line][pos]);
    QString reread = data.lines[number.line].mid(number.start, number.length);
    bool changed = false;
    for (int k = 0; k < number.length; ++k) {
        const cv::Mat& cell = m_cells[number.line][number.start + k];
        if (cell.empty())
            continue;
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
            if (c == reread[k])
                currentScore = s;
        }
        // Replace only on clear evidence: a close match to another character, clearly closer than the OCR's.
        if (!best.isNull() && best != reread[k] && bestScore > 0.85 && bestScore > currentScore + 0.08) {
            reread[k] = best;
            changed = true;
        }
    }
    if (!changed)
        return std::nullopt;
    QStringList lines = data.lines;
    lines[number.line].replace(number.start, number.length, reread);
    const mrz::MrzData check = mrz::parseExact(lines, data.format);
    if (!check.allChecksValid())
        return std::nullopt;
    return check.lines;
}

} // namespace taskloom::nodes::ocr
