#pragma once

#include "engine/NodeType.hpp"

namespace taskloom::nodes::core {

/// Runs another flow file with the items as its input and emits what it returns (the items of its last nodes).
class SubflowNode final : public engine::NodeType {
public:
    SubflowNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

private:
    engine::Param<QString> m_flow;
    engine::Param<QString> m_mode;
};

} // namespace taskloom::nodes::core
