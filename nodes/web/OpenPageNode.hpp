#pragma once

#include "WebNode.hpp"

namespace taskloom::nodes::web {

/// Opens a URL in a named session (opening the session on first use) and waits until the page has loaded.
class OpenPageNode final : public WebNode {
public:
    OpenPageNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

private:
    engine::Param<QString> m_url;
    engine::Param<QString> m_profile;
    engine::Param<QString> m_waitUntil;
    engine::Param<qint64> m_width;
    engine::Param<qint64> m_height;
    engine::Param<bool> m_visible;
};

} // namespace taskloom::nodes::web
