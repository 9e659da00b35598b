#include "FieldPath.hpp"

namespace taskloom::nodes::core {

using engine::Array;
using engine::Object;
using engine::Value;

FieldPath FieldPath::parse(const QString& text)
{
    FieldPath p;
    p.m_text = text.trimmed();
    const QString& s = p.m_text;
    QString current;
    qsizetype i = 0;
    auto flush = [&] {
        if (!current.isEmpty())
            p.m_steps.append(current);
        current.clear();
    };
    while (i < s.size()) {
        const QChar c = s[i];
        if (c == u'.') {
            flush();
            ++i;
        } else if (c == u'[') {
            flush();
            const qsizetype close = s.indexOf(u']', i);
            if (close < 0) { // not a subscript after all: keep the rest literally
                current = s.mid(i);
                i = s.size();
                continue;
            }
            QString inner = s.mid(i + 1, close - i - 1).trimmed();
            bool isIndex = false;
            const qsizetype index = inner.toLongLong(&isIndex);
            if (isIndex && index >= 0) {
                p.m_steps.append(index);
            } else {
                if (inner.size() >= 2 && (inner.startsWith(u'"') || inner.startsWith(u'\'')) && inner.back() == inner.front())
                    inner = inner.mid(1, inner.size() - 2);
                p.m_steps.append(inner);
            }
            i = close + 1;
        } else {
            current += c;
            ++i;
        }
    }
    flush();
    return p;
}

Value FieldPath::get(const Object& root) const
{
    if (m_steps.isEmpty())
        return Value();
    // The first step reads the root object directly: no Value wrapper (and no reference count) per call.
    const QString* first = std::get_if<QString>(&m_steps.first());
    if (!first)
        return Value();
    const Value* cur = root.find(*first);
    for (qsizetype i = 1; cur && i < m_steps.size(); ++i) {
        const Step& step = m_steps[i];
        if (const QString* key = std::get_if<QString>(&step)) {
            cur = cur->isObject() ? cur->objectRef().find(*key) : nullptr;
        } else {
            const qsizetype idx = std::get<qsizetype>(step);
            cur = cur->isArray() && idx < cur->arrayRef().size() ? &cur->arrayRef().at(idx) : nullptr;
        }
    }
    return cur ? *cur : Value();
}

bool FieldPath::exists(const Object& root) const
{
    if (m_steps.size() == 1 && std::holds_alternative<QString>(m_steps.first()))
        return root.contains(std::get<QString>(m_steps.first()));
    if (m_steps.isEmpty())
        return false;
    // A present null counts as existing: check the parent holds the last step.
    FieldPath parent;
    parent.m_steps = m_steps.mid(0, m_steps.size() - 1);
    const Value container = parent.m_steps.isEmpty() ? Value(root) : parent.get(root);
    const Step& last = m_steps.last();
    if (const QString* key = std::get_if<QString>(&last))
        return container.isObject() && container.objectRef().contains(*key);
    return container.isArray() && std::get<qsizetype>(last) < container.arrayRef().size();
}

namespace {

void setIn(Value& target, const QList<FieldPath::Step>& steps, qsizetype at, Value value)
{
    const FieldPath::Step& step = steps[at];
    const bool last = at == steps.size() - 1;
    if (const QString* key = std::get_if<QString>(&step)) {
        Object obj = target.isObject() ? target.toObject() : Object();
        target = Value(); // drop our reference so `obj` is the only owner and detaches cheaply
        if (last) {
            obj.insert(*key, std::move(value));
        } else {
            Value child = obj.value(*key);
            obj.insert(*key, Value());
            setIn(child, steps, at + 1, std::move(value));
            obj.insert(*key, std::move(child));
        }
        target = std::move(obj);
        return;
    }
    const qsizetype idx = std::get<qsizetype>(step);
    Array arr = target.isArray() ? target.toArray() : Array();
    target = Value();
    while (arr.size() <= idx)
        arr.append(Value());
    if (last) {
        arr[idx] = std::move(value);
    } else {
        Value child = arr.at(idx);
        arr[idx] = Value();
        setIn(child, steps, at + 1, std::move(value));
        arr[idx] = std::move(child);
    }
    target = std::move(arr);
}

} // namespace

void FieldPath::set(Object& root, Value value) const
{
    if (m_steps.isEmpty())
        return;
    if (m_steps.size() == 1 && std::holds_alternative<QString>(m_steps.first())) {
        root.insert(std::get<QString>(m_steps.first()), std::move(value));
        return;
    }
    Value holder = std::move(root);
    root = Object();
    setIn(holder, m_steps, 0, std::move(value));
    root = holder.toObject();
}

bool FieldPath::remove(Object& root) const
{
    if (m_steps.isEmpty())
        return false;
    if (m_steps.size() == 1) {
        if (const QString* key = std::get_if<QString>(&m_steps.first()))
            return root.remove(*key);
        return false;
    }
    if (!exists(root))
        return false;
    FieldPath parent;
    parent.m_steps = m_steps.mid(0, m_steps.size() - 1);
    Value container = parent.get(root);
    const Step& last = m_steps.last();
    if (const QString* key = std::get_if<QString>(&last)) {
        Object o = container.toObject();
        o.remove(*key);
        parent.set(root, o);
    } else {
        Array a = container.toArray();
        a.removeAt(std::get<qsizetype>(last));
        parent.set(root, a);
    }
    return true;
}

} // namespace taskloom::nodes::core
