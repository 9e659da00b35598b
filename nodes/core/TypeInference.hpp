#pragma once

#include "engine/Value.hpp"

namespace taskloom::nodes::core {

/// Turns text from a file into a typed value the way a spreadsheet user expects: `42` and `-7` become integers,
/// `3.14` and `1e-3` numbers, `true` / `false` (any case) booleans. Text that would change when written back
/// stays text: leading zeros (`007`, zip codes), a leading `+`, integers beyond 64 bits, `.5`, spaces.
class TypeInference {
public:
    static engine::Value infer(const QString& text);
};

} // namespace taskloom::nodes::core
