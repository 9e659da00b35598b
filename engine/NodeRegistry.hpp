#pragma once

#include "Credential.hpp"
#include "NodeType.hpp"

#include <QHash>
#include <QList>

#include <memory>

namespace taskloom::engine {

/// Every node type and credential type this process knows. Packs register into it once at start-up
/// (nodes/builtin.cpp); everyone else only reads.
class NodeRegistry {
public:
    /// Adds a node type; a second type with the same id replaces the first (user Lua nodes override bundled).
    void add(std::shared_ptr<const NodeType> type);
    void addCredentialType(CredentialTypeSpec spec);

    const NodeType* find(QStringView type) const;
    /// All node types, sorted by category then title (palette order).
    QList<const NodeType*> types() const;
    const CredentialTypeSpec* credentialType(QStringView type) const;
    QList<CredentialTypeSpec> credentialTypes() const;

private:
    QHash<QString, std::shared_ptr<const NodeType>> m_types;
    QHash<QString, CredentialTypeSpec> m_credentialTypes;
};

} // namespace taskloom::engine
