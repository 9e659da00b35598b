#pragma once

#include "LlmNodeType.hpp"

namespace taskloom::nodes::llm {

/// Summarizes the text of each item: through a chat model (map-reduce over chunks that fit the token budget)
/// when a server is configured, else with the built-in offline TextRank summarizer.
class SummarizeNode final : public LlmNodeType {
public:
    SummarizeNode();

protected:
    void run(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out, ReplyCache& cache) const override;

private:
    engine::Param<QString> m_field;
    engine::Param<QString> m_binary;
    engine::Param<QString> m_output;
    engine::Param<QString> m_style;
    engine::Param<QString> m_lengthUnit;
    engine::Param<qint64> m_sentences;
    engine::Param<qint64> m_characters;
    engine::Param<qint64> m_chunkTokens;
};

} // namespace taskloom::nodes::llm
