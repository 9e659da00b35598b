// The daemon's scheduling decisions with a fake clock and a fake launcher: on-time fires, overlap, catch-up
// after downtime, restart after a crash, enable / disable, retries, bad schedules. No test sleeps.

#include "DaemonTestSupport.hpp"

#include "app/daemon/Daemon.hpp"
#include "app/daemon/DaemonStore.hpp"
#include "app/runtime/Runtime.hpp"
#include "engine/Json.hpp"
#include "engine/RunDatabase.hpp"
#include "engine/RunStore.hpp"
#include "engine/CredentialStore.hpp"

#include "nodes/net/MailParser.hpp"

#include "LoopbackHttpServer.hpp"
#include "LoopbackSmtpServer.hpp"

#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QTemporaryDir>

using namespace taskloom;
using namespace taskloom::tests;

namespace {

const char* everyMinute = R"({"mode": "interval", "every": 1, "unit": "minutes"})";

class DaemonPolicy : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_tmp.isValid());
        clock.set(ms("2026-01-01T00:00:30Z"));
    }

    QString dataDir() const { return m_tmp.filePath(QStringLiteral("data")); }
    QString flowPath(const QString& name) const { return m_tmp.filePath(QStringLiteral("data/flows/%1.flow.json").arg(name)); }

    void writeFlow(const QString& name, const QString& params, const QString& settings = {})
    {
        writeFile(flowPath(name), triggerFlow(name, QStringLiteral("core.scheduleTrigger"), params, settings));
    }

    /// A daemon like `taskloom daemon` would build, with the fake clock and launcher; no HTTP listener.
    void startDaemon(int maxRuns = 4)
    {
        daemon.reset();
        runtime.reset();
        auto rt = app::Runtime::create({dataDir(), false});
        ASSERT_TRUE(rt.has_value()) << rt.error().toStdString();
        runtime = std::move(*rt);
        daemon::Daemon::Options o;
        o.listenPort = -1;
        o.maxConcurrentRuns = maxRuns;
        o.log = [this](const QString& line) { log.append(line); };
        o.environment = environment;
        auto d = daemon::Daemon::create(*runtime, o, clock, launcher);
        ASSERT_TRUE(d.has_value()) << d.error().toStdString();
        daemon = std::move(*d);
        auto s = daemon->start();
        ASSERT_TRUE(s.has_value()) << s.error().toStdString();
    }

    /// Rows of the daemon's queue: "reason/state" in creation order.
    QStringList queueRows(const QString& extra = {})
    {
        auto db = engine::RunDatabase::open(engine::RunStore::databasePath(dataDir()));
        EXPECT_TRUE(db.has_value());
        auto q = (*db)->query(QStringLiteral("SELECT reason, state, note, trigger_json FROM daemon_queue ORDER BY rowid"));
        QStringList out;
        while (q && q->next())
            out.append(q->value(0).toString() + u'/' + q->value(1).toString() + (extra == u"note" ? u' ' + q->value(2).toString() : extra == u"trigger" ? u' ' + q->value(3).toString() : QString()));
        return out;
    }

    engine::Object triggerOf(const FakeLauncher::Started& s)
    {
        QFile f(s.job.triggerFile);
        EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << s.job.triggerFile.toStdString();
        auto v = engine::Json::parse(f.readAll());
        EXPECT_TRUE(v.has_value());
        return v ? v->toObject() : engine::Object();
    }

    QTemporaryDir m_tmp;
    FakeClock clock;
    FakeLauncher launcher;
    std::unique_ptr<app::Runtime> runtime;
    std::unique_ptr<daemon::Daemon> daemon;
    QStringList log;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
};

} // namespace

TEST_F(DaemonPolicy, FiresOnTimeWithTheTriggerEventAndNothingBefore)
{
    writeFlow(QStringLiteral("minutely"), QString::fromLatin1(everyMinute));
    startDaemon();
    ASSERT_EQ(daemon->flows().size(), 1);
    ASSERT_TRUE(daemon->flows().begin()->problem.isEmpty()) << daemon->flows().begin()->problem.toStdString() << "\n"
                                                            << log.join(u'\n').toStdString();
    EXPECT_TRUE(launcher.jobs.isEmpty()) << "a new schedule must not fire for the time before it was loaded";
    clock.set(ms("2026-01-01T00:00:59.900Z"));
    daemon->tick();
    EXPECT_TRUE(launcher.jobs.isEmpty());
    clock.set(ms("2026-01-01T00:01:00.020Z"));
    daemon->tick();
    ASSERT_EQ(launcher.jobs.size(), 1) << log.join(u'\n').toStdString();
    const engine::Object t = triggerOf(launcher.jobs[0]);
    EXPECT_EQ(t.value(u"node").toText(), QStringLiteral("trigger"));
    EXPECT_EQ(t.value(u"data").toObject().value(u"scheduledAt").toText(), QStringLiteral("2026-01-01T00:01:00+00:00"));
    EXPECT_EQ(launcher.jobs[0].job.flowPath, flowPath(QStringLiteral("minutely")));
    daemon->tick(); // the same instant again: nothing new
    EXPECT_EQ(launcher.jobs.size(), 1);
    launcher.finish(0, 0);
    EXPECT_FALSE(QFile::exists(launcher.jobs[0].job.triggerFile)) << "the trigger file is removed after the run";
    clock.set(ms("2026-01-01T00:02:00.010Z"));
    daemon->tick();
    EXPECT_EQ(launcher.jobs.size(), 2);
    EXPECT_EQ(queueRows(), (QStringList{QStringLiteral("schedule/finished"), QStringLiteral("schedule/started")}));
}

TEST_F(DaemonPolicy, OverlapSkipRecordsTheSkippedFire)
{
    writeFlow(QStringLiteral("slow"), QString::fromLatin1(everyMinute), QStringLiteral(R"({"overlap": "skip"})"));
    startDaemon();
    clock.set(ms("2026-01-01T00:01:00Z"));
    daemon->tick();
    clock.set(ms("2026-01-01T00:02:00Z"));
    daemon->tick();
    EXPECT_EQ(launcher.jobs.size(), 1);
    EXPECT_EQ(queueRows(QStringLiteral("note")),
              (QStringList{QStringLiteral("schedule/started "),
                           QStringLiteral("schedule/skipped the previous run was still going (overlap policy skip)")}));
}

TEST_F(DaemonPolicy, OverlapQueueStartsTheNextWhenTheFirstEnds)
{
    writeFlow(QStringLiteral("queued"), QString::fromLatin1(everyMinute), QStringLiteral(R"({"overlap": "queue"})"));
    startDaemon();
    clock.set(ms("2026-01-01T00:01:00Z"));
    daemon->tick();
    clock.set(ms("2026-01-01T00:02:00Z"));
    daemon->tick();
    ASSERT_EQ(launcher.jobs.size(), 1);
    EXPECT_EQ(daemon->queued(), 1);
    launcher.finish(0, 0);
    ASSERT_EQ(launcher.jobs.size(), 2);
    EXPECT_EQ(triggerOf(launcher.jobs[1]).value(u"data").toObject().value(u"scheduledAt").toText(),
              QStringLiteral("2026-01-01T00:02:00+00:00"));
}

TEST_F(DaemonPolicy, OverlapAllowRunsUpToTheConcurrencyLimit)
{
    writeFlow(QStringLiteral("parallel"), QString::fromLatin1(everyMinute), QStringLiteral(R"({"overlap": "allow", "concurrency": 2})"));
    startDaemon();
    for (const char* t : {"2026-01-01T00:01:00Z", "2026-01-01T00:02:00Z", "2026-01-01T00:03:00Z"}) {
        clock.set(ms(t));
        daemon->tick();
    }
    EXPECT_EQ(launcher.running(), 2);
    EXPECT_EQ(daemon->queued(), 1);
    launcher.finish(1, 0);
    EXPECT_EQ(launcher.running(), 2);
    EXPECT_EQ(daemon->queued(), 0);
}

TEST_F(DaemonPolicy, GlobalRunLimitQueuesAcrossFlows)
{
    writeFlow(QStringLiteral("a"), QString::fromLatin1(everyMinute));
    writeFlow(QStringLiteral("b"), QString::fromLatin1(everyMinute));
    startDaemon(1);
    clock.set(ms("2026-01-01T00:01:00Z"));
    daemon->tick();
    EXPECT_EQ(launcher.jobs.size(), 1);
    EXPECT_EQ(daemon->queued(), 1);
    launcher.finish(0, 0);
    EXPECT_EQ(launcher.jobs.size(), 2);
}

struct CatchUpCase {
    const char* policy;
    QStringList rows;
};

TEST_F(DaemonPolicy, CatchUpAfterDowntime)
{
    const QList<CatchUpCase> cases = {
        {"once", {QStringLiteral("catch-up/started"), QStringLiteral("skipped 8 missed fire(s) skipped (catch-up policy once)"),
                  QStringLiteral("schedule/queued")}},
        {"all", {QStringLiteral("catch-up/started"), QStringLiteral("catch-up/queued"), QStringLiteral("catch-up/queued"),
                 QStringLiteral("skipped 6 missed fire(s) skipped (catch-up policy all)"), QStringLiteral("schedule/queued")}},
        {"skip", {QStringLiteral("skipped 9 missed fire(s) skipped (catch-up policy skip)"), QStringLiteral("schedule/started")}},
    };
    for (const CatchUpCase& c : cases) {
        SCOPED_TRACE(c.policy);
        daemon.reset();
        launcher.jobs.clear();
        QDir(dataDir()).removeRecursively();
        clock.set(ms("2026-01-01T00:00:30Z"));
        writeFlow(QStringLiteral("daily"), QString::fromLatin1(everyMinute),
                  QStringLiteral(R"({"catchUp": "%1", "catchUpLimit": 3, "overlap": "queue"})").arg(QString::fromLatin1(c.policy)));
        startDaemon();
        daemon.reset(); // the daemon goes down for ten minutes
        clock.set(ms("2026-01-01T00:10:30Z"));
        startDaemon();
        QStringList rows = queueRows(QStringLiteral("note"));
        for (QString& r : rows) {
            if (r.startsWith(u"catch-up/skipped"))
                r = QStringLiteral("skipped ") + r.section(u' ', 1, -1);
            else
                r = r.section(u' ', 0, 0);
        }
        EXPECT_EQ(rows, c.rows);
        EXPECT_EQ(launcher.jobs.size(), 1);
        if (QString::fromLatin1(c.policy) != u"skip") {
            const engine::Object data = triggerOf(launcher.jobs[0]).value(u"data").toObject();
            EXPECT_EQ(data.value(u"missed").toInt(), 9);
        }
    }
}

TEST_F(DaemonPolicy, RestartAfterACrashStartsQueuedRunsOnceAndNeverRestartsStartedOnes)
{
    writeFlow(QStringLiteral("a"), QString::fromLatin1(everyMinute), QStringLiteral(R"({"catchUp": "skip"})"));
    writeFlow(QStringLiteral("b"), QString::fromLatin1(everyMinute), QStringLiteral(R"({"catchUp": "skip"})"));
    startDaemon(1);
    clock.set(ms("2026-01-01T00:01:00Z"));
    daemon->tick();
    ASSERT_EQ(launcher.jobs.size(), 1); // one started, one queued behind the run limit
    const QString startedId = launcher.jobs[0].job.runId;
    // The daemon dies here (no finish callback ever comes); its fake child never recorded itself.
    daemon.reset();
    launcher.jobs.clear();
    startDaemon(1);
    ASSERT_EQ(launcher.jobs.size(), 1);
    EXPECT_NE(launcher.jobs[0].job.runId, startedId) << "a run that was started must never start again";
    launcher.finish(0, 0);
    EXPECT_EQ(launcher.jobs.size(), 1);
    auto store = engine::RunStore::open(dataDir());
    ASSERT_TRUE(store.has_value());
    auto run = (*store)->run(startedId);
    ASSERT_TRUE(run.has_value()) << "the lost run is visible in the run history";
    EXPECT_EQ(run->status, engine::RunStatus::Interrupted);
    EXPECT_EQ(run->errorCode, QStringLiteral("DAEMON_STOPPED"));
    EXPECT_EQ(queueRows().count(QStringLiteral("schedule/interrupted")), 1);
}

TEST_F(DaemonPolicy, DisabledFlowsSkipFiresAndDoNotReplayThemWhenEnabled)
{
    writeFlow(QStringLiteral("toggle"), QString::fromLatin1(everyMinute));
    startDaemon();
    ASSERT_TRUE(daemon->setEnabled(QStringLiteral("toggle"), false).has_value());
    daemon->reloadFlows();
    EXPECT_FALSE(daemon->flow(QStringLiteral("toggle"))->enabled);
    clock.set(ms("2026-01-01T00:03:00Z"));
    daemon->tick();
    EXPECT_TRUE(launcher.jobs.isEmpty());
    ASSERT_TRUE(daemon->setEnabled(flowPath(QStringLiteral("toggle")), true).has_value());
    daemon->reloadFlows();
    EXPECT_TRUE(launcher.jobs.isEmpty()) << "fires while disabled are not caught up";
    clock.set(ms("2026-01-01T00:04:00Z"));
    daemon->tick();
    EXPECT_EQ(launcher.jobs.size(), 1);
}

TEST_F(DaemonPolicy, FailedRunsAreRetriedAfterTheirDelay)
{
    writeFlow(QStringLiteral("flaky"), QStringLiteral(R"({"mode": "interval", "every": 1, "unit": "hours"})"),
              QStringLiteral(R"({"retries": 1, "retryDelaySeconds": 10})"));
    startDaemon();
    clock.set(ms("2026-01-01T01:00:00Z"));
    daemon->tick();
    ASSERT_EQ(launcher.jobs.size(), 1);
    launcher.finish(0, 1);
    EXPECT_EQ(launcher.jobs.size(), 1);
    clock.set(ms("2026-01-01T01:00:09Z"));
    daemon->tick();
    EXPECT_EQ(launcher.jobs.size(), 1);
    clock.set(ms("2026-01-01T01:00:10Z"));
    daemon->tick();
    ASSERT_EQ(launcher.jobs.size(), 2);
    launcher.finish(1, 1); // the last attempt fails too: no third run
    clock.set(ms("2026-01-01T01:05:00Z"));
    daemon->tick();
    EXPECT_EQ(launcher.jobs.size(), 2);
    EXPECT_EQ(queueRows(), (QStringList{QStringLiteral("schedule/finished"), QStringLiteral("retry/finished")}));
}

TEST_F(DaemonPolicy, RunsThatFailForGoodSendAWebhookAndAnEmailNotice)
{
    LoopbackSmtpServer smtp({"ops", "s3cret", {}});
    LoopbackHttpServer hook([](const LoopbackHttpServer::Request&) { return LoopbackHttpServer::Reply::json("{}"); });
    const QString settings = QStringLiteral(R"({"notifyWebhook": "%1", "notifyEmail": {"to": ["ops@example.com", "Ann <ann@example.com>"],
        "smtpHost": "127.0.0.1", "smtpPort": %2, "security": "none", "from": "robot@example.com", "credential": "mail"}})")
                                 .arg(QString::fromUtf8(hook.url("/notify")))
                                 .arg(smtp.port());
    writeFlow(QStringLiteral("nightly"), QStringLiteral(R"({"mode": "interval", "every": 1, "unit": "hours"})"), settings);
    startDaemon();
    auto store = runtime->credentials();
    ASSERT_TRUE(store.has_value()) << store.error().toStdString();
    ASSERT_TRUE((*store)->put({QStringLiteral("mail"), QStringLiteral("usernamePassword"),
                               {{QStringLiteral("username"), QStringLiteral("ops")}, {QStringLiteral("password"), QStringLiteral("s3cret")}}}));
    clock.set(ms("2026-01-01T01:00:00Z"));
    daemon->tick();
    ASSERT_EQ(launcher.jobs.size(), 1);
    const QString runId = launcher.jobs[0].job.runId;
    launcher.finish(0, 1);
    ASSERT_TRUE(waitFor([&] { return smtp.messages().size() == 1 && hook.requests().size() == 1; }, 20'000)) << log.join(u'\n').toStdString();
    const auto mail = smtp.messages().first();
    EXPECT_EQ(mail.authenticatedAs, "ops");
    EXPECT_EQ(mail.from, "robot@example.com");
    EXPECT_EQ(mail.to, (QList<QByteArray>{"ops@example.com", "ann@example.com"}));
    const net::ParsedMail parsed = net::parseMail(mail.data);
    // The fake launcher records no run, so the status is "not recorded"; a real child's would be "failed".
    EXPECT_TRUE(parsed.subject.startsWith(QStringLiteral("Taskloom: \"nightly\" "))) << parsed.subject.toStdString();
    EXPECT_TRUE(parsed.text.contains(QStringLiteral("(exit code 1)"))) << parsed.text.toStdString();
    EXPECT_TRUE(parsed.text.contains(QStringLiteral("Details: taskloom runs show ") + runId)) << parsed.text.toStdString();
    const auto body = engine::Json::parse(hook.requests().first().body);
    ASSERT_TRUE(body.has_value());
    EXPECT_EQ(body->toObject().value(u"runId").toText(), runId);
    EXPECT_EQ(body->toObject().value(u"event").toText(), QStringLiteral("run-failed"));
    for (const QString& line : log)
        EXPECT_FALSE(line.contains(QStringLiteral("notice not sent"))) << line.toStdString();

    // A mail server that is gone is one error line in the log, and the daemon goes on.
    smtp.stop();
    clock.set(ms("2026-01-01T02:00:00Z"));
    daemon->tick();
    ASSERT_EQ(launcher.jobs.size(), 2);
    launcher.finish(1, 1);
    EXPECT_TRUE(waitFor([&] { return log.join(u'\n').contains(QStringLiteral("nightly: failure notice not sent: notify e-mail:")); }, 30'000))
        << log.join(u'\n').toStdString();
}

TEST_F(DaemonPolicy, FilesThatArriveWhileTheDaemonIsDownAreCaughtUp)
{
    const QString inbox = m_tmp.filePath(QStringLiteral("inbox"));
    QDir().mkpath(inbox);
    const QString params = QStringLiteral(R"({"folder": "%1", "pattern": "*.csv", "debounceMs": 100})").arg(inbox);
    writeFile(flowPath(QStringLiteral("watch")), triggerFlow(QStringLiteral("watch"), QStringLiteral("core.fileWatchTrigger"), params));
    writeFile(flowPath(QStringLiteral("nocatch")),
              triggerFlow(QStringLiteral("nocatch"), QStringLiteral("core.fileWatchTrigger"), params, QStringLiteral(R"({"catchUp": "skip"})")));
    writeFile(inbox + QStringLiteral("/before.csv"), "a");
    startDaemon();
    waitFor([] { return false; }, 500);
    EXPECT_TRUE(launcher.jobs.isEmpty()) << "files already there are not news";
    daemon.reset();
    runtime.reset();

    writeFile(inbox + QStringLiteral("/during.csv"), "b");
    startDaemon();
    ASSERT_TRUE(waitFor([&] { daemon->tick(); return launcher.jobs.size() >= 1; }, 10000)) << log.join(u'\n').toStdString();
    waitFor([] { return false; }, 500);
    daemon->tick();
    ASSERT_EQ(launcher.jobs.size(), 1) << "only the flow with catch-up runs";
    EXPECT_TRUE(launcher.jobs[0].job.flowPath.endsWith(QStringLiteral("/watch.flow.json"))) << launcher.jobs[0].job.flowPath.toStdString();
    const engine::Object trigger = triggerOf(launcher.jobs[0]);
    EXPECT_TRUE(engine::Json::serialize(engine::Value(trigger)).contains("during.csv")) << engine::Json::serialize(engine::Value(trigger)).toStdString();
}

TEST_F(DaemonPolicy, DesktopFlowsNeedADisplayAndNeverRunTwoAtOnce)
{
    const QString click = QStringLiteral(R"({"id": "click", "type": "rpa.click", "name": "Click", "params": {"x": 10, "y": 10}})");
    const QString wire = QStringLiteral(R"({"from": "log", "to": "click"})");
    const QString hourly = QStringLiteral(R"({"mode": "interval", "every": 1, "unit": "hours"})");
    for (const char* name : {"desk1", "desk2"})
        writeFile(flowPath(QLatin1String(name)),
                  triggerFlow(QLatin1String(name), QStringLiteral("core.scheduleTrigger"), hourly, {}, click, wire));
    writeFlow(QStringLiteral("plain"), hourly);

    // No display (a server without a desktop session): the desktop flows cannot be enabled, the other one runs.
    environment = QProcessEnvironment();
    startDaemon();
    if (!runtime->registry().find(QStringLiteral("rpa.click")))
        GTEST_SKIP() << "built without the desktop (RPA) nodes";
    EXPECT_TRUE(daemon->flow(QStringLiteral("desk1"))->problem.contains(QStringLiteral("a desktop flow cannot be enabled here: no X11 display (DISPLAY is not set)")))
        << daemon->flow(QStringLiteral("desk1"))->problem.toStdString();
    const auto refused = daemon->setEnabled(QStringLiteral("desk2"), true);
    ASSERT_FALSE(refused.has_value());
    EXPECT_TRUE(refused.error().contains(QStringLiteral("needs a desktop"))) << refused.error().toStdString();
    clock.set(ms("2026-01-01T01:00:00Z"));
    daemon->tick();
    ASSERT_EQ(launcher.jobs.size(), 1);
    EXPECT_TRUE(launcher.jobs[0].job.flowPath.endsWith(QStringLiteral("/plain.flow.json")));
    launcher.finish(0, 0);

    // With a display: both desktop flows fire at once but run one after the other, with DISPLAY passed on.
    environment = QProcessEnvironment();
    environment.insert(QStringLiteral("DISPLAY"), QStringLiteral("desktop-host:10.0"));
    environment.insert(QStringLiteral("XAUTHORITY"), QStringLiteral("/home/robot/.Xauthority"));
    startDaemon();
    clock.set(ms("2026-01-01T02:00:00Z"));
    daemon->tick();
    QStringList started;
    for (const auto& j : launcher.jobs)
        if (!j.done)
            started.append(QFileInfo(j.job.flowPath).fileName());
    started.sort();
    ASSERT_EQ(started.size(), 2) << started.join(u',').toStdString();
    EXPECT_TRUE(started.contains(QStringLiteral("plain.flow.json")));
    qsizetype desktopJob = -1;
    for (qsizetype i = 0; i < launcher.jobs.size(); ++i)
        if (!launcher.jobs[i].done && !launcher.jobs[i].job.flowPath.endsWith(QStringLiteral("/plain.flow.json")))
            desktopJob = i;
    ASSERT_GE(desktopJob, 0);
    EXPECT_EQ(launcher.jobs[desktopJob].job.environment.value(QStringLiteral("DISPLAY")), QStringLiteral("desktop-host:10.0"));
    EXPECT_EQ(launcher.jobs[desktopJob].job.environment.value(QStringLiteral("XAUTHORITY")), QStringLiteral("/home/robot/.Xauthority"));
    const qsizetype before = launcher.jobs.size();
    launcher.finish(desktopJob, 0);
    daemon->tick();
    ASSERT_EQ(launcher.jobs.size(), before + 1) << "the second desktop flow starts when the first ends";
    EXPECT_NE(launcher.jobs.last().job.flowPath, launcher.jobs[desktopJob].job.flowPath);
}

TEST_F(DaemonPolicy, BadSchedulesAndSettingsAreReportedNotRun)
{
    writeFlow(QStringLiteral("badcron"), QStringLiteral(R"({"mode": "cron", "cron": "0 25 * * *", "timezone": "UTC"})"));
    writeFlow(QStringLiteral("badzone"), QStringLiteral(R"({"mode": "cron", "cron": "0 7 * * *", "timezone": "Mars/Olympus"})"));
    writeFlow(QStringLiteral("badsetting"), QString::fromLatin1(everyMinute), QStringLiteral(R"({"overlap": "sometimes"})"));
    writeFlow(QStringLiteral("badmail"), QString::fromLatin1(everyMinute),
              QStringLiteral(R"({"notifyEmail": {"to": "ops at example", "smtpHost": "127.0.0.1"}})"));
    startDaemon();
    ASSERT_EQ(daemon->flows().size(), 4);
    EXPECT_TRUE(daemon->flow(QStringLiteral("badmail"))->problem.contains(
        QStringLiteral(R"(settings.daemon.notifyEmail.to = "ops at example": "ops at example" is not an e-mail address)")))
        << daemon->flow(QStringLiteral("badmail"))->problem.toStdString();
    EXPECT_TRUE(daemon->flow(QStringLiteral("badcron"))->problem.contains(QStringLiteral("column 3: hour 25 is out of range 0-23")))
        << daemon->flow(QStringLiteral("badcron"))->problem.toStdString();
    EXPECT_TRUE(daemon->flow(QStringLiteral("badzone"))->problem.contains(QStringLiteral("unknown time zone \"Mars/Olympus\"")))
        << daemon->flow(QStringLiteral("badzone"))->problem.toStdString();
    EXPECT_TRUE(daemon->flow(QStringLiteral("badsetting"))->problem.contains(QStringLiteral("settings.daemon.overlap = \"sometimes\"")))
        << daemon->flow(QStringLiteral("badsetting"))->problem.toStdString();
    clock.set(ms("2026-01-02T00:00:00Z"));
    daemon->tick();
    EXPECT_TRUE(launcher.jobs.isEmpty());
}

TEST_F(DaemonPolicy, EditingAFlowFileReloadsIt)
{
    writeFlow(QStringLiteral("edit"), QString::fromLatin1(everyMinute));
    startDaemon();
    writeFlow(QStringLiteral("edit"), QStringLiteral(R"({"mode": "interval", "every": 1, "unit": "hours"})"));
    {
        QFile f(flowPath(QStringLiteral("edit")));
        ASSERT_TRUE(f.open(QIODevice::ReadWrite));
        f.setFileTime(QDateTime::currentDateTime().addSecs(5), QFileDevice::FileModificationTime);
    }
    daemon->reloadFlows();
    clock.set(ms("2026-01-01T00:01:00Z"));
    daemon->tick();
    EXPECT_TRUE(launcher.jobs.isEmpty()) << "the hourly schedule replaced the minutely one";
    QFile::remove(flowPath(QStringLiteral("edit")));
    daemon->reloadFlows();
    EXPECT_TRUE(daemon->flows().isEmpty());
}
