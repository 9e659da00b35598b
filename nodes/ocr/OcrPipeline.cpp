#include "OcrPipeline.hpp"

#include <opencv2/imgproc.hpp>

namespace taskloom::nodes::ocr {

namespace {

void scaleBox(Box& b, double f)
{
    b = {int(b.x / f), int(b.y / f), int(b.width / f), int(b.height / f)};
}

// How much readable text a page holds: confident words of three or more characters.
double textScore(const OcrPage& page)
{
    double score = 0;
    for (const OcrLine& l : page.lines)
        for (const OcrWord& w : l.words)
            if (w.text.size() >= 3)
                score += w.confidence * w.confidence * double(w.text.size());
    return score;
}

} // namespace

RecognizeRequest OcrPipeline::request() const
{
    RecognizeRequest r;
    r.languages = m_options.languages;
    r.tessdataDir = m_options.tessdataDir;
    r.pageSegMode = m_options.pageSegMode;
    r.timeoutMs = m_options.timeoutMs;
    r.cancelled = m_options.cancelled;
    return r;
}

std::expected<QList<LoadedPage>, QString> OcrPipeline::load(const QString& path) const
{
    return DocumentLoader(m_options.limits).loadFile(path);
}

std::expected<QList<LoadedPage>, QString> OcrPipeline::loadBytes(const QByteArray& bytes, const QString& name) const
{
    return DocumentLoader(m_options.limits).loadBytes(bytes, name);
}

std::expected<OcrDocument, QString> OcrPipeline::readFile(const QString& path) const
{
    auto pages = load(path);
    if (!pages)
        return std::unexpected(pages.error());
    return read(*pages, path);
}

std::expected<OcrDocument, QString> OcrPipeline::readBytes(const QByteArray& bytes, const QString& name) const
{
    auto pages = loadBytes(bytes, name);
    if (!pages)
        return std::unexpected(pages.error());
    return read(*pages, name);
}

std::expected<OcrDocument, QString> OcrPipeline::read(const QList<LoadedPage>& pages, const QString& name) const
{
    OcrDocument doc;
    doc.file = name;
    for (qsizetype i = 0; i < pages.size(); ++i) {
        if (m_options.cancelled && m_options.cancelled())
            return std::unexpected(QStringLiteral("%1: cancelled").arg(name));
        if (pages[i].text) {
            OcrPage p = *pages[i].text;
            p.number = int(i + 1);
            doc.pages.append(std::move(p));
            continue;
        }
        auto page = recognizeImage(pages[i].image);
        if (!page)
            return std::unexpected(QStringLiteral("%1: page %2: %3").arg(name).arg(i + 1).arg(page.error()));
        page->number = int(i + 1);
        doc.pages.append(std::move(*page));
    }
    return doc;
}

std::expected<OcrPage, QString> OcrPipeline::recognizeImage(const cv::Mat& image) const
{
    cv::Mat input = image;
    if (m_options.preprocess.orientation) {
        // Read a thumbnail at each quarter turn and keep the turn with the most confident text.
        cv::Mat gray = Preprocessor::toGray(image);
        const double f = std::min(1.0, 1000.0 / std::max(gray.cols, gray.rows));
        cv::Mat thumb;
        cv::resize(gray, thumb, {}, f, f, cv::INTER_AREA);
        int bestTurn = 0;
        double best = -1;
        for (int turn = 0; turn < 4; ++turn) {
            auto page = TesseractEngine::recognize(Preprocessor::rotateQuarter(thumb, turn), request());
            if (!page)
                return std::unexpected(page.error());
            const double s = textScore(*page);
            if (s > best * 1.3 || best < 0) {
                best = s;
                bestTurn = turn;
            }
        }
        input = Preprocessor::rotateQuarter(image, bestTurn);
    }
    PreprocessReport report;
    const cv::Mat ready = Preprocessor::run(input, m_options.preprocess, &report);
    auto page = TesseractEngine::recognize(ready, request());
    if (!page)
        return page;
    if (report.scale != 1) {
        for (OcrLine& l : page->lines) {
            scaleBox(l.box, report.scale);
            for (OcrWord& w : l.words)
                scaleBox(w.box, report.scale);
        }
        page->width = input.cols;
        page->height = input.rows;
    }
    return page;
}

} // namespace taskloom::nodes::ocr
