#pragma once

#include "Extraction.hpp"

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

} // namespace textlines

} // namespace taskloom::nodes::ocr
