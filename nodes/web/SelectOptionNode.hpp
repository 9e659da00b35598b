#pragma once

#include "WebNode.hpp"

namespace taskloom::nodes::web {

/// Chooses options of a <select> list by value or by visible label.
class SelectOptionNode final : public WebNode {
public:
    SelectOptionNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

private:
    engine::Param<QString> m_selector;
    engine::Param<QString> m_values;
    engine::Param<QString> m_by;
    engine::Param<qint64> m_index;
};

} // namespace taskloom::nodes::web
