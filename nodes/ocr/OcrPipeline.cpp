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

std::expected<OcrDocument, QString> OcrPipeline::read(const QList<LoadedPage>& pages, const QString& name,
                                                      QList<PreparedPage>* prepared) const
{
    OcrDocument doc;
    doc.file = name;
    for (qsizetype i = 0; i < pages.size(); ++i) {
        if (m_options.cancelled && m_options.cancelled())
            return std::unexpected(QStringLiteral("%1: cancelled").arg(name));
        if (prepared)
            prepared->append(PreparedPage{});
        if (pages[i].text) {
            OcrPage p = *pages[i].text;
            p.number = int(i + 1);
            doc.pages.append(std::move(p));
            continue;
        }
        auto page = recognizeImage(pages[i].image, prepared ? &prepared->last() : nullptr);
        if (!page)
            return std::unexpected(QStringLiteral("%1: page %2: %3").arg(name).arg(i + 1).arg(page.error()));
        page->number = int(i + 1);
        doc.pages.append(std::move(*page));
    }
    return doc;
}

std::expected<OcrPage, QString> OcrPipeline::recognizeImage(const cv::Mat& image, PreparedPage* prepared) const
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
    cv::Mat ready = Preprocessor::run(input, m_options.preprocess, &report);
    auto page = TesseractEngine::recognize(ready, request());
    if (!page)
        return page;
    // Faint print beside the scanner's dark edge or specks: Tesseract's global threshold keeps the dark parts, drops
    // the text and reports an (almost) empty page. Such a page is read again with the ink stretched to black.
    if (page->lines.size() < 3) {
        const cv::Mat stretched = Preprocessor::stretchContrast(ready);
        if (stretched.data != ready.data) {
            auto again = TesseractEngine::recognize(stretched, request());
            if (!again)
                return again;
            if (textScore(*again) > textScore(*page)) {
                page = std::move(again);
                ready = stretched;
            }
        }
    }
    if (prepared)
        *prepared = {ready, report.scale};
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

std::expected<OcrLine, QString> OcrPipeline::rereadLine(const PreparedPage& page, const Box& box, int lineHeight) const
{
    if (page.image.empty() || box.isEmpty() || lineHeight <= 0)
        return std::unexpected(QStringLiteral("nothing to read"));
    const double s = page.scale;
    const int margin = int(std::lround((box.height / 3.0 + 2) * s));
    const cv::Rect wanted(int(box.x * s) - margin, int(box.y * s) - margin, int(box.width * s) + 2 * margin,
                          int(box.height * s) + 2 * margin);
    const cv::Rect rect = wanted & cv::Rect(0, 0, page.image.cols, page.image.rows);
    if (rect.width < 4 || rect.height < 4)
        return std::unexpected(QStringLiteral("the line lies outside the page"));
    const double f = lineHeight / (box.height * s);
    cv::Mat crop;
    cv::resize(page.image(rect), crop, {}, f, f, f < 1 ? cv::INTER_AREA : cv::INTER_CUBIC);
    RecognizeRequest r = request();
    r.pageSegMode = 7;
    auto read = TesseractEngine::recognize(crop, r);
    if (!read)
        return std::unexpected(read.error());
    // Back to the page's input pixels: undo the zoom, then the crop's offset, then the pre-processing's scale.
    OcrLine line;
    line.box = box;
    double confidence = 0;
    auto toPage = [&](const Box& b) {
        return Box{int((b.x / f + rect.x) / s), int((b.y / f + rect.y) / s), int(b.width / f / s), int(b.height / f / s)};
    };
    for (const OcrLine& l : read->lines)
        for (const OcrWord& w : l.words) {
            line.words.append({w.text, w.confidence, toPage(w.box)});
            confidence += w.confidence;
        }
    QStringList words;
    for (const OcrWord& w : line.words)
        words << w.text;
    line.text = words.join(u' ');
    line.confidence = line.words.isEmpty() ? 0 : confidence / double(line.words.size());
    return line;
}

QList<qsizetype> linesWorthRereading(const OcrPage& page, const LineFilter& worthIt)
{
    QList<qsizetype> chosen;
    for (qsizetype index = 0; index < page.lines.size(); ++index)
        if (worthIt(page.lines, index))
            chosen << index;
    return chosen;
}

} // namespace taskloom::nodes::ocr
