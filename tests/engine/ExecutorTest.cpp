// The executor: linear runs, parallel branches, streaming in bounded memory, disabled and pinned nodes, skipped
// branches, and flows that cannot run.

#include "ExecutorFixture.hpp"

using namespace taskloom::engine;
using namespace taskloom::tests;

namespace {

Object setFields(std::initializer_list<std::pair<const char*, const char*>> fields)
{
    Array rows;
    for (const auto& [name, value] : fields)
        rows.append(Object{{"name", name}, {"value", value}});
    return Object{{"fields", rows}};
}

TEST_F(ExecutorTest, LinearRunProducesTheLastNodesOutput)
{
    const Flow flow = makeFlow({node(QStringLiteral("t"), QStringLiteral("core.manualTrigger")),
                                node(QStringLiteral("set"), QStringLiteral("core.set"),
                                     setFields({{"total", "{{ item.a }}"}, {"label", "fixed"}})),
                                node(QStringLiteral("end"), QStringLiteral("core.noop"))},
                               {wire("t", "set"), wire("set", "end")});
    RunOptions o;
    o.input = items({Object{{"a", 1}}, Object{{"a", 2}, {"z", true}}});
    const RunResult r = run(flow, o);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_EQ(r.exitCode(), 0);
    EXPECT_FALSE(r.runId.isEmpty());
    EXPECT_EQ(toJson(r.output), R"([{"a":1,"total":1,"label":"fixed"},{"a":2,"z":true,"total":2,"label":"fixed"}])");
    EXPECT_EQ(r.outputs.keys(), QList<QString>{"end"}); // only terminal nodes are captured
    EXPECT_FALSE(r.outputTruncated);
    ASSERT_EQ(r.nodes.size(), 3);
    for (const NodeResult& n : r.nodes) {
        EXPECT_EQ(n.status, NodeStatus::Succeeded) << n.nodeId.toStdString();
        EXPECT_EQ(n.itemsOut, 2) << n.nodeId.toStdString();
        EXPECT_EQ(n.attempts, 1) << n.nodeId.toStdString();
    }
    EXPECT_EQ(nodeResult(r, QStringLiteral("t"))->itemsIn, 0);
    EXPECT_EQ(nodeResult(r, QStringLiteral("set"))->itemsIn, 2);
}

TEST_F(ExecutorTest, WithoutInputATriggerEmitsOneEmptyItem)
{
    const Flow flow = makeFlow({node(QStringLiteral("t"), QStringLiteral("core.manualTrigger"))}, {});
    const RunResult r = run(flow);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_EQ(toJson(r.output), "[{}]");
}

TEST_F(ExecutorTest, CaptureNodesAndTruncation)
{
    const Flow flow = makeFlow({node(QStringLiteral("t"), QStringLiteral("core.manualTrigger")),
                                node(QStringLiteral("a"), QStringLiteral("core.noop")),
                                node(QStringLiteral("b"), QStringLiteral("core.noop"))},
                               {wire("t", "a"), wire("a", "b")});
    RunOptions o;
    o.input = items({Object{{"n", 1}}, Object{{"n", 2}}, Object{{"n", 3}}});
    o.captureNodes = {QStringLiteral("a")};
    o.maxCapturedItems = 2;
    const RunResult r = run(flow, o);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_EQ(toJson(r.output), R"([{"n":1},{"n":2}])");
    EXPECT_TRUE(r.outputTruncated);
}

// t -> a, b, c (each sleeps a random moment on its own thread) -> join, whose connections come in the order
// c, a, b; a also feeds tail. The join's input keeps connection order, not the order the branches finished.
TEST_F(ExecutorTest, ParallelBranchesGiveDeterministicOutput)
{
    const auto jitter = [](const char* id) {
        return node(QString::fromLatin1(id), QStringLiteral("test.jitter"), Object{{"maxMs", 3}, {"tag", id}});
    };
    const Flow flow = makeFlow({node(QStringLiteral("t"), QStringLiteral("core.manualTrigger")), jitter("a"), jitter("b"),
                                jitter("c"), node(QStringLiteral("join"), QStringLiteral("core.noop")),
                                node(QStringLiteral("tail"), QStringLiteral("core.noop"))},
                               {wire("t", "a"), wire("t", "b"), wire("t", "c"), wire("c", "join"), wire("a", "join"),
                                wire("b", "join"), wire("a", "tail")});
    RunOptions o;
    o.threads = 4;
    o.input = items({Object{{"i", 1}}, Object{{"i", 2}}, Object{{"i", 3}}});
    QString expected;
    for (const char* tag : {"c", "a", "b", "a"}) {
        for (int i = 1; i <= 3; ++i)
            expected += QStringLiteral(R"({"i":%1,"branch":"%2"},)").arg(i).arg(QString::fromLatin1(tag));
    }
    expected = u'[' + expected.chopped(1) + u']';
    for (int repeat = 0; repeat < 50; ++repeat) {
        const RunResult r = run(flow, o);
        ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
        ASSERT_EQ(toJson(r.output), expected) << "run " << repeat;
    }
}

// A million items through a streaming node: the bounded queues hold the source back, so only a few batches
// exist at any time. Counted by the nodes themselves, not measured in time or bytes.
TEST_F(ExecutorTest, StreamingKeepsMemoryBounded)
{
    constexpr qint64 total = 1000000;
    constexpr qint64 batch = 1000;
    const Flow flow = makeFlow({node(QStringLiteral("src"), QStringLiteral("test.source"), Object{{"count", total}}),
                                node(QStringLiteral("pass"), QStringLiteral("core.noop")),
                                node(QStringLiteral("count"), QStringLiteral("test.counter"))},
                               {wire("src", "pass"), wire("pass", "count")});
    RunOptions o;
    o.batchSize = batch;
    const RunResult r = run(flow, o);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_EQ(toJson(r.output), QStringLiteral(R"([{"count":%1}])").arg(total));
    EXPECT_EQ(stats->emitted.load(), total);
    EXPECT_EQ(stats->consumed.load(), total);
    EXPECT_EQ(stats->sourceCalls.load(), total / batch);
    EXPECT_EQ(stats->counterCalls.load(), total / batch);
    // Two connections of at most 4 queued batches each, plus the batches inside running calls and the first
    // batch kept as the events' output sample: about 10, far below the 1000 batches of an unbounded run.
    EXPECT_LE(stats->maxAhead.load(), 16 * batch) << "source ran " << stats->maxAhead.load() / batch << " batches ahead";
    EXPECT_LE(stats->maxAliveBatches.load(), 16) << stats->maxAliveBatches.load() << " batches alive at once";
    const NodeResult* src = nodeResult(r, QStringLiteral("src"));
    ASSERT_NE(src, nullptr);
    EXPECT_EQ(src->itemsOut, total);
    EXPECT_EQ(nodeResult(r, QStringLiteral("count"))->itemsIn, total);
    std::cout << "[          ] 1,000,000 items: " << lastRunMs << " ms, source at most " << stats->maxAhead.load() / batch
              << " batches ahead, " << stats->maxAliveBatches.load() << " batches alive at once\n";
}

TEST_F(ExecutorTest, ACollectingConsumerLetsTheSourceRunAhead)
{
    // The counterpart of the test above, and the proof that its counters see an unbounded queue: a collect node
    // needs every item at once, so nothing holds the source back.
    constexpr qint64 total = 100000;
    const Flow flow = makeFlow({node(QStringLiteral("src"), QStringLiteral("test.source"), Object{{"count", total}}),
                                node(QStringLiteral("tag"), QStringLiteral("test.batchTag")),
                                node(QStringLiteral("count"), QStringLiteral("test.counter"))},
                               {wire("src", "tag"), wire("tag", "count")});
    RunOptions o;
    o.batchSize = 1000;
    const RunResult r = run(flow, o);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_EQ(stats->maxAhead.load(), total);
    EXPECT_EQ(stats->maxAliveBatches.load(), 100);
}

TEST_F(ExecutorTest, ACollectNodeAfterAStreamSeesEverything)
{
    const Flow flow = makeFlow({node(QStringLiteral("src"), QStringLiteral("test.source"), Object{{"count", 25}}),
                                node(QStringLiteral("tag"), QStringLiteral("test.batchTag"))},
                               {wire("src", "tag")});
    RunOptions o;
    o.batchSize = 10;
    const RunResult r = run(flow, o);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    ASSERT_EQ(r.output.size(), 25);
    EXPECT_EQ(stats->batchCalls.load(), 1); // collect mode: one call with every item
    EXPECT_EQ(r.output.last().json().value(u"i").toInt(), 24);
    EXPECT_EQ(r.output.last().json().value(u"batchSize").toInt(), 25);
}

TEST_F(ExecutorTest, DisabledNodePassesItemsThrough)
{
    FlowNode set = node(QStringLiteral("set"), QStringLiteral("core.set"), setFields({{"added", "yes"}}));
    set.settings.disabled = true;
    FlowNode flaky = node(QStringLiteral("flaky"), QStringLiteral("test.flaky"), Object{{"failures", 99}});
    flaky.settings.disabled = true;
    const Flow flow = makeFlow({node(QStringLiteral("t"), QStringLiteral("core.manualTrigger")), set, flaky},
                               {wire("t", "set"), wire("set", "flaky")});
    RunOptions o;
    o.input = items({Object{{"a", 1}}, Object{{"a", 2}}});
    const RunResult r = run(flow, o);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_EQ(toJson(r.output), R"([{"a":1},{"a":2}])");
    EXPECT_EQ(stats->flakyCalls.load(), 0);
    EXPECT_EQ(nodeResult(r, QStringLiteral("set"))->status, NodeStatus::Succeeded);
}

TEST_F(ExecutorTest, PinnedDataReplacesANodesOutput)
{
    Flow flow = makeFlow({node(QStringLiteral("t"), QStringLiteral("core.manualTrigger")),
                          node(QStringLiteral("flaky"), QStringLiteral("test.flaky"), Object{{"failures", 99}}),
                          node(QStringLiteral("end"), QStringLiteral("core.noop"))},
                         {wire("t", "flaky"), wire("flaky", "end")});
    flow.pinData.insert(QStringLiteral("flaky"), Array{Object{{"pinned", 1}}, Object{{"pinned", 2}}});
    RunResult r = run(flow);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_EQ(toJson(r.output), R"([{"pinned":1},{"pinned":2}])");
    EXPECT_EQ(stats->flakyCalls.load(), 0);

    RunOptions o;
    o.usePinnedData = false; // a production run ignores pins
    r = run(flow, o);
    EXPECT_EQ(r.status, RunStatus::Failed);
    EXPECT_EQ(stats->flakyCalls.load(), 1);
}

TEST_F(ExecutorTest, NodesDownstreamOfAnEmptyBranchAreSkipped)
{
    const Object rules{{"rules", Array{Object{{"field", "x"}, {"operator", "equals"}, {"value", "1"}}}}};
    const Flow flow = makeFlow({node(QStringLiteral("t"), QStringLiteral("core.manualTrigger")),
                                node(QStringLiteral("if"), QStringLiteral("core.if"), rules),
                                node(QStringLiteral("yes"), QStringLiteral("core.noop")),
                                node(QStringLiteral("no"), QStringLiteral("core.noop")),
                                node(QStringLiteral("no2"), QStringLiteral("test.batchTag"))},
                               {wire("t", "if"), wire("if", "yes", "true"), wire("if", "no", "false"), wire("no", "no2")});
    RunOptions o;
    o.input = items({Object{{"x", 1}}, Object{{"x", "1"}}});
    const RunResult r = run(flow, o);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_EQ(toJson(r.output), R"([{"x":1},{"x":"1"}])");
    EXPECT_EQ(nodeResult(r, QStringLiteral("yes"))->status, NodeStatus::Succeeded);
    EXPECT_EQ(nodeResult(r, QStringLiteral("no"))->status, NodeStatus::Skipped);
    EXPECT_EQ(nodeResult(r, QStringLiteral("no2"))->status, NodeStatus::Skipped);
    EXPECT_EQ(stats->batchCalls.load(), 0);
}

TEST_F(ExecutorTest, UnconnectedNodesAreSkipped)
{
    const Flow flow = makeFlow({node(QStringLiteral("t"), QStringLiteral("core.manualTrigger")),
                                node(QStringLiteral("alone"), QStringLiteral("test.batchTag"))},
                               {});
    const RunResult r = run(flow);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_EQ(nodeResult(r, QStringLiteral("alone"))->status, NodeStatus::Skipped);
    EXPECT_EQ(nodeResult(r, QStringLiteral("alone"))->error, "not connected");
}

TEST_F(ExecutorTest, TriggerNodeOptionRunsOnlyThatTrigger)
{
    FlowNode a = node(QStringLiteral("a"), QStringLiteral("core.manualTrigger"));
    FlowNode b = node(QStringLiteral("b"), QStringLiteral("core.manualTrigger"));
    b.name = QStringLiteral("Second");
    const Flow flow = makeFlow({a, b, node(QStringLiteral("end"), QStringLiteral("core.noop"))}, {wire("a", "end"), wire("b", "end")});
    RunOptions o;
    o.triggerNode = QStringLiteral("Second");
    o.input = items({Object{{"from", "input"}}});
    const RunResult r = run(flow, o);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_EQ(toJson(r.output), R"([{"from":"input"}])");
    EXPECT_EQ(nodeResult(r, QStringLiteral("a"))->status, NodeStatus::Skipped);
}

TEST_F(ExecutorTest, UnknownNodeTypeFailsTheRunClearly)
{
    const Flow flow = makeFlow({node(QStringLiteral("t"), QStringLiteral("core.manualTrigger")),
                                node(QStringLiteral("x"), QStringLiteral("acme.gone"))},
                               {wire("t", "x")});
    const RunResult r = run(flow);
    EXPECT_EQ(r.status, RunStatus::Failed);
    EXPECT_EQ(r.exitCode(), 1);
    EXPECT_EQ(r.errorCode, "INVALID_FLOW");
    EXPECT_EQ(r.failedNodeId, "x");
    EXPECT_TRUE(r.error.contains(u"node \"x\" (acme.gone): unknown node type")) << describe(r);
    ASSERT_FALSE(events.events().isEmpty());
    EXPECT_EQ(events.events().last().type, RunEvent::Type::RunFinished);
}

TEST_F(ExecutorTest, MissingPortFailsTheRunClearly)
{
    const Flow flow = makeFlow({node(QStringLiteral("t"), QStringLiteral("core.manualTrigger")),
                                node(QStringLiteral("x"), QStringLiteral("core.noop"))},
                               {wire("t", "x", "out", "nowhere")});
    const RunResult r = run(flow);
    EXPECT_EQ(r.status, RunStatus::Failed);
    EXPECT_EQ(r.errorCode, "INVALID_FLOW");
    EXPECT_TRUE(r.error.contains(u"connections[0]: no such node or port (t.out -> x.nowhere)")) << describe(r);
}

TEST_F(ExecutorTest, ACycleFailsTheRunInsteadOfHanging)
{
    // With a trigger feeding the cycle, and a cycle nothing feeds.
    const Flow fed = makeFlow({node(QStringLiteral("t"), QStringLiteral("core.manualTrigger")),
                               node(QStringLiteral("a"), QStringLiteral("core.noop")),
                               node(QStringLiteral("b"), QStringLiteral("test.batchTag"))},
                              {wire("t", "a"), wire("a", "b"), wire("b", "a")});
    RunResult r = run(fed);
    EXPECT_EQ(r.status, RunStatus::Failed);
    EXPECT_EQ(r.errorCode, "FLOW_STUCK");
    EXPECT_TRUE(r.error.contains(u"cycle")) << describe(r);
    EXPECT_LT(lastRunMs, 5000);

    const Flow unfed = makeFlow({node(QStringLiteral("a"), QStringLiteral("core.noop")),
                                 node(QStringLiteral("b"), QStringLiteral("core.noop"))},
                                {wire("a", "b"), wire("b", "a")});
    r = run(unfed);
    EXPECT_EQ(r.status, RunStatus::Failed);
    EXPECT_EQ(r.errorCode, "FLOW_STUCK");
    EXPECT_LT(lastRunMs, 5000);
}

TEST_F(ExecutorTest, AnEmptyFlowSucceeds)
{
    const RunResult r = run(makeFlow({}, {}));
    EXPECT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_TRUE(r.output.isEmpty());
}

TEST_F(ExecutorTest, VariablesCanBeOverridden)
{
    Flow flow = makeFlow({node(QStringLiteral("t"), QStringLiteral("core.manualTrigger")),
                          node(QStringLiteral("set"), QStringLiteral("core.set"),
                               setFields({{"a", "{{ vars.a }}"}, {"b", "{{ vars.b }}"}}))},
                         {wire("t", "set")});
    flow.variables = Object{{"a", "flow"}, {"b", "flow"}};
    RunOptions o;
    o.variables = Object{{"b", "override"}};
    const RunResult r = run(flow, o);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_EQ(toJson(r.output), R"([{"a":"flow","b":"override"}])");
}

} // namespace
