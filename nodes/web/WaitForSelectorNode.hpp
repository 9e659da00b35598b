#pragma once

#include "WebNode.hpp"

namespace taskloom::nodes::web {

/// Waits until a CSS selector matches in the page (or is visible, hidden, gone).
class WaitForSelectorNode final : public WebNode {
public:
    WaitForSelectorNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

private:
    engine::Param<QString> m_selector;
    engine::Param<QString> m_state;
};

} // namespace taskloom::nodes::web
