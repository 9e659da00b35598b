#include "ExtractNode.hpp"

#include "BrowserWait.hpp"

#include "engine/ExecutionContext.hpp"

#include <QElapsedTimer>

namespace taskloom::nodes::web {

using namespace engine;

ExtractNode::ExtractNode()
    : WebNode(QStringLiteral("web.extract"), QStringLiteral("Extract from page"),
              QStringLiteral("Reads the page as the browser rendered it (after its scripts ran) with CSS selectors: one item per "
                             "match of the item selector, its values picked by selectors relative to that match, or one item per "
                             "row of a table."))
{
    m_spec.aliases = {QStringLiteral("scrape"), QStringLiteral("css"), QStringLiteral("table"), QStringLiteral("read page")};
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Out"), QStringLiteral("One item per match or table row")}};
    m_mode = addParam<QString>(ParamSpec::choice(QStringLiteral("mode"), QStringLiteral("Extract"),
                                                 {{QStringLiteral("elements"), QStringLiteral("Elements"), QStringLiteral("Values of each matching element")},
                                                  {QStringLiteral("table"), QStringLiteral("Table rows"), QStringLiteral("One item per row, keyed by the header")}}));
    m_itemSelector = addParam<QString>(ParamSpec::string(QStringLiteral("itemSelector"), QStringLiteral("Item selector"))
                                           .hint(QStringLiteral("article.story"))
                                           .visibleWhen(QStringLiteral("mode"), {QStringLiteral("elements")})
                                           .describe(QStringLiteral("One output item per match; empty: one item for the whole page.")));
    m_extractions = addParam<Array>(
        ParamSpec::list(QStringLiteral("extractions"), QStringLiteral("Values"),
                        {ParamSpec::string(QStringLiteral("key"), QStringLiteral("Field")).required(),
                         ParamSpec::string(QStringLiteral("selector"), QStringLiteral("CSS selector"))
                             .describe(QStringLiteral("Relative to the item element; empty: the item element itself.")),
                         ParamSpec::choice(QStringLiteral("value"), QStringLiteral("Value"),
                                           {{QStringLiteral("text"), QStringLiteral("Text"), {}},
                                            {QStringLiteral("html"), QStringLiteral("Inner HTML"), {}},
                                            {QStringLiteral("outerHtml"), QStringLiteral("Outer HTML"), {}},
                                            {QStringLiteral("attribute"), QStringLiteral("Attribute"), {}},
                                            {QStringLiteral("value"), QStringLiteral("Form field value"), {}}}),
                         ParamSpec::string(QStringLiteral("attribute"), QStringLiteral("Attribute")).hint(QStringLiteral("href")),
                         ParamSpec::boolean(QStringLiteral("all"), QStringLiteral("All matches (a list)"), false)})
            .visibleWhen(QStringLiteral("mode"), {QStringLiteral("elements")})
            .describe(QStringLiteral("Empty: the item element's text as \"text\". href and src come back as absolute URLs.")));
    m_tableSelector = addParam<QString>(ParamSpec::string(QStringLiteral("tableSelector"), QStringLiteral("Table selector"))
                                            .defaults(QStringLiteral("table"))
                                            .visibleWhen(QStringLiteral("mode"), {QStringLiteral("table")}));
    m_header = addParam<bool>(ParamSpec::boolean(QStringLiteral("header"), QStringLiteral("First row is the header"), true)
                                  .visibleWhen(QStringLiteral("mode"), {QStringLiteral("table")}));
    m_keepInputFields = addParam<bool>(ParamSpec::boolean(QStringLiteral("keepInputFields"), QStringLiteral("Keep input fields"), false));
    m_noMatch = addParam<QString>(
        ParamSpec::choice(QStringLiteral("noMatch"), QStringLiteral("When a selector matches nothing"),
                          {{QStringLiteral("fail"), QStringLiteral("Fail"), QStringLiteral("After waiting up to the timeout")},
                           {QStringLiteral("empty"), QStringLiteral("Continue"), QStringLiteral("No items, or null values")}}));
    m_spec.errors.append(selectorNotFoundError());
    m_spec.errors.append({QStringLiteral("INVALID_SELECTOR"), QStringLiteral("A selector is not valid CSS."), false});
    m_spec.errors.append({QStringLiteral("INVALID_PARAMETER"), QStringLiteral("A value row without a field name."), false});
}

Exec ExtractNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    requireBrowser();
    ItemList items = in.main();
    if (items.isEmpty())
        items.append(Item());
    for (qsizetype i = 0; i < items.size(); ++i) {
        ctx.checkCancelled();
        try {
            extract(ctx, items[i], i, out);
        } catch (const NodeError& e) {
            ctx.failItem(items[i], e, out);
        }
    }
    return Exec::Done;
}

void ExtractNode::extract(ExecutionContext& ctx, const Item& item, qsizetype index, Outputs& out) const
{
    BrowserSession& s = session(ctx, item, index);
    const qint64 timeout = timeoutMs(ctx, item, index);
    const bool failOnNoMatch = ctx.param(m_noMatch, item, index) == u"fail";
    const bool table = ctx.param(m_mode, item, index) == u"table";
    const QString selectorParam = table ? m_tableSelector.name() : m_itemSelector.name();
    const QString selector = table ? ctx.param(m_tableSelector, item, index) : ctx.param(m_itemSelector, item, index).trimmed();
    QElapsedTimer clock;
    clock.start();
    // Pages often fill in their content after loading: wait for the selector when failing would be the answer.
    if (!selector.isEmpty()) {
        try {
            waitForMatch(ctx, s, selectorParam, selector, failOnNoMatch ? timeout : 1);
        } catch (const NodeError& e) {
            if (failOnNoMatch || e.code() != u"SELECTOR_NOT_FOUND")
                throw;
            return; // no items
        }
    }
    Object args;
    QList<QString> keys;
    if (table) {
        args = {{QStringLiteral("selector"), selector}, {QStringLiteral("header"), ctx.param(m_header, item, index)}};
    } else {
        Array fields;
        const Array rows = ctx.param(m_extractions, item, index);
        for (qsizetype r = 0; r < rows.size(); ++r) {
            const Object& row = rows.at(r).objectRef();
            const QString key = row.value(u"key").toText().trimmed();
            if (key.isEmpty())
                throw NodeError::param(m_extractions.name(), rows.at(r), QStringLiteral("row %1 has no field name").arg(r + 1));
            const QString what = row.value(u"value").toText().isEmpty() ? QStringLiteral("text") : row.value(u"value").toText();
            if (what == u"attribute" && row.value(u"attribute").toText().trimmed().isEmpty())
                throw NodeError::param(m_extractions.name(), rows.at(r), QStringLiteral("row %1 (\"%2\") names no attribute").arg(r + 1).arg(key));
            fields.append(Object{{QStringLiteral("key"), key},
                                 {QStringLiteral("selector"), row.value(u"selector").toText().trimmed()},
                                 {QStringLiteral("value"), what},
                                 {QStringLiteral("attribute"), row.value(u"attribute").toText().trimmed()},
                                 {QStringLiteral("all"), row.value(u"all").toBool()}});
            keys.append(key);
        }
        args = {{QStringLiteral("itemSelector"), selector}, {QStringLiteral("fields"), fields}};
    }
    const Object r = call(ctx, s, table ? QStringLiteral("table") : QStringLiteral("extract"), args,
                          std::max<qint64>(timeout - clock.elapsed(), 1000), selectorParam)
                         .toObject();
    if (r.value(u"nomatch").toBool()) {
        if (failOnNoMatch)
            throwNoMatch(s, selector, 0);
        return;
    }
    const Array rows = r.value(u"rows").toArray();
    // A value selector that matched in no item at all is almost always a typo: say which one.
    const Object missing = r.value(u"missing").toObject();
    if (failOnNoMatch && !rows.isEmpty()) {
        for (const QString& key : keys) {
            if (missing.value(key).toInt() == rows.size()) {
                const Array fieldRows = args.value(u"fields").arrayRef();
                QString sel;
                for (const Value& f : fieldRows)
                    if (f.objectRef().value(u"key").toText() == key)
                        sel = f.objectRef().value(u"selector").toText();
                throw NodeError(QStringLiteral("SELECTOR_NOT_FOUND"),
                                QStringLiteral("parameter \"extractions\": selector '%1' (field \"%2\") matched nothing inside '%3' on %4")
                                    .arg(sel, key, selector.isEmpty() ? QStringLiteral("the page") : selector, s.url().toDisplayString()));
            }
        }
    }
    const bool keep = ctx.param(m_keepInputFields, item, index);
    for (const Value& row : rows) {
        Object fields = keep ? item.json() : Object();
        for (const auto& [k, v] : row.objectRef())
            fields.insert(k, v);
        out.push(0, Item(fields));
    }
}

} // namespace taskloom::nodes::web
