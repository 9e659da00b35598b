#pragma once

#include <QChar>

namespace taskloom::nodes::core {

/// How a CSV file separates and quotes its values; shared by CsvReader and CsvWriter so that a file written
/// with one dialect reads back with the same one.
struct CsvDialect {
    QChar delimiter = u',';
    QChar quote = u'"';
    /// Reading: ignore spaces and tabs around values (never inside quotes).
    bool trim = false;
    /// Reading: drop lines with nothing on them instead of returning a row with one empty value.
    bool skipEmptyLines = true;
};

} // namespace taskloom::nodes::core
