#include "SelectOptionNode.hpp"

#include "engine/ExecutionContext.hpp"

namespace taskloom::nodes::web {

using namespace engine;

SelectOptionNode::SelectOptionNode()
    : WebNode(QStringLiteral("web.selectOption"), QStringLiteral("Select option"),
              QStringLiteral("Chooses one option (or several, in a multiple list) of the <select> a CSS selector finds, by "
                             "value or by the label the user sees."))
{
    m_spec.aliases = {QStringLiteral("dropdown"), QStringLiteral("choose"), QStringLiteral("list")};
    m_selector = addParam<QString>(ParamSpec::string(QStringLiteral("selector"), QStringLiteral("CSS selector")).required().hint(QStringLiteral("select#country")));
    m_values = addParam<QString>(ParamSpec::text(QStringLiteral("values"), QStringLiteral("Options")).required()
                                     .describe(QStringLiteral("One per line (several only for a multiple list).")));
    m_by = addParam<QString>(ParamSpec::choice(QStringLiteral("by"), QStringLiteral("Match by"),
                                               {{QStringLiteral("value"), QStringLiteral("Value"), {}},
                                                {QStringLiteral("label"), QStringLiteral("Label"), {}}}));
    m_index = addParam<qint64>(ParamSpec::integer(QStringLiteral("index"), QStringLiteral("Which match"), 0));
    m_spec.errors.append(selectorNotFoundError());
    m_spec.errors.append({QStringLiteral("INVALID_SELECTOR"), QStringLiteral("The selector is not valid CSS."), false});
    m_spec.errors.append({QStringLiteral("OPTION_NOT_FOUND"), QStringLiteral("The list has no such option."), false});
}

Exec SelectOptionNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    return forEachItem(ctx, in, out, [&](Item& item, qsizetype i) {
        BrowserSession& s = session(ctx, item, i);
        const QString selector = ctx.param(m_selector, item, i);
        const qint64 timeout = timeoutMs(ctx, item, i);
        const QString text = ctx.param(m_values, item, i);
        Array values;
        for (const QString& line : text.split(u'\n')) {
            if (!line.trimmed().isEmpty())
                values.append(line.trimmed());
        }
        if (values.isEmpty())
            throw NodeError::param(m_values.name(), text, QStringLiteral("name at least one option"));
        waitForMatch(ctx, s, m_selector.name(), selector, timeout);
        const Object r = call(ctx, s, QStringLiteral("select"),
                              {{QStringLiteral("selector"), selector},
                               {QStringLiteral("index"), ctx.param(m_index, item, i)},
                               {QStringLiteral("values"), values},
                               {QStringLiteral("by"), ctx.param(m_by, item, i)}},
                              timeout, m_selector.name())
                             .toObject();
        if (r.value(u"nomatch").toBool())
            throwNoMatch(s, selector, 0);
        if (r.contains(u"missing")) {
            QStringList missing, available;
            for (const Value& v : r.value(u"missing").arrayRef())
                missing.append(v.toText());
            for (const Value& v : r.value(u"available").arrayRef())
                available.append(QStringLiteral("\"%1\"").arg(v.toText()));
            throw NodeError(QStringLiteral("OPTION_NOT_FOUND"),
                            QStringLiteral("parameter \"values\": the list '%1' on %2 has no option \"%3\" (it has %4)")
                                .arg(selector, s.url().toDisplayString(), missing.join(QStringLiteral("\", \"")),
                                     available.isEmpty() ? QStringLiteral("none") : available.join(QStringLiteral(", "))));
        }
        item.json().insert(QStringLiteral("selected"), r.value(u"selected"));
    });
}

} // namespace taskloom::nodes::web
