#include "AnchorFinder.hpp"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>

namespace taskloom::recorder {

namespace {

cv::Mat gray(const Image& img)
{
    const cv::Mat bgra(img.height(), img.width(), CV_8UC4, const_cast<uchar*>(img.constBits()), size_t(img.stride()));
    cv::Mat g;
    cv::cvtColor(bgra, g, cv::COLOR_BGRA2GRAY);
    return g;
}

cv::Mat half(const cv::Mat& m)
{
    cv::Mat h;
    cv::resize(m, h, cv::Size(std::max(1, m.cols / 2), std::max(1, m.rows / 2)), 0, 0, cv::INTER_AREA);
    return h;
}

cv::Mat correlate(const cv::Mat& screen, const cv::Mat& templ)
{
    cv::Mat result;
    cv::matchTemplate(screen, templ, result, cv::TM_CCOEFF_NORMED);
    cv::patchNaNs(result, 0.0); // a flat template or screen area has no defined correlation
    return result;
}

/// The screen prepared once per search: grey, and grey at half size for the coarse pass; softened copies made
/// when a scaled template needs them.
struct Prepared {
    cv::Mat full;
    cv::Mat halved;
    mutable cv::Mat softFull;
    mutable cv::Mat softHalved;
};

// A program zoomed by its toolkit is re-rendered, not resized: text hinting and one-pixel lines come out differently
// than in a resized anchor. A slight blur of both sides keeps what matters (shapes, layout) and drops that
// difference; at 100 % the exact images are compared.
cv::Mat soften(const cv::Mat& m)
{
    cv::Mat out;
    cv::GaussianBlur(m, out, cv::Size(5, 5), 1.2);
    return out;
}

constexpr int coarseMinSide = 24;
constexpr double scaledMargin = 0.1; // see find() // below this, the half-size pass loses the detail that makes a patch distinct

AnchorMatch matchAt(const Prepared& screen, const cv::Mat& anchorGray, double scale)
{
    cv::Mat templ = anchorGray;
    if (std::abs(scale - 1.0) > 1e-3)
        cv::resize(anchorGray, templ, cv::Size(std::max(1, int(std::lround(anchorGray.cols * scale))),
                                               std::max(1, int(std::lround(anchorGray.rows * scale)))),
                   0, 0, scale < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
    AnchorMatch out;
    out.scale = scale;
    if (templ.cols > screen.full.cols || templ.rows > screen.full.rows)
        return out;
    const bool scaled = std::abs(scale - 1.0) > 1e-3;
    if (scaled) {
        templ = soften(templ);
        if (screen.softFull.empty()) {
            screen.softFull = soften(screen.full);
            screen.softHalved = half(screen.softFull);
        }
    }
    const cv::Mat& full = scaled ? screen.softFull : screen.full;
    const cv::Mat& halved = scaled ? screen.softHalved : screen.halved;
    cv::Point bestLoc;
    double bestScore = -1;
    if (std::min(templ.cols, templ.rows) >= coarseMinSide) {
        // Coarse pass at half size finds candidates; each is refined at full size in a small window around it.
        cv::Mat coarse = correlate(halved, half(templ));
        for (int candidate = 0; candidate < 3; ++candidate) {
            double maxVal = 0;
            cv::Point maxLoc;
            cv::minMaxLoc(coarse, nullptr, &maxVal, nullptr, &maxLoc);
            if (maxVal < 0.3 && candidate > 0)
                break;
            const int margin = 6;
            const cv::Rect roi = cv::Rect(maxLoc.x * 2 - margin, maxLoc.y * 2 - margin, templ.cols + 2 * margin,
                                          templ.rows + 2 * margin) & cv::Rect(0, 0, full.cols, full.rows);
            if (roi.width >= templ.cols && roi.height >= templ.rows) {
                cv::Mat fine = correlate(full(roi), templ);
                double v = 0;
                cv::Point loc;
                cv::minMaxLoc(fine, nullptr, &v, nullptr, &loc);
                if (v > bestScore) {
                    bestScore = v;
                    bestLoc = {roi.x + loc.x, roi.y + loc.y};
                }
            }
            const int hx = std::max(1, templ.cols / 4), hy = std::max(1, templ.rows / 4);
            cv::rectangle(coarse, cv::Rect(maxLoc.x - hx, maxLoc.y - hy, 2 * hx + 1, 2 * hy + 1), cv::Scalar(-1), cv::FILLED);
        }
    } else {
        cv::Mat result = correlate(full, templ);
        cv::minMaxLoc(result, nullptr, &bestScore, nullptr, &bestLoc);
    }
    out.rect = {bestLoc.x, bestLoc.y, templ.cols, templ.rows};
    out.score = std::max(0.0, bestScore);
    return out;
}

Prepared prepare(const Image& screen, const Rect& region)
{
    Prepared p;
    const Rect r = region.isEmpty() ? screen.rect() : region.intersected(screen.rect());
    p.full = gray(screen)(cv::Rect(r.x, r.y, r.width, r.height)).clone();
    p.halved = half(p.full);
    return p;
}

} // namespace

QList<double> AnchorFinder::defaultScales(double first)
{
    QList<double> scales{first};
    for (double s : {1.0, 1.25, 0.8, 1.1, 0.9, 1.5, 0.67})
        if (std::abs(s - first) > 1e-3)
            scales.append(s);
    return scales;
}

std::optional<AnchorMatch> AnchorFinder::find(const Image& screen, const Image& anchor, const Search& search)
{
    if (screen.isNull() || anchor.isNull())
        return std::nullopt;
    const Prepared prepared = prepare(screen, search.region);
    const cv::Mat anchorGray = gray(anchor);
    std::optional<AnchorMatch> best;
    for (double scale : search.scales) {
        AnchorMatch m = matchAt(prepared, anchorGray, scale);
        // Softened images (other scales) match look-alikes more easily: they must score higher to count.
        const double needed = std::abs(scale - 1.0) > 1e-3 ? std::min(0.99, search.minScore + scaledMargin) : search.minScore;
        if (m.score >= needed && (!best || m.score > best->score))
            best = m;
        if (best && best->score >= std::max(search.confident, search.minScore))
            break;
    }
    if (best && !search.region.isEmpty()) {
        const Rect r = search.region.intersected(screen.rect());
        best->rect.x += r.x;
        best->rect.y += r.y;
    }
    return best;
}

AnchorMatch AnchorFinder::best(const Image& screen, const Image& anchor, double scale)
{
    if (screen.isNull() || anchor.isNull())
        return {};
    return matchAt(prepare(screen, {}), gray(anchor), scale);
}

double AnchorFinder::runnerUpScore(const Image& screen, const Image& anchor)
{
    const cv::Mat s = gray(screen), t = gray(anchor);
    if (t.cols > s.cols || t.rows > s.rows)
        return 0;
    // Half size is enough to tell whether a look-alike exists, and four times cheaper at record time.
    const bool coarse = std::min(t.cols, t.rows) >= 2 * coarseMinSide;
    cv::Mat result = coarse ? correlate(half(s), half(t)) : correlate(s, t);
    double first = 0;
    cv::Point loc;
    cv::minMaxLoc(result, nullptr, &first, nullptr, &loc);
    const int div = coarse ? 2 : 1;
    const int hx = std::max(1, t.cols / div / 2), hy = std::max(1, t.rows / div / 2);
    cv::rectangle(result, cv::Rect(loc.x - hx, loc.y - hy, 2 * hx + 1, 2 * hy + 1), cv::Scalar(-1), cv::FILLED);
    double second = 0;
    cv::minMaxLoc(result, nullptr, &second, nullptr, nullptr);
    return std::max(0.0, second);
}

AnchorFinder::Patch AnchorFinder::distinctivePatch(const Image& screen, Point at, double uniqueBelow)
{
    static constexpr int widths[] = {48, 72, 108, 160, 240, 320};
    Patch last;
    for (int w : widths) {
        const int h = w * 3 / 4;
        const Rect rect = Rect{at.x - w / 2, at.y - h / 2, w, h}.intersected(screen.rect());
        if (rect.isEmpty())
            break;
        last = {rect, false};
        const Image patch = screen.copy(rect);
        cv::Scalar mean, stddev;
        cv::meanStdDev(gray(patch), mean, stddev);
        if (stddev[0] < 4.0)
            continue; // a flat area matches everywhere
        if (runnerUpScore(screen, patch) < uniqueBelow) {
            last.unique = true;
            return last;
        }
    }
    return last;
}

} // namespace taskloom::recorder
