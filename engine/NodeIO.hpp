#pragma once

// Inputs and Outputs share a header: they are the two halves of one call's signature and always used together.

#include "Item.hpp"

#include <QList>

namespace taskloom::engine {

/// The items a node call receives, one list per input port (in Ports order).
class Inputs {
public:
    Inputs() = default;
    explicit Inputs(QList<ItemList> ports) : m_ports(std::move(ports)) {}

    int portCount() const { return int(m_ports.size()); }
    const ItemList& port(int index) const;
    /// The first input port's items: what most nodes work on.
    const ItemList& main() const { return port(0); }
    qsizetype totalItems() const;

    /// The items of a port for the node to change in place. When the executor will not need them again (no
    /// retry, no error routing) they are handed over, so writing to an item does not copy it; otherwise this
    /// is a cheap shared copy and writes detach as usual. Either way the result is the node's to modify.
    ItemList take(int index) const;
    /// Set by the executor: the node may take the inputs (see take).
    void setConsumable(bool consumable) { m_consumable = consumable; }

private:
    mutable QList<ItemList> m_ports;
    bool m_consumable = false;
};

/// Where a node call puts its results, one list per output port. Nothing reaches the next node until the call
/// returns successfully, so a retried call never emits twice.
class Outputs {
public:
    explicit Outputs(int portCount = 1) : m_ports(portCount) {}

    int portCount() const { return int(m_ports.size()); }
    void push(int port, Item item);
    void push(int port, const ItemList& items);
    const ItemList& port(int index) const;
    ItemList& portRef(int index) { return m_ports[index]; }
    qsizetype totalItems() const;
    void clear();

private:
    QList<ItemList> m_ports;
};

} // namespace taskloom::engine
