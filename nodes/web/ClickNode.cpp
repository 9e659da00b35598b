#include "ClickNode.hpp"

#include "engine/ExecutionContext.hpp"

#include <QElapsedTimer>

namespace taskloom::nodes::web {

using namespace engine;

ClickNode::ClickNode()
    : WebNode(QStringLiteral("web.click"), QStringLiteral("Click element"),
              QStringLiteral("Clicks the element a CSS selector finds, waiting for it to appear; when the click opens another "
                             "page, waits for that page to load."))
{
    m_spec.aliases = {QStringLiteral("press"), QStringLiteral("button"), QStringLiteral("link")};
    m_selector = addParam<QString>(ParamSpec::string(QStringLiteral("selector"), QStringLiteral("CSS selector")).required().hint(QStringLiteral("button[type=submit]")));
    m_index = addParam<qint64>(ParamSpec::integer(QStringLiteral("index"), QStringLiteral("Which match"), 0)
                                   .describe(QStringLiteral("0: the first; -1: the last.")));
    m_waitForNavigation = addParam<bool>(ParamSpec::boolean(QStringLiteral("waitForNavigation"), QStringLiteral("Wait for a page it opens"), true));
    m_spec.errors.append(selectorNotFoundError());
    m_spec.errors.append({QStringLiteral("INVALID_SELECTOR"), QStringLiteral("The selector is not valid CSS."), false});
}

Exec ClickNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    return forEachItem(ctx, in, out, [&](Item& item, qsizetype i) {
        BrowserSession& s = session(ctx, item, i);
        const QString selector = ctx.param(m_selector, item, i);
        const qint64 timeout = timeoutMs(ctx, item, i);
        QElapsedTimer clock;
        clock.start();
        waitForMatch(ctx, s, m_selector.name(), selector, timeout);
        const Object r = call(ctx, s, QStringLiteral("click"),
                              {{QStringLiteral("selector"), selector}, {QStringLiteral("index"), ctx.param(m_index, item, i)}},
                              timeout, m_selector.name())
                             .toObject();
        if (r.value(u"nomatch").toBool())
            throwNoMatch(s, selector, 0);
        if (ctx.param(m_waitForNavigation, item, i))
            s.settle(ctx, std::max<qint64>(timeout - clock.elapsed(), 1000));
    });
}

} // namespace taskloom::nodes::web
