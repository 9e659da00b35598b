#pragma once

#include "engine/NodeType.hpp"

namespace taskloom::nodes::core {

/// Sends each item to "true" or "false" by rules on its fields.
class IfNode final : public engine::NodeType {
public:
    IfNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;
    QList<std::pair<QString, QString>> checkParams(const engine::Object& params) const override;

private:
    engine::Param<engine::Array> m_rules;
    engine::Param<QString> m_combine;
};

} // namespace taskloom::nodes::core
