#pragma once

#include "WebNode.hpp"

namespace taskloom::nodes::web {

/// Runs JavaScript in the page and puts what it returns (awaited when a Promise) into the item as JSON.
class RunJavaScriptNode final : public WebNode {
public:
    RunJavaScriptNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

private:
    engine::Param<QString> m_code;
    engine::Param<QString> m_world;
    engine::Param<QString> m_output;
};

} // namespace taskloom::nodes::web
