// The executor's time limits: node timeouts (cooperative or not), the flow's timeout, and cancellation.

#include "ExecutorFixture.hpp"

#include <thread>

using namespace taskloom::engine;
using namespace taskloom::tests;

namespace {

Flow sleepFlow(int ms, bool cooperative, int timeoutMs)
{
    FlowNode sleep = node(QStringLiteral("sleep"), QStringLiteral("test.sleep"), Object{{"ms", ms}, {"cooperative", cooperative}});
    sleep.settings.timeoutMs = timeoutMs;
    return makeFlow({node(QStringLiteral("t"), QStringLiteral("core.manualTrigger")), sleep,
                     node(QStringLiteral("end"), QStringLiteral("core.noop"))},
                    {wire("t", "sleep"), wire("sleep", "end")});
}

TEST_F(ExecutorTest, ANodeWithinItsTimeoutSucceeds)
{
    const RunResult r = run(sleepFlow(20, true, 5000));
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_EQ(toJson(r.output), "[{}]");
}

TEST_F(ExecutorTest, NodeTimeoutTimesTheRunOut)
{
    const RunResult r = run(sleepFlow(10000, true, 200));
    EXPECT_EQ(r.status, RunStatus::TimedOut) << describe(r);
    EXPECT_EQ(r.exitCode(), 4);
    EXPECT_EQ(r.errorCode, "TIMEOUT");
    EXPECT_EQ(r.failedNodeId, "sleep");
    EXPECT_EQ(r.error, "node \"sleep\" (test.sleep): timed out after 0.2 s");
    EXPECT_EQ(nodeResult(r, QStringLiteral("sleep"))->status, NodeStatus::Failed);
    EXPECT_GE(lastRunMs, 200);
    EXPECT_LT(lastRunMs, 2000);
}

TEST_F(ExecutorTest, TimeoutsAreRetriedLikeOtherRetryableErrors)
{
    Flow flow = sleepFlow(10000, true, 100);
    flow.nodes[1].settings.retry = RetryPolicy{1, 1, 1, 1};
    const RunResult r = run(flow);
    EXPECT_EQ(r.status, RunStatus::TimedOut) << describe(r);
    EXPECT_EQ(nodeResult(r, QStringLiteral("sleep"))->attempts, 2);
    EXPECT_EQ(stats->sleepsStarted.load(), 2);
}

TEST_F(ExecutorTest, ANodeIgnoringCancellationIsAbandonedAfterItsDeadlinePlusGrace)
{
    // Times out at 0.2 s, is given 3 s of grace, and keeps sleeping for 30 s: the run ends in between, and the
    // executor is destroyed without waiting for the sleeper (run() returns only after both).
    const RunResult r = run(sleepFlow(30000, false, 200));
    EXPECT_EQ(r.status, RunStatus::TimedOut) << describe(r);
    EXPECT_EQ(r.exitCode(), 4);
    EXPECT_TRUE(r.error.contains(u"did not stop; abandoned")) << describe(r);
    EXPECT_GE(lastRunMs, 3000);
    EXPECT_LT(lastRunMs, 10000);
    EXPECT_EQ(stats->sleepsStarted.load(), 1);
    EXPECT_EQ(stats->sleepsFinished.load(), 0); // still asleep
    EXPECT_EQ(nodeResult(r, QStringLiteral("end"))->status, NodeStatus::Skipped);
}

TEST_F(ExecutorTest, FlowTimeoutStopsTheRun)
{
    Flow flow = sleepFlow(10000, true, 0);
    flow.settings.timeoutMs = 300;
    const RunResult r = run(flow);
    EXPECT_EQ(r.status, RunStatus::TimedOut) << describe(r);
    EXPECT_EQ(r.exitCode(), 4);
    EXPECT_EQ(r.errorCode, "TIMEOUT");
    EXPECT_EQ(r.error, "the flow ran longer than its timeout of 0.3 s");
    EXPECT_LT(lastRunMs, 2000);
}

TEST_F(ExecutorTest, FlowTimeoutStopsParallelBranches)
{
    Flow flow = makeFlow({node(QStringLiteral("t"), QStringLiteral("core.manualTrigger")),
                          node(QStringLiteral("a"), QStringLiteral("test.sleep"), Object{{"ms", 10000}}),
                          node(QStringLiteral("b"), QStringLiteral("test.sleep"), Object{{"ms", 10000}})},
                         {wire("t", "a"), wire("t", "b")});
    flow.settings.timeoutMs = 300;
    RunOptions o;
    o.threads = 3;
    const RunResult r = run(flow, o);
    EXPECT_EQ(r.status, RunStatus::TimedOut) << describe(r);
    EXPECT_LT(lastRunMs, 2000);
}

TEST_F(ExecutorTest, CancellationFromAnotherThreadIsPrompt)
{
    RunOptions o;
    CancellationToken token = o.cancellation;
    std::thread canceller([token] {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        token.cancel(QStringLiteral("user pressed stop"));
    });
    const RunResult r = run(sleepFlow(10000, true, 0), o);
    canceller.join();
    EXPECT_EQ(r.status, RunStatus::Cancelled) << describe(r);
    EXPECT_EQ(r.exitCode(), 3);
    EXPECT_EQ(r.errorCode, "CANCELLED");
    EXPECT_LT(lastRunMs, 1500);
    ASSERT_FALSE(events.events().isEmpty());
    EXPECT_EQ(events.events().last().type, RunEvent::Type::RunFinished);
    EXPECT_EQ(events.events().last().runStatus, RunStatus::Cancelled);
}

TEST_F(ExecutorTest, CancellationOfAStreamingRun)
{
    const Flow flow = makeFlow({node(QStringLiteral("src"), QStringLiteral("test.source"), Object{{"count", 1000000000}}),
                                node(QStringLiteral("count"), QStringLiteral("test.counter"))},
                               {wire("src", "count")});
    RunOptions o;
    o.batchSize = 100;
    CancellationToken token = o.cancellation;
    std::thread canceller([token] {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        token.cancel();
    });
    const RunResult r = run(flow, o);
    canceller.join();
    EXPECT_EQ(r.status, RunStatus::Cancelled) << describe(r);
    EXPECT_LT(lastRunMs, 1500);
}

TEST_F(ExecutorTest, ACancelledTokenBeforeTheRunStartsNothing)
{
    RunOptions o;
    o.cancellation.cancel();
    const RunResult r = run(sleepFlow(10000, true, 0), o);
    EXPECT_EQ(r.status, RunStatus::Cancelled) << describe(r);
    EXPECT_EQ(stats->sleepsStarted.load(), 0);
}

TEST(CancellationToken, ChildrenFollowParentsAndDeadlines)
{
    CancellationToken parent;
    const CancellationToken child = parent.child();
    const CancellationToken timed = parent.child(CancellationToken::Clock::now() + std::chrono::milliseconds(50));
    EXPECT_FALSE(child.isCancelled());
    EXPECT_FALSE(timed.isCancelled());
    EXPECT_FALSE(timed.sleepFor(std::chrono::milliseconds(2000)));
    EXPECT_TRUE(timed.timedOut());
    EXPECT_TRUE(timed.isCancelled());
    EXPECT_EQ(timed.reason(), "timed out");
    EXPECT_FALSE(child.isCancelled()); // a sibling's deadline is not ours
    parent.cancel(QStringLiteral("stop"));
    EXPECT_TRUE(child.isCancelled());
    EXPECT_FALSE(child.timedOut());
    EXPECT_EQ(child.reason(), "stop");
    // A grandchild inherits the nearer deadline.
    const auto soon = CancellationToken::Clock::now() + std::chrono::milliseconds(10);
    CancellationToken fresh;
    EXPECT_EQ(fresh.child(soon).child().deadline(), soon);
}

} // namespace
