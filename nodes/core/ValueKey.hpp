#pragma once

#include "engine/Value.hpp"

#include <QString>

namespace taskloom::nodes::core {

/// Canonical text for a value, for hashing: equal keys mean "the same value" to Merge, Aggregate and Remove
/// Duplicates. Integers and doubles of the same number share a key (1 and 1.0, as Value::operator== says), and
/// object keys are sorted, so {"a":1,"b":2} and {"b":2,"a":1} are one value. Null and a missing field share a key.
class ValueKey {
public:
    enum class Match {
        Strict, ///< "7" and 7 differ
        /// Numeric text matches the number it spells exactly: "7" matches 7 and 7.0, but "007" and "7.0" stay
        /// text, so two different texts never collide. CSV cells are text; JSON numbers are not.
        Loose,
    };

    static QString of(const engine::Value& v, Match match = Match::Strict);
    /// Appends one part of a composite key (several fields) unambiguously: the length goes first, so the parts'
    /// contents cannot run into each other.
    static void appendPart(QString& key, const engine::Value& v, Match match = Match::Strict);
    /// The shortest text of a number ("7", "1.5", "-0.25"); integral doubles print as integers.
    static QString numberText(double d);

private:
    static void append(QString& out, const engine::Value& v, Match match);
};

} // namespace taskloom::nodes::core
