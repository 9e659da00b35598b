#pragma once

#include "WebNode.hpp"

namespace taskloom::nodes::web {

/// Clicks the element a CSS selector finds (waiting for it to appear), then waits for a page it opens to load.
class ClickNode final : public WebNode {
public:
    ClickNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

private:
    engine::Param<QString> m_selector;
    engine::Param<qint64> m_index;
    engine::Param<bool> m_waitForNavigation;
};

} // namespace taskloom::nodes::web
