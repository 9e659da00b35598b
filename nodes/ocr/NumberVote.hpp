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
                  const std::function<bool(const QList<OcrLine>&, qsizetype)>& worthIt, DateOrder order = DateOrder::DayFirst);

} // namespace taskloom::nodes::ocr
