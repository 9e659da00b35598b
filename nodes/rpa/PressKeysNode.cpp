#include "PressKeysNode.hpp"

#include "engine/ExecutionContext.hpp"
#include "recorder/KeyText.hpp"

namespace taskloom::nodes::rpa {

using namespace engine;

PressKeysNode::PressKeysNode()
    : RpaNode(QStringLiteral("rpa.pressKeys"), QStringLiteral("Press keys"),
              QStringLiteral("Presses a key or a shortcut: Return, Tab, ctrl+s, alt+F4, ctrl+shift+Tab. Key names are X "
                             "keysym names (a, Return, Escape, F5, Left, Page_Down, Delete)."))
{
    m_spec.aliases = {QStringLiteral("shortcut"), QStringLiteral("hotkey"), QStringLiteral("keyboard"), QStringLiteral("enter")};
    m_spec.icon = QStringLiteral("input-keyboard");
    m_keys = addParam<QString>(ParamSpec::string(QStringLiteral("keys"), QStringLiteral("Keys")).required().hint(QStringLiteral("ctrl+s")));
    m_times = addParam<qint64>(ParamSpec::integer(QStringLiteral("times"), QStringLiteral("Times"), 1).range(1, 1000));
}

QList<std::pair<QString, QString>> PressKeysNode::checkParams(const Object& params) const
{
    const Value& keys = params.value(m_keys.name());
    if (keys.isString() && !keys.toString().contains(QStringLiteral("{{")) && !recorder::KeyText::parseCombo(keys.toString()))
        return {{m_keys.name(), QStringLiteral("\"%1\" is not a key combination (like ctrl+s or Return)").arg(keys.toString())}};
    return {};
}

Exec PressKeysNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    auto desktop = openDesktop(ctx);
    return forEachItem(ctx, in, out, [&](Item& item, qsizetype i) {
        recorder::MacroStep step;
        step.kind = recorder::MacroStep::Kind::Keys;
        step.text = ctx.param(m_keys, item, i);
        if (!recorder::KeyText::parseCombo(step.text))
            throw NodeError::param(m_keys.name(), step.text, QStringLiteral("not a key combination (like ctrl+s or Return)"));
        const qint64 times = ctx.param(m_times, item, i);
        if (times < 1 || times > 1000)
            throw NodeError::param(m_times.name(), times, QStringLiteral("must be between 1 and 1000"));
        for (qint64 n = 0; n < times; ++n)
            runStep(ctx, *desktop, step, item, i);
    });
}

} // namespace taskloom::nodes::rpa
