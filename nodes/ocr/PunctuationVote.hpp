#pragma once

#include "OcrPipeline.hpp"

namespace taskloom::nodes::ocr {

/// Second opinions on the punctuation of a scanned page. At a till receipt's resolution a comma and a full stop
/// differ by a pixel or two and a tight comma ("7/4,KAWASAN") gets lost, while an address is compared character by
/// character. Each line `worthIt` picks (by index into the page's lines) is read again from its own crop at each of
/// `lineHeights`; a reading whose letters and digits are the page's (every character but commas, full stops and
/// spaces, in order) votes on what stands between each two of them: the page's reading counts 1.5, each crop's 1,
/// ties go to the page, then to the first crop. Letters and digits never change. Returns how many lines changed.
int votePunctuation(const OcrPipeline& pipeline, OcrPage& page, const PreparedPage& prepared, const QList<int>& lineHeights,
                    const LineFilter& worthIt);

} // namespace taskloom::nodes::ocr
