#pragma once

#include <QList>
#include <QString>

#include <expected>

namespace taskloom::engine {

/// A parameter string split into literal text and {{ expression }} parts. A string that is exactly one
/// expression (`{{ item.total }}`) evaluates to the expression's value with its type; anything else
/// concatenates into text.
class Template {
public:
    struct Part {
        bool isExpression = false;
        QString text; ///< literal text, or the expression source without the braces
    };

    static bool containsExpression(QStringView s) { return s.contains(u"{{"); }
    /// Splits `s`; a "{{" without its "}}" is an error naming the column.
    static std::expected<Template, QString> parse(const QString& s);

    const QList<Part>& parts() const { return m_parts; }
    bool isSingleExpression() const { return m_parts.size() == 1 && m_parts.first().isExpression; }

private:
    QList<Part> m_parts;
};

} // namespace taskloom::engine
