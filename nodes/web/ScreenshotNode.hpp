#pragma once

#include "WebNode.hpp"

namespace taskloom::nodes::web {

/// Takes a PNG picture of the page as rendered (the window, the whole page or one element), attached to the item.
class ScreenshotNode final : public WebNode {
public:
    ScreenshotNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

private:
    engine::Param<bool> m_fullPage;
    engine::Param<QString> m_selector;
    engine::Param<QString> m_path;
    engine::Param<QString> m_binary;
};

} // namespace taskloom::nodes::web
