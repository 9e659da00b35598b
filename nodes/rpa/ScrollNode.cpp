#include "ScrollNode.hpp"

#include "PointerParams.hpp"

#include "engine/ExecutionContext.hpp"

namespace taskloom::nodes::rpa {

using namespace engine;

ScrollNode::ScrollNode()
    : RpaNode(QStringLiteral("rpa.scroll"), QStringLiteral("Scroll"),
              QStringLiteral("Turns the mouse wheel over a target (image, window position or screen position), or where the "
                             "pointer is when no target is set."))
{
    m_spec.aliases = {QStringLiteral("wheel"), QStringLiteral("mouse")};
    m_spec.icon = QStringLiteral("input-mouse");
    addTargetParams(false);
    m_down = addParam<qint64>(ParamSpec::integer(QStringLiteral("down"), QStringLiteral("Notches down"), 3)
                                  .describe(QStringLiteral("Negative scrolls up.")));
    m_right = addParam<qint64>(ParamSpec::integer(QStringLiteral("right"), QStringLiteral("Notches right"), 0)
                                   .describe(QStringLiteral("Negative scrolls left.")));
    m_modifiers = addParam<QString>(PointerParams::modifiersParam());
    m_spec.errors.append(notFoundError());
}

Exec ScrollNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    auto desktop = openDesktop(ctx);
    return forEachItem(ctx, in, out, [&](Item& item, qsizetype i) {
        recorder::MacroStep step;
        step.kind = recorder::MacroStep::Kind::Scroll;
        step.target = target(ctx, item, i);
        step.scrollY = int(ctx.param(m_down, item, i));
        step.scrollX = int(ctx.param(m_right, item, i));
        if (std::abs(step.scrollX) > 1000 || std::abs(step.scrollY) > 1000)
            throw NodeError::param(m_down.name(), qint64(step.scrollY), QStringLiteral("at most 1000 notches at a time"));
        step.modifiers = PointerParams::modifiers(ctx.param(m_modifiers, item, i), m_modifiers.name());
        item.json().insert(QStringLiteral("desktop"), reportFields(runStep(ctx, *desktop, step, item, i)));
    });
}

} // namespace taskloom::nodes::rpa
