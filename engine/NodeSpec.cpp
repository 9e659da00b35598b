#include "NodeSpec.hpp"

namespace taskloom::engine {

namespace {

Array portsToArray(const QList<PortSpec>& ports)
{
    Array a;
    for (const PortSpec& p : ports) {
        Object o{{QStringLiteral("name"), p.name}, {QStringLiteral("title"), p.title}};
        if (!p.description.isEmpty())
            o.insert(QStringLiteral("description"), p.description);
        a.append(o);
    }
    return a;
}

Array stringsToArray(const QStringList& list)
{
    Array a;
    for (const QString& s : list)
        a.append(s);
    return a;
}

QString affinityName(Affinity a)
{
    switch (a) {
    case Affinity::Any: return QStringLiteral("any");
    case Affinity::Gui: return QStringLiteral("gui");
    case Affinity::Desktop: return QStringLiteral("desktop");
    }
    return {};
}

} // namespace

const ParamSpec* NodeSpec::param(QStringView name) const
{
    for (const ParamSpec& p : params) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

Value NodeSpec::toValue() const
{
    Object o{{QStringLiteral("type"), type},
             {QStringLiteral("version"), version},
             {QStringLiteral("title"), title},
             {QStringLiteral("category"), category},
             {QStringLiteral("description"), description}};
    if (!aliases.isEmpty())
        o.insert(QStringLiteral("aliases"), stringsToArray(aliases));
    if (!icon.isEmpty())
        o.insert(QStringLiteral("icon"), icon);
    o.insert(QStringLiteral("trigger"), trigger);
    o.insert(QStringLiteral("inputs"), portsToArray(inputs));
    o.insert(QStringLiteral("outputs"), portsToArray(outputs));
    o.insert(QStringLiteral("inputMode"), inputMode == InputMode::Stream ? QStringLiteral("stream") : QStringLiteral("collect"));
    Array ps;
    for (const ParamSpec& p : params)
        ps.append(p.toValue());
    o.insert(QStringLiteral("params"), ps);
    if (!credentialTypes.isEmpty())
        o.insert(QStringLiteral("credentials"), stringsToArray(credentialTypes));
    Array errs;
    for (const ErrorSpec& e : errors) {
        errs.append(Object{{QStringLiteral("code"), e.code},
                           {QStringLiteral("description"), e.description},
                           {QStringLiteral("retryable"), e.retryable}});
    }
    o.insert(QStringLiteral("errors"), errs);
    o.insert(QStringLiteral("affinity"), affinityName(affinity));
    o.insert(QStringLiteral("requires"), stringsToArray(requirements));
    if (defaultRetry.maxRetries > 0) {
        o.insert(QStringLiteral("defaultRetry"),
                 Object{{QStringLiteral("count"), defaultRetry.maxRetries},
                        {QStringLiteral("backoffMs"), defaultRetry.backoffMs},
                        {QStringLiteral("factor"), defaultRetry.backoffFactor}});
    }
    return o;
}

} // namespace taskloom::engine
