#include "InputDialogNode.hpp"

#include "engine/ExecutionContext.hpp"

#include <QInputDialog>
#include <QLineEdit>

#include <algorithm>
#include <cmath>

namespace taskloom::nodes::rpa {

using namespace engine;

InputDialogNode::InputDialogNode()
    : DialogNode(QStringLiteral("rpa.inputDialog"), QStringLiteral("Input dialog"),
                 QStringLiteral("Asks for text, a password, a number or a choice from a list, and puts the answer into a field."))
{
    m_spec.aliases = {QStringLiteral("prompt"), QStringLiteral("ask"), QStringLiteral("input box"), QStringLiteral("question")};
    m_spec.icon = QStringLiteral("dialog-question");
    m_spec.errors.append({QStringLiteral("DIALOG_CANCELLED"),
                          QStringLiteral("The person pressed Cancel or closed the dialog (when set to fail rather than mark the item)."),
                          false});
    const QList<Value> number{QStringLiteral("number")};
    m_inputType = addParam<QString>(ParamSpec::choice(QStringLiteral("inputType"), QStringLiteral("Answer"),
                                                      {{QStringLiteral("text"), QStringLiteral("Text"), {}},
                                                       {QStringLiteral("password"), QStringLiteral("Password (masked)"),
                                                        QStringLiteral("Typed characters are hidden; the answer is still "
                                                                       "stored in the item like any value.")},
                                                       {QStringLiteral("number"), QStringLiteral("Number"), {}},
                                                       {QStringLiteral("choice"), QStringLiteral("Choice from a list"), {}}})
                                        .noExpressions());
    m_default = addParam<QString>(ParamSpec::string(QStringLiteral("defaultValue"), QStringLiteral("Default value"))
                                      .describe(QStringLiteral("Filled in when the dialog opens, and the answer when it times "
                                                               "out. For a choice: one of the choices (empty: the first).")));
    m_choices = addParam<QString>(ParamSpec::text(QStringLiteral("choices"), QStringLiteral("Choices"))
                                      .describe(QStringLiteral("One choice per line."))
                                      .visibleWhen(QStringLiteral("inputType"), {QStringLiteral("choice")}));
    m_minimum = addParam<double>(ParamSpec::number(QStringLiteral("minimum"), QStringLiteral("Minimum"), -1e9).visibleWhen(QStringLiteral("inputType"), number));
    m_maximum = addParam<double>(ParamSpec::number(QStringLiteral("maximum"), QStringLiteral("Maximum"), 1e9).visibleWhen(QStringLiteral("inputType"), number));
    m_decimals = addParam<qint64>(ParamSpec::integer(QStringLiteral("decimals"), QStringLiteral("Decimals"), 0)
                                      .range(0, 10)
                                      .describe(QStringLiteral("0: a whole number."))
                                      .visibleWhen(QStringLiteral("inputType"), number));
    m_field = addParam<QString>(ParamSpec::string(QStringLiteral("field"), QStringLiteral("Into field"))
                                    .defaults(QStringLiteral("value"))
                                    .noExpressions());
    m_onCancel = addParam<QString>(ParamSpec::choice(QStringLiteral("onCancel"), QStringLiteral("On cancel"),
                                                     {{QStringLiteral("error"), QStringLiteral("Fail with DIALOG_CANCELLED"), {}},
                                                      {QStringLiteral("field"), QStringLiteral("Mark the item"),
                                                       QStringLiteral("The item gets \"cancelled\": true and a null answer.")}})
                                       .noExpressions());
}

Object InputDialogNode::ask(ExecutionContext& ctx, const Item& item, qsizetype i, const QString& field) const
{
    const QString type = ctx.param(m_inputType);
    const QString def = ctx.param(m_default, item, i);
    QInputDialog dialog;
    dialog.setWindowTitle(titleFor(ctx, item, i));
    dialog.setLabelText(messageFor(ctx, item, i));
    Value fallback; // the answer on timeout
    if (type == u"number") {
        const double lo = ctx.param(m_minimum, item, i), hi = ctx.param(m_maximum, item, i);
        if (lo > hi)
            throw NodeError::param(m_minimum.name(), lo, QStringLiteral("is above the maximum %1").arg(hi));
        const int decimals = int(ctx.param(m_decimals));
        if (decimals < 0 || decimals > 10)
            throw NodeError::param(m_decimals.name(), decimals, QStringLiteral("must be 0 to 10"));
        bool ok = true;
        const double value = def.trimmed().isEmpty() ? std::clamp(0.0, lo, hi) : def.trimmed().toDouble(&ok);
        if (!ok || value < lo || value > hi)
            throw NodeError::param(m_default.name(), def, QStringLiteral("is not a number from %1 to %2").arg(lo).arg(hi));
        dialog.setInputMode(QInputDialog::DoubleInput);
        dialog.setDoubleDecimals(decimals);
        dialog.setDoubleRange(lo, hi);
        dialog.setDoubleValue(value);
        fallback = decimals == 0 ? Value(qint64(std::llround(value))) : Value(value);
    } else if (type == u"choice") {
        QStringList choices;
        for (const QString& line : ctx.param(m_choices, item, i).split(u'\n'))
            if (!line.trimmed().isEmpty())
                choices.append(line.trimmed());
        if (choices.isEmpty())
            throw NodeError::param(m_choices.name(), ctx.param(m_choices, item, i), QStringLiteral("give at least one choice, one per line"));
        const QString chosen = def.trimmed().isEmpty() ? choices.first() : def.trimmed();
        if (!choices.contains(chosen))
            throw NodeError::param(m_default.name(), def, QStringLiteral("is not one of the choices"));
        dialog.setComboBoxItems(choices);
        dialog.setComboBoxEditable(false);
        dialog.setTextValue(chosen);
        fallback = chosen;
    } else {
        dialog.setInputMode(QInputDialog::TextInput);
        dialog.setTextEchoMode(type == u"password" ? QLineEdit::Password : QLineEdit::Normal);
        dialog.setTextValue(def);
        fallback = def;
    }

    Object fields;
    switch (show(ctx, dialog, item, i)) {
    case Outcome::TimedOut:
        timedOut(ctx, item, i);
        fields.insert(field, fallback);
        fields.insert(QStringLiteral("timedOut"), true);
        return fields;
    case Outcome::Dismissed:
        if (ctx.param(m_onCancel) != u"field")
            throw NodeError(QStringLiteral("DIALOG_CANCELLED"), QStringLiteral("the input dialog was cancelled"));
        fields.insert(field, nullptr);
        fields.insert(QStringLiteral("cancelled"), true);
        return fields;
    case Outcome::Answered:
        break;
    }
    if (type == u"number") {
        const double v = dialog.doubleValue();
        fields.insert(field, int(ctx.param(m_decimals)) == 0 ? Value(qint64(std::llround(v))) : Value(v));
    } else {
        fields.insert(field, dialog.textValue());
    }
    return fields;
}

Exec InputDialogNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    const QString field = fieldName(ctx);
    return askItems(ctx, in, out, [&](const Item& item, qsizetype i) { return ask(ctx, item, i, field); });
}

} // namespace taskloom::nodes::rpa
