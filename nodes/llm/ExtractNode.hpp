#pragma once

#include "LlmNodeType.hpp"

namespace taskloom::nodes::llm {

/// Extracts fields from an item's text into a JSON object shaped by a JSON Schema the user gives. The reply is
/// validated against the schema; when it does not conform, the model is asked again with the problems listed.
class ExtractNode final : public LlmNodeType {
public:
    ExtractNode();
    QList<std::pair<QString, QString>> checkParams(const engine::Object& params) const override;

protected:
    void run(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out, ReplyCache& cache) const override;

private:
    engine::Param<QString> m_field;
    engine::Param<QString> m_binary;
    engine::Param<engine::Value> m_schema;
    engine::Param<QString> m_instructions;
    engine::Param<QString> m_output;
    engine::Param<qint64> m_repairs;
    engine::Param<bool> m_jsonMode;
};

} // namespace taskloom::nodes::llm
