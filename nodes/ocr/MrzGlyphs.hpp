#pragma once

#include "Mrz.hpp"
#include "OcrTypes.hpp"

#include <opencv2/core/mat.hpp>
#include <opencv2/core/types.hpp>

#include <functional>

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

    struct Refined {
        QStringList lines;
        QStringList templateOnly; ///< the lines with only the changes templates made
        int byTemplate = 0; ///< characters changed because a template of this document matched them clearly
        int byCell = 0;     ///< characters changed by reading their cell alone
    };
    /// Re-reads the document number of `data` (and its check digit) from the glyphs; returns the repaired lines
    /// when the re-read passes the check digits, else nothing.
    /// `readCell` reads one character cell (a rectangle of the image given to segment) on its own, for cells
    /// no template matches clearly.
    /// `wholeLines`: re-read every cell of the number's line(s), for readings whose characters shifted.
    std::optional<Refined> refine(const mrz::MrzData& data, const std::function<QChar(const cv::Rect&)>& readCell,
                                  bool wholeLines = false) const;

private:
    QList<QList<cv::Mat>> m_cells; ///< per line, per position: a normalised glyph (empty for a blank cell)
    QList<QList<cv::Rect>> m_rects; ///< per line, per position: the cell in the image
};

} // namespace taskloom::nodes::ocr
