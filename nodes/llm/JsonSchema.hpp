#pragma once

#include "engine/Value.hpp"

#include <QString>

#include <expected>

namespace taskloom::nodes::llm {

/// The part of JSON Schema that describes extracted fields: type (one or a list), properties, required,
/// additionalProperties (false), enum, const, items, minItems / maxItems, minimum / maximum, minLength /
/// maxLength, pattern. Enough to check what a model returns and to tell it precisely what was wrong.
class JsonSchema {
public:
    /// Checks that `schema` itself is usable: an object, known type names, well-formed keywords.
    static std::expected<void, QString> checkSchema(const engine::Value& schema);
    /// Every violation, one per line, each with its JSON path: "$.total: expected number, got string \"12 USD\"".
    /// Empty when the value conforms.
    static QStringList validate(const engine::Value& value, const engine::Value& schema);
    /// The first JSON value in a model's reply: the whole reply, or the inside of a ```json fence, or the
    /// outermost {...} in surrounding prose.
    static std::expected<engine::Value, QString> parseReply(const QString& reply);
};

} // namespace taskloom::nodes::llm
