#pragma once

#include <QStringList>

#include <opencv2/core/mat.hpp>

namespace taskloom::nodes::ocr {

/// The image clean-up steps before OCR, each switchable. The defaults suit scans and phone photos of documents.
struct PreprocessOptions {
    bool documentBoundary = false; ///< find the page's four corners in a photo and flatten the perspective
    bool removeShadows = false;    ///< divide out uneven lighting (a phone photo's shadow)
    bool upscale = true;           ///< enlarge small images (thumbnails, low-resolution scans), at most 2x
    int minShortSide = 400;        ///< upscale: images whose shorter side is below this are enlarged to it
    int maxLongSide = 3500;        ///< larger images (35 MP scans) are reduced: the text stays large, OCR gets faster
    bool denoise = false;          ///< median filter against speckle
    bool deskew = true;            ///< straighten text rotated by up to 15 degrees
    bool orientation = false;      ///< try 90 / 180 / 270 degree turns (needs OCR passes; off by default)
    bool binarize = false;         ///< adaptive threshold (Tesseract binarises globally otherwise)

    /// Parses "deskew,-upscale,binarize": names switch a step on, a leading '-' switches it off. Unknown names
    /// are returned in `unknown`.
    static PreprocessOptions parse(const QString& spec, QStringList* unknown = nullptr);
    static QStringList stepNames();
};

/// What pre-processing did, for the output's diagnostics.
struct PreprocessReport {
    double skewDegrees = 0;
    double scale = 1;
    bool perspectiveCorrected = false;
};

class Preprocessor {
public:
    /// Returns an 8-bit gray image ready for OCR.
    static cv::Mat run(const cv::Mat& input, const PreprocessOptions& options, PreprocessReport* report = nullptr);

    static cv::Mat toGray(const cv::Mat& input);
    /// The dominant text angle in degrees (positive: counter-clockwise), 0 when unsure.
    static double estimateSkew(const cv::Mat& gray);
    static cv::Mat rotate(const cv::Mat& gray, double degrees);
    /// Rotates by a multiple of 90 degrees clockwise.
    static cv::Mat rotateQuarter(const cv::Mat& image, int quarterTurns);
    static cv::Mat removeShadows(const cv::Mat& gray);
    /// Maps the ink (the darkest 1 % of the page inside its edges) to black and the paper (the median) to white;
    /// the input when that changes little.
    static cv::Mat stretchContrast(const cv::Mat& gray);
    /// The document's four corners flattened to a rectangle; the input when no clear page outline is found.
    static cv::Mat correctPerspective(const cv::Mat& image, bool* corrected = nullptr);
    static cv::Mat binarize(const cv::Mat& gray);
};

} // namespace taskloom::nodes::ocr
