#pragma once

// Value, Array and Object live in one header on purpose: they are one recursive type (an object holds values,
// a value holds objects), and splitting them would only scatter the inline definitions that make them cheap.

#include <QSharedData>
#include <QSharedDataPointer>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <utility>
#include <variant>
#include <vector>

namespace taskloom::engine {

class Value;
struct ArrayData;
struct ObjectData;

/// An implicitly shared list of values. Copying costs a reference count; the first write to a shared copy
/// detaches it.
class Array {
public:
    Array();
    Array(std::initializer_list<Value> values);
    Array(const Array&) = default;
    Array(Array&&) noexcept = default;
    Array& operator=(const Array&) = default;
    Array& operator=(Array&&) noexcept = default;
    ~Array() = default;

    qsizetype size() const;
    bool isEmpty() const { return size() == 0; }
    const Value& at(qsizetype i) const;
    Value& operator[](qsizetype i);
    void append(Value v);
    void reserve(qsizetype n);
    void removeAt(qsizetype i);
    void clear();

    const std::vector<Value>& values() const;
    std::vector<Value>::const_iterator begin() const;
    std::vector<Value>::const_iterator end() const;

    bool operator==(const Array& other) const;

private:
    QSharedDataPointer<ArrayData> d;
};

/// A JSON-like object that keeps its keys in insertion order (QJsonObject sorts them; users expect the
/// order they wrote). Implicitly shared: copying an item costs a reference count, never a deep copy.
/// Lookup is linear, which beats hashing for the few dozen fields a typical item has.
class Object {
public:
    using Entry = std::pair<QString, Value>;

    Object();
    Object(std::initializer_list<Entry> entries);
    Object(const Object&) = default;
    Object(Object&&) noexcept = default;
    Object& operator=(const Object&) = default;
    Object& operator=(Object&&) noexcept = default;
    ~Object() = default;

    qsizetype size() const;
    bool isEmpty() const { return size() == 0; }
    bool contains(QStringView key) const { return find(key) != nullptr; }
    /// The value at key, or a null value when absent.
    const Value& value(QStringView key) const;
    const Value* find(QStringView key) const;
    /// Replaces the value in place when the key exists (keeping its position), appends it otherwise.
    void insert(const QString& key, Value v);
    /// Mutable access; inserts a null value at the end when the key is absent.
    Value& operator[](const QString& key);
    bool remove(QStringView key);
    /// Renames a key in place; returns false when `from` is absent. An existing `to` is replaced.
    bool rename(QStringView from, const QString& to);
    void reserve(qsizetype n);
    QStringList keys() const;

    const std::vector<Entry>& entries() const;
    std::vector<Entry>::const_iterator begin() const;
    std::vector<Entry>::const_iterator end() const;

    /// Same keys with equal values, in any order.
    bool operator==(const Object& other) const;

private:
    qsizetype indexOf(QStringView key) const;
    QSharedDataPointer<ObjectData> d;
};

/// A JSON value: null, bool, integer, double, string, array or object. Integers stay integers (JSON
/// numbers without fraction or exponent), so ids and counts round-trip exactly.
class Value {
public:
    enum class Type { Null, Bool, Int, Double, String, Array, Object };

    Value() = default;
    Value(std::nullptr_t) {}
    Value(bool b) : m_v(b) {}
    Value(int i) : m_v(qint64(i)) {}
    Value(qint64 i) : m_v(i) {}
    Value(double d) : m_v(d) {}
    Value(const QString& s) : m_v(s) {}
    Value(QString&& s) : m_v(std::move(s)) {}
    Value(const char* utf8) : m_v(QString::fromUtf8(utf8)) {}
    Value(QLatin1StringView s) : m_v(QString(s)) {}
    Value(const Array& a) : m_v(a) {}
    Value(Array&& a) : m_v(std::move(a)) {}
    Value(const Object& o) : m_v(o) {}
    Value(Object&& o) : m_v(std::move(o)) {}

    Type type() const { return static_cast<Type>(m_v.index()); }
    bool isNull() const { return type() == Type::Null; }
    bool isBool() const { return type() == Type::Bool; }
    bool isInt() const { return type() == Type::Int; }
    bool isDouble() const { return type() == Type::Double; }
    bool isNumber() const { return isInt() || isDouble(); }
    bool isString() const { return type() == Type::String; }
    bool isArray() const { return type() == Type::Array; }
    bool isObject() const { return type() == Type::Object; }

    bool toBool(bool fallback = false) const;
    qint64 toInt(qint64 fallback = 0) const;
    double toDouble(double fallback = 0) const;
    /// The string content; empty for non-strings (see toText for a display form of any value).
    QString toString() const;
    const QString& stringRef() const;
    Array toArray() const;
    Object toObject() const;
    const Array& arrayRef() const;
    const Object& objectRef() const;

    /// A human form: strings as they are, numbers shortest round-trip, null empty, arrays and objects as
    /// compact JSON. Used when a value lands in text (CSV cells, string parameters).
    QString toText() const;
    /// Truthiness as users of expression languages expect: null, false, 0, "" and empty containers are false.
    bool isTruthy() const;

    static QString typeName(Type t);
    QString typeName() const { return typeName(type()); }

    /// Deep equality; an integer equals a double of the same numeric value.
    bool operator==(const Value& other) const;

private:
    std::variant<std::monostate, bool, qint64, double, QString, engine::Array, engine::Object> m_v;
};

struct ArrayData : QSharedData {
    std::vector<Value> values;
};

struct ObjectData : QSharedData {
    ObjectData() = default;
    // Detaching is nearly always followed by an insert: leave room so that insert does not reallocate.
    ObjectData(const ObjectData& other) : QSharedData(other)
    {
        entries.reserve(other.entries.size() + 4);
        entries.insert(entries.end(), other.entries.begin(), other.entries.end());
    }
    std::vector<Object::Entry> entries;
};

const Value& nullValue();

// ---- Array ----
inline Array::Array() : d(nullptr) {}
inline qsizetype Array::size() const { return d ? qsizetype(d->values.size()) : 0; }
inline const Value& Array::at(qsizetype i) const { return d->values[size_t(i)]; }
inline Value& Array::operator[](qsizetype i) { return d->values[size_t(i)]; }
inline void Array::append(Value v)
{
    if (!d)
        d = new ArrayData;
    d->values.push_back(std::move(v));
}
inline void Array::reserve(qsizetype n)
{
    if (!d)
        d = new ArrayData;
    d->values.reserve(size_t(n));
}

// ---- Object ----
inline Object::Object() : d(nullptr) {}
inline qsizetype Object::size() const { return d ? qsizetype(d->entries.size()) : 0; }
inline qsizetype Object::indexOf(QStringView key) const
{
    if (!d)
        return -1;
    const auto& e = d->entries;
    for (size_t i = 0; i < e.size(); ++i) {
        // Comparing lengths inline first skips most out-of-line string comparisons.
        if (e[i].first.size() == key.size() && e[i].first == key)
            return qsizetype(i);
    }
    return -1;
}
inline const Value* Object::find(QStringView key) const
{
    const qsizetype i = indexOf(key);
    return i < 0 ? nullptr : &d->entries[size_t(i)].second;
}
inline const Value& Object::value(QStringView key) const
{
    const Value* v = find(key);
    return v ? *v : nullValue();
}
inline void Object::insert(const QString& key, Value v)
{
    const qsizetype i = indexOf(key);
    if (!d)
        d = new ObjectData;
    if (i >= 0)
        d->entries[size_t(i)].second = std::move(v);
    else
        d->entries.emplace_back(key, std::move(v));
}

} // namespace taskloom::engine
