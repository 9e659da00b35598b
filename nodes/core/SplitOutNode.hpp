#pragma once

#include "engine/NodeType.hpp"

namespace taskloom::nodes::core {

/// Turns a list field into one item per element: an order's `lines` into one item per line. Object elements
/// merge into the item or go under a field; other elements go under a field. The item's other fields come along
/// when asked.
class SplitOutNode final : public engine::NodeType {
public:
    SplitOutNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

private:
    engine::Param<QString> m_field;
    engine::Param<QString> m_destination;
    engine::Param<QString> m_objects;
    engine::Param<bool> m_keepOther;
    engine::Param<QString> m_notList;
};

} // namespace taskloom::nodes::core
