#pragma once

#include "DialogNode.hpp"

namespace taskloom::nodes::rpa {

/// Asks for a value — text, a password (masked), a number, or one choice from a list — with a default, and puts the
/// answer into a field of the item.
class InputDialogNode final : public DialogNode {
public:
    InputDialogNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

private:
    engine::Object ask(engine::ExecutionContext& ctx, const engine::Item& item, qsizetype index, const QString& field) const;

    engine::Param<QString> m_inputType;
    engine::Param<QString> m_default;
    engine::Param<QString> m_choices;
    engine::Param<double> m_minimum;
    engine::Param<double> m_maximum;
    engine::Param<qint64> m_decimals;
    engine::Param<QString> m_onCancel;
};

} // namespace taskloom::nodes::rpa
