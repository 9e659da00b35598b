// The executor's error handling: retries, and the on-error settings stop, continue and route.

#include "ExecutorFixture.hpp"

using namespace taskloom::engine;
using namespace taskloom::tests;

namespace {

FlowNode flakyNode(int failures, std::optional<RetryPolicy> retry, bool retryable = true)
{
    FlowNode n = node(QStringLiteral("flaky"), QStringLiteral("test.flaky"), Object{{"failures", failures}, {"retryable", retryable}});
    n.settings.retry = retry;
    return n;
}

Flow flakyFlow(FlowNode flaky)
{
    return makeFlow({node(QStringLiteral("t"), QStringLiteral("core.manualTrigger")), std::move(flaky),
                     node(QStringLiteral("end"), QStringLiteral("core.noop"))},
                    {wire("t", "flaky"), wire("flaky", "end")});
}

// Retries without waiting: the backoff is a millisecond.
constexpr RetryPolicy fastRetry(int count) { return RetryPolicy{count, 1, 1, 1}; }

TEST_F(ExecutorTest, RetriesUntilTheNodeSucceeds)
{
    const RunResult r = run(flakyFlow(flakyNode(2, fastRetry(2))));
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_EQ(toJson(r.output), R"([{"attempt":3}])");
    const NodeResult* flaky = nodeResult(r, QStringLiteral("flaky"));
    ASSERT_NE(flaky, nullptr);
    EXPECT_EQ(flaky->attempts, 3);
    EXPECT_EQ(flaky->status, NodeStatus::Succeeded);
    EXPECT_EQ(stats->flakyCalls.load(), 3);
    const QList<RunEvent> retries = events.ofType(RunEvent::Type::NodeRetry);
    ASSERT_EQ(retries.size(), 2);
    EXPECT_EQ(retries[0].attempt, 2);
    EXPECT_EQ(retries[1].attempt, 3);
    EXPECT_EQ(retries[0].errorCode, "FLAKY");
    EXPECT_TRUE(retries[0].message.startsWith(u"attempt 1 failed; retry 1 of 2")) << retries[0].message.toStdString();
    EXPECT_TRUE(retries[1].message.startsWith(u"attempt 2 failed; retry 2 of 2")) << retries[1].message.toStdString();
    // One NodeStarted and one NodeFinished however many attempts.
    int started = 0;
    for (const RunEvent& e : events.ofType(RunEvent::Type::NodeStarted))
        started += e.nodeId == u"flaky" ? 1 : 0;
    EXPECT_EQ(started, 1);
}

TEST_F(ExecutorTest, TooFewRetriesFailTheRun)
{
    const RunResult r = run(flakyFlow(flakyNode(2, fastRetry(1))));
    EXPECT_EQ(r.status, RunStatus::Failed);
    EXPECT_EQ(r.exitCode(), 1);
    EXPECT_EQ(r.errorCode, "FLAKY");
    EXPECT_EQ(r.failedNodeId, "flaky");
    EXPECT_EQ(r.error, "node \"flaky\" (test.flaky): attempt 2 failed");
    const NodeResult* flaky = nodeResult(r, QStringLiteral("flaky"));
    EXPECT_EQ(flaky->attempts, 2);
    EXPECT_EQ(flaky->status, NodeStatus::Failed);
    EXPECT_EQ(events.ofType(RunEvent::Type::NodeRetry).size(), 1);
    EXPECT_EQ(nodeResult(r, QStringLiteral("end"))->status, NodeStatus::Skipped);
}

TEST_F(ExecutorTest, NonRetryableErrorsAreNotRetried)
{
    const RunResult r = run(flakyFlow(flakyNode(1, fastRetry(5), false)));
    EXPECT_EQ(r.status, RunStatus::Failed);
    EXPECT_EQ(nodeResult(r, QStringLiteral("flaky"))->attempts, 1);
    EXPECT_EQ(stats->flakyCalls.load(), 1);
    EXPECT_TRUE(events.ofType(RunEvent::Type::NodeRetry).isEmpty());
}

TEST_F(ExecutorTest, NoRetryPolicyMeansTheTypesDefault)
{
    // test.flaky's spec retries nothing by default.
    const RunResult r = run(flakyFlow(flakyNode(1, std::nullopt)));
    EXPECT_EQ(r.status, RunStatus::Failed);
    EXPECT_EQ(stats->flakyCalls.load(), 1);
}

TEST_F(ExecutorTest, RetriesWaitForTheirBackoff)
{
    const RunResult r = run(flakyFlow(flakyNode(1, RetryPolicy{1, 300, 1, 1000})));
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    // Jitter waits between half and all of the backoff.
    EXPECT_GE(lastRunMs, 150);
}

TEST_F(ExecutorTest, OnErrorContinuePutsTheErrorIntoTheItems)
{
    FlowNode flaky = flakyNode(99, std::nullopt);
    flaky.settings.onError = OnError::Continue;
    RunOptions o;
    o.input = items({Object{{"id", 1}}, Object{{"id", 2}}});
    const RunResult r = run(flakyFlow(flaky), o);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_EQ(toJson(r.output), R"([{"id":1,"error":{"message":"attempt 1 failed","code":"FLAKY","node":"flaky"}},)"
                                R"({"id":2,"error":{"message":"attempt 1 failed","code":"FLAKY","node":"flaky"}}])");
    const NodeResult* n = nodeResult(r, QStringLiteral("flaky"));
    EXPECT_EQ(n->status, NodeStatus::Succeeded);
    EXPECT_EQ(n->errorCode, "FLAKY");
    // The failure is reported as a warning.
    bool warned = false;
    for (const RunEvent& e : events.ofType(RunEvent::Type::Log))
        warned = warned || (e.level == LogLevel::Warning && e.nodeId == u"flaky" && e.errorCode == u"FLAKY");
    EXPECT_TRUE(warned);
}

TEST_F(ExecutorTest, OnErrorContinuePerItem)
{
    FlowNode fail = node(QStringLiteral("fail"), QStringLiteral("test.failItems"));
    fail.settings.onError = OnError::Continue;
    const Flow flow = makeFlow({node(QStringLiteral("t"), QStringLiteral("core.manualTrigger")), fail},
                               {wire("t", "fail")});
    RunOptions o;
    o.input = items({Object{{"id", 1}}, Object{{"id", 2}, {"bad", true}}, Object{{"id", 3}}});
    const RunResult r = run(flow, o);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_EQ(toJson(r.output), R"([{"id":1},{"id":2,"bad":true,"error":{"message":"item 1 is bad","code":"BAD_ITEM","node":"fail"}},)"
                                R"({"id":3}])");
}

TEST_F(ExecutorTest, OnErrorStopFailsOnTheFirstBadItem)
{
    const Flow flow = makeFlow({node(QStringLiteral("t"), QStringLiteral("core.manualTrigger")),
                                node(QStringLiteral("fail"), QStringLiteral("test.failItems"))},
                               {wire("t", "fail")});
    RunOptions o;
    o.input = items({Object{{"id", 1}}, Object{{"id", 2}, {"bad", true}}});
    const RunResult r = run(flow, o);
    EXPECT_EQ(r.status, RunStatus::Failed);
    EXPECT_EQ(r.errorCode, "BAD_ITEM");
    EXPECT_EQ(r.error, "node \"fail\" (test.failItems): item 1 is bad");
}

TEST_F(ExecutorTest, OnErrorRouteSendsFailuresToTheErrorOutput)
{
    FlowNode fail = node(QStringLiteral("fail"), QStringLiteral("test.failItems"));
    fail.settings.onError = OnError::Route;
    const Flow flow = makeFlow({node(QStringLiteral("t"), QStringLiteral("core.manualTrigger")), fail,
                                node(QStringLiteral("good"), QStringLiteral("core.noop")),
                                node(QStringLiteral("bad"), QStringLiteral("core.noop"))},
                               {wire("t", "fail"), wire("fail", "good"), wire("fail", "bad", "error")});
    RunOptions o;
    o.input = items({Object{{"id", 1}}, Object{{"id", 2}, {"bad", true}}, Object{{"id", 3}}});
    const RunResult r = run(flow, o);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_EQ(toJson(r.outputs.value(QStringLiteral("good"))), R"([{"id":1},{"id":3}])");
    EXPECT_EQ(toJson(r.outputs.value(QStringLiteral("bad"))),
              R"([{"id":2,"bad":true,"error":{"message":"item 1 is bad","code":"BAD_ITEM","node":"fail"}}])");
}

TEST_F(ExecutorTest, OnErrorRouteForAWholeCall)
{
    FlowNode flaky = flakyNode(99, std::nullopt);
    flaky.settings.onError = OnError::Route;
    const Flow flow = makeFlow({node(QStringLiteral("t"), QStringLiteral("core.manualTrigger")), flaky,
                                node(QStringLiteral("good"), QStringLiteral("core.noop")),
                                node(QStringLiteral("bad"), QStringLiteral("core.noop"))},
                               {wire("t", "flaky"), wire("flaky", "good"), wire("flaky", "bad", "error")});
    const RunResult r = run(flow);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_EQ(nodeResult(r, QStringLiteral("good"))->status, NodeStatus::Skipped);
    EXPECT_EQ(toJson(r.outputs.value(QStringLiteral("bad"))),
              R"([{"error":{"message":"attempt 1 failed","code":"FLAKY","node":"flaky"}}])");
}

TEST_F(ExecutorTest, ContinueAfterRetriesAreUsedUp)
{
    FlowNode flaky = flakyNode(99, fastRetry(2));
    flaky.settings.onError = OnError::Continue;
    const RunResult r = run(flakyFlow(flaky));
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_EQ(stats->flakyCalls.load(), 3);
    EXPECT_EQ(toJson(r.output), R"([{"error":{"message":"attempt 3 failed","code":"FLAKY","node":"flaky"}}])");
}

TEST_F(ExecutorTest, StopWithErrorFailsTheRunWithItsMessage)
{
    const Flow flow = makeFlow({node(QStringLiteral("t"), QStringLiteral("core.manualTrigger")),
                                node(QStringLiteral("stop"), QStringLiteral("core.stopError"),
                                     Object{{"message", "order {{ item.id }} is invalid"}, {"code", "BAD_ORDER"}})},
                               {wire("t", "stop")});
    RunOptions o;
    o.input = items({Object{{"id", 7}}});
    const RunResult r = run(flow, o);
    EXPECT_EQ(r.status, RunStatus::Failed);
    EXPECT_EQ(r.errorCode, "BAD_ORDER");
    EXPECT_EQ(r.error, "node \"stop\" (core.stopError): order 7 is invalid");
}

TEST_F(ExecutorTest, AFailureStopsTheOtherBranches)
{
    // One branch fails at once; the other would sleep for ten seconds.
    const Flow flow = makeFlow({node(QStringLiteral("t"), QStringLiteral("core.manualTrigger")),
                                node(QStringLiteral("flaky"), QStringLiteral("test.flaky"), Object{{"failures", 9}}),
                                node(QStringLiteral("sleep"), QStringLiteral("test.sleep"), Object{{"ms", 10000}})},
                               {wire("t", "flaky"), wire("t", "sleep")});
    RunOptions o;
    o.threads = 2;
    const RunResult r = run(flow, o);
    EXPECT_EQ(r.status, RunStatus::Failed);
    EXPECT_EQ(r.failedNodeId, "flaky");
    EXPECT_LT(lastRunMs, 3000);
}

} // namespace
