#include "ValueKey.hpp"

#include "engine/Json.hpp"

#include <algorithm>
#include <cmath>

namespace taskloom::nodes::core {

using engine::Value;

QString ValueKey::numberText(double d)
{
    // Integral values print without a fraction so 7 (integer) and 7.0 (double) share a key; beyond 2^53 a
    // double is integral anyway and the shortest round-trip form is exact.
    if (std::isfinite(d) && std::trunc(d) == d && std::fabs(d) < 9.0e15)
        return QString::number(qint64(d));
    return engine::Json::formatDouble(d);
}

QString ValueKey::of(const Value& v, Match match)
{
    QString out;
    append(out, v, match);
    return out;
}

void ValueKey::appendPart(QString& key, const Value& v, Match match)
{
    const QString part = of(v, match);
    key += QString::number(part.size());
    key += u':';
    key += part;
}

void ValueKey::append(QString& out, const Value& v, Match match)
{
    switch (v.type()) {
    case Value::Type::Null: out += u'z'; return;
    case Value::Type::Bool: out += v.toBool() ? QStringLiteral("b1") : QStringLiteral("b0"); return;
    case Value::Type::Int: out += u'n' + QString::number(v.toInt()); return;
    case Value::Type::Double: out += u'n' + numberText(v.toDouble()); return;
    case Value::Type::String: {
        const QString& s = v.stringRef();
        if (match == Match::Loose) {
            bool ok = false;
            const double d = s.toDouble(&ok);
            if (ok && std::isfinite(d) && numberText(d) == s) {
                out += u'n' + s;
                return;
            }
        }
        out += u's';
        out += s;
        return;
    }
    case Value::Type::Array: {
        out += u'[';
        for (const Value& e : v.arrayRef()) {
            QString part;
            append(part, e, match);
            out += QString::number(part.size()) + u':' + part;
        }
        out += u']';
        return;
    }
    case Value::Type::Object: {
        std::vector<const engine::Object::Entry*> entries;
        for (const auto& e : v.objectRef().entries())
            entries.push_back(&e);
        std::sort(entries.begin(), entries.end(), [](auto* a, auto* b) { return a->first < b->first; });
        out += u'{';
        for (const auto* e : entries) {
            QString part;
            append(part, e->second, match);
            out += QString::number(e->first.size()) + u':' + e->first + QString::number(part.size()) + u':' + part;
        }
        out += u'}';
        return;
    }
    }
}

} // namespace taskloom::nodes::core
