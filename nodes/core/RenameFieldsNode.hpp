#pragma once

#include "engine/NodeType.hpp"

namespace taskloom::nodes::core {

/// Renames fields in place: a renamed field keeps its position, so CSV columns stay in order.
class RenameFieldsNode final : public engine::NodeType {
public:
    RenameFieldsNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

private:
    engine::Param<engine::Array> m_renames;
};

} // namespace taskloom::nodes::core
