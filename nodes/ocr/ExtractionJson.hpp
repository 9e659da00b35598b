#pragma once

#include "Extraction.hpp"

#include "engine/Value.hpp"

namespace taskloom::nodes::ocr {

/// The JSON shape of an extraction, shared by `taskloom ocr` and the nodes:
/// {file, kind, documentType, fields: {name: {value, raw, confidence, box, page}}, lineItems, flags, mrz, text}.
engine::Object extractionToObject(const Extraction& ex, const QString& file, bool includeText);

} // namespace taskloom::nodes::ocr
