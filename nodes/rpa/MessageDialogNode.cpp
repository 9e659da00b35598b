#include "MessageDialogNode.hpp"

#include "engine/ExecutionContext.hpp"

#include <QMessageBox>
#include <QPushButton>

namespace taskloom::nodes::rpa {

using namespace engine;

MessageDialogNode::MessageDialogNode()
    : DialogNode(QStringLiteral("rpa.messageDialog"), QStringLiteral("Message dialog"),
                 QStringLiteral("Shows a message with buttons and waits for one; the chosen button's label joins the item."))
{
    m_spec.aliases = {QStringLiteral("message box"), QStringLiteral("alert"), QStringLiteral("confirm"), QStringLiteral("ask")};
    m_spec.icon = QStringLiteral("dialog-information");
    m_spec.errors.append({QStringLiteral("DIALOG_CANCELLED"), QStringLiteral("The message was closed without choosing a button."), false});
    m_icon = addParam<QString>(ParamSpec::choice(QStringLiteral("icon"), QStringLiteral("Kind"),
                                                 {{QStringLiteral("information"), QStringLiteral("Information"), {}},
                                                  {QStringLiteral("question"), QStringLiteral("Question"), {}},
                                                  {QStringLiteral("warning"), QStringLiteral("Warning"), {}},
                                                  {QStringLiteral("error"), QStringLiteral("Error"), {}}})
                                   .noExpressions());
    m_buttons = addParam<QString>(ParamSpec::string(QStringLiteral("buttons"), QStringLiteral("Buttons"))
                                      .defaults(QStringLiteral("OK"))
                                      .describe(QStringLiteral("Button labels, separated by commas: \"Yes, No\". The label of "
                                                               "the one clicked goes into the output field.")));
    m_defaultButton = addParam<QString>(ParamSpec::string(QStringLiteral("defaultButton"), QStringLiteral("Default button"))
                                            .describe(QStringLiteral("The button Enter presses, and the answer when the dialog "
                                                                     "times out; empty: the first.")));
    m_field = addParam<QString>(ParamSpec::string(QStringLiteral("field"), QStringLiteral("Into field"))
                                    .defaults(QStringLiteral("button"))
                                    .noExpressions());
}

Exec MessageDialogNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    const QString field = fieldName(ctx);
    return askItems(ctx, in, out, [&](const Item& item, qsizetype i) {
        QStringList labels;
        for (const QString& l : ctx.param(m_buttons, item, i).split(u','))
            if (!l.trimmed().isEmpty())
                labels.append(l.trimmed());
        if (labels.isEmpty())
            throw NodeError::param(m_buttons.name(), ctx.param(m_buttons, item, i), QStringLiteral("name at least one button"));
        if (labels.removeDuplicates() > 0)
            throw NodeError::param(m_buttons.name(), ctx.param(m_buttons, item, i), QStringLiteral("each button needs its own label"));
        QString chosenDefault = ctx.param(m_defaultButton, item, i).trimmed();
        if (chosenDefault.isEmpty())
            chosenDefault = labels.first();
        else if (!labels.contains(chosenDefault))
            throw NodeError::param(m_defaultButton.name(), chosenDefault,
                                   QStringLiteral("is not one of the buttons (%1)").arg(labels.join(QStringLiteral(", "))));

        QMessageBox box;
        const QString icon = ctx.param(m_icon);
        box.setIcon(icon == u"question" ? QMessageBox::Question
                    : icon == u"warning" ? QMessageBox::Warning
                    : icon == u"error"   ? QMessageBox::Critical
                                         : QMessageBox::Information);
        box.setWindowTitle(titleFor(ctx, item, i));
        box.setText(messageFor(ctx, item, i));
        box.setTextFormat(Qt::PlainText); // item data must not turn into markup
        for (const QString& label : labels) {
            QPushButton* b = box.addButton(label, QMessageBox::AcceptRole);
            b->setObjectName(QStringLiteral("button:") + label);
            if (label == chosenDefault)
                box.setDefaultButton(b);
        }
        const Outcome outcome = show(ctx, box, item, i);
        Object fields;
        if (outcome == Outcome::TimedOut) {
            timedOut(ctx, item, i);
            fields.insert(field, chosenDefault);
            fields.insert(QStringLiteral("timedOut"), true);
            return fields;
        }
        const auto* clicked = box.clickedButton();
        if (!clicked)
            throw NodeError(QStringLiteral("DIALOG_CANCELLED"), QStringLiteral("the message was closed without choosing a button"));
        fields.insert(field, clicked->objectName().mid(7)); // the label as given, without the "&" Qt may add
        return fields;
    });
}

} // namespace taskloom::nodes::rpa
