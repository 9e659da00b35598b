#pragma once

#include <QString>

namespace taskloom::nodes::ocr {

/// The words of merchants' names and street addresses (English and Malay, Malaysian states and towns) and a
/// corrector for the letter swaps Tesseract makes in them at a till receipt's resolution: SERT for SERI, THN for
/// TMN, PELABUN for PELABUR. A word is changed only when it is not itself a known word and exactly one known word
/// of the same length differs from it in one letter by a look-alike pair; numbers, punctuation, spacing and unknown
/// names stay as read.
namespace lexicon {

bool isKnown(const QString& upperWord);
/// The text with its misread known words corrected, in each word's own case, and known words OCR split in two
/// joined again ("MALAY SIA").
QString correct(const QString& text);

} // namespace lexicon

} // namespace taskloom::nodes::ocr
