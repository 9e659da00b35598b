#pragma once

#include "engine/NodeType.hpp"

namespace taskloom::nodes::core {

/// Keeps the items that satisfy rules on their fields and drops the rest.
class FilterNode final : public engine::NodeType {
public:
    FilterNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;
    QList<std::pair<QString, QString>> checkParams(const engine::Object& params) const override;

private:
    engine::Param<engine::Array> m_rules;
    engine::Param<QString> m_combine;
};

} // namespace taskloom::nodes::core
