// The real `taskloom daemon`: an every-second schedule starting real child runs, kill -9 mid-run and a restart
// (nothing lost, nothing started twice, the run going at the time interrupted), webhooks and the status API
// over 127.0.0.1, and the `taskloom schedule` commands.

#include "DaemonTestSupport.hpp"

#include "engine/Json.hpp"
#include "engine/RunDatabase.hpp"
#include "engine/RunStore.hpp"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>

#include <csignal>

using namespace taskloom;
using namespace taskloom::tests;

namespace {

struct Cli {
    int exitCode = -1;
    QString out;
    QString err;
};

class DaemonE2E : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(m_tmp.isValid()); }
    void TearDown() override
    {
        for (auto& p : m_daemons) {
            if (p->state() != QProcess::NotRunning) {
                p->kill();
                p->waitForFinished(5000);
            }
        }
    }

    QString dataDir() const { return m_tmp.filePath(QStringLiteral("data")); }
    QString flowPath(const QString& name) const { return m_tmp.filePath(QStringLiteral("data/flows/%1.flow.json").arg(name)); }

    QProcessEnvironment env() const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("TASKLOOM_HOME"), dataDir());
        e.insert(QStringLiteral("TASKLOOM_VAULT_KEY_FILE"), m_tmp.filePath(QStringLiteral("vault.key")));
        e.remove(QStringLiteral("DISPLAY"));
        return e;
    }

    QProcess* startDaemon(const QStringList& extra = {})
    {
        auto p = std::make_unique<QProcess>();
        p->setProcessEnvironment(env());
        p->setProcessChannelMode(QProcess::MergedChannels);
        p->start(QStringLiteral(TASKLOOM_CLI),
                 QStringList{QStringLiteral("daemon"), QStringLiteral("--data-dir"), dataDir(), QStringLiteral("--listen"),
                             QStringLiteral("127.0.0.1:0")} + extra);
        EXPECT_TRUE(p->waitForStarted(10000));
        m_daemons.push_back(std::move(p));
        return m_daemons.back().get();
    }

    Cli cli(const QStringList& args) const
    {
        QProcess p;
        p.setProcessEnvironment(env());
        p.start(QStringLiteral(TASKLOOM_CLI), args);
        Cli r;
        if (!p.waitForFinished(60000)) {
            p.kill();
            return r;
        }
        r.exitCode = p.exitCode();
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    /// Every run in the store: id -> status.
    QHash<QString, QString> runs() const
    {
        QHash<QString, QString> out;
        auto db = engine::RunDatabase::open(engine::RunStore::databasePath(dataDir()));
        if (!db)
            return out;
        auto q = (*db)->query(QStringLiteral("SELECT id, status FROM runs"));
        while (q && q->next())
            out.insert(q->value(0).toString(), q->value(1).toString());
        return out;
    }

    /// The daemon's queue rows: (run id, state, scheduledAt).
    QList<QStringList> queue() const
    {
        QList<QStringList> out;
        auto db = engine::RunDatabase::open(engine::RunStore::databasePath(dataDir()));
        if (!db)
            return out;
        auto q = (*db)->query(QStringLiteral("SELECT run_id, state, trigger_json FROM daemon_queue"));
        if (!q)
            return out;
        while (q->next()) {
            auto t = engine::Json::parse(q->value(2).toString().toUtf8());
            out.append({q->value(0).toString(), q->value(1).toString(),
                        t ? t->toObject().value(u"data").toObject().value(u"scheduledAt").toText() : QString()});
        }
        return out;
    }

    int countStatus(const QString& status) const
    {
        int n = 0;
        for (const QString& s : runs())
            n += s == status ? 1 : 0;
        return n;
    }

    quint16 port() const
    {
        QFile f(QDir(dataDir()).filePath(QStringLiteral("daemon/endpoint.json")));
        if (!f.open(QIODevice::ReadOnly))
            return 0;
        auto v = engine::Json::parse(f.readAll());
        return v ? quint16(v->toObject().value(u"port").toInt()) : 0;
    }
    QByteArray token() const
    {
        QFile f(QDir(dataDir()).filePath(QStringLiteral("daemon/token")));
        return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed() : QByteArray();
    }

    QTemporaryDir m_tmp;
    std::vector<std::unique_ptr<QProcess>> m_daemons;
};

bool processAlive(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray s = stat.readAll();
    const qsizetype close = s.lastIndexOf(')');
    return close > 0 && s.mid(close + 2, 1) != "Z"; // a zombie is dead
}

} // namespace

TEST_F(DaemonE2E, EverySecondScheduleStartsRealChildRuns)
{
    writeFile(flowPath(QStringLiteral("tick")),
              triggerFlow(QStringLiteral("tick"), QStringLiteral("core.scheduleTrigger"),
                          QStringLiteral(R"({"mode": "cron", "cron": "* * * * * *", "timezone": "UTC"})")));
    QProcess* d = startDaemon();
    ASSERT_TRUE(waitFor([&] { return countStatus(QStringLiteral("succeeded")) >= 3; }, 60000))
        << d->readAll().toStdString();
    ASSERT_GT(d->processId(), 0);
    ::kill(pid_t(d->processId()), SIGTERM);
    ASSERT_TRUE(d->waitForFinished(20000));
    EXPECT_EQ(d->exitCode(), 0) << d->readAll().toStdString();
    // Each fire's scheduled second appears once.
    QSet<QString> seconds;
    for (const QStringList& row : queue()) {
        if (row[1] == u"skipped")
            continue;
        EXPECT_FALSE(seconds.contains(row[2])) << "fired twice: " << row[2].toStdString();
        seconds.insert(row[2]);
    }
}

TEST_F(DaemonE2E, KillNineMidRunThenRestartLosesNothingAndStartsNothingTwice)
{
    // Every second, each run takes 3 s, overlapping fires are skipped.
    writeFile(flowPath(QStringLiteral("slow")),
              triggerFlow(QStringLiteral("slow"), QStringLiteral("core.scheduleTrigger"),
                          QStringLiteral(R"({"mode": "cron", "cron": "* * * * * *", "timezone": "UTC"})"),
                          QStringLiteral(R"({"overlap": "skip", "catchUp": "once"})"),
                          QStringLiteral(R"({"id": "wait", "type": "core.wait", "name": "Wait", "params": {"seconds": 3}})"),
                          QStringLiteral(R"({"from": "log", "to": "wait"})")));
    QProcess* first = startDaemon();
    ASSERT_TRUE(waitFor([&] { return countStatus(QStringLiteral("running")) == 1; }, 60000)) << first->readAll().toStdString();
    QString victim;
    const QHash<QString, QString> before = runs();
    for (auto it = before.begin(); it != before.end(); ++it)
        victim = it.value() == u"running" ? it.key() : victim;
    qint64 childPid = 0;
    {
        auto db = engine::RunDatabase::open(engine::RunStore::databasePath(dataDir()));
        auto q = (*db)->query(QStringLiteral("SELECT pid FROM runs WHERE id = ?"), {victim});
        ASSERT_TRUE(q && q->next());
        childPid = q->value(0).toLongLong();
    }
    ASSERT_GT(childPid, 0);
    ASSERT_EQ(first->state(), QProcess::Running) << first->readAll().toStdString();
    ASSERT_GT(first->processId(), 0);
    ::kill(pid_t(first->processId()), SIGKILL);
    ASSERT_TRUE(first->waitForFinished(10000));
    EXPECT_TRUE(waitFor([&] { return !processAlive(childPid); }, 10000)) << "the child run outlived its daemon";

    QProcess* second = startDaemon();
    ASSERT_TRUE(waitFor([&] { return runs().value(victim) == u"interrupted"; }, 30000))
        << "status " << runs().value(victim).toStdString() << "\n" << second->readAll().toStdString();
    // The restarted daemon runs again (catch-up once, then on time) ...
    ASSERT_TRUE(waitFor([&] { return countStatus(QStringLiteral("succeeded")) >= 1; }, 60000)) << second->readAll().toStdString();
    ASSERT_GT(second->processId(), 0);
    ::kill(pid_t(second->processId()), SIGTERM);
    ASSERT_TRUE(second->waitForFinished(20000));
    // ... and never started a run twice: each queue row has at most one run, started runs are all recorded,
    // and no scheduled second was run by both daemons.
    const QHash<QString, QString> all = runs();
    QSet<QString> seconds;
    int started = 0;
    for (const QStringList& row : queue()) {
        if (row[1] == u"skipped" || row[1] == u"queued")
            continue;
        ++started;
        EXPECT_TRUE(all.contains(row[0])) << "a started run is missing from the history: " << row[0].toStdString();
        EXPECT_FALSE(seconds.contains(row[2])) << "second run twice: " << row[2].toStdString();
        seconds.insert(row[2]);
    }
    EXPECT_EQ(started, all.size());
    EXPECT_EQ(all.value(victim), QStringLiteral("interrupted"));
}

TEST_F(DaemonE2E, WebhookAndStatusApiOverLoopback)
{
    writeFile(flowPath(QStringLiteral("hook")),
              triggerFlow(QStringLiteral("hook"), QStringLiteral("core.webhookTrigger"),
                          QStringLiteral(R"({"path": "orders/new", "method": "POST"})")));
    QProcess* d = startDaemon({QStringLiteral("--max-body"), QStringLiteral("200")});
    ASSERT_TRUE(waitFor([&] { return port() != 0; }, 30000)) << d->readAll().toStdString();
    const QByteArray tok = token();
    ASSERT_GE(tok.size(), 32);
    const quint16 p = port();
    const QByteArray body = R"({"orderId": 42})";
    const auto post = [&](const QByteArray& path, const QByteArray& b, const QByteArray& auth) {
        return httpSend(p, "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                               + QByteArray::number(b.size()) + "\r\n" + auth + "\r\n" + b);
    };
    EXPECT_EQ(post("/webhook/orders/new", body, {}).status, 401);
    EXPECT_EQ(post("/webhook/orders/new", body, "Authorization: Bearer wrong-token-wrong-token-wrong\r\n").status, 401);
    EXPECT_EQ(post("/webhook/orders/new", QByteArray(201, 'x'), "X-Taskloom-Token: " + tok + "\r\n").status, 413);
    EXPECT_EQ(post("/webhook/unknown", body, "X-Taskloom-Token: " + tok + "\r\n").status, 404);
    waitFor([] { return false; }, 500);
    EXPECT_TRUE(runs().isEmpty()) << "a refused request must not run anything";

    const Exchange ok = post("/webhook/orders/new?source=test", body, "Authorization: Bearer " + tok + "\r\n");
    ASSERT_EQ(ok.status, 202) << ok.raw.toStdString();
    auto reply = engine::Json::parse(ok.body());
    ASSERT_TRUE(reply.has_value()) << ok.raw.toStdString();
    const QString runId = reply->toObject().value(u"runId").toText();
    ASSERT_TRUE(waitFor([&] { return runs().value(runId) == u"succeeded"; }, 60000)) << d->readAll().toStdString();
    const Cli show = cli({QStringLiteral("runs"), QStringLiteral("show"), runId, QStringLiteral("--json")});
    EXPECT_TRUE(show.out.contains(QStringLiteral("\"orderId\"")) && show.out.contains(QStringLiteral("\"source\"")))
        << show.out.toStdString();
    EXPECT_FALSE(show.out.contains(QString::fromLatin1(tok))) << "the token must not reach the run";

    const Exchange flows = httpSend(p, "GET /api/flows HTTP/1.1\r\nAuthorization: Bearer " + tok + "\r\n\r\n");
    EXPECT_EQ(flows.status, 200);
    EXPECT_TRUE(flows.body().contains("\"webhook\":\"/webhook/orders/new\"") || flows.body().contains("/webhook/orders/new"))
        << flows.raw.toStdString();
    EXPECT_EQ(httpSend(p, "GET /api/flows HTTP/1.1\r\n\r\n").status, 401);
    const Exchange trigger = httpSend(p, "POST /api/flows/hook/run HTTP/1.1\r\nContent-Length: 0\r\nX-Taskloom-Token: " + tok + "\r\n\r\n");
    EXPECT_EQ(trigger.status, 202) << trigger.raw.toStdString();
    const Exchange recent = httpSend(p, "GET /api/runs?limit=5 HTTP/1.1\r\nX-Taskloom-Token: " + tok + "\r\n\r\n");
    EXPECT_EQ(recent.status, 200);
    EXPECT_TRUE(recent.body().contains(runId.toUtf8()));
}

TEST_F(DaemonE2E, ScheduleCommands)
{
    Cli next = cli({QStringLiteral("schedule"), QStringLiteral("next"), QStringLiteral("30 2 * * *"), QStringLiteral("--tz"),
                    QStringLiteral("Europe/Berlin"), QStringLiteral("--from"), QStringLiteral("2026-03-28T00:00:00+01:00"),
                    QStringLiteral("--count"), QStringLiteral("3")});
    EXPECT_EQ(next.exitCode, 0) << next.err.toStdString();
    EXPECT_EQ(next.out, QStringLiteral("2026-03-28T02:30:00+01:00\n2026-03-29T03:00:00+02:00\n2026-03-30T02:30:00+02:00\n"));
    Cli bad = cli({QStringLiteral("schedule"), QStringLiteral("next"), QStringLiteral("0 0 * * 8")});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_TRUE(bad.err.contains(QStringLiteral("column 9: day of week 8 is out of range 0-7"))) << bad.err.toStdString();
    Cli zone = cli({QStringLiteral("schedule"), QStringLiteral("next"), QStringLiteral("0 7 * * *"), QStringLiteral("--tz"), QStringLiteral("Nowhere/City")});
    EXPECT_EQ(zone.exitCode, 2);
    EXPECT_TRUE(zone.err.contains(QStringLiteral("unknown time zone \"Nowhere/City\""))) << zone.err.toStdString();

    writeFile(flowPath(QStringLiteral("morning")),
              triggerFlow(QStringLiteral("morning"), QStringLiteral("core.scheduleTrigger"),
                          QStringLiteral(R"({"mode": "cron", "cron": "0 7 * * MON-FRI", "timezone": "Europe/Berlin"})")));
    Cli list = cli({QStringLiteral("schedule"), QStringLiteral("list")});
    EXPECT_EQ(list.exitCode, 0) << list.err.toStdString();
    EXPECT_TRUE(list.out.contains(QStringLiteral("enabled   morning"))) << list.out.toStdString();
    EXPECT_TRUE(list.out.contains(QStringLiteral("cron 0 7 * * MON-FRI (Europe/Berlin), next "))) << list.out.toStdString();
    EXPECT_EQ(cli({QStringLiteral("schedule"), QStringLiteral("disable"), QStringLiteral("morning")}).exitCode, 0);
    EXPECT_TRUE(cli({QStringLiteral("schedule"), QStringLiteral("list")}).out.contains(QStringLiteral("disabled  morning")));
    EXPECT_EQ(cli({QStringLiteral("schedule"), QStringLiteral("enable"), flowPath(QStringLiteral("morning"))}).exitCode, 0);
    EXPECT_TRUE(cli({QStringLiteral("schedule"), QStringLiteral("list")}).out.contains(QStringLiteral("enabled   morning")));
    Cli missing = cli({QStringLiteral("schedule"), QStringLiteral("enable"), QStringLiteral("nosuch")});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_TRUE(missing.err.contains(QStringLiteral("no flow \"nosuch\""))) << missing.err.toStdString();
}
