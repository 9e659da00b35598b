#pragma once

#include "Extraction.hpp"
#include "Normalize.hpp"

#include <QRegularExpression>

namespace taskloom::nodes::ocr {

/// Helpers shared by the extractors for working over OCR lines.
namespace textlines {

/// A field taken from (part of) a line: the line's box and confidence.
Field fieldFrom(const OcrLine& line, QString value, QString raw, int page = 1);
/// Upper-cased, with common OCR letter/digit swaps inside keywords left alone.
QString upper(const OcrLine& line);
bool containsAny(const QString& text, const QRegularExpression& re);
/// The words of a line that fall inside [start, start+length) of its text, united into one box.
Box boxOfSpan(const OcrLine& line, qsizetype start, qsizetype length);
/// A case-insensitive Unicode pattern from UTF-8 text.
QRegularExpression re(const char* pattern);
/// The amount a labelled line carries: its rightmost amount, else the first amount on the next line when that
/// line is a short one with no label of its own.
std::optional<AmountMatch> amountFor(const QList<OcrLine>& lines, qsizetype i);

} // namespace textlines

} // namespace taskloom::nodes::ocr
