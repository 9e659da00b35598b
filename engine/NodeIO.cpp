#include "NodeIO.hpp"

namespace taskloom::engine {

namespace {
const ItemList& emptyList()
{
    static const ItemList empty;
    return empty;
}
} // namespace

const ItemList& Inputs::port(int index) const
{
    return index >= 0 && index < m_ports.size() ? m_ports[index] : emptyList();
}

ItemList Inputs::take(int index) const
{
    if (index < 0 || index >= m_ports.size())
        return {};
    if (!m_consumable)
        return m_ports[index];
    return std::exchange(m_ports[index], ItemList());
}

qsizetype Inputs::totalItems() const
{
    qsizetype n = 0;
    for (const auto& p : m_ports)
        n += p.size();
    return n;
}

void Outputs::push(int port, Item item)
{
    if (port >= 0 && port < m_ports.size())
        m_ports[port].append(std::move(item));
}

void Outputs::push(int port, const ItemList& items)
{
    if (port < 0 || port >= m_ports.size())
        return;
    if (m_ports[port].isEmpty())
        m_ports[port] = items;
    else
        m_ports[port].append(items);
}

const ItemList& Outputs::port(int index) const
{
    return index >= 0 && index < m_ports.size() ? m_ports[index] : emptyList();
}

qsizetype Outputs::totalItems() const
{
    qsizetype n = 0;
    for (const auto& p : m_ports)
        n += p.size();
    return n;
}

void Outputs::clear()
{
    for (auto& p : m_ports)
        p.clear();
}

} // namespace taskloom::engine
