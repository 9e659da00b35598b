#pragma once

#include "Mrz.hpp"
#include "OcrTypes.hpp"

#include <opencv2/core/mat.hpp>

namespace taskloom::nodes::ocr {

/// A second opinion on MRZ characters that uses the document's own print as the reference. The zone is
/// monospaced, so each line splits into exactly 30/36/44 cells whatever OCR made of it; characters whose fields
/// passed their check digits (names, country codes, dates) become templates, and the cells of the document
/// number are matched against them. This catches what a general-purpose model confuses (Q/O/0, 8/B, dropped or
/// doubled characters) because the comparison is with the same font, size and blur.
class MrzGlyphs {
public:
    /// Splits each band of the zone into its cells; false when a line does not segment cleanly.
    bool segment(const cv::Mat& gray, const QList<Box>& bands, int lineLength);

    /// Re-reads the document number of `data` (and its check digit) from the glyphs; returns the repaired lines
    /// when the re-read passes the check digits, else nothing.
    std::optional<QStringList> refine(const mrz::MrzData& data) const;

private:
    QList<QList<cv::Mat>> m_cells; ///< per line, per position: a normalised glyph (empty for a blank cell)
};

} // namespace taskloom::nodes::ocr
