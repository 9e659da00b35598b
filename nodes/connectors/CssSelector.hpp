#pragma once

#include <QList>
#include <QString>

#include <expected>
#include <memory>

struct _xmlNode;

namespace taskloom::nodes::connectors {

/// A CSS selector list (Selectors Level 3 plus :not and :has with compound arguments) matched against libxml2's
/// HTML tree: type, universal, #id, .class, attribute tests ([a], =, ~=, |=, ^=, $=, *=, with the `i` flag),
/// the descendant, child, next- and subsequent-sibling combinators, and the structural pseudo-classes
/// (:first-child, :last-child, :only-child, :nth-child(an+b), :nth-last-child, :first-of-type, :last-of-type,
/// :nth-of-type, :only-of-type, :empty, :root). Element and attribute names match case-insensitively, as in HTML.
class CssSelector {
public:
    /// Parses a selector list; the error names the position and what was expected.
    static std::expected<CssSelector, QString> parse(const QString& text);

    CssSelector();
    ~CssSelector();
    CssSelector(const CssSelector&);
    CssSelector& operator=(const CssSelector&);
    CssSelector(CssSelector&&) noexcept;
    CssSelector& operator=(CssSelector&&) noexcept;

    const QString& text() const { return m_text; }
    /// Whether `element` matches; combinators look no higher than `scope` (null: the whole document), so a
    /// selector relative to an item's element only sees inside it.
    bool matches(const _xmlNode* element, const _xmlNode* scope = nullptr) const;

    struct Data;

private:
    QString m_text;
    std::shared_ptr<const Data> d;
};

} // namespace taskloom::nodes::connectors
