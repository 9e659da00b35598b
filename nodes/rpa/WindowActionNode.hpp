#pragma once

#include "RpaNode.hpp"

namespace taskloom::nodes::rpa {

/// Activates or closes the windows whose title and class match: "Activate window" and "Close application".
class WindowActionNode final : public RpaNode {
public:
    enum class Action { Activate, Close };
    explicit WindowActionNode(Action action);
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

private:
    Action m_action;
    engine::Param<QString> m_title;
    engine::Param<QString> m_class;
    engine::Param<bool> m_mustExist;
};

} // namespace taskloom::nodes::rpa
