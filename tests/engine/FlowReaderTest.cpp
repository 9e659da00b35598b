#include "TestNodes.hpp"

#include "engine/FlowReader.hpp"
#include "engine/Json.hpp"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace taskloom::engine;
using namespace taskloom::tests;

namespace {

class FlowReaderTest : public ::testing::Test {
protected:
    std::unique_ptr<NodeRegistry> registry = makeRegistry();

    FlowReader::Result parse(const QByteArray& json) { return FlowReader::parse(json, *registry); }

    static QStringList problemTexts(const FlowReader::Result& r)
    {
        QStringList out;
        for (const Problem& p : r.problems)
            out.append(p.toString());
        return out;
    }
    static QStringList errorPaths(const FlowReader::Result& r)
    {
        QStringList out;
        for (const Problem& p : r.problems) {
            if (p.isError())
                out.append(p.path);
        }
        return out;
    }
};

const QByteArray fullFlow = R"({
  "format": "taskloom-flow",
  "version": 1,
  "id": "0b6f3d55-5c3e-4c47-9d0f-8a1e2b3c4d5e",
  "name": "Orders",
  "description": "Imports orders",
  "nodes": [
    {"id": "t", "type": "core.manualTrigger", "typeVersion": 1, "name": "Start", "position": [10, 20], "params": {}},
    {"id": "s", "type": "core.set", "typeVersion": 1, "name": "Set total", "position": {"x": 5.5, "y": -6},
     "params": {"fields": [{"name": "total", "value": "{{ item.a }}"}], "keepOnlySet": true},
     "settings": {"retry": {"count": 3, "backoff": 2, "factor": 1.5, "maxBackoff": 30}, "timeout": 2.5,
                  "onError": "route", "disabled": true, "notes": "check totals"}},
    {"id": "d", "type": "core.noop", "name": "Done"},
    {"id": "e", "type": "core.noop", "name": "Errors", "settings": {"onError": "continue"}}
  ],
  "connections": [
    {"from": "t", "to": "s"},
    {"from": "s", "output": "out", "to": "d", "input": "in"},
    {"from": "s", "output": "error", "to": "e"}
  ],
  "variables": {"zeta": 1, "alpha": "two"},
  "settings": {"storeItemData": "metadata", "timeout": 60, "owner": {"team": "ops"}},
  "pinData": {"t": [{"x": 1}, {"x": 2}]},
  "notes": [{"id": "n1", "text": "Remember", "position": [1, 2], "width": 300, "height": 100, "color": "yellow"}],
  "meta": {"createdWith": "studio 0.1"},
  "futureKey": [1, 2, 3]
})";

TEST_F(FlowReaderTest, ReadsEveryFieldOfTheFormat)
{
    const FlowReader::Result r = parse(fullFlow);
    ASSERT_TRUE(r.ok()) << problemTexts(r).join(u'\n').toStdString();
    EXPECT_TRUE(r.problems.isEmpty()) << problemTexts(r).join(u'\n').toStdString();
    const Flow& f = *r.flow;
    EXPECT_EQ(f.id, "0b6f3d55-5c3e-4c47-9d0f-8a1e2b3c4d5e");
    EXPECT_EQ(f.name, "Orders");
    EXPECT_EQ(f.description, "Imports orders");
    ASSERT_EQ(f.nodes.size(), 4u);

    const FlowNode& t = f.nodes[0];
    EXPECT_EQ(t.id, "t");
    EXPECT_EQ(t.type, "core.manualTrigger");
    EXPECT_EQ(t.name, "Start");
    EXPECT_EQ(t.position.x, 10);
    EXPECT_EQ(t.position.y, 20);
    EXPECT_FALSE(t.placeholder);

    const FlowNode& s = f.nodes[1];
    EXPECT_EQ(s.position.x, 5.5);
    EXPECT_EQ(s.position.y, -6);
    EXPECT_EQ(s.params.keys(), (QStringList{"fields", "keepOnlySet"}));
    EXPECT_EQ(toJson(s.params.value(u"fields")), R"([{"name":"total","value":"{{ item.a }}"}])");
    ASSERT_TRUE(s.settings.retry.has_value());
    EXPECT_EQ(s.settings.retry->maxRetries, 3);
    EXPECT_EQ(s.settings.retry->backoffMs, 2000);
    EXPECT_EQ(s.settings.retry->backoffFactor, 1.5);
    EXPECT_EQ(s.settings.retry->maxBackoffMs, 30000);
    EXPECT_EQ(s.settings.timeoutMs, 2500);
    EXPECT_EQ(s.settings.onError, OnError::Route);
    EXPECT_TRUE(s.settings.disabled);
    EXPECT_EQ(s.settings.notes, "check totals");

    const FlowNode& d = f.nodes[2];
    EXPECT_EQ(d.typeVersion, 1);
    EXPECT_FALSE(d.settings.retry.has_value());
    EXPECT_EQ(d.settings.timeoutMs, 0);
    EXPECT_EQ(d.settings.onError, OnError::Stop);
    EXPECT_FALSE(d.settings.disabled);
    EXPECT_EQ(f.nodes[3].settings.onError, OnError::Continue);

    ASSERT_EQ(f.connections.size(), 3u);
    // Left-out port names mean the first output and the first input.
    EXPECT_EQ(f.connections[0], (Connection{"t", "out", "s", "in"}));
    EXPECT_EQ(f.connections[1], (Connection{"s", "out", "d", "in"}));
    EXPECT_EQ(f.connections[2], (Connection{"s", "error", "e", "in"}));

    EXPECT_EQ(f.variables.keys(), (QStringList{"zeta", "alpha"}));
    EXPECT_EQ(f.settings.storeItemData, StoreItemData::Metadata);
    EXPECT_EQ(f.settings.timeoutMs, 60000);
    EXPECT_EQ(toJson(Value(f.settings.extra)), R"({"owner":{"team":"ops"}})");
    EXPECT_EQ(toJson(Value(f.pinData)), R"({"t":[{"x":1},{"x":2}]})");
    ASSERT_EQ(f.notes.size(), 1u);
    EXPECT_EQ(f.notes[0].id, "n1");
    EXPECT_EQ(f.notes[0].text, "Remember");
    EXPECT_EQ(f.notes[0].position.x, 1);
    EXPECT_EQ(f.notes[0].position.y, 2);
    EXPECT_EQ(f.notes[0].width, 300);
    EXPECT_EQ(f.notes[0].height, 100);
    EXPECT_EQ(f.notes[0].color, "yellow");
    EXPECT_EQ(toJson(Value(f.meta)), R"({"createdWith":"studio 0.1"})");
    EXPECT_EQ(toJson(Value(f.extra)), R"({"futureKey":[1,2,3]})");
}

TEST_F(FlowReaderTest, ReportsEveryProblemWithItsPathInOnePass)
{
    const FlowReader::Result r = parse(R"({
      "format": "taskloom-flow", "version": 1, "id": "f1", "name": "broken",
      "nodes": [
        {"id": "a", "type": "core.manualTrigger", "name": "A", "typeVersion": "one"},
        {"id": "b", "type": "core.noop", "name": "B", "settings": {"onError": "explode", "timeout": -1}},
        {"id": "c", "type": "core.noop", "name": "B", "params": []},
        {"type": "core.noop", "name": "D"},
        {"id": "e", "type": "core.noop", "name": "E", "position": "top left",
         "settings": {"retry": {"count": "many"}, "disabled": "yes"}}
      ],
      "connections": [5, {"from": "a"}],
      "variables": [],
      "settings": {"storeItemData": "all", "timeout": "soon"},
      "pinData": {"a": {"x": 1}, "b": [1]},
      "notes": "none",
      "meta": 3
    })");
    ASSERT_TRUE(r.flow.has_value()); // still opened, so the studio can show the problems
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(errorPaths(r), (QStringList{"meta",
                                          "nodes[0].typeVersion",
                                          "nodes[1].settings.timeout",
                                          "nodes[1].settings.onError",
                                          "nodes[2].params",
                                          "nodes[2].name",
                                          "nodes[3].id",
                                          "nodes[4].position",
                                          "nodes[4].settings.disabled",
                                          "nodes[4].settings.retry.count",
                                          "connections[0]",
                                          "connections[1]",
                                          "variables",
                                          "settings.storeItemData",
                                          "settings.timeout",
                                          "pinData.a",
                                          "pinData.b",
                                          "notes"}))
        << problemTexts(r).join(u'\n').toStdString();
    const QStringList texts = problemTexts(r);
    EXPECT_TRUE(texts.contains(QStringLiteral("nodes[2].name: duplicate node name \"B\" (names are unique in a flow)")));
    EXPECT_TRUE(texts.contains(QStringLiteral("nodes[1].settings.onError: expected \"stop\", \"continue\" or \"route\", found \"explode\"")));
    EXPECT_TRUE(texts.contains(QStringLiteral("nodes[3].id: missing node id")));
    EXPECT_TRUE(texts.contains(QStringLiteral("settings.storeItemData: expected \"full\", \"metadata\" or \"none\", found all")));
}

TEST_F(FlowReaderTest, HeaderProblems)
{
    FlowReader::Result r = parse(R"({"nodes": []})");
    EXPECT_EQ(errorPaths(r), (QStringList{"format", "version", "id"}));
    r = parse(R"({"format": "n8n", "version": 2, "id": "x", "nodes": []})");
    EXPECT_EQ(errorPaths(r), (QStringList{"format", "version"}));
    EXPECT_TRUE(problemTexts(r).join(u'\n').contains(u"newer Taskloom"));
    r = parse(R"({"format": "taskloom-flow", "version": 1, "id": "x"})");
    EXPECT_EQ(errorPaths(r), QStringList{"nodes"});
    r = parse(R"({"format": "taskloom-flow", "version": 1.5, "id": "x", "nodes": {}})");
    EXPECT_EQ(errorPaths(r), (QStringList{"version", "nodes"}));
}

TEST_F(FlowReaderTest, NotAFlow)
{
    FlowReader::Result r = parse("[1, 2]");
    EXPECT_FALSE(r.flow.has_value());
    ASSERT_EQ(r.problems.size(), 1);
    EXPECT_TRUE(r.problems[0].message.contains(u"one JSON object, found array"));

    r = parse("{\n  \"format\": \"taskloom-flow\",\n  \"nodes\": [\n}");
    EXPECT_FALSE(r.flow.has_value());
    ASSERT_EQ(r.problems.size(), 1);
    EXPECT_EQ(r.problems[0].path, "");
    EXPECT_TRUE(r.problems[0].message.startsWith(u"malformed JSON at line 4, column 1:")) << r.problems[0].message.toStdString();
}

TEST_F(FlowReaderTest, UnknownNodeTypesLoadAsPlaceholders)
{
    const FlowReader::Result r = parse(R"({"format": "taskloom-flow", "version": 1, "id": "x", "name": "n",
      "nodes": [
        {"id": "a", "type": "core.manualTrigger", "name": "A"},
        {"id": "b", "type": "acme.crm", "typeVersion": 7, "name": "CRM", "position": [1, 2],
         "params": {"deal": {"stage": "won"}}, "credentials": {"api": "acme"}, "color": "#f00"}
      ],
      "connections": [{"from": "a", "to": "b", "input": "records"}, {"from": "b", "to": "a"}]})");
    ASSERT_TRUE(r.flow.has_value());
    EXPECT_EQ(errorPaths(r), QStringList{"nodes[1].type"});
    EXPECT_TRUE(problemTexts(r).first().contains(u"unknown node type \"acme.crm\""));
    const FlowNode& b = r.flow->nodes[1];
    EXPECT_TRUE(b.placeholder);
    EXPECT_EQ(b.type, "acme.crm");
    EXPECT_EQ(b.typeVersion, 7); // not judged against a spec it does not have
    EXPECT_EQ(toJson(Value(b.raw)),
              R"({"id":"b","type":"acme.crm","typeVersion":7,"name":"CRM","position":[1,2],)"
              R"("params":{"deal":{"stage":"won"}},"credentials":{"api":"acme"},"color":"#f00"})");
    // Ports of a placeholder are unknown: the given names are kept, missing ones stay empty.
    EXPECT_EQ(r.flow->connections[0], (Connection{"a", "out", "b", "records"}));
    EXPECT_EQ(r.flow->connections[1], (Connection{"b", "", "a", ""}));
}

TEST_F(FlowReaderTest, NewerTypeVersionIsAnError)
{
    const FlowReader::Result r = parse(R"({"format": "taskloom-flow", "version": 1, "id": "x", "name": "n",
      "nodes": [{"id": "v", "type": "test.versioned", "typeVersion": 3, "name": "V", "params": {"newName": "x"}}]})");
    EXPECT_EQ(errorPaths(r), QStringList{"nodes[0].typeVersion"});
    EXPECT_EQ(problemTexts(r).first(),
              "nodes[0].typeVersion: test.versioned version 3 was saved by a newer Taskloom; this build knows version 2");
}

TEST_F(FlowReaderTest, OlderTypeVersionIsMigrated)
{
    const FlowReader::Result r = parse(R"({"format": "taskloom-flow", "version": 1, "id": "x", "name": "n",
      "nodes": [{"id": "v", "type": "test.versioned", "typeVersion": 1, "name": "V", "params": {"first": 1, "oldName": "kept"}},
                {"id": "w", "type": "test.versioned", "name": "W", "params": {"oldName": "no typeVersion means 1"}}]})");
    ASSERT_TRUE(r.ok()) << problemTexts(r).join(u'\n').toStdString();
    EXPECT_EQ(r.flow->nodes[0].typeVersion, 2);
    EXPECT_EQ(toJson(Value(r.flow->nodes[0].params)), R"({"first":1,"newName":"kept"})");
    EXPECT_EQ(r.flow->nodes[1].typeVersion, 2);
    EXPECT_EQ(toJson(Value(r.flow->nodes[1].params)), R"({"newName":"no typeVersion means 1"})");
}

TEST_F(FlowReaderTest, ImpossibleTypeVersions)
{
    const FlowReader::Result r = parse(R"({"format": "taskloom-flow", "version": 1, "id": "x", "name": "n",
      "nodes": [{"id": "a", "type": "core.noop", "typeVersion": 0, "name": "A"},
                {"id": "b", "type": "core.noop", "typeVersion": 99999999999, "name": "B"}]})");
    EXPECT_EQ(errorPaths(r), (QStringList{"nodes[0].typeVersion", "nodes[1].typeVersion"}));
}

TEST_F(FlowReaderTest, PinDataForAMissingNodeIsAWarning)
{
    const FlowReader::Result r = parse(R"({"format": "taskloom-flow", "version": 1, "id": "x", "name": "n",
      "nodes": [], "pinData": {"ghost": [{"a": 1}]}})");
    EXPECT_TRUE(r.ok());
    ASSERT_EQ(r.problems.size(), 1);
    EXPECT_EQ(r.problems[0].severity, Problem::Severity::Warning);
    EXPECT_EQ(r.problems[0].path, "pinData.ghost");
}

TEST_F(FlowReaderTest, LoadFromFile)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a.flow.json"));
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("\xEF\xBB\xBF"); // saved by a Windows editor
        f.write(fullFlow);
    }
    FlowReader::Result r = FlowReader::load(path, *registry);
    EXPECT_TRUE(r.ok()) << problemTexts(r).join(u'\n').toStdString();

    r = FlowReader::load(dir.filePath(QStringLiteral("missing.flow.json")), *registry);
    ASSERT_EQ(r.problems.size(), 1);
    EXPECT_EQ(r.problems[0].toString(), "no such file");
    r = FlowReader::load(dir.path(), *registry);
    ASSERT_EQ(r.problems.size(), 1);
    EXPECT_TRUE(r.problems[0].message.contains(u"folder"));
}

} // namespace
