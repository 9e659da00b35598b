#include "FlowPolicy.hpp"

#include "engine/Json.hpp"
#include "nodes/net/MailClient.hpp"

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

namespace {

std::expected<FlowPolicy::EmailNotice, QString> parseEmailNotice(const Value& v)
{
    const auto bad = [](const QString& key, const Value& value, const QString& want) {
        return std::unexpected(QStringLiteral("settings.daemon.notifyEmail%1 = %2: %3")
                                   .arg(key.isEmpty() ? QString() : QLatin1Char('.') + key,
                                        QString::fromUtf8(engine::Json::serialize(value)), want));
    };
    if (!v.isObject())
        return bad({}, v, QStringLiteral("expected an object with to, smtpHost and optionally smtpPort, security, from, credential"));
    FlowPolicy::EmailNotice e;
    for (const auto& [key, value] : v.objectRef()) {
        if (key == u"to") {
            QStringList to;
            if (value.isArray()) {
                for (const Value& a : value.arrayRef())
                    to.append(a.toText().trimmed());
            } else if (value.isString()) {
                for (const QString& a : value.toText().split(QLatin1Char(','), Qt::SkipEmptyParts))
                    to.append(a.trimmed());
            }
            to.removeAll(QString());
            for (const QString& a : to)
                if (net::mailAddress(a).isEmpty())
                    return bad(key, value, QStringLiteral("\"%1\" is not an e-mail address").arg(a));
            if (to.isEmpty())
                return bad(key, value, QStringLiteral("expected one or more e-mail addresses"));
            e.to = to;
        } else if (key == u"from") {
            if (!value.isString() || net::mailAddress(value.toText()).isEmpty())
                return bad(key, value, QStringLiteral("expected an e-mail address"));
            e.from = value.toText();
        } else if (key == u"smtpHost") {
            if (!value.isString() || value.toText().trimmed().isEmpty())
                return bad(key, value, QStringLiteral("expected a host name"));
            e.smtpHost = value.toText().trimmed();
        } else if (key == u"smtpPort") {
            if (!value.isInt() || value.toInt() < 1 || value.toInt() > 65535)
                return bad(key, value, QStringLiteral("expected a port from 1 to 65535"));
            e.smtpPort = int(value.toInt());
        } else if (key == u"security") {
            const QString s = value.toText();
            if (s != u"starttls" && s != u"tls" && s != u"none")
                return bad(key, value, QStringLiteral("use starttls, tls or none"));
            e.security = s;
        } else if (key == u"credential") {
            if (!value.isString())
                return bad(key, value, QStringLiteral("expected a credential name"));
            e.credential = value.toText().trimmed();
        } else {
            return bad(key, value, QStringLiteral("unknown setting (known: to, from, smtpHost, smtpPort, security, credential)"));
        }
    }
    if (e.to.isEmpty())
        return bad(QStringLiteral("to"), Value(), QStringLiteral("required"));
    if (e.smtpHost.isEmpty())
        return bad(QStringLiteral("smtpHost"), Value(), QStringLiteral("required"));
    return e;
}

} // namespace

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
        } else if (key == u"notifyEmail") {
            auto e = parseEmailNotice(v);
            if (!e)
                return std::unexpected(e.error());
            p.notifyEmail = *e;
        } else {
            return bad(key, v, QStringLiteral("unknown setting (known: enabled, overlap, concurrency, catchUp, "
                                              "catchUpLimit, retries, retryDelaySeconds, timeoutSeconds, notifyWebhook, "
                                              "notifyEmail)"));
        }
    }
    return p;
}

} // namespace taskloom::daemon
