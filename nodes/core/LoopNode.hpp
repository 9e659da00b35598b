#pragma once

#include "engine/NodeType.hpp"

namespace taskloom::nodes::core {

/// Loop over items in batches: runs the nodes connected to "loop" once per batch (they connect back to
/// "return"), then emits everything returned on "done". The one place a flow may have a cycle.
class LoopNode final : public engine::NodeType {
public:
    LoopNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

private:
    engine::Param<qint64> m_batchSize;
};

} // namespace taskloom::nodes::core
