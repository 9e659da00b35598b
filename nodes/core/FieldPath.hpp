#pragma once

#include "engine/Value.hpp"

#include <QList>
#include <QString>

#include <variant>

namespace taskloom::nodes::core {

/// A dotted path into an item: `customer.address.city`, `lines[0].amount`, `["odd key"].x`. Users name fields
/// this way in every node that reads or writes one.
class FieldPath {
public:
    using Step = std::variant<QString, qsizetype>;

    FieldPath() = default;
    /// A plain name without dots or brackets is one step; empty text is an empty path.
    static FieldPath parse(const QString& text);

    bool isEmpty() const { return m_steps.isEmpty(); }
    const QString& text() const { return m_text; }

    /// The value at the path, or null when any step is missing.
    engine::Value get(const engine::Object& root) const;
    bool exists(const engine::Object& root) const;
    /// Sets the value, creating intermediate objects (and growing arrays) as needed.
    void set(engine::Object& root, engine::Value value) const;
    bool remove(engine::Object& root) const;

private:
    QString m_text;
    QList<Step> m_steps;
};

} // namespace taskloom::nodes::core
