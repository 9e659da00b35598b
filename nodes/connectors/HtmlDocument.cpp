#include "HtmlDocument.hpp"

#include "CssSelector.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>

#include <QRegularExpression>

namespace taskloom::nodes::connectors {

namespace {

constexpr int parseOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET;

_xmlDoc* parse(const QByteArray& bytes, const char* encoding)
{
    if (bytes.trimmed().isEmpty())
        return nullptr;
    return htmlReadMemory(bytes.constData(), int(bytes.size()), nullptr, encoding, parseOptions);
}

void collect(const xmlNode* n, const CssSelector& s, const xmlNode* scope, QList<HtmlDocument::Element>& out)
{
    for (const xmlNode* c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (s.matches(c, scope))
            out.append(c);
        collect(c, s, scope, out);
    }
}

bool isBlock(const xmlNode* n)
{
    static const QByteArrayList blocks = {"address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
                                          "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
                                          "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table",
                                          "td", "th", "tr", "ul"};
    return blocks.contains(QByteArray(reinterpret_cast<const char*>(n->name)).toLower());
}

void appendText(const xmlNode* n, QString& out)
{
    for (const xmlNode* c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            out += QString::fromUtf8(reinterpret_cast<const char*>(c->content));
        } else if (c->type == XML_ELEMENT_NODE) {
            const QByteArray name = QByteArray(reinterpret_cast<const char*>(c->name)).toLower();
            if (name == "script" || name == "style" || name == "template" || name == "noscript")
                continue;
            const bool block = isBlock(c);
            if (block)
                out += QLatin1Char(' ');
            appendText(c, out);
            if (block)
                out += QLatin1Char(' ');
        }
    }
}

QString dump(const xmlNode* n)
{
    xmlBufferPtr buf = xmlBufferCreate();
    htmlNodeDump(buf, n->doc, const_cast<xmlNode*>(n));
    const QString out = QString::fromUtf8(reinterpret_cast<const char*>(xmlBufferContent(buf)), xmlBufferLength(buf));
    xmlBufferFree(buf);
    return out;
}

} // namespace

void HtmlDocument::Free::operator()(_xmlDoc* d) const
{
    xmlFreeDoc(d);
}

HtmlDocument::HtmlDocument(_xmlDoc* doc) : m_doc(doc) {}
HtmlDocument::HtmlDocument(HtmlDocument&&) noexcept = default;
HtmlDocument& HtmlDocument::operator=(HtmlDocument&&) noexcept = default;
HtmlDocument::~HtmlDocument() = default;

HtmlDocument HtmlDocument::fromText(const QString& html)
{
    return HtmlDocument(parse(html.toUtf8(), "UTF-8"));
}

HtmlDocument HtmlDocument::fromBytes(const QByteArray& html)
{
    // libxml2 falls back to Latin-1 for HTML without a declared charset; the web's default today is UTF-8.
    static const QRegularExpression declared(QStringLiteral("<meta[^>]+charset"), QRegularExpression::CaseInsensitiveOption);
    const bool hasCharset = declared.match(QString::fromLatin1(html.left(4096))).hasMatch();
    return HtmlDocument(parse(html, hasCharset ? nullptr : "UTF-8"));
}

HtmlDocument::Element HtmlDocument::root() const
{
    return m_doc ? xmlDocGetRootElement(m_doc.get()) : nullptr;
}

QList<HtmlDocument::Element> HtmlDocument::select(const CssSelector& selector, Element scope) const
{
    QList<Element> out;
    if (!m_doc)
        return out;
    collect(scope ? scope : reinterpret_cast<const xmlNode*>(m_doc.get()), selector, scope, out);
    return out;
}

QString HtmlDocument::text(Element e)
{
    QString out;
    if (e)
        appendText(e, out);
    return out.simplified();
}

QString HtmlDocument::attribute(Element e, const QString& name, bool* present)
{
    if (present)
        *present = false;
    if (!e)
        return {};
    const QByteArray key = name.toLower().toUtf8();
    for (const xmlAttr* a = e->properties; a; a = a->next) {
        if (qstricmp(reinterpret_cast<const char*>(a->name), key.constData()) != 0)
            continue;
        if (present)
            *present = true;
        xmlChar* v = xmlNodeListGetString(e->doc, a->children, 1);
        const QString out = QString::fromUtf8(reinterpret_cast<const char*>(v));
        xmlFree(v);
        return out;
    }
    return {};
}

QString HtmlDocument::innerHtml(Element e)
{
    QString out;
    if (e)
        for (const xmlNode* c = e->children; c; c = c->next)
            out += dump(c);
    return out;
}

QString HtmlDocument::outerHtml(Element e)
{
    return e ? dump(e) : QString();
}

QString HtmlDocument::tagName(Element e)
{
    return e ? QString::fromUtf8(reinterpret_cast<const char*>(e->name)).toLower() : QString();
}

} // namespace taskloom::nodes::connectors
