#pragma once

#include "engine/NodeType.hpp"

namespace taskloom::nodes::core {

/// Removes the listed fields, or keeps only them.
class RemoveFieldsNode final : public engine::NodeType {
public:
    RemoveFieldsNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

private:
    engine::Param<QString> m_mode;
    engine::Param<engine::Array> m_fields;
};

} // namespace taskloom::nodes::core
