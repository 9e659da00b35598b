#pragma once

#include "OcrTypes.hpp"

#include <opencv2/core/mat.hpp>

#include <expected>
#include <functional>

namespace taskloom::nodes::ocr {

/// How Tesseract should read one image.
struct RecognizeRequest {
    QString languages = QStringLiteral("eng"); ///< "eng", "eng+kor", ...
    QString tessdataDir;                        ///< empty: TessdataLocator decides
    int pageSegMode = 3;                        ///< Tesseract's --psm (3 auto, 4 one column, 6 block, 7 line, 11 sparse)
    QString whitelist;                          ///< allowed characters, empty for all
    bool preserveSpaces = false;
    int dpi = 300;
    int timeoutMs = 0;                          ///< 0: none
    std::function<bool()> cancelled;            ///< polled while Tesseract works; true stops it
};

/// Tesseract through its C++ API. Each worker thread keeps its own engines (one per model folder and language
/// set), created on first use and reused: initialising a model costs far more than reading a receipt.
class TesseractEngine {
public:
    /// Reads an 8-bit gray or BGR image into words and lines with boxes (in the image's pixels) and confidences.
    static std::expected<OcrPage, QString> recognize(const cv::Mat& image, const RecognizeRequest& request);

    /// The model folder for `languages`: $TASKLOOM_TESSDATA, then Taskloom's own folder
    /// (~/.local/share/taskloom/tessdata, filled by installer/fetch-tessdata.sh), then the models shipped beside
    /// the programs (../share/taskloom/tessdata), then $TESSDATA_PREFIX, then the system's; the first that holds
    /// every language, else a folder of links (in the user's cache) to each language's first find. An error names
    /// the missing language.
    static std::expected<QString, QString> locateTessdata(const QString& languages, const QString& preferred = {});

    /// Engines alive on the calling thread (for tests of the reuse).
    static int threadEngineCount();
};

} // namespace taskloom::nodes::ocr
