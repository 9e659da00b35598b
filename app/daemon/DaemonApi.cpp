// The daemon's HTTP side on its loopback listener: webhooks under /webhook/<path> and the status API under
// /api/ (list flows and their next runs, recent runs, the queue, trigger a run, reload). Both need a token.

#include "Daemon.hpp"

#include "app/runtime/Runtime.hpp"
#include "engine/AtomicFile.hpp"
#include "engine/CredentialStore.hpp"
#include "engine/Json.hpp"
#include "engine/RunStore.hpp"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QUrlQuery>

namespace taskloom::daemon {

using namespace engine;

namespace {

QByteArray toJson(const Value& v)
{
    return Json::serialize(v) + '\n';
}

bool constantTimeEquals(const QByteArray& a, const QByteArray& b)
{
    if (a.size() != b.size() || a.isEmpty())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

} // namespace

std::expected<void, QString> Daemon::prepareToken()
{
    const QString path = QDir(daemonDir(m_runtime.dataDir())).filePath(QStringLiteral("token"));
    QFile f(path);
    if (f.exists()) {
        if (!f.open(QIODevice::ReadOnly))
            return std::unexpected(QStringLiteral("%1: %2").arg(path, f.errorString()));
        m_token = QString::fromUtf8(f.readAll()).trimmed();
        if (m_token.size() >= 16)
            return {};
    }
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    m_token = QString::fromLatin1(bytes.toHex());
    return AtomicFile::write(path, m_token.toUtf8() + '\n', QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

std::expected<void, QString> Daemon::writeEndpoint()
{
    const Object o{{QStringLiteral("address"), m_http->address().toString()},
                   {QStringLiteral("port"), qint64(m_http->port())},
                   {QStringLiteral("pid"), qint64(QCoreApplication::applicationPid())}};
    return AtomicFile::write(QDir(daemonDir(m_runtime.dataDir())).filePath(QStringLiteral("endpoint.json")), toJson(Value(o)),
                             QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

bool Daemon::tokenMatches(const HttpRequest& request, const QString& expected) const
{
    QByteArray given = request.headers.value("x-taskloom-token");
    const QByteArray auth = request.headers.value("authorization");
    if (given.isEmpty() && auth.startsWith("Bearer "))
        given = auth.mid(7).trimmed();
    return constantTimeEquals(given, expected.toUtf8());
}

HttpResponse Daemon::handle(const HttpRequest& request)
{
    if (request.path.startsWith(u"/webhook/"))
        return handleWebhook(request, request.path.mid(9));
    if (request.path.startsWith(u"/api/")) {
        if (!tokenMatches(request, m_token))
            return HttpResponse::error(401, QStringLiteral("missing or wrong token"));
        return handleApi(request, request.path.mid(5));
    }
    return HttpResponse::error(404, QStringLiteral("no such endpoint (webhooks are under /webhook/, the API under /api/)"));
}

HttpResponse Daemon::handleWebhook(const HttpRequest& request, const QString& rawPath)
{
    QString path = rawPath;
    while (path.endsWith(u'/'))
        path.chop(1);
    const auto target = m_webhooks.constFind(path);
    if (target == m_webhooks.constEnd())
        return HttpResponse::error(404, QStringLiteral("no enabled flow has the webhook path \"%1\"").arg(path));
    const DaemonFlow* f = flow(target->first);
    if (!f)
        return HttpResponse::error(404, QStringLiteral("no enabled flow has the webhook path \"%1\"").arg(path));
    const DaemonTrigger* trigger = nullptr;
    for (const DaemonTrigger& t : f->triggers)
        trigger = t.nodeId == target->second ? &t : trigger;
    if (!trigger || !trigger->webhook)
        return HttpResponse::error(404, QStringLiteral("no such webhook"));
    const auto& settings = *trigger->webhook;
    QString expected = m_token;
    if (!settings.credential.isEmpty()) {
        auto store = m_runtime.credentials();
        auto c = store ? (*store)->get(settings.credential) : std::unexpected(store.error());
        if (!c) {
            logLine(QStringLiteral("error: %1: webhook token credential \"%2\": %3").arg(f->name, settings.credential, c.error()));
            return HttpResponse::error(500, QStringLiteral("the webhook's token credential cannot be read; see the daemon log"));
        }
        expected = c->field(u"token");
    }
    if (!tokenMatches(request, expected))
        return HttpResponse::error(401, QStringLiteral("missing or wrong token"));
    if (settings.method != u"ANY" && request.method != settings.method.toLatin1())
        return HttpResponse::error(405, QStringLiteral("this webhook takes %1").arg(settings.method));
    Object headers;
    for (auto it = request.headers.begin(); it != request.headers.end(); ++it) {
        if (it.key() == "authorization" || it.key() == "x-taskloom-token")
            continue; // the secret never reaches the run
        headers.insert(QString::fromLatin1(it.key()), QString::fromUtf8(it.value()));
    }
    Object query;
    for (const auto& [k, v] : QUrlQuery(request.query).queryItems(QUrl::FullyDecoded))
        query.insert(k, v);
    Object data{{QStringLiteral("method"), QString::fromLatin1(request.method)},
                {QStringLiteral("path"), path},
                {QStringLiteral("query"), query},
                {QStringLiteral("headers"), headers},
                {QStringLiteral("bodyText"), QString::fromUtf8(request.body)}};
    auto parsed = Json::parse(request.body);
    data.insert(QStringLiteral("body"), parsed ? *parsed : Value(QString::fromUtf8(request.body)));
    auto run = runNow(f->id, QStringLiteral("webhook"), data, trigger->nodeId);
    if (!run)
        return HttpResponse::error(409, run.error());
    if (settings.responseBody.isEmpty())
        return HttpResponse::json(settings.responseStatus, toJson(Value(Object{{QStringLiteral("runId"), *run}})));
    return HttpResponse{settings.responseStatus, settings.responseContentType.toUtf8(), settings.responseBody.toUtf8()};
}

HttpResponse Daemon::handleApi(const HttpRequest& request, const QString& path)
{
    const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    const bool get = request.method == "GET";
    const bool post = request.method == "POST";
    const QUrlQuery query(request.query);
    if (parts == QStringList{QStringLiteral("flows")} && get) {
        Array out;
        const qint64 now = m_clock.nowMs();
        for (const DaemonFlow& f : std::as_const(m_flows)) {
            Array triggers;
            for (const DaemonTrigger& t : f.triggers) {
                Object o{{QStringLiteral("node"), t.nodeName}, {QStringLiteral("type"), t.type}};
                if (t.schedule) {
                    o.insert(QStringLiteral("schedule"), t.schedule->describe());
                    Array next;
                    for (qint64 n : t.schedule->nextTimes(now / 1000, std::clamp(int(query.queryItemValue(QStringLiteral("count")).toInt()), 1, 100)))
                        next.append(Schedule::isoInZone(n, t.schedule->zone()));
                    o.insert(QStringLiteral("next"), next);
                }
                if (!t.webhookPath.isEmpty())
                    o.insert(QStringLiteral("webhook"), QStringLiteral("/webhook/") + t.webhookPath);
                if (t.fileWatch)
                    o.insert(QStringLiteral("folder"), t.fileWatch->folder);
                triggers.append(o);
            }
            out.append(Object{{QStringLiteral("id"), f.id},
                              {QStringLiteral("name"), f.name},
                              {QStringLiteral("path"), f.path},
                              {QStringLiteral("enabled"), f.enabled},
                              {QStringLiteral("problem"), f.problem},
                              {QStringLiteral("running"), f.active},
                              {QStringLiteral("desktop"), f.desktop},
                              {QStringLiteral("overlap"), FlowPolicy::overlapName(f.policy.overlap)},
                              {QStringLiteral("catchUp"), FlowPolicy::catchUpName(f.policy.catchUp)},
                              {QStringLiteral("triggers"), triggers}});
        }
        return HttpResponse::json(200, toJson(Value(out)));
    }
    if (parts == QStringList{QStringLiteral("runs")} && get) {
        RunFilter filter;
        filter.limit = std::clamp(query.hasQueryItem(QStringLiteral("limit")) ? query.queryItemValue(QStringLiteral("limit")).toInt() : 50, 1, 1000);
        filter.flowId = query.queryItemValue(QStringLiteral("flow"));
        auto runs = m_store->listRuns(filter);
        if (!runs)
            return HttpResponse::error(500, runs.error().message);
        Array out;
        for (const RunSummary& r : *runs) {
            out.append(Object{{QStringLiteral("id"), r.id},
                              {QStringLiteral("flowId"), r.flowId},
                              {QStringLiteral("flowName"), r.flowName},
                              {QStringLiteral("status"), runStatusName(r.status)},
                              {QStringLiteral("trigger"), r.trigger},
                              {QStringLiteral("startedAt"), r.startedAt.toString(Qt::ISODateWithMs)},
                              {QStringLiteral("durationMs"), r.durationMs},
                              {QStringLiteral("error"), r.errorMessage}});
        }
        return HttpResponse::json(200, toJson(Value(out)));
    }
    if (parts == QStringList{QStringLiteral("queue")} && get) {
        Array out;
        for (const QueuedRun& q : std::as_const(m_queue))
            out.append(Object{{QStringLiteral("runId"), q.runId}, {QStringLiteral("flowId"), q.flowId},
                              {QStringLiteral("reason"), q.reason}, {QStringLiteral("state"), QStringLiteral("queued")}});
        for (const QueuedRun& q : std::as_const(m_started))
            out.append(Object{{QStringLiteral("runId"), q.runId}, {QStringLiteral("flowId"), q.flowId},
                              {QStringLiteral("reason"), q.reason}, {QStringLiteral("state"), QStringLiteral("started")}});
        return HttpResponse::json(200, toJson(Value(out)));
    }
    if (parts.size() == 3 && parts[0] == u"flows" && parts[2] == u"run" && post) {
        Object data{{QStringLiteral("api"), true}};
        auto body = Json::parse(request.body);
        if (!request.body.trimmed().isEmpty()) {
            if (!body || !body->isObject())
                return HttpResponse::error(400, QStringLiteral("the body must be a JSON object (the trigger data)"));
            data = body->toObject();
        }
        auto run = runNow(parts[1], QStringLiteral("api"), data);
        if (!run)
            return HttpResponse::error(flow(parts[1]) ? 409 : 404, run.error());
        return HttpResponse::json(202, toJson(Value(Object{{QStringLiteral("runId"), *run}})));
    }
    if (parts == QStringList{QStringLiteral("reload")} && post) {
        reloadFlows();
        return HttpResponse::json(200, toJson(Value(Object{{QStringLiteral("flows"), qint64(m_flows.size())}})));
    }
    return HttpResponse::error(404, QStringLiteral("unknown API call %1 /api/%2").arg(QString::fromLatin1(request.method), path));
}

} // namespace taskloom::daemon
