#pragma once

#include "engine/NodeType.hpp"

namespace taskloom::nodes::core {

/// Parses JSON text in a field of every item: into the same field, another field, or merged into the item.
class JsonParseNode final : public engine::NodeType {
public:
    JsonParseNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

private:
    engine::Param<QString> m_field;
    engine::Param<QString> m_output;
    engine::Param<QString> m_targetField;
};

} // namespace taskloom::nodes::core
