#pragma once

#include "engine/NodeType.hpp"

namespace taskloom::nodes::core {

/// Fails the run on purpose with a message of the user's: a guard after a check.
class StopWithErrorNode final : public engine::NodeType {
public:
    StopWithErrorNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

private:
    engine::Param<QString> m_message;
    engine::Param<QString> m_code;
};

} // namespace taskloom::nodes::core
