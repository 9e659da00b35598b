#include "MrzReader.hpp"

#include "Preprocessor.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace taskloom::nodes::ocr {

namespace {

int validChecks(const mrz::MrzData& d)
{
    int n = 0;
    for (const mrz::CheckResult& c : d.checks)
        n += c.valid ? 1 : 0;
    return n;
}

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
    for (const Scored& s : found.mid(0, 4))
        out << s.box;
    return out;
}

std::expected<std::optional<MrzReading>, QString> MrzReader::readRegion(const cv::Mat& gray, const Box& region, int variant) const
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
    }
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

std::expected<std::optional<MrzReading>, QString> MrzReader::read(const cv::Mat& image) const
{
    if (image.empty())
        return std::unexpected(QStringLiteral("empty image"));
    cv::Mat gray = Preprocessor::toGray(image);
    QList<Box> regions = locate(gray);
    // Fallback regions: the lower part of the page, where ICAO places the zone, and the whole page.
    regions << Box{0, gray.rows * 55 / 100, gray.cols, gray.rows - gray.rows * 55 / 100} << Box{0, 0, gray.cols, gray.rows};
    std::optional<MrzReading> best;
    int bestValid = -1;
    for (int variant = 0; variant < 3; ++variant) {
        for (const Box& region : regions) {
            if (m_base.cancelled && m_base.cancelled())
                return std::unexpected(QStringLiteral("cancelled"));
            auto reading = readRegion(gray, region, variant);
            if (!reading)
                return std::unexpected(reading.error());
            if (!*reading)
                continue;
            const int valid = validChecks((*reading)->data);
            if (valid > bestValid) {
                bestValid = valid;
                best = std::move(*reading);
            }
            if (best && best->data.allChecksValid() && best->data.flags.isEmpty())
                return best;
        }
    }
    return best;
}

} // namespace taskloom::nodes::ocr
