#include "Value.hpp"

#include "Json.hpp"

#include <charconv>
#include <cmath>

namespace taskloom::engine {

const Value& nullValue()
{
    static const Value v;
    return v;
}

// ---- Array ----

Array::Array(std::initializer_list<Value> values) : d(new ArrayData)
{
    d->values.assign(values.begin(), values.end());
}

void Array::removeAt(qsizetype i)
{
    if (i < 0 || i >= size())
        return;
    d->values.erase(d->values.begin() + i);
}

void Array::clear() { d.reset(); }

const std::vector<Value>& Array::values() const
{
    static const std::vector<Value> empty;
    return d ? d->values : empty;
}

std::vector<Value>::const_iterator Array::begin() const { return values().begin(); }
std::vector<Value>::const_iterator Array::end() const { return values().end(); }

bool Array::operator==(const Array& other) const
{
    if (d == other.d)
        return true;
    return values() == other.values();
}

// ---- Object ----

Object::Object(std::initializer_list<Entry> entries) : d(nullptr)
{
    reserve(qsizetype(entries.size()));
    for (const auto& [k, v] : entries)
        insert(k, v);
}

Value& Object::operator[](const QString& key)
{
    const qsizetype i = indexOf(key);
    if (!d)
        d = new ObjectData;
    if (i >= 0)
        return d->entries[size_t(i)].second;
    d->entries.emplace_back(key, Value());
    return d->entries.back().second;
}

bool Object::remove(QStringView key)
{
    const qsizetype i = indexOf(key);
    if (i < 0)
        return false;
    d->entries.erase(d->entries.begin() + i);
    return true;
}

bool Object::rename(QStringView from, const QString& to)
{
    qsizetype i = indexOf(from);
    if (i < 0)
        return false;
    if (from == to)
        return true;
    const qsizetype existing = indexOf(to);
    if (existing >= 0) {
        d->entries.erase(d->entries.begin() + existing);
        if (existing < i)
            --i;
    }
    d->entries[size_t(i)].first = to;
    return true;
}

void Object::reserve(qsizetype n)
{
    if (!d)
        d = new ObjectData;
    d->entries.reserve(size_t(n));
}

QStringList Object::keys() const
{
    QStringList out;
    out.reserve(size());
    for (const auto& e : entries())
        out.append(e.first);
    return out;
}

const std::vector<Object::Entry>& Object::entries() const
{
    static const std::vector<Entry> empty;
    return d ? d->entries : empty;
}

std::vector<Object::Entry>::const_iterator Object::begin() const { return entries().begin(); }
std::vector<Object::Entry>::const_iterator Object::end() const { return entries().end(); }

bool Object::operator==(const Object& other) const
{
    if (d == other.d)
        return true;
    if (size() != other.size())
        return false;
    for (const auto& [k, v] : entries()) {
        const Value* o = other.find(k);
        if (!o || !(*o == v))
            return false;
    }
    return true;
}

// ---- Value ----

bool Value::toBool(bool fallback) const
{
    switch (type()) {
    case Type::Bool: return std::get<bool>(m_v);
    case Type::Int: return std::get<qint64>(m_v) != 0;
    case Type::Double: return std::get<double>(m_v) != 0;
    case Type::String: {
        const QString& s = std::get<QString>(m_v);
        if (s.compare(u"true", Qt::CaseInsensitive) == 0 || s == u"1" || s.compare(u"yes", Qt::CaseInsensitive) == 0)
            return true;
        if (s.compare(u"false", Qt::CaseInsensitive) == 0 || s == u"0" || s.compare(u"no", Qt::CaseInsensitive) == 0
            || s.isEmpty())
            return false;
        return fallback;
    }
    default: return fallback;
    }
}

qint64 Value::toInt(qint64 fallback) const
{
    switch (type()) {
    case Type::Int: return std::get<qint64>(m_v);
    case Type::Double: {
        const double d = std::get<double>(m_v);
        if (!std::isfinite(d) || d > 9.2e18 || d < -9.2e18)
            return fallback;
        return qint64(std::llround(d));
    }
    case Type::Bool: return std::get<bool>(m_v) ? 1 : 0;
    case Type::String: {
        bool ok = false;
        const qint64 v = std::get<QString>(m_v).trimmed().toLongLong(&ok);
        return ok ? v : fallback;
    }
    default: return fallback;
    }
}

double Value::toDouble(double fallback) const
{
    switch (type()) {
    case Type::Int: return double(std::get<qint64>(m_v));
    case Type::Double: return std::get<double>(m_v);
    case Type::Bool: return std::get<bool>(m_v) ? 1 : 0;
    case Type::String: {
        bool ok = false;
        const double v = std::get<QString>(m_v).trimmed().toDouble(&ok);
        return ok ? v : fallback;
    }
    default: return fallback;
    }
}

QString Value::toString() const { return isString() ? std::get<QString>(m_v) : QString(); }

const QString& Value::stringRef() const
{
    static const QString empty;
    return isString() ? std::get<QString>(m_v) : empty;
}

Array Value::toArray() const { return isArray() ? std::get<Array>(m_v) : Array(); }
Object Value::toObject() const { return isObject() ? std::get<Object>(m_v) : Object(); }

const Array& Value::arrayRef() const
{
    static const Array empty;
    return isArray() ? std::get<Array>(m_v) : empty;
}

const Object& Value::objectRef() const
{
    static const Object empty;
    return isObject() ? std::get<Object>(m_v) : empty;
}

QString Value::toText() const
{
    switch (type()) {
    case Type::Null: return {};
    case Type::Bool: return std::get<bool>(m_v) ? QStringLiteral("true") : QStringLiteral("false");
    case Type::Int: return QString::number(std::get<qint64>(m_v));
    case Type::Double: return Json::formatDouble(std::get<double>(m_v));
    case Type::String: return std::get<QString>(m_v);
    case Type::Array:
    case Type::Object: return QString::fromUtf8(Json::serialize(*this));
    }
    return {};
}

bool Value::isTruthy() const
{
    switch (type()) {
    case Type::Null: return false;
    case Type::Bool: return std::get<bool>(m_v);
    case Type::Int: return std::get<qint64>(m_v) != 0;
    case Type::Double: return std::get<double>(m_v) != 0 && !std::isnan(std::get<double>(m_v));
    case Type::String: return !std::get<QString>(m_v).isEmpty();
    case Type::Array: return !std::get<Array>(m_v).isEmpty();
    case Type::Object: return !std::get<Object>(m_v).isEmpty();
    }
    return false;
}

QString Value::typeName(Type t)
{
    switch (t) {
    case Type::Null: return QStringLiteral("null");
    case Type::Bool: return QStringLiteral("boolean");
    case Type::Int: return QStringLiteral("integer");
    case Type::Double: return QStringLiteral("number");
    case Type::String: return QStringLiteral("string");
    case Type::Array: return QStringLiteral("array");
    case Type::Object: return QStringLiteral("object");
    }
    return {};
}

bool Value::operator==(const Value& other) const
{
    if (isNumber() && other.isNumber()) {
        if (isInt() && other.isInt())
            return std::get<qint64>(m_v) == std::get<qint64>(other.m_v);
        return toDouble() == other.toDouble();
    }
    return m_v == other.m_v;
}

} // namespace taskloom::engine
