#include "WaitForSelectorNode.hpp"

#include "BrowserWait.hpp"

#include "engine/ExecutionContext.hpp"

#include <QElapsedTimer>

namespace taskloom::nodes::web {

using namespace engine;

WaitForSelectorNode::WaitForSelectorNode()
    : WebNode(QStringLiteral("web.waitForSelector"), QStringLiteral("Wait for element"),
              QStringLiteral("Waits until a CSS selector matches in the page: for content that scripts add after loading, "
                             "or until a spinner is gone."))
{
    m_spec.aliases = {QStringLiteral("wait for selector"), QStringLiteral("element"), QStringLiteral("appear")};
    m_selector = addParam<QString>(ParamSpec::string(QStringLiteral("selector"), QStringLiteral("CSS selector")).required().hint(QStringLiteral("article.story")));
    m_state = addParam<QString>(ParamSpec::choice(QStringLiteral("state"), QStringLiteral("Until it is"),
                                                  {{QStringLiteral("attached"), QStringLiteral("In the page"), {}},
                                                   {QStringLiteral("visible"), QStringLiteral("Visible"), {}},
                                                   {QStringLiteral("hidden"), QStringLiteral("Hidden or gone"), {}},
                                                   {QStringLiteral("detached"), QStringLiteral("Gone from the page"), {}}}));
    m_spec.errors.append(selectorNotFoundError());
    m_spec.errors.append({QStringLiteral("INVALID_SELECTOR"), QStringLiteral("The selector is not valid CSS."), false});
}

Exec WaitForSelectorNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    return forEachItem(ctx, in, out, [&](Item& item, qsizetype i) {
        BrowserSession& s = session(ctx, item, i);
        const QString selector = ctx.param(m_selector, item, i);
        const QString state = ctx.param(m_state, item, i);
        const qint64 timeout = timeoutMs(ctx, item, i);
        if (state == u"attached" || state == u"visible") {
            waitForMatch(ctx, s, m_selector.name(), selector, timeout, state == u"visible");
            return;
        }
        QElapsedTimer clock;
        clock.start();
        const Object args{{QStringLiteral("selector"), selector}};
        for (;;) {
            const Object r = call(ctx, s, QStringLiteral("count"), args, std::max<qint64>(timeout - clock.elapsed(), 1000), m_selector.name()).toObject();
            if (r.value(state == u"hidden" ? u"visible" : u"count").toInt() == 0)
                return;
            if (clock.elapsed() >= timeout)
                throw NodeError(QStringLiteral("TIMEOUT"), QStringLiteral("selector '%1' still matched on %2 after %3 s")
                                                               .arg(selector, s.url().toDisplayString()).arg(double(timeout) / 1000.0),
                                NodeError::Retry::Yes);
            pause(ctx, 100);
        }
    });
}

} // namespace taskloom::nodes::web
