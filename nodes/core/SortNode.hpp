#pragma once

#include "engine/NodeType.hpp"

namespace taskloom::nodes::core {

/// Sorts items by one or more fields, each ascending or descending. Stable: items with equal keys keep their
/// order. Type-aware (see ValueOrder): numbers and numeric text by value, ISO dates by time, text as chosen;
/// items missing a field go last whatever the direction.
class SortNode final : public engine::NodeType {
public:
    SortNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

private:
    engine::Param<engine::Array> m_fields;
    engine::Param<QString> m_text;
};

} // namespace taskloom::nodes::core
