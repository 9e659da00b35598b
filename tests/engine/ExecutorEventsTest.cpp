// What a run reports to its observers: the events, their order and counts, and the redaction of secrets.

#include "ExecutorFixture.hpp"

using namespace taskloom::engine;
using namespace taskloom::tests;

namespace {

QString eventKey(const RunEvent& e)
{
    return RunEvent::typeName(e.type) + (e.nodeId.isEmpty() ? QString() : u':' + e.nodeId);
}

TEST_F(ExecutorTest, EventsComeInAConsistentOrder)
{
    const Flow flow = makeFlow({node(QStringLiteral("t"), QStringLiteral("core.manualTrigger")),
                                node(QStringLiteral("tag"), QStringLiteral("test.batchTag")),
                                node(QStringLiteral("log"), QStringLiteral("core.log"), Object{{"message", "item {{ item.n }}"}}),
                                node(QStringLiteral("unused"), QStringLiteral("core.noop"))},
                               {wire("t", "tag"), wire("tag", "log")});
    RunOptions o;
    o.runId = QStringLiteral("run-1");
    o.input = items({Object{{"n", 1}}, Object{{"n", 2}}});
    const RunResult r = run(flow, o);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_EQ(r.runId, "run-1");

    QStringList keys;
    for (const RunEvent& e : events.events()) {
        if (e.type != RunEvent::Type::Progress)
            keys.append(eventKey(e));
    }
    // An unconnected node is skipped at once, without starting; the rest run one after the other.
    EXPECT_EQ(keys, (QStringList{"runStarted", "nodeFinished:unused", "nodeStarted:t", "nodeFinished:t", "nodeStarted:tag",
                                 "nodeFinished:tag", "nodeStarted:log", "log:log", "log:log", "nodeFinished:log",
                                 "runFinished"}))
        << keys.join(u' ').toStdString();

    for (const RunEvent& e : events.events()) {
        EXPECT_EQ(e.runId, "run-1");
        EXPECT_EQ(e.flowId, flow.id);
        EXPECT_TRUE(e.time.isValid());
        EXPECT_EQ(e.time.timeSpec(), Qt::UTC);
    }
    const QList<RunEvent> finished = events.ofType(RunEvent::Type::NodeFinished);
    ASSERT_EQ(finished.size(), 4);
    EXPECT_EQ(finished[0].nodeStatus, NodeStatus::Skipped);
    EXPECT_EQ(finished[0].message, "not connected");
    EXPECT_TRUE(finished[0].outputSample.isEmpty());
    EXPECT_EQ(finished[1].itemsIn, 0);
    EXPECT_EQ(finished[1].itemsOut, 2);
    EXPECT_EQ(finished[2].itemsIn, 2);
    EXPECT_EQ(finished[2].itemsOut, 2);
    EXPECT_EQ(finished[2].attempt, 1);
    EXPECT_EQ(finished[2].nodeType, "test.batchTag");
    EXPECT_EQ(finished[2].nodeStatus, NodeStatus::Succeeded);
    ASSERT_EQ(finished[2].outputSample.size(), 1);
    EXPECT_EQ(toJson(finished[2].outputSample[0]), R"([{"n":1,"batch":1,"batchSize":2},{"n":2,"batch":1,"batchSize":2}])");
    const QList<RunEvent> logs = events.ofType(RunEvent::Type::Log);
    ASSERT_EQ(logs.size(), 2);
    EXPECT_EQ(logs[0].message, "item 1");
    EXPECT_EQ(logs[1].message, "item 2");
    const RunEvent last = events.events().last();
    EXPECT_EQ(last.runStatus, RunStatus::Succeeded);
    EXPECT_EQ(last.durationMs, r.durationMs);
    EXPECT_EQ(last.toJson().value(u"status").toString(), "succeeded");
}

TEST_F(ExecutorTest, EveryStartedNodeFinishesOnceEvenInParallelAndOnFailure)
{
    const Flow flow = makeFlow({node(QStringLiteral("t"), QStringLiteral("core.manualTrigger")),
                                node(QStringLiteral("a"), QStringLiteral("test.jitter"), Object{{"tag", "a"}}),
                                node(QStringLiteral("b"), QStringLiteral("test.jitter"), Object{{"tag", "b"}}),
                                node(QStringLiteral("boom"), QStringLiteral("test.flaky"), Object{{"failures", 1}}),
                                node(QStringLiteral("after"), QStringLiteral("core.noop"))},
                               {wire("t", "a"), wire("t", "b"), wire("a", "boom"), wire("boom", "after")});
    RunOptions o;
    o.threads = 3;
    for (int repeat = 0; repeat < 10; ++repeat) {
        EventLog log;
        o.observers = {&log};
        Executor executor(*registry, &expressions);
        const RunResult r = executor.run(flow, o);
        EXPECT_EQ(r.status, RunStatus::Failed);
        QHash<QString, int> started;
        QHash<QString, int> finishedCount;
        const QList<RunEvent> all = log.events();
        ASSERT_GE(all.size(), 2);
        EXPECT_EQ(all.first().type, RunEvent::Type::RunStarted);
        EXPECT_EQ(all.last().type, RunEvent::Type::RunFinished);
        for (const RunEvent& e : all) {
            if (e.type == RunEvent::Type::NodeStarted) {
                EXPECT_EQ(finishedCount.value(e.nodeId), 0) << "started after finishing: " << e.nodeId.toStdString();
                ++started[e.nodeId];
            } else if (e.type == RunEvent::Type::NodeFinished) {
                ++finishedCount[e.nodeId];
            }
        }
        for (auto it = started.cbegin(); it != started.cend(); ++it) {
            EXPECT_EQ(it.value(), 1) << it.key().toStdString();
            EXPECT_EQ(finishedCount.value(it.key()), 1) << it.key().toStdString();
        }
        EXPECT_EQ(finishedCount.value(QStringLiteral("boom")), 1);
    }
}

TEST_F(ExecutorTest, OutputSamplesAreCapped)
{
    const Flow flow = makeFlow({node(QStringLiteral("src"), QStringLiteral("test.source"), Object{{"count", 100}})}, {});
    RunOptions o;
    o.batchSize = 7;
    o.maxSampleItems = 5;
    const RunResult r = run(flow, o);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    const QList<RunEvent> finished = events.ofType(RunEvent::Type::NodeFinished);
    ASSERT_EQ(finished.size(), 1);
    ASSERT_EQ(finished[0].outputSample.size(), 1);
    EXPECT_EQ(finished[0].outputSample[0].size(), 5);
    EXPECT_EQ(finished[0].itemsOut, 100);
    EXPECT_EQ(r.output.size(), 100);
}

class RedactionTest : public ExecutorTest {
protected:
    const QString secret = QStringLiteral("tok-7Hq2-SECRET-9xZ");
    FakeCredentialStore store;

    void SetUp() override
    {
        store.add(Credential{QStringLiteral("crm"), QStringLiteral("testToken"),
                             Object{{"user", "alice"}, {"token", secret}}});
    }

    RunResult runSecret(bool fail, OnError onError)
    {
        FlowNode n = node(QStringLiteral("api"), QStringLiteral("test.secret"), Object{{"credential", "crm"}, {"fail", fail}});
        n.settings.onError = onError;
        const Flow flow = makeFlow({node(QStringLiteral("t"), QStringLiteral("core.manualTrigger")), n,
                                    node(QStringLiteral("log"), QStringLiteral("core.log"), Object{{"message", "got {{ item.echo }}"}})},
                                   {wire("t", "api"), wire("api", "log")});
        RunOptions o;
        o.credentials = &store;
        return run(flow, o);
    }
};

TEST_F(RedactionTest, SecretsNeverAppearInEventsLogsOrSamples)
{
    const RunResult r = runSecret(false, OnError::Stop);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    const QString all = events.allText();
    EXPECT_FALSE(all.contains(secret)) << all.toStdString();
    EXPECT_TRUE(all.contains(u"calling the server as alice with token [redacted]")) << all.toStdString();
    EXPECT_TRUE(all.contains(u"sent [redacted]")) << all.toStdString();      // progress
    EXPECT_TRUE(all.contains(u"got Bearer [redacted]")) << all.toStdString(); // a later node's log line
    // The items themselves still carry the value: the next node may need it.
    EXPECT_TRUE(toJson(r.output).contains(secret));
}

TEST_F(RedactionTest, SecretsNeverAppearInErrors)
{
    RunResult r = runSecret(true, OnError::Stop);
    EXPECT_EQ(r.status, RunStatus::Failed);
    EXPECT_FALSE(r.error.contains(secret)) << describe(r);
    EXPECT_TRUE(r.error.contains(u"the server rejected token [redacted]")) << describe(r);
    EXPECT_FALSE(events.allText().contains(secret)) << events.allText().toStdString();

    r = runSecret(true, OnError::Continue);
    EXPECT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_FALSE(events.allText().contains(secret)) << events.allText().toStdString();
    EXPECT_FALSE(toJson(r.output).contains(secret)) << toJson(r.output).toStdString(); // the error field is redacted
}

TEST_F(RedactionTest, MissingCredentialsFailClearly)
{
    FlowNode n = node(QStringLiteral("api"), QStringLiteral("test.secret"), Object{{"credential", "nope"}});
    const Flow flow = makeFlow({node(QStringLiteral("t"), QStringLiteral("core.manualTrigger")), n}, {wire("t", "api")});
    RunResult r = run(flow);
    EXPECT_EQ(r.errorCode, "CREDENTIAL_UNAVAILABLE");
    RunOptions o;
    o.credentials = &store;
    r = run(flow, o);
    EXPECT_EQ(r.errorCode, "CREDENTIAL_NOT_FOUND");
    EXPECT_TRUE(r.error.contains(u"credential \"nope\": no credential named \"nope\"")) << describe(r);
}

} // namespace
