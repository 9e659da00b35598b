// Runs within runs: the Loop node's body and the Sub-flow node.

#include "ExecutorFixture.hpp"

#include "engine/FlowWriter.hpp"

#include <QCoreApplication>
#include <QDir>
#include <QTemporaryDir>

using namespace taskloom::engine;
using namespace taskloom::tests;

namespace {

ItemList numbered(int count)
{
    ItemList out;
    for (int n = 1; n <= count; ++n)
        out.append(Item(Object{{"n", n}}));
    return out;
}

// t -> loop; loop.loop -> tag -> set -> if; if.true -> loop.return (if.false goes nowhere); loop.done -> end
Flow loopFlow(int batchSize)
{
    const Object setParams{{"fields", Array{Object{{"name", "seen"}, {"value", "yes"}}}}};
    const Object ifParams{{"rules", Array{Object{{"field", "n"}, {"operator", "gt"}, {"value", "2"}}}}};
    return makeFlow({node(QStringLiteral("t"), QStringLiteral("core.manualTrigger")),
                     node(QStringLiteral("loop"), QStringLiteral("core.loop"), Object{{"batchSize", batchSize}}),
                     node(QStringLiteral("tag"), QStringLiteral("test.batchTag")),
                     node(QStringLiteral("set"), QStringLiteral("core.set"), setParams),
                     node(QStringLiteral("if"), QStringLiteral("core.if"), ifParams),
                     node(QStringLiteral("end"), QStringLiteral("core.noop"))},
                    {wire("t", "loop"), wire("loop", "tag", "loop"), wire("tag", "set"), wire("set", "if"),
                     wire("if", "loop", "true", "return"), wire("loop", "end", "done")});
}

QString loopItem(int n, int batch, int batchSize)
{
    return QStringLiteral(R"({"n":%1,"batch":%2,"batchSize":%3,"seen":"yes"})").arg(n).arg(batch).arg(batchSize);
}

TEST_F(ExecutorTest, LoopRunsTheBodyOncePerItem)
{
    RunOptions o;
    o.input = numbered(5);
    const RunResult r = run(loopFlow(1), o);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_EQ(stats->batchCalls.load(), 5);
    // Items 1 and 2 leave through the If's unconnected false output: the body returns fewer items.
    EXPECT_EQ(toJson(r.output), u'[' + loopItem(3, 3, 1) + u',' + loopItem(4, 4, 1) + u',' + loopItem(5, 5, 1) + u']');
    // Body nodes report through the enclosing run's events, but are not results of it.
    EXPECT_EQ(nodeResult(r, QStringLiteral("tag")), nullptr);
    EXPECT_EQ(nodeResult(r, QStringLiteral("loop"))->itemsOut, 3);
}

TEST_F(ExecutorTest, LoopRunsTheBodyOncePerBatch)
{
    RunOptions o;
    o.input = numbered(7);
    const RunResult r = run(loopFlow(3), o);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_EQ(stats->batchCalls.load(), 3); // 3 + 3 + 1
    EXPECT_EQ(toJson(r.output), u'[' + loopItem(3, 1, 3) + u',' + loopItem(4, 2, 3) + u',' + loopItem(5, 2, 3) + u','
                                    + loopItem(6, 2, 3) + u',' + loopItem(7, 3, 1) + u']');
}

TEST_F(ExecutorTest, LoopWithNothingConnectedPassesItemsThrough)
{
    const Flow flow = makeFlow({node(QStringLiteral("t"), QStringLiteral("core.manualTrigger")),
                                node(QStringLiteral("loop"), QStringLiteral("core.loop"), Object{{"batchSize", 2}}),
                                node(QStringLiteral("end"), QStringLiteral("core.noop"))},
                               {wire("t", "loop"), wire("loop", "end", "done")});
    RunOptions o;
    o.input = numbered(3);
    const RunResult r = run(flow, o);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_EQ(toJson(r.output), R"([{"n":1},{"n":2},{"n":3}])");
}

TEST_F(ExecutorTest, LoopBodyThatNeverReturnsGivesNothing)
{
    const Flow flow = makeFlow({node(QStringLiteral("t"), QStringLiteral("core.manualTrigger")),
                                node(QStringLiteral("loop"), QStringLiteral("core.loop"), Object{{"batchSize", 2}}),
                                node(QStringLiteral("tag"), QStringLiteral("test.batchTag")),
                                node(QStringLiteral("end"), QStringLiteral("core.noop"))},
                               {wire("t", "loop"), wire("loop", "tag", "loop"), wire("loop", "end", "done")});
    RunOptions o;
    o.input = numbered(3);
    const RunResult r = run(flow, o);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_EQ(stats->batchCalls.load(), 2);
    EXPECT_EQ(nodeResult(r, QStringLiteral("end"))->status, NodeStatus::Skipped);
}

TEST_F(ExecutorTest, AFailureInTheLoopBodyNamesTheBatch)
{
    const Flow flow = makeFlow({node(QStringLiteral("t"), QStringLiteral("core.manualTrigger")),
                                node(QStringLiteral("loop"), QStringLiteral("core.loop"), Object{{"batchSize", 2}}),
                                node(QStringLiteral("fail"), QStringLiteral("test.failItems"))},
                               {wire("t", "loop"), wire("loop", "fail", "loop"), wire("fail", "loop", "out", "return")});
    RunOptions o;
    o.input = items({Object{{"n", 1}}, Object{{"n", 2}}, Object{{"n", 3}, {"bad", true}}, Object{{"n", 4}}, Object{{"n", 5}}});
    const RunResult r = run(flow, o);
    EXPECT_EQ(r.status, RunStatus::Failed);
    EXPECT_EQ(r.errorCode, "LOOP_BODY_FAILED");
    EXPECT_EQ(r.failedNodeId, "loop");
    EXPECT_TRUE(r.error.startsWith(u"node \"loop\" (core.loop): batch 2 of 3: node \"fail\" (test.failItems): item 0 is bad"))
        << describe(r);
}

TEST_F(ExecutorTest, LoopBodyNodesReportEvents)
{
    RunOptions o;
    o.input = numbered(4);
    const RunResult r = run(loopFlow(2), o);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    int tagFinished = 0;
    for (const RunEvent& e : events.ofType(RunEvent::Type::NodeFinished)) {
        EXPECT_FALSE(e.nodeType.startsWith(u"taskloom.internal.")) << e.nodeType.toStdString();
        tagFinished += e.nodeId == u"tag" ? 1 : 0;
    }
    EXPECT_EQ(tagFinished, 2); // once per body run
    EXPECT_EQ(events.ofType(RunEvent::Type::RunStarted).size(), 1);
    EXPECT_EQ(events.ofType(RunEvent::Type::RunFinished).size(), 1);
}

class SubflowTest : public ExecutorTest {
protected:
    QTemporaryDir dir;

    QString save(const QString& name, const Flow& flow)
    {
        const QString path = dir.filePath(name);
        EXPECT_TRUE(FlowWriter::save(flow, path).has_value());
        return path;
    }

    // t -> set {fromChild: "{{ item.n }}"} -> log
    QString saveChild()
    {
        const Object setParams{{"fields", Array{Object{{"name", "fromChild"}, {"value", "{{ item.n }}"}}}}};
        Flow child = makeFlow({node(QStringLiteral("t"), QStringLiteral("core.manualTrigger")),
                               node(QStringLiteral("set"), QStringLiteral("core.set"), setParams),
                               node(QStringLiteral("log"), QStringLiteral("core.log"), Object{{"message", "hello from the child"}})},
                              {wire("t", "set"), wire("set", "log")});
        return save(QStringLiteral("child.flow.json"), child);
    }

    static Flow parentFlow(const QString& subflowPath, const QString& mode = QStringLiteral("once"))
    {
        return makeFlow({node(QStringLiteral("t"), QStringLiteral("core.manualTrigger")),
                         node(QStringLiteral("call"), QStringLiteral("core.subflow"), Object{{"flow", subflowPath}, {"mode", mode}}),
                         node(QStringLiteral("end"), QStringLiteral("core.noop"))},
                        {wire("t", "call"), wire("call", "end")});
    }
};

TEST_F(SubflowTest, RunsAnotherFlowFileWithTheItems)
{
    const QString child = saveChild();
    RunOptions o;
    o.input = numbered(2);
    const RunResult r = run(parentFlow(child), o);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_EQ(toJson(r.output), R"([{"n":1,"fromChild":1},{"n":2,"fromChild":2}])");
    // The child's log lines reach the parent's observers, marked with the file; its node events do not.
    bool logged = false;
    for (const RunEvent& e : events.ofType(RunEvent::Type::Log))
        logged = logged || e.message == u"[child.flow.json] hello from the child";
    EXPECT_TRUE(logged);
    for (const RunEvent& e : events.ofType(RunEvent::Type::NodeStarted))
        EXPECT_NE(e.nodeId, "set");
}

TEST_F(SubflowTest, RelativePathsResolveAgainstTheCallingFlow)
{
    saveChild();
    RunOptions o;
    o.flowPath = dir.filePath(QStringLiteral("parent.flow.json"));
    o.input = numbered(1);
    const RunResult r = run(parentFlow(QStringLiteral("child.flow.json")), o);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_EQ(toJson(r.output), R"([{"n":1,"fromChild":1}])");
}

TEST_F(SubflowTest, OncePerItem)
{
    const QString child = saveChild();
    RunOptions o;
    o.input = numbered(3);
    const RunResult r = run(parentFlow(child, QStringLiteral("each")), o);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_EQ(toJson(r.output), R"([{"n":1,"fromChild":1},{"n":2,"fromChild":2},{"n":3,"fromChild":3}])");
    int childRuns = 0;
    for (const RunEvent& e : events.ofType(RunEvent::Type::Log))
        childRuns += e.message.contains(u"hello from the child") ? 1 : 0;
    EXPECT_EQ(childRuns, 3);
}

TEST_F(SubflowTest, AFlowCallingItselfFailsWithTheDepthError)
{
    const QString self = dir.filePath(QStringLiteral("self.flow.json"));
    save(QStringLiteral("self.flow.json"), parentFlow(self));
    RunOptions o;
    o.flowPath = self;
    const RunResult r = run(parentFlow(self), o);
    EXPECT_EQ(r.status, RunStatus::Failed);
    EXPECT_EQ(r.errorCode, "SUBFLOW_FAILED");
    EXPECT_TRUE(r.error.contains(u"sub-flows nested deeper than 16 levels (does a flow call itself?)")) << describe(r);
    EXPECT_LT(lastRunMs, 10000);
}

TEST_F(SubflowTest, AMissingOrInvalidFlowFileFails)
{
    RunResult r = run(parentFlow(dir.filePath(QStringLiteral("missing.flow.json"))));
    EXPECT_EQ(r.status, RunStatus::Failed);
    EXPECT_EQ(r.errorCode, "SUBFLOW_FAILED");
    EXPECT_TRUE(r.error.contains(u"missing.flow.json: no such file")) << describe(r);

    const QString broken = save(QStringLiteral("broken.flow.json"),
                                makeFlow({node(QStringLiteral("p"), QStringLiteral("test.params"))}, {}));
    r = run(parentFlow(broken));
    EXPECT_EQ(r.status, RunStatus::Failed);
    EXPECT_TRUE(r.error.contains(u"nodes[0].params.url: required parameter missing")) << describe(r);
}

TEST_F(SubflowTest, AFailingSubflowFailsTheCall)
{
    const QString child = save(QStringLiteral("stop.flow.json"),
                               makeFlow({node(QStringLiteral("t"), QStringLiteral("core.manualTrigger")),
                                         node(QStringLiteral("stop"), QStringLiteral("core.stopError"), Object{{"message", "no"}})},
                                        {wire("t", "stop")}));
    const RunResult r = run(parentFlow(child));
    EXPECT_EQ(r.status, RunStatus::Failed);
    EXPECT_EQ(r.error, "node \"call\" (core.subflow): sub-flow stop.flow.json: node \"stop\" (core.stopError): no");
}

} // namespace

TEST_F(ExecutorTest, GuiNodesInALoopBodyOnAPoolThreadRunOnTheMainThread)
{
    // The loop node has a timeout, so it works on a pool thread; its body's GUI node (a browser step) must still
    // run on the application's thread, which the enclosing run occupies while it waits.
    static int argc = 1;
    static char name[] = "test_executor";
    static char* argv[] = {name, nullptr};
    static QCoreApplication* app = QCoreApplication::instance() ? nullptr : new QCoreApplication(argc, argv);
    (void)app;
    Flow flow = makeFlow({node(QStringLiteral("t"), QStringLiteral("core.manualTrigger")),
                          node(QStringLiteral("loop"), QStringLiteral("core.loop"), Object{{"batchSize", 1}}),
                          node(QStringLiteral("gui"), QStringLiteral("test.mainThread")),
                          node(QStringLiteral("end"), QStringLiteral("core.noop"))},
                         {wire("t", "loop"), wire("loop", "gui", "loop"), wire("gui", "loop", "out", "return"),
                          wire("loop", "end", "done")});
    flow.nodes[1].settings.timeoutMs = 20000;
    RunOptions o;
    o.input = numbered(3);
    o.threads = 2;
    const RunResult r = run(flow, o);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_EQ(r.output.size(), 3);
    EXPECT_EQ(stats->mainThreadCalls.load(), 3);
    EXPECT_EQ(stats->otherThreadCalls.load(), 0);
}
