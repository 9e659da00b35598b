// Partial runs: the flows behind the studio's "Run up to this node" and "Re-run this node on its last inputs",
// run through the real executor.

#include "TestRuntime.hpp"

#include "app/runtime/PartialRun.hpp"

#include "engine/Executor.hpp"
#include "engine/FlowReader.hpp"

#include <QCoreApplication>

#include <gtest/gtest.h>

using namespace taskloom;
using namespace taskloom::engine;

namespace {

using test::runtime;

Flow parse(const char* json)
{
    FlowReader::Result r = FlowReader::parse(QByteArray(json), runtime().registry());
    if (!r.flow)
        throw std::runtime_error(r.problems.isEmpty() ? "unreadable" : r.problems.first().toString().toStdString());
    return *r.flow;
}

// Start -> Split (set: n = 1, 2) -> If (n > 1) --true--> Big (set: label from node["Start"]) ; --false--> Small
//                                  \-> Other (noop)
const char* flowJson = R"({
  "format": "taskloom-flow", "version": 1, "id": "7e0c3d57-0000-4000-8000-000000000001", "name": "partial",
  "nodes": [
    {"id": "start", "type": "core.manualTrigger", "name": "Start"},
    {"id": "big", "type": "core.set", "name": "Big",
     "params": {"fields": [{"name": "label", "value": "big {{ item.n }} of {{ #node[\"Start\"].items }}"}]}},
    {"id": "if", "type": "core.if", "name": "If", "params": {"rules": [{"field": "n", "operator": "gt", "value": "1"}]}},
    {"id": "small", "type": "core.noop", "name": "Small"},
    {"id": "other", "type": "core.noop", "name": "Other"}
  ],
  "connections": [
    {"from": "start", "to": "if"},
    {"from": "start", "to": "other"},
    {"from": "if", "output": "true", "to": "big"},
    {"from": "if", "output": "false", "to": "small"}
  ]
})";

RunResult run(const Flow& flow, ItemList input, QSet<QString> capture)
{
    Executor executor(runtime().registry(), &runtime().expressions());
    RunOptions options;
    options.input = std::move(input);
    options.captureNodes = std::move(capture);
    options.threads = 1;
    return executor.run(flow, options);
}

ItemList numbers(std::initializer_list<int> ns)
{
    ItemList items;
    for (int n : ns)
        items.append(Item(Object{{QStringLiteral("n"), n}}));
    return items;
}

QStringList nodeIds(const Flow& f)
{
    QStringList ids;
    for (const FlowNode& n : f.nodes)
        ids.append(n.id);
    return ids;
}

} // namespace

TEST(PartialRun, UpstreamFollowsConnectionsAndStopsAtLoops)
{
    const Flow f = parse(flowJson);
    EXPECT_EQ(app::upstreamOf(f, QStringLiteral("big")), (QSet<QString>{QStringLiteral("if"), QStringLiteral("start")}));
    EXPECT_TRUE(app::upstreamOf(f, QStringLiteral("start")).isEmpty());
    Flow cyclic = f;
    cyclic.connections.push_back({QStringLiteral("big"), QStringLiteral("out"), QStringLiteral("if"), QStringLiteral("in")});
    EXPECT_EQ(app::upstreamOf(cyclic, QStringLiteral("big")), (QSet<QString>{QStringLiteral("if"), QStringLiteral("start")}));
}

TEST(PartialRun, UpToANodeLeavesOutWhatComesAfterAndBeside)
{
    const Flow f = parse(flowJson);
    auto upTo = app::flowUpTo(f, QStringLiteral("if"));
    ASSERT_TRUE(upTo) << upTo.error().toStdString();
    EXPECT_EQ(nodeIds(*upTo), (QStringList{QStringLiteral("start"), QStringLiteral("if")}));
    ASSERT_EQ(upTo->connections.size(), 1u);
    const RunResult r = run(*upTo, numbers({1, 2, 3}), {});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    ASSERT_EQ(r.nodes.size(), 2);
    EXPECT_FALSE(app::flowUpTo(f, QStringLiteral("nope")));
}

TEST(PartialRun, RerunReplaysTheLastInputsThroughTheRightOutput)
{
    const Flow f = parse(flowJson);
    // The "last run": Start emitted n = 1, 2, 3; If sent 2 and 3 to "true", 1 to "false".
    QHash<QString, app::NodeOutput> last;
    last.insert(QStringLiteral("start"), {{numbers({1, 2, 3})}, true});
    last.insert(QStringLiteral("if"), {{numbers({2, 3}), numbers({1})}, true});
    auto rerun = app::flowForRerun(f, QStringLiteral("big"), last, runtime().registry());
    ASSERT_TRUE(rerun) << rerun.error().toStdString();
    EXPECT_EQ(nodeIds(*rerun), (QStringList{QStringLiteral("start"), QStringLiteral("big"), QStringLiteral("if")}));
    const RunResult r = run(*rerun, numbers({7, 8, 9, 10}), {QStringLiteral("big")});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    const ItemList out = r.outputs.value(QStringLiteral("big"));
    ASSERT_EQ(out.size(), 2) << "the items If sent to true, not the run's new input";
    EXPECT_EQ(out.at(0).json().value(u"label").toString(), u"big 2 of 3") << "node[\"Start\"] sees Start's last output";
    EXPECT_EQ(out.at(1).json().value(u"label").toString(), u"big 3 of 3");
    for (const NodeResult& n : r.nodes) {
        if (n.nodeId != u"big") {
            EXPECT_EQ(n.status, NodeStatus::Succeeded) << n.nodeName.toStdString() << " replays its pinned items";
        }
    }

    // The false branch gets the false items.
    auto small = app::flowForRerun(f, QStringLiteral("small"), last, runtime().registry());
    ASSERT_TRUE(small);
    const RunResult rs = run(*small, {}, {QStringLiteral("small")});
    ASSERT_EQ(rs.status, RunStatus::Succeeded) << rs.error.toStdString();
    ASSERT_EQ(rs.outputs.value(QStringLiteral("small")).size(), 1);
    EXPECT_EQ(rs.outputs.value(QStringLiteral("small")).first().json().value(u"n").toInt(), 1);
}

TEST(PartialRun, RerunRefusesWhatItCannotReplay)
{
    const Flow f = parse(flowJson);
    QHash<QString, app::NodeOutput> last;
    last.insert(QStringLiteral("start"), {{numbers({1, 2, 3})}, true});
    auto missing = app::flowForRerun(f, QStringLiteral("big"), last, runtime().registry());
    ASSERT_FALSE(missing);
    EXPECT_TRUE(missing.error().contains(QStringLiteral("\"If\""))) << missing.error().toStdString();

    last.insert(QStringLiteral("if"), {{numbers({2}), numbers({1})}, false});
    auto partial = app::flowForRerun(f, QStringLiteral("big"), last, runtime().registry());
    ASSERT_FALSE(partial);
    EXPECT_TRUE(partial.error().contains(QStringLiteral("only part"))) << partial.error().toStdString();

    Flow twice = f;
    twice.connections.push_back({QStringLiteral("if"), QStringLiteral("false"), QStringLiteral("big"), QStringLiteral("in")});
    last.insert(QStringLiteral("if"), {{numbers({2}), numbers({1})}, true});
    auto both = app::flowForRerun(twice, QStringLiteral("big"), last, runtime().registry());
    ASSERT_FALSE(both);
    EXPECT_TRUE(both.error().contains(QStringLiteral("two outputs"))) << both.error().toStdString();
}

TEST(PartialRun, TheFlowsOwnPinnedDataStillApplies)
{
    Flow f = parse(flowJson);
    f.pinData.insert(QStringLiteral("start"), Array{Object{{QStringLiteral("n"), 5}}});
    f.pinData.insert(QStringLiteral("small"), Array{Object{{QStringLiteral("n"), 0}}});
    auto upTo = app::flowUpTo(f, QStringLiteral("big"));
    ASSERT_TRUE(upTo);
    EXPECT_TRUE(upTo->pinData.contains(u"start"));
    EXPECT_FALSE(upTo->pinData.contains(u"small")) << "pins of nodes left out go with them";
    const RunResult r = run(*upTo, numbers({1}), {QStringLiteral("big")});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    ASSERT_EQ(r.outputs.value(QStringLiteral("big")).size(), 1);
    EXPECT_EQ(r.outputs.value(QStringLiteral("big")).first().json().value(u"label").toString(), u"big 5 of 1");
}
