#pragma once

#include "WebNode.hpp"

namespace taskloom::nodes::web {

/// Prints the page to PDF (as the browser prints it), attached to the item and optionally saved to a file.
class SavePdfNode final : public WebNode {
public:
    SavePdfNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

private:
    engine::Param<QString> m_pageSize;
    engine::Param<bool> m_landscape;
    engine::Param<QString> m_path;
    engine::Param<QString> m_binary;
};

} // namespace taskloom::nodes::web
