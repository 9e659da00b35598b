#pragma once

#include "engine/NodeType.hpp"

namespace taskloom::nodes::core {

/// Waits a while, or until a moment, then passes the items on. Cancelling the run ends the wait at once.
class WaitNode final : public engine::NodeType {
public:
    WaitNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

private:
    engine::Param<QString> m_mode;
    engine::Param<double> m_seconds;
    engine::Param<QString> m_until;
};

} // namespace taskloom::nodes::core
