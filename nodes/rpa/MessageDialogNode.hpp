#pragma once

#include "DialogNode.hpp"

namespace taskloom::nodes::rpa {

/// Shows a message (information, warning, question, error) with buttons and waits for one; the chosen button's
/// label joins the item ("button": "Yes"), so the flow can branch on it.
class MessageDialogNode final : public DialogNode {
public:
    MessageDialogNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

private:
    engine::Param<QString> m_icon;
    engine::Param<QString> m_buttons;
    engine::Param<QString> m_defaultButton;
};

} // namespace taskloom::nodes::rpa
