#pragma once

#include "engine/NodeType.hpp"

namespace taskloom::nodes::core {

/// Writes a message to the run log (the CLI, the run store, the studio's run panel) and passes items through.
class LogNode final : public engine::NodeType {
public:
    LogNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

private:
    engine::Param<QString> m_message;
    engine::Param<QString> m_level;
    engine::Param<QString> m_mode;
};

} // namespace taskloom::nodes::core
