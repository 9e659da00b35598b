#pragma once

#include "RpaNode.hpp"

namespace taskloom::nodes::rpa {

/// Replays a recorded macro (*.macro.json) once per item; {{ }} in its typed text is evaluated for the item.
class RunMacroNode final : public RpaNode {
public:
    RunMacroNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

private:
    engine::Param<QString> m_file;
    engine::Param<double> m_speed;
    engine::Param<double> m_wait;
    engine::Param<bool> m_fallbackMacro;
};

} // namespace taskloom::nodes::rpa
