#pragma once

#include "OcrTypes.hpp"

#include <QByteArray>
#include <QString>

#include <opencv2/core/mat.hpp>

#include <expected>
#include <optional>

namespace taskloom::nodes::ocr {

/// One page of an input document: a raster image to OCR, or a PDF page whose text layer was read already.
struct LoadedPage {
    cv::Mat image;        ///< 8-bit BGR or gray; empty when `text` holds the page
    std::optional<OcrPage> text;
};

struct LoadLimits {
    qint64 maxBytes = 200LL * 1024 * 1024;
    qint64 maxPixels = 40'000'000; ///< per page; larger scans are refused rather than exhausting memory
    int pdfDpi = 300;              ///< rasterisation of scanned PDF pages
    int maxPages = 200;
};

/// Decodes images (JPEG, PNG, TIFF, BMP, WebP; EXIF orientation applied) and PDFs (text layer with positions
/// when present, else the page rasterised). Errors are one line naming the file and the problem.
class DocumentLoader {
public:
    explicit DocumentLoader(LoadLimits limits = {}) : m_limits(limits) {}

    std::expected<QList<LoadedPage>, QString> loadFile(const QString& path) const;
    std::expected<QList<LoadedPage>, QString> loadBytes(const QByteArray& bytes, const QString& name) const;

    static bool looksLikePdf(const QByteArray& bytes);

private:
    std::expected<QList<LoadedPage>, QString> loadImage(const QByteArray& bytes, const QString& name) const;
    std::expected<QList<LoadedPage>, QString> loadPdf(const QByteArray& bytes, const QString& name) const;

    LoadLimits m_limits;
};

} // namespace taskloom::nodes::ocr
