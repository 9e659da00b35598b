#include "Redactor.hpp"

#include <algorithm>

namespace taskloom::engine {

void Redactor::addSecret(const QString& secret)
{
    if (secret.size() < minimumLength)
        return;
    QWriteLocker lock(&m_lock);
    if (m_secrets.contains(secret))
        return;
    m_secrets.append(secret);
    std::sort(m_secrets.begin(), m_secrets.end(), [](const QString& a, const QString& b) { return a.size() > b.size(); });
}

bool Redactor::isEmpty() const
{
    QReadLocker lock(&m_lock);
    return m_secrets.isEmpty();
}

QString Redactor::redact(const QString& text) const
{
    QReadLocker lock(&m_lock);
    if (m_secrets.isEmpty())
        return text;
    QString out = text;
    for (const QString& s : m_secrets)
        out.replace(s, mask.toString());
    return out;
}

Value Redactor::redact(const Value& value) const
{
    switch (value.type()) {
    case Value::Type::String: {
        const QString r = redact(value.stringRef());
        return r == value.stringRef() ? value : Value(r);
    }
    case Value::Type::Array: {
        Array out;
        out.reserve(value.arrayRef().size());
        for (const Value& v : value.arrayRef())
            out.append(redact(v));
        return out;
    }
    case Value::Type::Object: {
        Object out;
        out.reserve(value.objectRef().size());
        for (const auto& [k, v] : value.objectRef())
            out.insert(redact(k), redact(v));
        return out;
    }
    default: return value;
    }
}

Item Redactor::redact(const Item& item) const
{
    if (isEmpty())
        return item;
    Item out = item;
    out.setJson(redact(Value(item.json())).toObject());
    return out;
}

ItemList Redactor::redact(const ItemList& items) const
{
    if (isEmpty())
        return items;
    ItemList out;
    out.reserve(items.size());
    for (const Item& i : items)
        out.append(redact(i));
    return out;
}

} // namespace taskloom::engine
