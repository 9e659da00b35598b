#include "DragNode.hpp"

#include "PointerParams.hpp"

#include "engine/ExecutionContext.hpp"

namespace taskloom::nodes::rpa {

using namespace engine;

DragNode::DragNode()
    : RpaNode(QStringLiteral("rpa.drag"), QStringLiteral("Drag"),
              QStringLiteral("Presses the mouse on a target, moves it by an offset and releases it."))
{
    m_spec.aliases = {QStringLiteral("drop"), QStringLiteral("mouse"), QStringLiteral("slider")};
    m_spec.icon = QStringLiteral("transform-move");
    addTargetParams(true);
    m_byX = addParam<qint64>(ParamSpec::integer(QStringLiteral("byX"), QStringLiteral("Move by X"), 0));
    m_byY = addParam<qint64>(ParamSpec::integer(QStringLiteral("byY"), QStringLiteral("Move by Y"), 0));
    m_button = addParam<QString>(PointerParams::buttonParam());
    m_modifiers = addParam<QString>(PointerParams::modifiersParam());
}

Exec DragNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    auto desktop = openDesktop(ctx);
    return forEachItem(ctx, in, out, [&](Item& item, qsizetype i) {
        recorder::MacroStep step;
        step.kind = recorder::MacroStep::Kind::Drag;
        step.target = target(ctx, item, i);
        if (step.target.isEmpty())
            throw NodeError::param(m_image.name(), QString(), QStringLiteral("set an image, a window title or class, or x and y"));
        step.dragBy = {int(ctx.param(m_byX, item, i)), int(ctx.param(m_byY, item, i))};
        step.button = PointerParams::button(ctx.param(m_button, item, i), m_button.name());
        step.modifiers = PointerParams::modifiers(ctx.param(m_modifiers, item, i), m_modifiers.name());
        item.json().insert(QStringLiteral("desktop"), reportFields(runStep(ctx, *desktop, step, item, i)));
    });
}

} // namespace taskloom::nodes::rpa
