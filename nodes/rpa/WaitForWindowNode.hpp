#pragma once

#include "RpaNode.hpp"

namespace taskloom::nodes::rpa {

/// Waits until a window whose title and class match appears, and tells where it is.
class WaitForWindowNode final : public RpaNode {
public:
    WaitForWindowNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

private:
    engine::Param<QString> m_title;
    engine::Param<QString> m_class;
    engine::Param<double> m_wait;
    engine::Param<bool> m_activate;
};

} // namespace taskloom::nodes::rpa
