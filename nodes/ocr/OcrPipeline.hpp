#pragma once

#include "DocumentLoader.hpp"
#include "Preprocessor.hpp"
#include "TesseractEngine.hpp"

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
    /// OCRs already loaded pages.
    std::expected<OcrDocument, QString> read(const QList<LoadedPage>& pages, const QString& name) const;
    /// Pre-processes and OCRs one image; boxes are mapped back to the input image's scale.
    std::expected<OcrPage, QString> recognizeImage(const cv::Mat& image) const;

    RecognizeRequest request() const;

private:
    OcrOptions m_options;
};

} // namespace taskloom::nodes::ocr
