#include "NodeRegistry.hpp"

#include <algorithm>

namespace taskloom::engine {

void NodeRegistry::add(std::shared_ptr<const NodeType> type)
{
    const QString id = type->spec().type;
    m_types.insert(id, std::move(type));
}

void NodeRegistry::addCredentialType(CredentialTypeSpec spec)
{
    const QString id = spec.type;
    m_credentialTypes.insert(id, std::move(spec));
}

const NodeType* NodeRegistry::find(QStringView type) const
{
    const auto it = m_types.constFind(type.toString());
    return it == m_types.cend() ? nullptr : it.value().get();
}

QList<const NodeType*> NodeRegistry::types() const
{
    QList<const NodeType*> out;
    out.reserve(m_types.size());
    for (const auto& t : m_types)
        out.append(t.get());
    std::sort(out.begin(), out.end(), [](const NodeType* a, const NodeType* b) {
        const int c = QString::compare(a->spec().category, b->spec().category, Qt::CaseInsensitive);
        if (c != 0)
            return c < 0;
        const int t = QString::compare(a->spec().title, b->spec().title, Qt::CaseInsensitive);
        return t != 0 ? t < 0 : a->spec().type < b->spec().type;
    });
    return out;
}

const CredentialTypeSpec* NodeRegistry::credentialType(QStringView type) const
{
    const auto it = m_credentialTypes.constFind(type.toString());
    return it == m_credentialTypes.cend() ? nullptr : &it.value();
}

QList<CredentialTypeSpec> NodeRegistry::credentialTypes() const
{
    QList<CredentialTypeSpec> out = m_credentialTypes.values();
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.type < b.type; });
    return out;
}

} // namespace taskloom::engine
