#pragma once

#include <QString>

namespace taskloom::nodes::ocr {

/// The words of merchants' names and street addresses (English and Malay, Malaysian states and towns) and a
/// corrector for the letters Tesseract gets wrong in them at a till receipt's resolution: SERT for SERI, THN for
/// TMN, SELENGOR for SELANGOR. A word is changed only when it is not itself a known word and exactly one known word
/// is near enough: one look-alike letter (I/T, H/M, ...) in any word, one letter lost from seven letters, any one
/// letter from eight, two edits from ten, and any one letter when the same text prints the known word elsewhere.
/// Numbers, punctuation, spacing and unknown names stay as read.
namespace lexicon {

bool isKnown(const QString& upperWord);
/// The text with its misread known words corrected, in each word's own case, and known words OCR split in two
/// joined again ("MALAY SIA").
QString correct(const QString& text);

} // namespace lexicon

} // namespace taskloom::nodes::ocr
