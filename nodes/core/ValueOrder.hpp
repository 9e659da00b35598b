#pragma once

#include "engine/Value.hpp"

#include <QString>

#include <optional>

namespace taskloom::nodes::core {

/// Orders values the way people expect when they sort a column: numbers numerically (numeric text too, since
/// CSV cells are text), ISO 8601 dates chronologically, text by a chosen comparison, and missing values (absent,
/// null or blank text) after everything. Values of different kinds order by kind: numbers, dates, text, booleans,
/// then arrays and objects. Sort uses it for its keys, Aggregate for min and max.
class ValueOrder {
public:
    enum class Text {
        CaseSensitive,   ///< by UTF-16 code unit: "B" < "a"
        CaseInsensitive, ///< "a" < "B"
        Natural,         ///< case-insensitive, digit runs by their number: "item2" < "item10"
    };
    enum class Kind { Number, Date, Text, Boolean, Other, Missing };

    /// A value classified once, so sorting compares numbers instead of re-reading text.
    struct Key {
        Kind kind = Kind::Missing;
        double number = 0; ///< Number: the value; Date: milliseconds since the epoch; Boolean: 0 or 1
        QString text;      ///< Text: the text; Other: compact JSON
    };

    static Key key(const engine::Value& v);
    /// <0, 0 or >0. Missing values compare greater than everything (callers that sort descending must keep them
    /// last themselves; see isMissing).
    static int compare(const Key& a, const Key& b, Text text);
    static int compareText(const QString& a, const QString& b, Text mode);
    static int naturalCompare(QStringView a, QStringView b);

    /// A number, or numeric text ("12", " 3.5 ", "-1e3"); blank text, booleans and non-finite values are not.
    static std::optional<double> toNumber(const engine::Value& v);
    /// An integer, or text that spells one exactly ("12", not "12.0").
    static std::optional<qint64> toInteger(const engine::Value& v);
    /// Absent, null, or text that is empty after trimming: what a CSV's empty cell reads as.
    static bool isMissing(const engine::Value& v);
};

} // namespace taskloom::nodes::core
