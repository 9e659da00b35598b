#pragma once

#include "engine/Value.hpp"

#include <QList>
#include <QString>
#include <QStringList>

#include <expected>

namespace taskloom::nodes::connectors {

/// Reading and writing Office Open XML workbooks (.xlsx). Reading unpacks the zip (minizip) and reads the sheet
/// XML directly: shared and inline strings, numbers (whole numbers as integers), booleans, error values, and
/// date / time formats (built-in and custom) as ISO 8601 text. Writing uses libxlsxwriter.
namespace XlsxFile {

using Row = QList<engine::Value>;

/// The sheet names in workbook order; the error says why the file is not a workbook.
std::expected<QStringList, QString> sheetNames(const QString& path);
/// The rows of a sheet (empty name: the first), gaps as nulls; trailing empty rows dropped.
std::expected<QList<Row>, QString> readSheet(const QString& path, const QString& sheet);
/// Writes one sheet to `path` all-or-nothing (a temporary file renamed over the target).
std::expected<void, QString> write(const QString& path, const QString& sheet, const QList<Row>& rows);

/// An Excel serial day number (1900 date system) as ISO 8601: a date, or a date and time when there is a time part
/// or `withTime`.
QString serialToIso(double serial, bool withTime);

} // namespace XlsxFile

} // namespace taskloom::nodes::connectors
