#pragma once

#include "RpaNode.hpp"

namespace taskloom::nodes::rpa {

/// Presses on a target, moves the pointer by an offset and releases (sliders, drag and drop, selections).
class DragNode final : public RpaNode {
public:
    DragNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

private:
    engine::Param<qint64> m_byX;
    engine::Param<qint64> m_byY;
    engine::Param<QString> m_button;
    engine::Param<QString> m_modifiers;
};

} // namespace taskloom::nodes::rpa
