#pragma once

#include "Normalize.hpp"
#include "OcrPipeline.hpp"

namespace taskloom::nodes::ocr {

/// Second opinions on the numbers of a scanned page. At a till receipt's resolution Tesseract misreads digits
/// (3.60 for 8.60, 16-11-18 for 18-11-18) in a way that depends on the pixels it gets, so each line holding an amount
/// or a date is read again from its own crop at several sizes and every amount and date votes: the page's reading
/// counts 1.5, each crop's 1. Only the numbers change; the line's other text and layout stay as the page read them.
/// A date more than a year in the future gets no vote. `worthIt` picks the lines (by index into the page's lines);
/// returns how many numbers changed.
int voteOnNumbers(const OcrPipeline& pipeline, OcrPage& page, const PreparedPage& prepared, const QList<int>& lineHeights,
                  const LineFilter& worthIt, DateOrder order = DateOrder::DayFirst);

/// The amounts a page's segmentation dropped: Tesseract's column mode now and then loses a right-hand column of
/// amounts ("Total After Rounding" with nothing after it). Each line `worthIt` picks is read again from a crop that
/// runs from the line's left edge to the page's right edge, at `lineHeights` in turn; the first last amount two
/// readings agree on is appended to the line, as a word of its own (a pen stroke read as digits rarely reads the
/// same at two sizes). The page's own reading of the line stays. Returns how many lines changed.
int readDroppedAmounts(const OcrPipeline& pipeline, OcrPage& page, const PreparedPage& prepared, const QList<int>& lineHeights,
                       const LineFilter& worthIt);

} // namespace taskloom::nodes::ocr
