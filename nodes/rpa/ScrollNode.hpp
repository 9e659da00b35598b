#pragma once

#include "RpaNode.hpp"

namespace taskloom::nodes::rpa {

/// Turns the mouse wheel, over a target or wherever the pointer is.
class ScrollNode final : public RpaNode {
public:
    ScrollNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

private:
    engine::Param<qint64> m_down;
    engine::Param<qint64> m_right;
    engine::Param<QString> m_modifiers;
};

} // namespace taskloom::nodes::rpa
