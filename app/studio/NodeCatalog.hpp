#pragma once

#include <QList>
#include <QString>

namespace taskloom::engine {
class NodeRegistry;
class NodeType;
} // namespace taskloom::engine

namespace taskloom::studio {

/// Search over the registered node types, shared by the palette and quick-add: every word of the query must
/// appear in the title, aliases, description, category or type id; title matches rank first.
class NodeCatalog {
public:
    static QList<const engine::NodeType*> search(const engine::NodeRegistry& registry, const QString& query);
    /// 0 when a type does not match, higher for better matches.
    static int score(const engine::NodeType& type, const QString& query);
};

} // namespace taskloom::studio
