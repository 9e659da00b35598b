// Cancelling and killing runs, and what `taskloom runs list / show / prune` say about them afterwards.

#include "CliTestSupport.hpp"

#include <QElapsedTimer>
#include <QFileInfo>

#include <csignal>

namespace taskloom::tests {

namespace {

class CliRunsTest : public CliTest {
protected:
    /// A flow whose one node waits `seconds`.
    QString waitFlow(double seconds)
    {
        return writeFlow(QStringLiteral("wait.flow.json"),
                         {QStringLiteral(R"({"id": "w", "type": "core.wait", "typeVersion": 1, "name": "Wait", "params": {"seconds": %1}})").arg(seconds)},
                         {QStringLiteral(R"({"from": "t", "to": "w"})")});
    }

    /// A quick flow: two items through a Set node.
    QString quickFlow()
    {
        return writeFlow(QStringLiteral("quick.flow.json"),
                         {QStringLiteral(R"({"id": "s", "type": "core.set", "typeVersion": 1, "name": "Label", "params": {"fields": [{"name": "label", "value": "#{{ item.n }}"}]}})")},
                         {QStringLiteral(R"({"from": "t", "to": "s"})")});
    }

    /// Starts a long wait with --json-events and returns once the Wait node has started.
    std::unique_ptr<QProcess> startWaiting(const QString& runId)
    {
        auto p = start({QStringLiteral("run"), waitFlow(30), QStringLiteral("--json-events"), QStringLiteral("--run-id"), runId});
        QByteArray seen;
        EXPECT_TRUE(waitForLine(*p, {QStringLiteral("\"event\":\"nodeStarted\""), QStringLiteral("\"node\":\"Wait\"")}, seen))
            << seen.toStdString() << p->readAllStandardError().toStdString();
        return p;
    }

    static QJsonObject runById(const QJsonArray& runs, const QString& id)
    {
        for (const QJsonValue& r : runs) {
            if (r.toObject().value(u"id").toString() == id)
                return r.toObject();
        }
        return {};
    }

    static QJsonObject nodeByName(const QJsonObject& detail, const QString& name)
    {
        for (const QJsonValue& n : detail.value(u"nodes").toArray()) {
            if (n.toObject().value(u"node").toString() == name)
                return n.toObject();
        }
        return {};
    }
};

} // namespace

TEST_F(CliRunsTest, InterruptCancelsPromptlyAndIsRecorded)
{
    auto p = startWaiting(QStringLiteral("cancel-me"));
    QElapsedTimer clock;
    clock.start();
    ASSERT_EQ(::kill(pid_t(p->processId()), SIGINT), 0);
    const bool ended = p->waitForFinished(5000);
    if (!ended)
        p->kill();
    ASSERT_TRUE(ended) << "a 30 s wait must stop when interrupted";
    EXPECT_LT(clock.elapsed(), 2000);
    EXPECT_EQ(p->exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(p->exitCode(), 3) << p->readAllStandardError().toStdString();
    const QByteArray out = p->readAllStandardOutput();
    const QByteArray err = p->readAllStandardError();
    EXPECT_EQ(QString::fromUtf8(err).trimmed().count(u'\n'), 0) << "one error line: " << err.toStdString();
    EXPECT_TRUE(err.contains("cancelled")) << err.toStdString();
    const QJsonObject result = parseJson(out.trimmed().split('\n').last()).object();
    EXPECT_EQ(result.value(u"event").toString(), QStringLiteral("result")) << out.toStdString();
    EXPECT_EQ(result.value(u"status").toString(), QStringLiteral("cancelled")) << out.toStdString();

    const QJsonObject listed = runById(listRuns(), QStringLiteral("cancel-me"));
    EXPECT_EQ(listed.value(u"status").toString(), QStringLiteral("cancelled"));
    EXPECT_FALSE(listed.value(u"finishedAt").isNull());
    const QJsonObject shown = showRun(QStringLiteral("cancel-me"));
    EXPECT_EQ(shown.value(u"status").toString(), QStringLiteral("cancelled"));
    EXPECT_EQ(shown.value(u"flowPath").toString(), path(QStringLiteral("wait.flow.json"))) << "recorded as an absolute path";

    // A second run in the same data folder is recorded beside it, with its node counts.
    const CliResult second = run({QStringLiteral("run"), quickFlow(), QStringLiteral("--run-id"), QStringLiteral("second-run"),
                                  QStringLiteral("--input"), QStringLiteral("-")},
                                 R"([{"n": 1}, {"n": 2}, {"n": 3}])");
    EXPECT_EQ(second.exitCode, 0) << second.describe();
    const QJsonArray runs = listRuns();
    ASSERT_EQ(runs.size(), 2);
    EXPECT_EQ(runs[0].toObject().value(u"id").toString(), QStringLiteral("second-run")) << "newest first";
    EXPECT_EQ(runs[1].toObject().value(u"id").toString(), QStringLiteral("cancel-me"));
    const QJsonObject detail = showRun(QStringLiteral("second-run"));
    EXPECT_EQ(detail.value(u"status").toString(), QStringLiteral("succeeded"));
    const QJsonObject trigger = nodeByName(detail, QStringLiteral("Run"));
    const QJsonObject label = nodeByName(detail, QStringLiteral("Label"));
    EXPECT_EQ(trigger.value(u"itemsOut").toInt(), 3) << QJsonDocument(detail).toJson().toStdString();
    EXPECT_EQ(label.value(u"itemsIn").toInt(), 3);
    EXPECT_EQ(label.value(u"itemsOut").toInt(), 3);
    EXPECT_EQ(label.value(u"status").toString(), QStringLiteral("succeeded"));
    // Store mode "full": the node's output items are kept.
    const QJsonArray outputs = label.value(u"outputs").toArray();
    ASSERT_EQ(outputs.size(), 1);
    EXPECT_EQ(outputs[0].toObject().value(u"items").toArray(),
              parseJson(R"([{"n": 1, "label": "#1"}, {"n": 2, "label": "#2"}, {"n": 3, "label": "#3"}])").array());
}

TEST_F(CliRunsTest, KilledRunShowsAsInterrupted)
{
    auto p = startWaiting(QStringLiteral("killed-run"));
    // The recorder commits in batches (RunWriter::batchWindowMs): wait until the run's row is visible. Listing
    // it meanwhile must not mark it interrupted: its process holds the run's lock.
    QElapsedTimer clock;
    clock.start();
    QString status;
    while (clock.elapsed() < 5000 && status.isEmpty())
        status = runById(listRuns(), QStringLiteral("killed-run")).value(u"status").toString();
    ASSERT_EQ(status, QStringLiteral("running"));
    ASSERT_EQ(p->state(), QProcess::Running);
    ASSERT_EQ(::kill(pid_t(p->processId()), SIGKILL), 0);
    ASSERT_TRUE(p->waitForFinished(5000));
    EXPECT_EQ(p->exitStatus(), QProcess::CrashExit);

    const QJsonObject listed = runById(listRuns(), QStringLiteral("killed-run"));
    EXPECT_EQ(listed.value(u"status").toString(), QStringLiteral("interrupted"));
    EXPECT_EQ(nodeByName(showRun(QStringLiteral("killed-run")), QStringLiteral("Wait")).value(u"status").toString(),
              QStringLiteral("interrupted"));

    const CliResult human = run({QStringLiteral("runs"), QStringLiteral("show"), QStringLiteral("killed")}); // a prefix
    EXPECT_EQ(human.exitCode, 0) << human.describe();
    EXPECT_TRUE(human.outText().contains(QStringLiteral("status    interrupted"))) << human.describe();
    EXPECT_TRUE(human.outText().contains(QStringLiteral("duration  -\n"))) << human.describe();
    EXPECT_TRUE(human.outText().contains(QStringLiteral("interrupted  Wait"))) << human.describe();
}

TEST_F(CliRunsTest, RunsShowNamesNodesAndErrors)
{
    const QString flow = writeFlow(QStringLiteral("fail.flow.json"),
                                   {QStringLiteral(R"({"id": "r", "type": "core.csvRead", "typeVersion": 1, "name": "Read orders", "params": {"path": "missing.csv"}})")},
                                   {QStringLiteral(R"({"from": "t", "to": "r"})")});
    EXPECT_EQ(run({QStringLiteral("run"), flow, QStringLiteral("--run-id"), QStringLiteral("failed-run")}).exitCode, 1);
    const CliResult r = run({QStringLiteral("runs"), QStringLiteral("show"), QStringLiteral("failed-run")});
    EXPECT_EQ(r.exitCode, 0) << r.describe();
    const QString text = r.outText();
    EXPECT_TRUE(text.contains(QStringLiteral("status    failed"))) << r.describe();
    EXPECT_TRUE(text.contains(QStringLiteral("error     node \"Read orders\" (core.csvRead): parameter \"path\" = \"missing.csv\"")))
        << r.describe();
    EXPECT_TRUE(text.contains(QStringLiteral("succeeded    Run "))) << r.describe();
    EXPECT_TRUE(text.contains(QStringLiteral("failed       Read orders"))) << r.describe();
    EXPECT_TRUE(text.contains(QStringLiteral("no such file"))) << "the node's own error: " << r.describe();
    EXPECT_FALSE(text.contains(u'{')) << "no raw JSON: " << r.describe();

    const CliResult listed = run({QStringLiteral("runs"), QStringLiteral("list")});
    EXPECT_TRUE(listed.outText().contains(QStringLiteral("failed-r"))) << listed.describe();
    EXPECT_TRUE(listed.outText().contains(QStringLiteral("(failed at \"Read orders\")"))) << listed.describe();
}

TEST_F(CliRunsTest, ShowUnknownIdIsAUsageError)
{
    EXPECT_EQ(run({QStringLiteral("run"), quickFlow(), QStringLiteral("--run-id"), QStringLiteral("known")}).exitCode, 0);
    const CliResult r = run({QStringLiteral("runs"), QStringLiteral("show"), QStringLiteral("unknown-id"), QStringLiteral("--json")});
    EXPECT_EQ(r.exitCode, 2) << r.describe();
    ASSERT_EQ(r.errLines().size(), 1) << r.describe();
    EXPECT_TRUE(r.errText().contains(QStringLiteral("unknown-id"))) << r.describe();
    EXPECT_TRUE(r.out.isEmpty()) << r.describe();
}

TEST_F(CliRunsTest, PruneKeepsTheNewest)
{
    const QString flow = quickFlow();
    for (const QString& id : {QStringLiteral("run-1"), QStringLiteral("run-2"), QStringLiteral("run-3")})
        ASSERT_EQ(run({QStringLiteral("run"), flow, QStringLiteral("--run-id"), id, QStringLiteral("--quiet")}).exitCode, 0);
    ASSERT_EQ(listRuns().size(), 3);

    const CliResult r = run({QStringLiteral("runs"), QStringLiteral("prune"), QStringLiteral("--keep"), QStringLiteral("1")});
    EXPECT_EQ(r.exitCode, 0) << r.describe();
    EXPECT_EQ(r.outText(), QStringLiteral("deleted 2 runs\n")) << r.describe();
    const QJsonArray left = listRuns();
    ASSERT_EQ(left.size(), 1);
    EXPECT_EQ(left[0].toObject().value(u"id").toString(), QStringLiteral("run-3"));
    EXPECT_EQ(run({QStringLiteral("runs"), QStringLiteral("show"), QStringLiteral("run-1")}).exitCode, 2);

    const CliResult bad = run({QStringLiteral("runs"), QStringLiteral("prune"), QStringLiteral("--keep"), QStringLiteral("many")});
    EXPECT_EQ(bad.exitCode, 2) << bad.describe();
}

TEST_F(CliRunsTest, DataDirOptionWinsOverTaskloomHome)
{
    const QString other = path(QStringLiteral("other-data"));
    EXPECT_EQ(run({QStringLiteral("run"), quickFlow(), QStringLiteral("--data-dir"), other, QStringLiteral("--run-id"),
                   QStringLiteral("elsewhere")})
                  .exitCode,
              0);
    EXPECT_TRUE(QFileInfo::exists(other + QStringLiteral("/runs.db")));
    EXPECT_TRUE(listRuns().isEmpty()) << "TASKLOOM_HOME holds no run";
    for (const QStringList& form : {QStringList{QStringLiteral("--data-dir"), other}, QStringList{QStringLiteral("--data-dir=") + other}}) {
        const CliResult r = run(QStringList{QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--json")} + form);
        EXPECT_EQ(r.exitCode, 0) << r.describe();
        EXPECT_EQ(parseJson(r.out).array().size(), 1) << r.describe();
    }
}

} // namespace taskloom::tests
