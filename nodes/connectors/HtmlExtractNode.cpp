#include "HtmlExtractNode.hpp"

#include "CssSelector.hpp"
#include "HtmlDocument.hpp"

#include "engine/ExecutionContext.hpp"
#include "nodes/core/FieldPath.hpp"

#include <QUrl>

namespace taskloom::nodes::connectors {

using namespace engine;

namespace {

struct Extraction {
    QString key;
    std::optional<CssSelector> selector; ///< empty: the item element itself
    QString what;                        ///< text, html, outerHtml, attribute
    QString attribute;
    bool all = false;
    qsizetype matches = 0;               ///< over the whole input item, for the "matches nothing" check
};

CssSelector selectorOrThrow(const QString& param, const QString& text)
{
    auto s = CssSelector::parse(text);
    if (!s)
        throw NodeError::param(param, text, QStringLiteral("not a CSS selector: %1").arg(s.error()),
                               QStringLiteral("INVALID_SELECTOR"));
    return *s;
}

bool isUrlAttribute(const QString& name)
{
    static const QStringList names = {QStringLiteral("href"), QStringLiteral("src"), QStringLiteral("action"),
                                      QStringLiteral("poster"), QStringLiteral("data-src"), QStringLiteral("cite")};
    return names.contains(name.toLower());
}

} // namespace

HtmlExtractNode::HtmlExtractNode()
{
    m_spec.type = QStringLiteral("connectors.htmlExtract");
    m_spec.title = QStringLiteral("HTML extract");
    m_spec.category = QStringLiteral("Connectors");
    m_spec.description = QStringLiteral(
        "Picks text, HTML or attributes out of a web page with CSS selectors, without a browser. With an item "
        "selector, every match (an article, a table row) becomes its own item.");
    m_spec.aliases = {QStringLiteral("scrape"), QStringLiteral("css"), QStringLiteral("selector"), QStringLiteral("parse html"),
                      QStringLiteral("web page")};
    m_spec.icon = QStringLiteral("text-html");
    m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("In"), QStringLiteral("Items holding HTML")}};
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Out"), {}}};
    m_source = addParam<QString>(ParamSpec::choice(QStringLiteral("source"), QStringLiteral("HTML from"),
                                                   {{QStringLiteral("field"), QStringLiteral("A text field"), {}},
                                                    {QStringLiteral("binary"), QStringLiteral("A binary attachment"), {}}}));
    m_sourceField = addParam<QString>(ParamSpec::string(QStringLiteral("sourceField"), QStringLiteral("Field"))
                                          .defaults(QStringLiteral("body"))
                                          .visibleWhen(QStringLiteral("source"), {QStringLiteral("field")}));
    m_sourceBinary = addParam<QString>(ParamSpec::string(QStringLiteral("sourceBinary"), QStringLiteral("Binary"))
                                           .defaults(QStringLiteral("data"))
                                           .visibleWhen(QStringLiteral("source"), {QStringLiteral("binary")}));
    m_itemSelector = addParam<QString>(ParamSpec::string(QStringLiteral("itemSelector"), QStringLiteral("Item selector"))
                                           .hint(QStringLiteral("article.post"))
                                           .describe(QStringLiteral("One output item per match; empty: one item per page.")));
    m_extractions = addParam<Array>(
        ParamSpec::list(QStringLiteral("extractions"), QStringLiteral("Values"),
                        {ParamSpec::string(QStringLiteral("key"), QStringLiteral("Field")).required(),
                         ParamSpec::string(QStringLiteral("selector"), QStringLiteral("CSS selector"))
                             .describe(QStringLiteral("Relative to the item element; empty: the item element itself.")),
                         ParamSpec::choice(QStringLiteral("value"), QStringLiteral("Value"),
                                           {{QStringLiteral("text"), QStringLiteral("Text"), {}},
                                            {QStringLiteral("html"), QStringLiteral("Inner HTML"), {}},
                                            {QStringLiteral("outerHtml"), QStringLiteral("Outer HTML"), {}},
                                            {QStringLiteral("attribute"), QStringLiteral("Attribute"), {}}}),
                         ParamSpec::string(QStringLiteral("attribute"), QStringLiteral("Attribute")).hint(QStringLiteral("href")),
                         ParamSpec::boolean(QStringLiteral("all"), QStringLiteral("All matches (a list)"), false)})
            .describe(QStringLiteral("Empty: the item element's text as \"text\".")));
    m_baseUrl = addParam<QString>(ParamSpec::string(QStringLiteral("baseUrl"), QStringLiteral("Base URL"))
                                      .hint(QStringLiteral("https://news.example.com/"))
                                      .describe(QStringLiteral("Makes href and src values absolute.")));
    m_keepInputFields = addParam<bool>(ParamSpec::boolean(QStringLiteral("keepInputFields"), QStringLiteral("Keep input fields"), false));
    m_noMatch = addParam<QString>(
        ParamSpec::choice(QStringLiteral("noMatch"), QStringLiteral("When a selector matches nothing"),
                          {{QStringLiteral("fail"), QStringLiteral("Fail"),
                            QStringLiteral("The item selector, or a value selector in every item, matches nothing")},
                           {QStringLiteral("empty"), QStringLiteral("Continue"), QStringLiteral("No items, or null values")}}));
    m_spec.errors = {
        {QStringLiteral("INVALID_SELECTOR"), QStringLiteral("A selector is not valid CSS."), false},
        {QStringLiteral("NO_MATCH"), QStringLiteral("A selector matches nothing in the page."), false},
        {QStringLiteral("HTML_SOURCE_MISSING"), QStringLiteral("The item has no such text field or binary."), false},
        {QStringLiteral("INVALID_PARAMETER"), QStringLiteral("A value row without a field name."), false}};
}

QList<std::pair<QString, QString>> HtmlExtractNode::checkParams(const Object& params) const
{
    QList<std::pair<QString, QString>> problems;
    auto check = [&](const QString& param, const QString& text) {
        if (text.trimmed().isEmpty() || text.contains(QLatin1String("{{")))
            return;
        if (auto s = CssSelector::parse(text); !s)
            problems.append({param, QStringLiteral("\"%1\": not a CSS selector: %2").arg(text, s.error())});
    };
    check(m_itemSelector.name(), params.value(m_itemSelector.name()).toText());
    for (const Value& row : params.value(m_extractions.name()).arrayRef())
        check(m_extractions.name(), row.objectRef().value(u"selector").toText());
    return problems;
}

Exec HtmlExtractNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    const ItemList& items = in.main();
    for (qsizetype i = 0; i < items.size(); ++i) {
        ctx.checkCancelled();
        try {
            extractItem(ctx, items[i], i, out);
        } catch (const NodeError& e) {
            ctx.failItem(items[i], e, out);
        }
    }
    return Exec::Done;
}

void HtmlExtractNode::extractItem(ExecutionContext& ctx, const Item& item, qsizetype index, Outputs& out) const
{
    const bool fromField = ctx.param(m_source, item, index) == QLatin1String("field");
    QString sourceName;
    std::optional<HtmlDocument> doc;
    if (fromField) {
        sourceName = ctx.param(m_sourceField, item, index).trimmed();
        const Value v = core::FieldPath::parse(sourceName).get(item.json());
        if (!v.isString())
            throw NodeError::param(m_sourceField.name(), sourceName,
                                   v.isNull() ? QStringLiteral("the item has no such field")
                                              : QStringLiteral("the field holds %1, not HTML text").arg(v.typeName()),
                                   QStringLiteral("HTML_SOURCE_MISSING"));
        doc.emplace(HtmlDocument::fromText(v.stringRef()));
        sourceName = QStringLiteral("field \"%1\"").arg(sourceName);
    } else {
        sourceName = ctx.param(m_sourceBinary, item, index).trimmed();
        const BinaryRef b = item.binary(sourceName);
        if (!b)
            throw NodeError::param(m_sourceBinary.name(), sourceName, QStringLiteral("the item has no binary of that name"),
                                   QStringLiteral("HTML_SOURCE_MISSING"));
        auto bytes = b->bytes();
        if (!bytes)
            throw NodeError::param(m_sourceBinary.name(), sourceName, bytes.error(), QStringLiteral("HTML_SOURCE_MISSING"));
        doc.emplace(HtmlDocument::fromBytes(*bytes));
        sourceName = QStringLiteral("binary \"%1\"").arg(sourceName);
    }

    const bool failOnNoMatch = ctx.param(m_noMatch, item, index) == QLatin1String("fail");
    const QString itemSelectorText = ctx.param(m_itemSelector, item, index).trimmed();
    const QUrl base(ctx.param(m_baseUrl, item, index).trimmed());
    const bool keep = ctx.param(m_keepInputFields, item, index);

    QList<Extraction> rows;
    const Array rowValues = ctx.param(m_extractions, item, index);
    for (qsizetype r = 0; r < rowValues.size(); ++r) {
        const Object row = rowValues.at(r).toObject();
        Extraction e;
        e.key = row.value(u"key").toText().trimmed();
        if (e.key.isEmpty())
            throw NodeError::param(m_extractions.name(), rowValues.at(r), QStringLiteral("row %1 has no field name").arg(r + 1));
        const QString sel = row.value(u"selector").toText().trimmed();
        if (!sel.isEmpty())
            e.selector = selectorOrThrow(m_extractions.name(), sel);
        e.what = row.value(u"value").toText();
        if (e.what.isEmpty())
            e.what = QStringLiteral("text");
        e.attribute = row.value(u"attribute").toText().trimmed();
        if (e.what == QLatin1String("attribute") && e.attribute.isEmpty())
            throw NodeError::param(m_extractions.name(), rowValues.at(r),
                                   QStringLiteral("row %1 (\"%2\") reads an attribute but names none").arg(r + 1).arg(e.key));
        e.all = row.value(u"all").toBool();
        rows.append(std::move(e));
    }
    if (rows.isEmpty()) {
        Extraction e;
        e.key = QStringLiteral("text");
        e.what = QStringLiteral("text");
        rows.append(std::move(e));
    }

    QList<HtmlDocument::Element> scopes;
    if (itemSelectorText.isEmpty()) {
        scopes.append(doc->root());
    } else {
        scopes = doc->select(selectorOrThrow(m_itemSelector.name(), itemSelectorText));
        if (scopes.isEmpty()) {
            if (failOnNoMatch)
                throw NodeError::param(m_itemSelector.name(), itemSelectorText,
                                       QStringLiteral("matches nothing in %1 of item %2").arg(sourceName).arg(index + 1),
                                       QStringLiteral("NO_MATCH"));
            return;
        }
    }

    auto valueOf = [&](const Extraction& e, HtmlDocument::Element el) -> Value {
        if (e.what == QLatin1String("html"))
            return HtmlDocument::innerHtml(el);
        if (e.what == QLatin1String("outerHtml"))
            return HtmlDocument::outerHtml(el);
        if (e.what == QLatin1String("attribute")) {
            bool present = false;
            const QString v = HtmlDocument::attribute(el, e.attribute, &present);
            if (!present)
                return Value();
            if (base.isValid() && !base.isEmpty() && isUrlAttribute(e.attribute))
                return base.resolved(QUrl(v.trimmed())).toString();
            return v;
        }
        return HtmlDocument::text(el);
    };

    ItemList produced;
    for (HtmlDocument::Element scope : scopes) {
        Object o = keep ? item.json() : Object();
        for (Extraction& e : rows) {
            QList<HtmlDocument::Element> found;
            if (!e.selector)
                found = {scope};
            else if (scope)
                found = doc->select(*e.selector, itemSelectorText.isEmpty() ? nullptr : scope);
            e.matches += found.size();
            if (e.all) {
                Array list;
                for (HtmlDocument::Element el : found)
                    list.append(valueOf(e, el));
                o.insert(e.key, list);
            } else {
                o.insert(e.key, found.isEmpty() ? Value() : valueOf(e, found.first()));
            }
        }
        produced.append(Item(std::move(o)));
    }
    if (failOnNoMatch) {
        for (const Extraction& e : rows) {
            if (e.selector && e.matches == 0)
                throw NodeError::param(m_extractions.name(), e.selector->text(),
                                       QStringLiteral("field \"%1\": the selector matches nothing in %2 of item %3%4")
                                           .arg(e.key, sourceName)
                                           .arg(index + 1)
                                           .arg(scopes.size() > 1 ? QStringLiteral(" (in any of %1 matches of the item selector)").arg(scopes.size())
                                                                  : QString()),
                                       QStringLiteral("NO_MATCH"));
        }
    }
    out.push(0, produced);
}

} // namespace taskloom::nodes::connectors
