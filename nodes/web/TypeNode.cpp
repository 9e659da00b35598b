#include "TypeNode.hpp"

#include "engine/ExecutionContext.hpp"

namespace taskloom::nodes::web {

using namespace engine;

TypeNode::TypeNode()
    : WebNode(QStringLiteral("web.type"), QStringLiteral("Type into field"),
              QStringLiteral("Types text into the input, text area or editable element a CSS selector finds, firing the "
                             "input and change events the page listens to; optionally presses Enter (submits the form)."))
{
    m_spec.aliases = {QStringLiteral("fill"), QStringLiteral("input"), QStringLiteral("form"), QStringLiteral("enter text")};
    m_selector = addParam<QString>(ParamSpec::string(QStringLiteral("selector"), QStringLiteral("CSS selector")).required().hint(QStringLiteral("input[name=q]")));
    m_text = addParam<QString>(ParamSpec::string(QStringLiteral("text"), QStringLiteral("Text")));
    m_clear = addParam<bool>(ParamSpec::boolean(QStringLiteral("clear"), QStringLiteral("Replace what is there"), true));
    m_pressEnter = addParam<bool>(ParamSpec::boolean(QStringLiteral("pressEnter"), QStringLiteral("Press Enter"), false)
                                      .describe(QStringLiteral("Sends Enter and submits the field's form; waits for the page that loads.")));
    m_index = addParam<qint64>(ParamSpec::integer(QStringLiteral("index"), QStringLiteral("Which match"), 0)
                                   .describe(QStringLiteral("0: the first; -1: the last.")));
    m_spec.errors.append(selectorNotFoundError());
    m_spec.errors.append({QStringLiteral("INVALID_SELECTOR"), QStringLiteral("The selector is not valid CSS."), false});
}

Exec TypeNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    return forEachItem(ctx, in, out, [&](Item& item, qsizetype i) {
        BrowserSession& s = session(ctx, item, i);
        const QString selector = ctx.param(m_selector, item, i);
        const qint64 timeout = timeoutMs(ctx, item, i);
        const bool enter = ctx.param(m_pressEnter, item, i);
        waitForMatch(ctx, s, m_selector.name(), selector, timeout);
        const Object r = call(ctx, s, QStringLiteral("type"),
                              {{QStringLiteral("selector"), selector},
                               {QStringLiteral("index"), ctx.param(m_index, item, i)},
                               {QStringLiteral("text"), ctx.param(m_text, item, i)},
                               {QStringLiteral("clear"), ctx.param(m_clear, item, i)},
                               {QStringLiteral("enter"), enter}},
                              timeout, m_selector.name())
                             .toObject();
        if (r.value(u"nomatch").toBool())
            throwNoMatch(s, selector, 0);
        if (enter)
            s.settle(ctx, timeout);
    });
}

} // namespace taskloom::nodes::web
