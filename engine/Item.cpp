#include "Item.hpp"

namespace taskloom::engine {

Object Item::toExternalJson() const
{
    if (m_binaries.isEmpty())
        return m_json;
    Object out = m_json;
    Object bins;
    for (auto it = m_binaries.cbegin(); it != m_binaries.cend(); ++it)
        bins.insert(it.key(), it.value() ? Value(it.value()->metadata()) : Value());
    out.insert(QStringLiteral("$binary"), std::move(bins));
    return out;
}

bool Item::operator==(const Item& other) const
{
    if (!(m_json == other.m_json) || m_binaries.size() != other.m_binaries.size())
        return false;
    for (auto it = m_binaries.cbegin(); it != m_binaries.cend(); ++it) {
        const BinaryRef o = other.m_binaries.value(it.key());
        if (!o || !it.value())
            return o == it.value();
        if (o != it.value()) {
            if (o->size() != it.value()->size())
                return false;
            if (o->bytes().value_or(QByteArray()) != it.value()->bytes().value_or(QByteArray()))
                return false;
        }
    }
    return true;
}

} // namespace taskloom::engine
