#include "Preprocessor.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

namespace taskloom::nodes::ocr {

namespace {

struct Step {
    const char* name;
    bool PreprocessOptions::*flag;
};

constexpr Step steps[] = {
    {"documentBoundary", &PreprocessOptions::documentBoundary}, {"removeShadows", &PreprocessOptions::removeShadows},
    {"upscale", &PreprocessOptions::upscale},                   {"denoise", &PreprocessOptions::denoise},
    {"deskew", &PreprocessOptions::deskew},                     {"orientation", &PreprocessOptions::orientation},
    {"binarize", &PreprocessOptions::binarize},
};

std::vector<cv::Point2f> orderCorners(const std::vector<cv::Point>& quad)
{
    std::vector<cv::Point2f> pts(quad.begin(), quad.end());
    std::vector<cv::Point2f> out(4);
    auto sum = [](const cv::Point2f& p) { return p.x + p.y; };
    auto diff = [](const cv::Point2f& p) { return p.y - p.x; };
    out[0] = *std::min_element(pts.begin(), pts.end(), [&](auto& a, auto& b) { return sum(a) < sum(b); });
    out[2] = *std::max_element(pts.begin(), pts.end(), [&](auto& a, auto& b) { return sum(a) < sum(b); });
    out[1] = *std::min_element(pts.begin(), pts.end(), [&](auto& a, auto& b) { return diff(a) < diff(b); });
    out[3] = *std::max_element(pts.begin(), pts.end(), [&](auto& a, auto& b) { return diff(a) < diff(b); });
    return out;
}

} // namespace

QStringList PreprocessOptions::stepNames()
{
    QStringList names;
    for (const Step& s : steps)
        names << QString::fromLatin1(s.name);
    return names;
}

PreprocessOptions PreprocessOptions::parse(const QString& spec, QStringList* unknown)
{
    PreprocessOptions o;
    for (QString part : spec.split(u',', Qt::SkipEmptyParts)) {
        part = part.trimmed();
        const bool on = !part.startsWith(u'-');
        if (!on || part.startsWith(u'+'))
            part = part.mid(1);
        if (part == u"none") {
            for (const Step& s : steps)
                o.*(s.flag) = false;
            continue;
        }
        bool known = false;
        for (const Step& s : steps) {
            if (part.compare(QLatin1String(s.name), Qt::CaseInsensitive) == 0) {
                o.*(s.flag) = on;
                known = true;
            }
        }
        if (!known && unknown)
            *unknown << part;
    }
    return o;
}

cv::Mat Preprocessor::toGray(const cv::Mat& input)
{
    if (input.channels() == 1)
        return input;
    cv::Mat gray;
    cv::cvtColor(input, gray, input.channels() == 4 ? cv::COLOR_BGRA2GRAY : cv::COLOR_BGR2GRAY);
    return gray;
}

double Preprocessor::estimateSkew(const cv::Mat& gray)
{
    // Smear the characters of each text line into one long blob; each blob's minimum-area rectangle gives its
    // angle, and the median over the lines resists pictures, stamps and rules.
    cv::Mat small = gray;
    double f = 1;
    if (gray.cols > 1600) {
        f = 1600.0 / gray.cols;
        cv::resize(gray, small, {}, f, f, cv::INTER_AREA);
    }
    cv::Mat bw;
    cv::threshold(small, bw, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
    cv::morphologyEx(bw, bw, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, {2, 2}));
    cv::morphologyEx(bw, bw, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, {std::max(15, small.cols / 40), 1}));
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(bw, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_NONE);
    std::vector<double> angles;
    for (const auto& c : contours) {
        const cv::RotatedRect r = cv::minAreaRect(c);
        double w = r.size.width, h = r.size.height, a = r.angle;
        if (w < h) {
            std::swap(w, h);
            a += 90;
        }
        while (a > 45)
            a -= 180;
        while (a < -45)
            a += 180;
        // Long thin blobs only: text lines, not letters or pictures.
        if (w < small.cols / 8.0 || w < h * 6 || std::abs(a) > 15)
            continue;
        angles.push_back(a);
    }
    if (angles.empty())
        return 0;
    std::nth_element(angles.begin(), angles.begin() + angles.size() / 2, angles.end());
    return -angles[angles.size() / 2];
}

cv::Mat Preprocessor::rotate(const cv::Mat& gray, double degrees)
{
    const cv::Point2f center(gray.cols / 2.0f, gray.rows / 2.0f);
    cv::Mat m = cv::getRotationMatrix2D(center, degrees, 1.0);
    const double rad = degrees * CV_PI / 180.0;
    const double c = std::abs(std::cos(rad)), s = std::abs(std::sin(rad));
    const int w = int(gray.rows * s + gray.cols * c), h = int(gray.rows * c + gray.cols * s);
    m.at<double>(0, 2) += (w - gray.cols) / 2.0;
    m.at<double>(1, 2) += (h - gray.rows) / 2.0;
    cv::Mat out;
    cv::warpAffine(gray, out, m, {w, h}, cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    return out;
}

cv::Mat Preprocessor::rotateQuarter(const cv::Mat& image, int quarterTurns)
{
    cv::Mat out;
    switch (((quarterTurns % 4) + 4) % 4) {
    case 1: cv::rotate(image, out, cv::ROTATE_90_CLOCKWISE); return out;
    case 2: cv::rotate(image, out, cv::ROTATE_180); return out;
    case 3: cv::rotate(image, out, cv::ROTATE_90_COUNTERCLOCKWISE); return out;
    default: return image;
    }
}

cv::Mat Preprocessor::removeShadows(const cv::Mat& gray)
{
    // The background estimate (text dilated away, then smoothed) divided out leaves ink on even paper.
    cv::Mat bg;
    cv::dilate(gray, bg, cv::getStructuringElement(cv::MORPH_RECT, {7, 7}));
    cv::medianBlur(bg, bg, 21);
    cv::Mat out;
    cv::divide(gray, bg, out, 255);
    return out;
}

cv::Mat Preprocessor::stretchContrast(const cv::Mat& gray)
{
    // The page's edges are left out of the count: a scanner's dark border there is neither ink nor paper.
    const int margin = std::min(gray.cols, gray.rows) / 20;
    const cv::Mat inner = gray(cv::Rect(margin, margin, gray.cols - 2 * margin, gray.rows - 2 * margin));
    int histogram[256] = {};
    for (int y = 0; y < inner.rows; ++y) {
        const uchar* row = inner.ptr<uchar>(y);
        for (int x = 0; x < inner.cols; ++x)
            ++histogram[row[x]];
    }
    const double total = double(inner.total());
    int ink = -1, paper = -1;
    double seen = 0;
    for (int v = 0; v < 256 && paper < 0; ++v) {
        seen += histogram[v];
        if (ink < 0 && seen >= total * 0.01)
            ink = v;
        if (seen >= total * 0.5)
            paper = v;
    }
    if (paper - ink < 16 || (ink <= 16 && paper >= 240))
        return gray;
    cv::Mat out;
    gray.convertTo(out, CV_8U, 255.0 / (paper - ink), -255.0 * ink / (paper - ink));
    return out;
}

cv::Mat Preprocessor::correctPerspective(const cv::Mat& image, bool* corrected)
{
    if (corrected)
        *corrected = false;
    cv::Mat gray = toGray(image);
    const double f = std::min(1.0, 800.0 / std::max(gray.cols, gray.rows));
    cv::Mat small;
    cv::resize(gray, small, {}, f, f, cv::INTER_AREA);
    cv::GaussianBlur(small, small, {5, 5}, 0);
    cv::Mat edges;
    cv::Canny(small, edges, 40, 120);
    cv::dilate(edges, edges, cv::Mat());
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(edges, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
    const double area = double(small.cols) * small.rows;
    std::vector<cv::Point> best;
    double bestArea = 0;
    for (const auto& c : contours) {
        std::vector<cv::Point> approx;
        cv::approxPolyDP(c, approx, 0.02 * cv::arcLength(c, true), true);
        const double a = std::abs(cv::contourArea(approx));
        if (approx.size() == 4 && cv::isContourConvex(approx) && a > bestArea) {
            best = approx;
            bestArea = a;
        }
    }
    // A page that fills almost the whole frame is a scan: nothing to flatten.
    if (best.empty() || bestArea < 0.25 * area || bestArea > 0.92 * area)
        return image;
    for (cv::Point& p : best)
        p = cv::Point(int(p.x / f), int(p.y / f));
    const std::vector<cv::Point2f> src = orderCorners(best);
    const float w = float(std::max(cv::norm(src[1] - src[0]), cv::norm(src[2] - src[3])));
    const float h = float(std::max(cv::norm(src[3] - src[0]), cv::norm(src[2] - src[1])));
    const std::vector<cv::Point2f> dst = {{0, 0}, {w - 1, 0}, {w - 1, h - 1}, {0, h - 1}};
    cv::Mat out;
    cv::warpPerspective(image, out, cv::getPerspectiveTransform(src, dst), {int(w), int(h)}, cv::INTER_LINEAR,
                        cv::BORDER_REPLICATE);
    if (corrected)
        *corrected = true;
    return out;
}

cv::Mat Preprocessor::binarize(const cv::Mat& gray)
{
    cv::Mat out;
    const int block = std::max(15, (std::min(gray.cols, gray.rows) / 40) | 1);
    cv::adaptiveThreshold(gray, out, 255, cv::ADAPTIVE_THRESH_GAUSSIAN_C, cv::THRESH_BINARY, block, 15);
    return out;
}

cv::Mat Preprocessor::run(const cv::Mat& input, const PreprocessOptions& o, PreprocessReport* report)
{
    PreprocessReport r;
    cv::Mat img = input;
    if (o.documentBoundary)
        img = correctPerspective(img, &r.perspectiveCorrected);
    cv::Mat gray = toGray(img);
    if (o.removeShadows)
        gray = removeShadows(gray);
    if (o.upscale && std::min(gray.cols, gray.rows) > 0) {
        const int shorter = std::min(gray.cols, gray.rows);
        if (shorter < o.minShortSide) {
            r.scale = std::min(2.0, double(o.minShortSide) / shorter);
            cv::resize(gray, gray, {}, r.scale, r.scale, cv::INTER_CUBIC);
        }
    }
    if (o.maxLongSide > 0 && std::max(gray.cols, gray.rows) > o.maxLongSide) {
        r.scale = double(o.maxLongSide) / std::max(gray.cols, gray.rows);
        cv::resize(gray, gray, {}, r.scale, r.scale, cv::INTER_AREA);
    }
    if (o.denoise)
        cv::medianBlur(gray, gray, 3);
    if (o.deskew) {
        r.skewDegrees = estimateSkew(gray);
        if (std::abs(r.skewDegrees) >= 0.4)
            gray = rotate(gray, -r.skewDegrees);
        else
            r.skewDegrees = 0;
    }
    if (o.binarize)
        gray = binarize(gray);
    if (report)
        *report = r;
    return gray;
}

} // namespace taskloom::nodes::ocr
