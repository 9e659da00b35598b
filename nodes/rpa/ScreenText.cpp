#include "ScreenText.hpp"

#include "nodes/ocr/TesseractEngine.hpp"

#include <opencv2/imgproc.hpp>

namespace taskloom::nodes::rpa {

using recorder::Rect;

namespace {

// Enlargement before OCR: Tesseract reads best at 20-30 px capital height; screen fonts are 9-12 px.
constexpr double upscale = 3.0;

QString normalized(QString s)
{
    s = s.simplified().toCaseFolded();
    while (!s.isEmpty() && QStringLiteral(".,:;!?").contains(s.back()))
        s.chop(1);
    return s;
}

Rect united(const Rect& a, const Rect& b)
{
    if (a.isEmpty())
        return b;
    const int x = std::min(a.x, b.x), y = std::min(a.y, b.y);
    return {x, y, std::max(a.x + a.width, b.x + b.width) - x, std::max(a.y + a.height, b.y + b.height) - y};
}

} // namespace

QString ScreenText::text() const
{
    QStringList out;
    for (const ScreenLine& l : lines)
        out.append(l.text);
    return out.join(u'\n');
}

std::optional<Rect> ScreenText::find(const QString& needle) const
{
    const QStringList wanted = normalized(needle).split(u' ', Qt::SkipEmptyParts);
    if (wanted.isEmpty())
        return std::nullopt;
    for (const ScreenLine& line : lines) {
        for (qsizetype start = 0; start + wanted.size() <= line.words.size(); ++start) {
            bool all = true;
            Rect box;
            for (qsizetype k = 0; k < wanted.size() && all; ++k) {
                all = normalized(line.words[start + k].text) == wanted[k];
                box = united(box, line.words[start + k].box);
            }
            if (all)
                return box;
        }
    }
    return std::nullopt;
}

std::expected<ScreenText, QString> readScreenText(const recorder::Image& screen, const Rect& region, const ScreenTextOptions& options)
{
    const Rect r = region.isEmpty() ? screen.rect() : region.intersected(screen.rect());
    if (r.isEmpty())
        return std::unexpected(QStringLiteral("the region %1,%2 %3x%4 is outside the screen")
                                   .arg(region.x).arg(region.y).arg(region.width).arg(region.height));
    const cv::Mat bgrx(screen.height(), screen.width(), CV_8UC4, const_cast<uchar*>(screen.constBits()), size_t(screen.stride()));
    cv::Mat gray, large;
    cv::cvtColor(bgrx(cv::Rect(r.x, r.y, r.width, r.height)), gray, cv::COLOR_BGRA2GRAY);
    cv::resize(gray, large, cv::Size(), upscale, upscale, cv::INTER_CUBIC);
    nodes::ocr::RecognizeRequest request;
    request.languages = options.languages;
    request.pageSegMode = 11; // sparse text: labels and buttons scattered over a window, not paragraphs
    request.dpi = 288;        // 96 dpi screen, enlarged three times
    request.cancelled = options.cancelled;
    auto page = nodes::ocr::TesseractEngine::recognize(large, request);
    if (!page)
        return std::unexpected(page.error());
    const auto toScreen = [&](const nodes::ocr::Box& b) {
        return Rect{r.x + int(b.x / upscale), r.y + int(b.y / upscale), int(std::ceil(b.width / upscale)), int(std::ceil(b.height / upscale))};
    };
    ScreenText out;
    for (const nodes::ocr::OcrLine& l : page->lines) {
        ScreenLine line;
        QStringList words;
        for (const nodes::ocr::OcrWord& w : l.words) {
            if (w.confidence < options.minConfidence || w.text.trimmed().isEmpty())
                continue;
            line.words.append({w.text.trimmed(), toScreen(w.box), w.confidence});
            line.box = united(line.box, line.words.back().box);
            words.append(line.words.back().text);
        }
        if (line.words.isEmpty())
            continue;
        line.text = words.join(u' ');
        out.lines.append(line);
    }
    return out;
}

std::expected<std::optional<Rect>, QString> findScreenText(const recorder::Image& screen, const QString& text,
                                                          const Rect& region, const ScreenTextOptions& options)
{
    auto read = readScreenText(screen, region, options);
    if (!read)
        return std::unexpected(read.error());
    return read->find(text);
}

} // namespace taskloom::nodes::rpa
