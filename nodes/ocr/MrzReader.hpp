#pragma once

#include "Mrz.hpp"
#include "OcrTypes.hpp"
#include "TesseractEngine.hpp"

#include <opencv2/core/mat.hpp>

namespace taskloom::nodes::ocr {

struct MrzReading {
    mrz::MrzData data;
    QStringList rawLines; ///< as OCR read them
    Box box;              ///< the zone in the image
    double confidence = 0;
    double edits = 0; ///< how far the repaired lines are from the closest reading (0: read exactly as parsed)
};

/// Finds the machine-readable zone in a document image (a wide band of dense dark text, usually at the bottom),
/// reads it with Tesseract restricted to the MRZ alphabet, and repairs it with the check digits. Tries a few
/// crops and image variants and stops at the first reading whose check digits all hold.
class MrzReader {
public:
    explicit MrzReader(RecognizeRequest base) : m_base(std::move(base)) {}

    std::expected<std::optional<MrzReading>, QString> read(const cv::Mat& image) const;

    /// Candidate zones, most likely first (exposed for tests).
    static QList<Box> locate(const cv::Mat& gray);
    /// The two or three stacked bands among `bands` that form the zone, top to bottom; empty when none do.
    static QList<Box> zoneLines(const QList<Box>& bands);
    /// Picks the zone from several readings of each line (readings[line][variant]): the parse with the most
    /// valid check digits, then the fewest flags, then the most readings agreeing with it line by line.
    static std::optional<MrzReading> vote(const QList<QStringList>& readings);

private:
    static constexpr int lineVariants = 4;
    std::expected<QString, QString> readLine(const cv::Mat& gray, const Box& band, int variant) const;
    /// Reads a region as a block; `zoneLineBoxes` receives the boxes (in `gray`) of the lines that look like zone lines.
    std::expected<std::optional<MrzReading>, QString> readRegion(const cv::Mat& gray, const Box& region, int variant,
                                                                 QList<Box>* zoneLineBoxes = nullptr) const;

    RecognizeRequest m_base;
};

} // namespace taskloom::nodes::ocr
