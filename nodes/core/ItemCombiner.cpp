#include "ItemCombiner.hpp"

#include <QHash>

namespace taskloom::nodes::core {

using engine::Item;
using engine::Object;

Item ItemCombiner::combine(const QList<const Item*>& parts, const QList<int>& inputs) const
{
    if (parts.isEmpty())
        return Item();
    if (parts.size() == 1)
        return *parts.first();
    if (m_clash == Clash::Prefix)
        return combineByPrefix(parts, inputs);
    Item out = *parts.first(); // shares the first part's data until the first write
    Object& json = out.json();
    for (qsizetype p = 1; p < parts.size(); ++p) {
        const Item& part = *parts[p];
        for (const auto& [key, value] : part.json()) {
            if (m_clash == Clash::PreferLast ? !m_shared.contains(key) : !json.contains(key))
                json.insert(key, value);
        }
        for (auto it = part.binaries().cbegin(); it != part.binaries().cend(); ++it) {
            if (m_clash == Clash::PreferLast || !out.binaries().contains(it.key()))
                out.setBinary(it.key(), it.value());
        }
    }
    return out;
}

Item ItemCombiner::combineByPrefix(const QList<const Item*>& parts, const QList<int>& inputs) const
{
    QHash<QString, int> fieldCount;
    QHash<QString, int> binaryCount;
    for (const Item* part : parts) {
        for (const auto& [key, value] : part->json())
            ++fieldCount[key];
        for (auto it = part->binaries().cbegin(); it != part->binaries().cend(); ++it)
            ++binaryCount[it.key()];
    }
    auto rename = [&](const QString& key, int count, qsizetype p) {
        if (count < 2 || m_shared.contains(key))
            return key;
        return QStringLiteral("in%1_%2").arg(p < inputs.size() ? inputs[p] : int(p) + 1).arg(key);
    };
    Item out;
    Object json;
    for (qsizetype p = 0; p < parts.size(); ++p) {
        for (const auto& [key, value] : parts[p]->json()) {
            const QString name = rename(key, fieldCount.value(key), p);
            if (name != key || !json.contains(name)) // a shared key keeps the first part's value
                json.insert(name, value);
        }
        for (auto it = parts[p]->binaries().cbegin(); it != parts[p]->binaries().cend(); ++it) {
            const QString name = rename(it.key(), binaryCount.value(it.key()), p);
            if (name != it.key() || !out.binaries().contains(name))
                out.setBinary(name, it.value());
        }
    }
    out.setJson(std::move(json));
    return out;
}

} // namespace taskloom::nodes::core
