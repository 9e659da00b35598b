#include "ClickNode.hpp"

#include "PointerParams.hpp"

#include "engine/ExecutionContext.hpp"

namespace taskloom::nodes::rpa {

using namespace engine;

ClickNode::ClickNode()
    : RpaNode(QStringLiteral("rpa.click"), QStringLiteral("Click"),
              QStringLiteral("Clicks on the desktop: on an image found on the screen wherever it moved, at a position inside "
                             "a window, or at screen coordinates, tried in that order."))
{
    m_spec.aliases = {QStringLiteral("mouse"), QStringLiteral("press"), QStringLiteral("double click"), QStringLiteral("rpa")};
    m_spec.icon = QStringLiteral("input-mouse");
    addTargetParams(true);
    m_button = addParam<QString>(PointerParams::buttonParam());
    m_clicks = addParam<qint64>(ParamSpec::integer(QStringLiteral("clicks"), QStringLiteral("Clicks"), 1).range(1, 3)
                                    .describe(QStringLiteral("2 for a double click.")));
    m_modifiers = addParam<QString>(PointerParams::modifiersParam());
}

Exec ClickNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    auto desktop = openDesktop(ctx);
    return forEachItem(ctx, in, out, [&](Item& item, qsizetype i) {
        recorder::MacroStep step;
        step.kind = recorder::MacroStep::Kind::Click;
        step.target = target(ctx, item, i);
        if (step.target.isEmpty())
            throw NodeError::param(m_image.name(), QString(), QStringLiteral("set an image, a window title or class, or x and y"));
        step.button = PointerParams::button(ctx.param(m_button, item, i), m_button.name());
        step.clicks = int(ctx.param(m_clicks, item, i));
        if (step.clicks < 1 || step.clicks > 3)
            throw NodeError::param(m_clicks.name(), qint64(step.clicks), QStringLiteral("must be 1, 2 or 3"));
        step.modifiers = PointerParams::modifiers(ctx.param(m_modifiers, item, i), m_modifiers.name());
        item.json().insert(QStringLiteral("desktop"), reportFields(runStep(ctx, *desktop, step, item, i)));
    });
}

} // namespace taskloom::nodes::rpa
