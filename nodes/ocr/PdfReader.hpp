#pragma once

#include "OcrTypes.hpp"

#include <QByteArray>

#include <opencv2/core/mat.hpp>

#include <expected>
#include <memory>

namespace Poppler {
class Document;
}

namespace taskloom::nodes::ocr {

/// A PDF through poppler-qt6: the text layer with word positions (grouped into lines), or a page rasterised for
/// OCR when it has no text layer (a scan).
class PdfReader {
public:
    PdfReader();
    ~PdfReader();

    std::expected<void, QString> open(const QByteArray& bytes);
    int pageCount() const;
    /// The page's text layer; coordinates are PDF points (72 per inch).
    OcrPage textPage(int index) const;
    std::expected<cv::Mat, QString> renderPage(int index, int dpi, qint64 maxPixels) const;

    /// Whether a text layer holds enough to stand for the page (a scan often carries a few stray characters).
    static bool hasUsableText(const OcrPage& page);

private:
    std::unique_ptr<Poppler::Document> m_doc;
};

/// Groups positioned words into lines: words whose vertical extents overlap by half join one line, left to right.
QList<OcrLine> groupWordsIntoLines(QList<OcrWord> words);

} // namespace taskloom::nodes::ocr
