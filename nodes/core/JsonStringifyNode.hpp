#pragma once

#include "engine/NodeType.hpp"

namespace taskloom::nodes::core {

/// Turns a field of every item, or the whole item, into JSON text.
class JsonStringifyNode final : public engine::NodeType {
public:
    JsonStringifyNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

private:
    engine::Param<QString> m_source;
    engine::Param<QString> m_field;
    engine::Param<QString> m_targetField;
    engine::Param<bool> m_pretty;
};

} // namespace taskloom::nodes::core
