#include "ExecutionContext.hpp"

#include "Json.hpp"

#include <cmath>

namespace taskloom::engine {

namespace {

QString shown(const Value& v)
{
    QString text = v.isString() ? QStringLiteral("\"%1\"").arg(v.stringRef()) : QString::fromUtf8(Json::serialize(v));
    if (text.size() > 80)
        text = text.left(77) + QStringLiteral("...");
    return text;
}

} // namespace

NodeError NodeError::param(const QString& name, const Value& value, const QString& problem, QString code)
{
    return NodeError(std::move(code), QStringLiteral("parameter \"%1\" = %2: %3").arg(name, shown(value), problem));
}

template <> QString convertParam<QString>(const QString& name, const Value& v)
{
    (void)name;
    return v.toText();
}

template <> double convertParam<double>(const QString& name, const Value& v)
{
    if (v.isNumber())
        return v.toDouble();
    if (v.isString()) {
        bool ok = false;
        const double d = v.stringRef().trimmed().toDouble(&ok);
        if (ok)
            return d;
    }
    throw NodeError::param(name, v, QStringLiteral("expected a number"));
}

template <> qint64 convertParam<qint64>(const QString& name, const Value& v)
{
    if (v.isInt())
        return v.toInt();
    if (v.isDouble() && std::floor(v.toDouble()) == v.toDouble() && std::abs(v.toDouble()) < 9e15)
        return qint64(v.toDouble());
    if (v.isString()) {
        bool ok = false;
        const qint64 i = v.stringRef().trimmed().toLongLong(&ok);
        if (ok)
            return i;
    }
    throw NodeError::param(name, v, QStringLiteral("expected a whole number"));
}

template <> bool convertParam<bool>(const QString& name, const Value& v)
{
    if (v.isBool())
        return v.toBool();
    if (v.isNull())
        return false;
    if (v.isNumber())
        return v.toDouble() != 0;
    if (v.isString()) {
        const QString s = v.stringRef().trimmed().toLower();
        if (s == u"true" || s == u"yes" || s == u"1")
            return true;
        if (s == u"false" || s == u"no" || s == u"0" || s.isEmpty())
            return false;
    }
    throw NodeError::param(name, v, QStringLiteral("expected true or false"));
}

template <> Value convertParam<Value>(const QString& name, const Value& v)
{
    (void)name;
    return v;
}

template <> Array convertParam<Array>(const QString& name, const Value& v)
{
    if (v.isArray())
        return v.toArray();
    if (v.isNull())
        return {};
    throw NodeError::param(name, v, QStringLiteral("expected a list"));
}

template <> Object convertParam<Object>(const QString& name, const Value& v)
{
    if (v.isObject())
        return v.toObject();
    if (v.isNull())
        return {};
    throw NodeError::param(name, v, QStringLiteral("expected an object"));
}

} // namespace taskloom::engine
