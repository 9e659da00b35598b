#pragma once

#include "engine/NodeType.hpp"

namespace taskloom::nodes::core {

/// Starts a flow by hand (`taskloom run`, the studio's Run button): emits the run's input items, or one empty
/// item when there are none.
class ManualTriggerNode final : public engine::NodeType {
public:
    ManualTriggerNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;
};

} // namespace taskloom::nodes::core
