#include "FlowPolicy.hpp"

#include "engine/Json.hpp"

namespace taskloom::daemon {

using engine::Value;

QString FlowPolicy::overlapName(Overlap o)
{
    switch (o) {
    case Overlap::Skip: return QStringLiteral("skip");
    case Overlap::Queue: return QStringLiteral("queue");
    case Overlap::Allow: return QStringLiteral("allow");
    }
    return {};
}

QString FlowPolicy::catchUpName(CatchUp c)
{
    switch (c) {
    case CatchUp::Skip: return QStringLiteral("skip");
    case CatchUp::Once: return QStringLiteral("once");
    case CatchUp::All: return QStringLiteral("all");
    }
    return {};
}

std::expected<FlowPolicy, QString> FlowPolicy::parse(const Value& settings)
{
    FlowPolicy p;
    if (settings.isNull())
        return p;
    if (!settings.isObject())
        return std::unexpected(QStringLiteral("settings.daemon: expected an object"));
    const engine::Object& o = settings.objectRef();
    const auto bad = [](const QString& key, const Value& v, const QString& want) {
        return std::unexpected(QStringLiteral("settings.daemon.%1 = %2: %3")
                                   .arg(key, QString::fromUtf8(engine::Json::serialize(v)), want));
    };
    for (const auto& [key, v] : o) {
        if (key == u"enabled") {
            if (!v.isBool())
                return bad(key, v, QStringLiteral("expected true or false"));
            p.enabled = v.toBool();
        } else if (key == u"overlap") {
            const QString s = v.toText();
            if (s == u"skip") p.overlap = Overlap::Skip;
            else if (s == u"queue") p.overlap = Overlap::Queue;
            else if (s == u"allow") p.overlap = Overlap::Allow;
            else return bad(key, v, QStringLiteral("use skip, queue or allow"));
        } else if (key == u"catchUp") {
            const QString s = v.toText();
            if (s == u"skip") p.catchUp = CatchUp::Skip;
            else if (s == u"once") p.catchUp = CatchUp::Once;
            else if (s == u"all") p.catchUp = CatchUp::All;
            else return bad(key, v, QStringLiteral("use skip, once or all"));
        } else if (key == u"concurrency" || key == u"catchUpLimit" || key == u"retries" || key == u"retryDelaySeconds"
                   || key == u"timeoutSeconds") {
            const int lo = key == u"concurrency" || key == u"catchUpLimit" ? 1 : 0;
            const int hi = key == u"timeoutSeconds" || key == u"retryDelaySeconds" ? 7 * 86400 : 1000;
            if (!v.isInt() || v.toInt() < lo || v.toInt() > hi)
                return bad(key, v, QStringLiteral("expected a whole number from %1 to %2").arg(lo).arg(hi));
            const int n = int(v.toInt());
            if (key == u"concurrency") p.concurrency = n;
            else if (key == u"catchUpLimit") p.catchUpLimit = n;
            else if (key == u"retries") p.retries = n;
            else if (key == u"retryDelaySeconds") p.retryDelaySeconds = n;
            else p.timeoutSeconds = n;
        } else if (key == u"notifyWebhook") {
            const QString url = v.toText();
            if (!v.isString() || !(url.startsWith(u"http://") || url.startsWith(u"https://")))
                return bad(key, v, QStringLiteral("expected an http:// or https:// URL"));
            p.notifyWebhook = url;
        } else {
            return bad(key, v, QStringLiteral("unknown setting (known: enabled, overlap, concurrency, catchUp, "
                                              "catchUpLimit, retries, retryDelaySeconds, timeoutSeconds, notifyWebhook)"));
        }
    }
    return p;
}

} // namespace taskloom::daemon
