#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

struct _xmlNode;
struct _xmlDoc;

namespace taskloom::nodes::connectors {

class CssSelector;

/// An HTML page parsed the way browsers forgive it (libxml2's recovering HTML parser): unclosed tags, stray end
/// tags and bad nesting still give a tree. Elements are borrowed pointers valid while the document lives.
class HtmlDocument {
public:
    using Element = const _xmlNode*;

    /// Parses UTF-8 text (from a QString).
    static HtmlDocument fromText(const QString& html);
    /// Parses bytes as served: the page's own <meta charset> when it declares one, else UTF-8.
    static HtmlDocument fromBytes(const QByteArray& html);

    HtmlDocument(HtmlDocument&&) noexcept;
    HtmlDocument& operator=(HtmlDocument&&) noexcept;
    ~HtmlDocument();

    /// The root element (<html>), or null for a document with no elements at all.
    Element root() const;
    /// Elements matching `selector` below `scope` (null: the whole document), in document order.
    QList<Element> select(const CssSelector& selector, Element scope = nullptr) const;

    /// The visible text: script and style skipped, block elements and <br> separate words, whitespace collapsed.
    static QString text(Element e);
    /// An attribute's value; `present` says whether it exists at all.
    static QString attribute(Element e, const QString& name, bool* present = nullptr);
    static QString innerHtml(Element e);
    static QString outerHtml(Element e);
    static QString tagName(Element e);

private:
    explicit HtmlDocument(_xmlDoc* doc);
    struct Free {
        void operator()(_xmlDoc* d) const;
    };
    std::unique_ptr<_xmlDoc, Free> m_doc;
};

} // namespace taskloom::nodes::connectors
