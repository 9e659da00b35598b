#pragma once

#include "engine/NodeType.hpp"

namespace taskloom::nodes::core {

/// Passes items through unchanged: a place to hang a note, join wires or pin data.
class NoOpNode final : public engine::NodeType {
public:
    NoOpNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;
};

} // namespace taskloom::nodes::core
