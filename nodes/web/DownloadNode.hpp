#pragma once

#include "WebNode.hpp"

namespace taskloom::nodes::web {

/// Downloads a file with the session's cookies (a URL, or the link a selector finds), as a binary attachment.
class DownloadNode final : public WebNode {
public:
    DownloadNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

private:
    engine::Param<QString> m_url;
    engine::Param<QString> m_selector;
    engine::Param<QString> m_path;
    engine::Param<QString> m_binary;
};

} // namespace taskloom::nodes::web
