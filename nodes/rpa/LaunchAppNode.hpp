#pragma once

#include "RpaNode.hpp"

namespace taskloom::nodes::rpa {

/// Starts a program on the desktop, optionally waiting for its window.
class LaunchAppNode final : public RpaNode {
public:
    LaunchAppNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

private:
    engine::Param<QString> m_command;
    engine::Param<QString> m_workDir;
    engine::Param<QString> m_windowTitle;
    engine::Param<double> m_wait;
};

} // namespace taskloom::nodes::rpa
