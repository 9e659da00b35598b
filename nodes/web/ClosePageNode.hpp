#pragma once

#include "WebNode.hpp"

namespace taskloom::nodes::web {

/// Closes a session's page before the run ends (every session closes when the run ends anyway).
class ClosePageNode final : public WebNode {
public:
    ClosePageNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;
};

} // namespace taskloom::nodes::web
