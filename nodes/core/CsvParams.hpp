#pragma once

#include "CsvDialect.hpp"

#include "engine/ParamSpec.hpp"

namespace taskloom::nodes::core {

/// The delimiter and quote parameters Read CSV and Write CSV share, so both offer the same choices in the same
/// words and a file written by one reads back with the other.
namespace CsvParams {

engine::ParamSpec delimiterParam();
engine::ParamSpec customDelimiterParam();
engine::ParamSpec quoteParam();

/// Fills the dialect's delimiter and quote from the parameters' values; throws INVALID_PARAMETER naming the
/// parameter when a value is not one character, or when delimiter and quote are the same.
void apply(CsvDialect& dialect, const QString& delimiterChoice, const QString& customDelimiter, const QString& quote);

/// For checkParams: the same checks on values without expressions.
void check(const engine::Object& params, QList<std::pair<QString, QString>>& problems);

} // namespace CsvParams

} // namespace taskloom::nodes::core
