#pragma once

#include "engine/NodeType.hpp"

namespace taskloom::nodes::core {

/// Starts a flow by hand (`taskloom run`, the studio's Run button): emits the run's input items, or one empty
/// item when there are none.
class ManualTriggerNode final : public engine::NodeType {
public:
    ManualTriggerNode();
    /// Emits the input a batch at a time, so a large --input streams through the flow like a file does.
    std::unique_ptr<engine::NodeInstance> instantiate() const override;
};

} // namespace taskloom::nodes::core
