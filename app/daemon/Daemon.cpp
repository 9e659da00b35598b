#include "Daemon.hpp"

#include "DesktopSession.hpp"
#include "FileWatcher.hpp"
#include "Notifier.hpp"

#include "app/runtime/Runtime.hpp"
#include "engine/AtomicFile.hpp"
#include "engine/CredentialStore.hpp"
#include "engine/Json.hpp"
#include "engine/RunStore.hpp"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QThreadPool>
#include <QTimer>
#include <QUuid>

#include <cstdio>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace taskloom::daemon {

using namespace engine;

namespace {

// Caps the fires counted after a long downtime of a fast schedule (every second for a week): the count is
// reported as at least this many.
constexpr int maxFiresCounted = 100000;

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(Qt::ISODateWithMs);
}

} // namespace

Daemon::Daemon(app::Runtime& runtime, Options options, Clock& clock, Launcher& launcher)
    : m_runtime(runtime), m_options(std::move(options)), m_clock(clock), m_launcher(launcher)
{
}

Daemon::~Daemon()
{
    for (DaemonFlow& f : m_flows)
        deactivate(f);
    if (m_lockFd >= 0)
        ::close(m_lockFd);
}

QString Daemon::defaultFlowsDir(const QString& dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("flows"));
}

QString Daemon::daemonDir(const QString& dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("daemon"));
}

QString Daemon::newRunId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

std::expected<std::unique_ptr<Daemon>, QString> Daemon::create(app::Runtime& runtime, Options options, Clock& clock,
                                                               Launcher& launcher)
{
    if (options.flowsDir.isEmpty())
        options.flowsDir = defaultFlowsDir(runtime.dataDir());
    options.flowsDir = QDir(options.flowsDir).absolutePath();
    if (options.maxConcurrentRuns < 1)
        return std::unexpected(QStringLiteral("--max-runs must be 1 or more"));
    std::unique_ptr<Daemon> d(new Daemon(runtime, std::move(options), clock, launcher));
    auto store = RunStore::open(runtime.dataDir(), DaemonStore::migrations());
    if (!store)
        return std::unexpected(QStringLiteral("run store in %1: %2").arg(runtime.dataDir(), store.error().message));
    d->m_store = std::move(*store);
    d->m_state = std::make_unique<DaemonStore>(d->m_store->database());
    d->m_desktop = DesktopSession::detect(d->m_options.environment);
    return d;
}

void Daemon::logLine(const QString& line) const
{
    if (m_options.log) {
        m_options.log(line);
        return;
    }
    const QByteArray text = (QDateTime::currentDateTime().toString(Qt::ISODate) + u' ' + line + u'\n').toUtf8();
    std::fwrite(text.constData(), 1, size_t(text.size()), stderr);
    std::fflush(stderr);
}

std::expected<void, QString> Daemon::start()
{
    const QString dir = daemonDir(m_runtime.dataDir());
    if (!QDir().mkpath(dir) || !QDir().mkpath(QDir(dir).filePath(QStringLiteral("triggers"))))
        return std::unexpected(QStringLiteral("cannot create %1").arg(dir));
    // One daemon per data folder: two would both fire every schedule.
    const QByteArray lockPath = QFile::encodeName(QDir(dir).filePath(QStringLiteral("daemon.lock")));
    m_lockFd = ::open(lockPath.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (m_lockFd < 0 || ::flock(m_lockFd, LOCK_EX | LOCK_NB) != 0)
        return std::unexpected(QStringLiteral("another taskloom daemon is running with the data folder %1").arg(m_runtime.dataDir()));
    if (!QDir().mkpath(m_options.flowsDir))
        return std::unexpected(QStringLiteral("cannot create the flows folder %1").arg(m_options.flowsDir));
    if (auto t = prepareToken(); !t)
        return t;
    recover();

    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, [this] { tick(); });
    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(300);
    connect(m_reloadTimer, &QTimer::timeout, this, [this] { reloadFlows(); });
    m_flowsWatcher = new QFileSystemWatcher(this);
    m_flowsWatcher->addPath(m_options.flowsDir);
    const auto changed = [this] { m_reloadTimer->start(); };
    connect(m_flowsWatcher, &QFileSystemWatcher::directoryChanged, this, changed);
    connect(m_flowsWatcher, &QFileSystemWatcher::fileChanged, this, changed);
    // A child killed with its daemon's process group, or a crash the launcher could not see, leaves a row
    // that says running; a slow timer finds those (idle cost: one query a minute).
    m_reconcileTimer = new QTimer(this);
    m_reconcileTimer->setInterval(int(m_options.reconcileIntervalMs));
    connect(m_reconcileTimer, &QTimer::timeout, this, [this] { (void)m_store->reconcileInterrupted(); });
    m_reconcileTimer->start();

    if (m_options.listenPort >= 0) {
        m_http = new HttpListener(m_options.httpLimits, [this](const HttpRequest& r) { return handle(r); }, this);
        if (auto l = m_http->listen(m_options.listenAddress, quint16(m_options.listenPort)); !l)
            return l;
        if (auto e = writeEndpoint(); !e)
            return e;
        logLine(QStringLiteral("listening on http://%1:%2 (webhooks under /webhook/, status API under /api/)")
                    .arg(m_http->address().toString())
                    .arg(m_http->port()));
    }
    reloadFlows();
    tick();
    return {};
}

quint16 Daemon::port() const
{
    return m_http ? m_http->port() : 0;
}

void Daemon::recover()
{
    if (auto r = m_store->reconcileInterrupted(); r && *r > 0)
        logLine(QStringLiteral("marked %1 run(s) interrupted: their process ended without finishing").arg(*r));
    auto open = m_state->openRuns();
    if (!open) {
        logLine(QStringLiteral("error: reading the run queue: %1").arg(open.error()));
        return;
    }
    const qint64 now = m_clock.nowMs();
    for (const QueuedRun& run : *open) {
        if (run.state == u"queued") {
            m_queue.append(run); // decided but never started: start it now, once
            continue;
        }
        settleStarted(run, now); // started by a daemon that is gone: never start it again
    }
    if (!m_queue.isEmpty())
        logLine(QStringLiteral("%1 queued run(s) from before the restart will start").arg(m_queue.size()));
}

void Daemon::settleStarted(const QueuedRun& run, qint64 now)
{
    auto status = m_state->runStatus(run.runId);
    const QString s = status ? *status : QString();
    if (s.isEmpty()) {
        const DaemonFlow* f = flow(run.flowId);
        if (auto r = m_state->recordNeverStarted(run, f ? f->name : QString(), now); !r)
            logLine(QStringLiteral("error: recording run %1 as interrupted: %2").arg(run.runId, r.error()));
        (void)m_state->markEnded(run.runId, QStringLiteral("interrupted"), -1, now,
                                 QStringLiteral("the daemon stopped before the run recorded itself"));
    } else {
        (void)m_state->markEnded(run.runId, s == u"interrupted" ? QStringLiteral("interrupted") : QStringLiteral("finished"),
                                 -1, now, QStringLiteral("the daemon stopped while it ran (run status %1)").arg(s));
    }
    logLine(QStringLiteral("run %1 of %2 was going when the daemon stopped: %3")
                .arg(run.runId, run.flowPath, s.isEmpty() ? QStringLiteral("interrupted before it recorded itself") : s));
}

void Daemon::stop()
{
    if (m_timer)
        m_timer->stop();
    (void)m_store->reconcileInterrupted();
    const qint64 now = m_clock.nowMs();
    for (const QueuedRun& run : std::as_const(m_started))
        settleStarted(run, now);
    m_started.clear();
    for (DaemonFlow& f : m_flows)
        f.active = 0;
}

QueuedRun Daemon::makeRun(const DaemonFlow& flow, const QString& nodeId, const QString& reason, qint64 dueMs,
                          const Object& data) const
{
    QueuedRun r;
    r.runId = newRunId();
    r.flowId = flow.id;
    r.flowPath = flow.path;
    r.nodeId = nodeId;
    r.reason = reason;
    r.dueAtMs = dueMs;
    r.state = QStringLiteral("queued");
    Object event{{QStringLiteral("node"), nodeId}, {QStringLiteral("data"), data}};
    if (nodeId.isEmpty())
        event = data;
    r.triggerJson = QString::fromUtf8(Json::serialize(Value(event)));
    return r;
}

bool Daemon::overlapBlocks(const DaemonFlow& flow) const
{
    int waiting = 0;
    for (const QueuedRun& q : m_queue)
        waiting += q.flowId == flow.id ? 1 : 0;
    const int going = flow.active + waiting;
    return flow.policy.overlap == FlowPolicy::Overlap::Skip && going > 0;
}

void Daemon::fireSchedule(DaemonFlow& flow, DaemonTrigger& trigger, qint64 now)
{
    // Every fire time up to now, oldest first: usually one; after downtime or a suspended machine, more.
    QList<qint64> due; // the newest catchUpLimit + 1 of them
    qint64 at = trigger.nextDueMs;
    int counted = 0;
    qint64 last = -1;
    const auto advance = [&](qint64 fromSecs) {
        const auto n = trigger.schedule->next(fromSecs);
        at = n ? *n * 1000 : -1;
    };
    while (at >= 0 && at <= now) {
        if (due.size() > flow.policy.catchUpLimit)
            due.removeFirst();
        due.append(at);
        last = at;
        if (++counted == maxFiresCounted && at < now - 3600 * 1000)
            advance(now / 1000 - 3600); // count no further: jump to the last hour
        else
            advance(at / 1000);
    }
    if (last < 0)
        return;
    const bool onTime = now - last <= m_options.graceMs;
    const int missed = counted - (onTime ? 1 : 0);
    QList<QueuedRun> runs;
    const auto data = [&](qint64 dueMs, int missedCount) {
        Object o{{QStringLiteral("scheduledAt"), Schedule::isoInZone(dueMs / 1000, trigger.schedule->zone())},
                 {QStringLiteral("firedAt"), iso(now)}};
        if (missedCount > 0)
            o.insert(QStringLiteral("missed"), missedCount);
        return o;
    };
    if (!flow.enabled || !flow.problem.isEmpty()) {
        // A disabled flow's fires are recorded as skipped, so enabling it later does not replay them.
    } else if (missed > 0) {
        QList<qint64> missedTimes = due;
        if (onTime)
            missedTimes.removeLast();
        if (flow.policy.catchUp == FlowPolicy::CatchUp::Once) {
            runs.append(makeRun(flow, trigger.nodeId, QStringLiteral("catch-up"), missedTimes.last(), data(missedTimes.last(), missed)));
        } else if (flow.policy.catchUp == FlowPolicy::CatchUp::All) {
            const qsizetype keep = std::min<qsizetype>(missedTimes.size(), flow.policy.catchUpLimit);
            for (qsizetype i = missedTimes.size() - keep; i < missedTimes.size(); ++i)
                runs.append(makeRun(flow, trigger.nodeId, QStringLiteral("catch-up"), missedTimes[i], data(missedTimes[i], missed)));
        }
        const int dropped = missed - int(runs.size());
        if (dropped > 0) {
            QueuedRun skipped = makeRun(flow, trigger.nodeId, QStringLiteral("catch-up"), now, data(last, missed));
            skipped.state = QStringLiteral("skipped");
            skipped.note = QStringLiteral("%1%2 missed fire(s) skipped (catch-up policy %3)")
                               .arg(dropped)
                               .arg(counted >= maxFiresCounted ? QStringLiteral("+") : QString())
                               .arg(FlowPolicy::catchUpName(flow.policy.catchUp));
            runs.append(skipped);
        }
        logLine(QStringLiteral("%1: %2 fire(s) missed while the daemon was not running; catch-up %3 starts %4")
                    .arg(flow.name)
                    .arg(missed)
                    .arg(FlowPolicy::catchUpName(flow.policy.catchUp))
                    .arg(runs.size() - (dropped > 0 ? 1 : 0)));
    }
    if (onTime && flow.enabled && flow.problem.isEmpty()) {
        QueuedRun run = makeRun(flow, trigger.nodeId, QStringLiteral("schedule"), last, data(last, 0));
        if (runs.isEmpty() && overlapBlocks(flow)) {
            run.state = QStringLiteral("skipped");
            run.note = QStringLiteral("the previous run was still going (overlap policy skip)");
            logLine(QStringLiteral("%1: skipped the fire at %2, the previous run is still going").arg(flow.name, iso(last)));
        }
        runs.append(run);
    }
    if (auto r = m_state->recordFires(flow.id, trigger.nodeId, last, runs); !r) {
        logLine(QStringLiteral("error: %1: recording the fire at %2: %3 (will retry)").arg(flow.name, iso(last), r.error()));
        return; // nothing recorded: the next tick tries again
    }
    for (const QueuedRun& r : runs) {
        if (r.state == u"queued")
            m_queue.append(r);
    }
    const auto n = trigger.schedule->next(last / 1000);
    trigger.nextDueMs = n ? *n * 1000 : -1;
}

void Daemon::tick()
{
    const qint64 now = m_clock.nowMs();
    for (DaemonFlow& flow : m_flows) {
        for (DaemonTrigger& t : flow.triggers) {
            if (t.schedule && t.nextDueMs >= 0 && t.nextDueMs <= now)
                fireSchedule(flow, t, now);
        }
    }
    startDueRuns(now);
    armTimer(now);
}

void Daemon::startDueRuns(qint64 now)
{
    std::stable_sort(m_queue.begin(), m_queue.end(),
                     [](const QueuedRun& a, const QueuedRun& b) { return a.dueAtMs < b.dueAtMs; });
    for (qsizetype i = 0; i < m_queue.size();) {
        if (m_launcher.running() >= m_options.maxConcurrentRuns)
            return;
        const QueuedRun run = m_queue.at(i);
        if (run.dueAtMs > now)
            return; // sorted: nothing later is due either
        auto it = m_flows.find(run.flowId);
        DaemonFlow* flow = it == m_flows.end() ? nullptr : &*it;
        if (flow && flow->enabled && flow->problem.isEmpty()) {
            const int limit = flow->policy.overlap == FlowPolicy::Overlap::Allow ? flow->policy.concurrency : 1;
            if (flow->active >= limit || (flow->desktop && m_desktopBusy)) {
                ++i; // waits for its flow (or the desktop) to be free
                continue;
            }
        }
        m_queue.removeAt(i);
        startRun(run, flow, now);
    }
}

bool Daemon::startRun(const QueuedRun& run, DaemonFlow* flow, qint64 now)
{
    if (!flow || !flow->enabled || !flow->problem.isEmpty()) {
        const QString why = !flow ? QStringLiteral("the flow is no longer in the flows folder")
                            : !flow->problem.isEmpty() ? flow->problem
                                                       : QStringLiteral("the flow is disabled");
        (void)m_state->markEnded(run.runId, QStringLiteral("skipped"), -1, now, why);
        logLine(QStringLiteral("run %1 of %2 not started: %3").arg(run.runId, run.flowPath, why));
        return false;
    }
    const QString triggerFile = QDir(daemonDir(m_runtime.dataDir())).filePath(QStringLiteral("triggers/%1.json").arg(run.runId));
    if (auto w = AtomicFile::write(triggerFile, run.triggerJson.toUtf8(), QFileDevice::ReadOwner | QFileDevice::WriteOwner); !w) {
        (void)m_state->markEnded(run.runId, QStringLiteral("skipped"), -1, now, w.error());
        logLine(QStringLiteral("error: run %1 of %2 not started: %3").arg(run.runId, flow->name, w.error()));
        return false;
    }
    // Recorded as started before the process exists: a daemon killed in between never starts it twice.
    auto marked = m_state->markStarted(run.runId, now);
    if (!marked || !*marked) {
        logLine(QStringLiteral("error: run %1 of %2 not started: %3").arg(run.runId, flow->name,
                                                                         marked ? QStringLiteral("it was not queued") : marked.error()));
        return false;
    }
    Launcher::Job job;
    job.runId = run.runId;
    job.flowPath = run.flowPath;
    job.triggerFile = triggerFile;
    job.dataDir = m_runtime.dataDir();
    job.timeoutSeconds = flow->policy.timeoutSeconds;
    job.environment = m_options.environment;
    if (flow->desktop && m_desktop) {
        for (const QString& k : m_desktop->keys())
            job.environment.insert(k, m_desktop->value(k));
    }
    flow->active += 1;
    if (flow->desktop)
        m_desktopBusy = true;
    m_started.insert(run.runId, run);
    logLine(QStringLiteral("run %1 of %2 started (%3%4)")
                .arg(run.runId, flow->name, run.reason, run.attempt > 1 ? QStringLiteral(", attempt %1").arg(run.attempt) : QString()));
    auto started = m_launcher.start(job, [this](const QString& id, const ChildExit& exit) { finished(id, exit); });
    if (!started)
        finished(run.runId, ChildExit{-1, true, false, started.error()});
    return true;
}

void Daemon::finished(const QString& runId, const ChildExit& exit)
{
    const qint64 now = m_clock.nowMs();
    const QueuedRun run = m_started.take(runId);
    auto it = m_flows.find(run.flowId);
    DaemonFlow* flow = it == m_flows.end() ? nullptr : &*it;
    if (flow) {
        flow->active = std::max(0, flow->active - 1);
        if (flow->desktop)
            m_desktopBusy = false;
    }
    QFile::remove(QDir(daemonDir(m_runtime.dataDir())).filePath(QStringLiteral("triggers/%1.json").arg(runId)));
    // A child that crashed left its row saying running; its lock is free now.
    (void)m_store->reconcileInterrupted();
    if (exit.timedOut && flow)
        (void)m_state->markTimedOut(runId, flow->policy.timeoutSeconds);
    auto status = m_state->runStatus(runId);
    QString s = status && !status->isEmpty() ? *status : QStringLiteral("not recorded");
    if (s == u"not recorded" && exit.exitCode == 2)
        s = QStringLiteral("invalid flow");
    (void)m_state->markEnded(runId, QStringLiteral("finished"), exit.exitCode, now, s);
    const bool ok = exit.exitCode == 0 && !exit.crashed && !exit.timedOut;
    logLine(QStringLiteral("run %1 of %2 ended: %3 (exit %4%5)")
                .arg(runId, flow ? flow->name : run.flowPath, s)
                .arg(exit.exitCode)
                .arg(exit.crashed && !exit.timedOut ? QStringLiteral(", crashed") : QString()));
    if (!ok) {
        if (flow && run.attempt <= flow->policy.retries && exit.exitCode != 2) {
            QueuedRun retry = run;
            retry.runId = newRunId();
            retry.attempt = run.attempt + 1;
            retry.reason = QStringLiteral("retry");
            retry.state = QStringLiteral("queued");
            retry.note = QStringLiteral("retry of %1").arg(runId);
            retry.dueAtMs = now + qint64(flow->policy.retryDelaySeconds) * 1000 * (qint64(1) << std::min(run.attempt - 1, 16));
            if (auto e = m_state->enqueue({retry}); e)
                m_queue.append(retry);
        } else {
            notifyFailure(flow, run, exit, s);
        }
    }
    tick();
}

void Daemon::notifyFailure(const DaemonFlow* flow, const QueuedRun& run, const ChildExit& exit, const QString& status)
{
    if (!flow || (flow->policy.notifyWebhook.isEmpty() && !flow->policy.notifyEmail))
        return;
    const QString error = exit.stderrTail.trimmed().right(1000);
    const QString flowName = flow->name;
    // Notices block on the network: they go to a worker so triggers keep firing on time meanwhile.
    const auto report = [this, flowName](const std::expected<void, QString>& sent) {
        if (!sent)
            QMetaObject::invokeMethod(this, [this, flowName, why = sent.error()] {
                logLine(QStringLiteral("error: %1: failure notice not sent: %2").arg(flowName, why));
            }, Qt::QueuedConnection);
    };
    if (!flow->policy.notifyWebhook.isEmpty()) {
        Object o{{QStringLiteral("event"), QStringLiteral("run-failed")},
                 {QStringLiteral("flowId"), flow->id},
                 {QStringLiteral("flowName"), flow->name},
                 {QStringLiteral("flowPath"), flow->path},
                 {QStringLiteral("runId"), run.runId},
                 {QStringLiteral("status"), status},
                 {QStringLiteral("exitCode"), exit.exitCode},
                 {QStringLiteral("attempt"), run.attempt},
                 {QStringLiteral("reason"), run.reason},
                 {QStringLiteral("error"), error}};
        m_notices.start([report, url = flow->policy.notifyWebhook, body = Json::serialize(Value(o))] {
            report(Notifier::postJson(url, body));
        });
    }
    if (const auto& email = flow->policy.notifyEmail) {
        QString user, password;
        if (!email->credential.isEmpty()) {
            auto store = m_runtime.credentials();
            auto c = store ? (*store)->get(email->credential) : std::expected<engine::Credential, QString>(std::unexpected(store.error()));
            if (!c) {
                logLine(QStringLiteral("error: %1: failure notice not sent: credential \"%2\": %3").arg(flowName, email->credential, c.error()));
                return;
            }
            user = c->field(u"username");
            password = c->field(u"password");
        }
        const QString subject = QStringLiteral("Taskloom: \"%1\" %2").arg(flowName, status);
        const QString text = QStringLiteral("The scheduled flow \"%1\" did not succeed.\n\n"
                                            "Flow file: %2\nRun: %3 (attempt %4, %5)\nStatus: %6 (exit code %7)\n\n"
                                            "Last error output:\n%8\n\nDetails: taskloom runs show %3\n")
                                 .arg(flowName, flow->path, run.runId)
                                 .arg(run.attempt)
                                 .arg(run.reason, status)
                                 .arg(exit.exitCode)
                                 .arg(error.isEmpty() ? QStringLiteral("(none)") : error);
        m_notices.start([report, notice = *email, user, password, subject, text] {
            report(Notifier::sendEmail(notice, user, password, subject, text));
        });
    }
}

void Daemon::armTimer(qint64 now)
{
    qint64 next = -1;
    const auto consider = [&](qint64 t) {
        if (t >= 0 && (next < 0 || t < next))
            next = t;
    };
    for (const DaemonFlow& f : std::as_const(m_flows)) {
        for (const DaemonTrigger& t : f.triggers)
            consider(t.nextDueMs);
    }
    for (const QueuedRun& q : std::as_const(m_queue)) {
        if (q.dueAtMs > now)
            consider(q.dueAtMs);
    }
    if (!m_timer)
        return;
    if (next < 0) {
        m_timer->stop();
        return;
    }
    // Timers drift over long waits (suspend, NTP steps): wake at least hourly and look at the clock again.
    m_timer->start(int(std::clamp<qint64>(next - now, 0, 3600 * 1000)));
}

std::expected<QString, QString> Daemon::runNow(const QString& flowIdOrName, const QString& reason, const Object& data,
                                               const QString& nodeId)
{
    const DaemonFlow* found = flow(flowIdOrName);
    if (!found)
        return std::unexpected(QStringLiteral("no flow \"%1\" in %2").arg(flowIdOrName, m_options.flowsDir));
    if (!found->problem.isEmpty())
        return std::unexpected(QStringLiteral("%1 cannot run: %2").arg(found->name, found->problem));
    if (!found->enabled)
        return std::unexpected(QStringLiteral("%1 is disabled (taskloom schedule enable)").arg(found->name));
    const qint64 now = m_clock.nowMs();
    // A run names the trigger that fired, or the flow's other triggers would all emit too.
    const QString node = nodeId.isEmpty() && !found->triggers.isEmpty() ? found->triggers.first().nodeId : nodeId;
    QueuedRun run = makeRun(*found, node, reason, now, data);
    if (overlapBlocks(*found)) {
        run.state = QStringLiteral("skipped");
        run.note = QStringLiteral("the previous run was still going (overlap policy skip)");
        (void)m_state->enqueue({run});
        return std::unexpected(QStringLiteral("%1 is already running and its overlap policy is skip").arg(found->name));
    }
    if (auto e = m_state->enqueue({run}); !e)
        return std::unexpected(e.error());
    m_queue.append(run);
    QTimer::singleShot(0, this, [this] { tick(); });
    return run.runId;
}

std::expected<void, QString> Daemon::setEnabled(const QString& key, bool enabled)
{
    const DaemonFlow* f = flow(key);
    if (!f)
        return std::unexpected(QStringLiteral("no flow \"%1\" with a trigger in %2").arg(key, m_options.flowsDir));
    if (enabled && f->desktop && !m_desktop)
        return std::unexpected(QStringLiteral("%1 needs a desktop and cannot be enabled here: %2").arg(f->name, m_desktop.error()));
    return m_state->setEnabled(f->id, enabled);
}

const DaemonFlow* Daemon::flow(const QString& key) const
{
    if (auto it = m_flows.find(key); it != m_flows.end())
        return &*it;
    const QString abs = QFileInfo(key).absoluteFilePath();
    for (const DaemonFlow& f : m_flows) {
        if (f.name == key || f.path == abs)
            return &f;
    }
    return nullptr;
}

} // namespace taskloom::daemon
