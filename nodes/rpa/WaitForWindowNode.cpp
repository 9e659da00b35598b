#include "WaitForWindowNode.hpp"

#include "WindowPattern.hpp"

#include "engine/ExecutionContext.hpp"

#include <QElapsedTimer>

namespace taskloom::nodes::rpa {

using namespace engine;

WaitForWindowNode::WaitForWindowNode()
    : RpaNode(QStringLiteral("rpa.waitForWindow"), QStringLiteral("Wait for window"),
              QStringLiteral("Waits until a window whose title and class match appears (a dialog, a program that starts "
                             "slowly) and adds its title, class and geometry to the item under \"window\"."))
{
    m_spec.aliases = {QStringLiteral("dialog"), QStringLiteral("appear"), QStringLiteral("window")};
    m_spec.icon = QStringLiteral("window");
    m_title = addParam<QString>(WindowPattern::titleParam());
    m_class = addParam<QString>(WindowPattern::classParam());
    m_wait = addParam<double>(ParamSpec::number(QStringLiteral("timeout"), QStringLiteral("Timeout (seconds)"), 10).range(0, 86400));
    m_activate = addParam<bool>(ParamSpec::boolean(QStringLiteral("activate"), QStringLiteral("Bring it to the front"), false));
    m_spec.errors.append({QStringLiteral("TIMEOUT"), QStringLiteral("No matching window appeared in time."), true});
}

Exec WaitForWindowNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    auto desktop = openDesktop(ctx);
    return forEachItem(ctx, in, out, [&](Item& item, qsizetype i) {
        const WindowPattern pattern(ctx.param(m_title, item, i), ctx.param(m_class, item, i), m_title.name(), m_class.name());
        const double timeout = ctx.param(m_wait, item, i);
        QElapsedTimer t;
        t.start();
        while (true) {
            const auto found = pattern.matching(*desktop);
            if (!found.isEmpty()) {
                if (ctx.param(m_activate, item, i))
                    if (auto ok = desktop->activate(found.first().id); !ok)
                        throw NodeError(QStringLiteral("DESKTOP_ACTION_FAILED"), ok.error());
                item.json().insert(QStringLiteral("window"), WindowPattern::toObject(found.first()));
                return;
            }
            if (t.elapsed() >= timeout * 1000)
                break;
            if (!ctx.cancellation().sleepFor(std::chrono::milliseconds(100)))
                ctx.checkCancelled();
        }
        throw NodeError(QStringLiteral("TIMEOUT"), QStringLiteral("no window with %1 appeared within %2 s").arg(pattern.describe()).arg(timeout),
                        NodeError::Retry::Yes);
    });
}

} // namespace taskloom::nodes::rpa
