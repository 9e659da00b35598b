#pragma once

#include "engine/NodeType.hpp"

namespace taskloom::nodes::core {

/// Sets fields on every item: fixed values or {{ expressions }}, converted to a chosen type; dotted names
/// create nested objects. Optionally drops every field it did not set.
class SetFieldsNode final : public engine::NodeType {
public:
    SetFieldsNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

private:
    engine::Param<engine::Array> m_fields;
    engine::Param<bool> m_keepOnlySet;
};

} // namespace taskloom::nodes::core
