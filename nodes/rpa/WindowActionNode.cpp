#include "WindowActionNode.hpp"

#include "WindowPattern.hpp"

#include "engine/ExecutionContext.hpp"

namespace taskloom::nodes::rpa {

using namespace engine;

WindowActionNode::WindowActionNode(Action action)
    : RpaNode(action == Action::Activate ? QStringLiteral("rpa.activateWindow") : QStringLiteral("rpa.closeApp"),
              action == Action::Activate ? QStringLiteral("Activate window") : QStringLiteral("Close application"),
              action == Action::Activate
                  ? QStringLiteral("Brings the first window whose title and class match to the front and gives it the keyboard.")
                  : QStringLiteral("Asks every window whose title and class match to close, as its close button would.")),
      m_action(action)
{
    m_spec.aliases = action == Action::Activate
        ? QStringList{QStringLiteral("focus"), QStringLiteral("switch"), QStringLiteral("raise"), QStringLiteral("window")}
        : QStringList{QStringLiteral("quit"), QStringLiteral("exit"), QStringLiteral("kill"), QStringLiteral("window")};
    m_spec.icon = action == Action::Activate ? QStringLiteral("window") : QStringLiteral("window-close");
    m_title = addParam<QString>(WindowPattern::titleParam());
    m_class = addParam<QString>(WindowPattern::classParam());
    m_mustExist = addParam<bool>(ParamSpec::boolean(QStringLiteral("mustExist"), QStringLiteral("Fail when there is none"), true));
    m_spec.errors.append({QStringLiteral("WINDOW_NOT_FOUND"), QStringLiteral("No window matches."), true});
}

Exec WindowActionNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    auto desktop = openDesktop(ctx);
    return forEachItem(ctx, in, out, [&](Item& item, qsizetype i) {
        const QString title = ctx.param(m_title, item, i), cls = ctx.param(m_class, item, i);
        if (title.isEmpty() && cls.isEmpty())
            throw NodeError::param(m_title.name(), title, QStringLiteral("set a title or a class pattern (both empty would match every window)"));
        const WindowPattern pattern(title, cls, m_title.name(), m_class.name());
        const auto found = pattern.matching(*desktop);
        if (found.isEmpty()) {
            if (ctx.param(m_mustExist, item, i))
                throw NodeError(QStringLiteral("WINDOW_NOT_FOUND"), QStringLiteral("no window with %1 is open").arg(pattern.describe()),
                                NodeError::Retry::Yes);
            return;
        }
        Array touched;
        for (const recorder::WindowInfo& w : found) {
            auto ok = m_action == Action::Activate ? desktop->activate(w.id) : desktop->close(w.id);
            if (!ok)
                throw NodeError(QStringLiteral("DESKTOP_ACTION_FAILED"), ok.error());
            touched.append(WindowPattern::toObject(w));
            if (m_action == Action::Activate)
                break;
        }
        item.json().insert(QStringLiteral("windows"), touched);
    });
}

} // namespace taskloom::nodes::rpa
