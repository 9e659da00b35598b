#pragma once

#include "DocumentLoader.hpp"
#include "Preprocessor.hpp"
#include "TesseractEngine.hpp"

#include <functional>

namespace taskloom::nodes::ocr {

struct OcrOptions {
    QString languages = QStringLiteral("eng");
    QString tessdataDir;
    int pageSegMode = 3;
    PreprocessOptions preprocess;
    LoadLimits limits;
    int timeoutMs = 0; ///< per page; 0: none
    std::function<bool()> cancelled;
};

/// A page as Tesseract saw it (pre-processed) and how much it was enlarged, so that regions of it can be read again.
struct PreparedPage {
    cv::Mat image;
    double scale = 1;
};

/// Picks the lines of a page worth a second reading, by index into the page's lines.
using LineFilter = std::function<bool(const QList<OcrLine>&, qsizetype)>;
/// The lines `worthIt` picks, chosen on the page's own reading: second readings change lines, and a line's choice
/// must not depend on what became of the lines before it.
QList<qsizetype> linesWorthRereading(const OcrPage& page, const LineFilter& worthIt);

/// File or bytes in, words and lines out: load (images, PDFs), pre-process, OCR (or the PDF's text layer).
class OcrPipeline {
public:
    explicit OcrPipeline(OcrOptions options = {}) : m_options(std::move(options)) {}

    const OcrOptions& options() const { return m_options; }

    std::expected<OcrDocument, QString> readFile(const QString& path) const;
    std::expected<OcrDocument, QString> readBytes(const QByteArray& bytes, const QString& name) const;
    /// Loads only (for extractors that work on the pixels themselves, like the MRZ reader).
    std::expected<QList<LoadedPage>, QString> load(const QString& path) const;
    std::expected<QList<LoadedPage>, QString> loadBytes(const QByteArray& bytes, const QString& name) const;
    /// OCRs already loaded pages; `prepared`, when given, receives each page as Tesseract saw it (an empty image
    /// for a PDF's text layer).
    std::expected<OcrDocument, QString> read(const QList<LoadedPage>& pages, const QString& name,
                                             QList<PreparedPage>* prepared = nullptr) const;
    /// Pre-processes and OCRs one image; boxes are mapped back to the input image's scale.
    std::expected<OcrPage, QString> recognizeImage(const cv::Mat& image, PreparedPage* prepared = nullptr) const;
    /// Reads one text line of a prepared page again on its own (Tesseract's single-line mode): its box (in the
    /// page's input pixels) is cut out with a margin and scaled so that the line is `lineHeight` pixels high.
    /// Boxes in the result are in the page's input pixels.
    std::expected<OcrLine, QString> rereadLine(const PreparedPage& page, const Box& box, int lineHeight) const;

    RecognizeRequest request() const;

private:
    OcrOptions m_options;
};

} // namespace taskloom::nodes::ocr
