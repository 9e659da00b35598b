#pragma once

#include "RpaNode.hpp"

namespace taskloom::nodes::rpa {

/// Clicks a target found by image, window-relative position or screen position.
class ClickNode final : public RpaNode {
public:
    ClickNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

private:
    engine::Param<QString> m_button;
    engine::Param<qint64> m_clicks;
    engine::Param<QString> m_modifiers;
};

} // namespace taskloom::nodes::rpa
