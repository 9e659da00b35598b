#pragma once

#include "WebNode.hpp"

namespace taskloom::nodes::web {

/// Types text into an input, a text area or an editable element, firing the input and change events a page listens to.
class TypeNode final : public WebNode {
public:
    TypeNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

private:
    engine::Param<QString> m_selector;
    engine::Param<QString> m_text;
    engine::Param<bool> m_clear;
    engine::Param<bool> m_pressEnter;
    engine::Param<qint64> m_index;
};

} // namespace taskloom::nodes::web
