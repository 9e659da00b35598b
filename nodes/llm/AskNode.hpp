#pragma once

#include "LlmNodeType.hpp"

namespace taskloom::nodes::llm {

/// Sends a prompt written with {{ }} expressions over the item to a chat model and stores the answer.
class AskNode final : public LlmNodeType {
public:
    AskNode();

protected:
    void run(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out, ReplyCache& cache) const override;

private:
    engine::Param<QString> m_prompt;
    engine::Param<QString> m_output;
};

} // namespace taskloom::nodes::llm
