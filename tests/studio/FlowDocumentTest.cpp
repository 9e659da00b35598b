// The document model: every edit is one named undo step, undo restores the exact file, dirty state, atomic save.

#include "StudioTestSupport.hpp"

#include "app/studio/FlowDocument.hpp"
#include "engine/FlowReader.hpp"
#include "engine/FlowWriter.hpp"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace taskloom;
using namespace taskloom::engine;
using namespace taskloom::studio;

namespace {

QByteArray bytes(const FlowDocument& doc)
{
    return FlowWriter::serialize(doc.flow());
}

} // namespace

TEST(FlowDocument, NewFlowHasATriggerAndIsClean)
{
    auto doc = test::makeDocument();
    doc->newFlow();
    ASSERT_EQ(doc->flow().nodes.size(), 1u);
    EXPECT_EQ(doc->flow().nodes[0].type, u"core.manualTrigger");
    EXPECT_FALSE(doc->flow().id.isEmpty());
    EXPECT_FALSE(doc->isDirty());
    EXPECT_EQ(doc->displayName(), u"Untitled");
}

TEST(FlowDocument, AddNodeIsOneNamedUndoStep)
{
    auto doc = test::makeDocument();
    doc->setFlow(test::chainFlow());
    const QByteArray before = bytes(*doc);
    QSignalSpy added(doc.get(), &FlowDocument::nodeAdded);
    auto node = doc->makeNode(QStringLiteral("core.filter"), {100, 200});
    ASSERT_TRUE(node);
    EXPECT_EQ(node->name, u"Filter");
    doc->addNode(*node);
    EXPECT_EQ(added.count(), 1);
    EXPECT_TRUE(doc->isDirty());
    EXPECT_EQ(doc->undoStack()->undoText(), u"Add \"Filter\"");
    ASSERT_TRUE(doc->node(node->id));
    doc->undoStack()->undo();
    EXPECT_FALSE(doc->node(node->id));
    EXPECT_FALSE(doc->isDirty());
    EXPECT_EQ(bytes(*doc), before);
    doc->undoStack()->redo();
    EXPECT_TRUE(doc->node(node->id));
}

TEST(FlowDocument, MakeNodeUsesSpecDefaultsAndUniqueNames)
{
    auto doc = test::makeDocument();
    doc->setFlow(test::chainFlow());
    auto first = doc->makeNode(QStringLiteral("core.noop"), {});
    ASSERT_TRUE(first);
    doc->addNode(*first);
    auto second = doc->makeNode(QStringLiteral("core.noop"), {});
    EXPECT_NE(first->name, second->name);
    EXPECT_NE(first->id, second->id);
    EXPECT_FALSE(doc->makeNode(QStringLiteral("no.such.type"), {}));
    EXPECT_EQ(doc->uniqueName(QStringLiteral("A")), u"A 2");
    EXPECT_EQ(doc->uniqueName(QStringLiteral("Fresh")), u"Fresh");
}

TEST(FlowDocument, DeleteRestoresNodesAndConnectionsInPlace)
{
    auto doc = test::makeDocument();
    doc->setFlow(test::chainFlow());
    const QByteArray before = bytes(*doc);
    doc->removeItems({QStringLiteral("b")}, {}, {}, QStringLiteral("Delete \"B\""));
    EXPECT_FALSE(doc->node(QStringLiteral("b")));
    EXPECT_EQ(doc->flow().connections.size(), 1u) << "both connections of B go with it";
    EXPECT_EQ(doc->undoStack()->undoText(), u"Delete \"B\"");
    doc->undoStack()->undo();
    EXPECT_EQ(bytes(*doc), before) << "undo puts every piece back where it was";
}

TEST(FlowDocument, MoveConnectDisconnectUndo)
{
    auto doc = test::makeDocument();
    doc->setFlow(test::chainFlow());
    doc->moveItems({{QStringLiteral("a"), Position{10, 20}}}, {}, QStringLiteral("Move"));
    EXPECT_EQ(doc->node(QStringLiteral("a"))->position.x, 10);
    doc->undoStack()->undo();
    EXPECT_EQ(doc->node(QStringLiteral("a"))->position.x, 250);

    const Connection tc{QStringLiteral("t"), QStringLiteral("out"), QStringLiteral("c"), QStringLiteral("in")};
    EXPECT_FALSE(doc->connectPorts(tc));
    EXPECT_EQ(doc->undoStack()->undoText(), u"Connect \"Start\" to \"C\"");
    EXPECT_EQ(doc->flow().connections.size(), 4u);
    doc->disconnect(tc);
    EXPECT_EQ(doc->flow().connections.size(), 3u);
    EXPECT_EQ(doc->undoStack()->undoText(), u"Disconnect \"Start\" from \"C\"");
    doc->undoStack()->undo();
    doc->undoStack()->undo();
    EXPECT_EQ(doc->flow().connections.size(), 3u);
}

TEST(FlowDocument, TypingInOneParameterMergesIntoOneStep)
{
    auto doc = test::makeDocument();
    doc->setFlow(test::chainFlow());
    const int base = doc->undoStack()->count();
    for (const char* text : {"h", "he", "hel", "hello"})
        doc->setParams(QStringLiteral("a"), Object{{QStringLiteral("note"), text}}, QStringLiteral("Note"));
    EXPECT_EQ(doc->undoStack()->count(), base + 1);
    EXPECT_EQ(doc->node(QStringLiteral("a"))->params.value(u"note").toString(), u"hello");
    doc->setParams(QStringLiteral("a"), Object{{QStringLiteral("note"), "hello"}, {QStringLiteral("x"), 1}}, QStringLiteral("X"));
    EXPECT_EQ(doc->undoStack()->count(), base + 2) << "another parameter is another step";
    doc->undoStack()->undo();
    doc->undoStack()->undo();
    EXPECT_TRUE(doc->node(QStringLiteral("a"))->params.isEmpty());
}

TEST(FlowDocument, SettingsChangePortsAndUndo)
{
    auto doc = test::makeDocument();
    doc->setFlow(test::chainFlow());
    const FlowNode* a = doc->node(QStringLiteral("a"));
    EXPECT_EQ(doc->ports(*a).outputs.size(), 1);
    NodeSettings s;
    s.onError = OnError::Route;
    s.timeoutMs = 5000;
    doc->setSettings(QStringLiteral("a"), s);
    EXPECT_EQ(doc->ports(*doc->node(QStringLiteral("a"))).outputs.size(), 2) << "routing errors adds the error output";
    EXPECT_EQ(doc->undoStack()->undoText(), u"Change settings of \"A\"");
    doc->undoStack()->undo();
    EXPECT_EQ(doc->node(QStringLiteral("a"))->settings.onError, OnError::Stop);
}

TEST(FlowDocument, StickyNotesAddEditUndo)
{
    auto doc = test::makeDocument();
    doc->setFlow(test::chainFlow());
    StickyNote n;
    n.id = QStringLiteral("n1");
    n.text = QStringLiteral("first");
    doc->addNote(n);
    n.text = QStringLiteral("second");
    doc->setNote(n, QStringLiteral("Edit sticky note"));
    EXPECT_EQ(doc->note(QStringLiteral("n1"))->text, u"second");
    doc->undoStack()->undo();
    EXPECT_EQ(doc->note(QStringLiteral("n1"))->text, u"first");
    doc->undoStack()->undo();
    EXPECT_FALSE(doc->note(QStringLiteral("n1")));
}

TEST(FlowDocument, SaveIsAtomicAndMarksClean)
{
    QTemporaryDir dir;
    auto doc = test::makeDocument();
    doc->setFlow(test::chainFlow());
    doc->moveItems({{QStringLiteral("a"), Position{1, 2}}}, {}, QStringLiteral("Move"));
    ASSERT_TRUE(doc->isDirty());
    const QString path = dir.path() + QStringLiteral("/chain.flow.json");
    ASSERT_TRUE(doc->saveAs(path));
    EXPECT_FALSE(doc->isDirty());
    EXPECT_EQ(doc->displayName(), u"chain.flow.json");
    auto reread = FlowReader::load(path, test::runtime().registry());
    ASSERT_TRUE(reread.ok());
    EXPECT_EQ(FlowWriter::serialize(*reread.flow), bytes(*doc));
    // A save that cannot happen leaves the file as it was and the document dirty.
    doc->moveItems({{QStringLiteral("a"), Position{5, 5}}}, {}, QStringLiteral("Move"));
    auto failed = doc->saveAs(dir.path() + QStringLiteral("/no/such/folder/x.flow.json"));
    EXPECT_FALSE(failed);
    EXPECT_TRUE(failed.error().contains(u"x.flow.json"));
    EXPECT_TRUE(doc->isDirty());
    EXPECT_TRUE(FlowReader::load(path, test::runtime().registry()).ok());
}

TEST(FlowDocument, OpenReportsProblemsAndKeepsUnknownNodes)
{
    QTemporaryDir dir;
    const QString path = dir.path() + QStringLiteral("/odd.flow.json");
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(R"({"format": "taskloom-flow", "version": 1, "id": "x", "name": "Odd",
      "nodes": [{"id": "t", "type": "core.manualTrigger", "name": "T", "position": [0, 0]},
                {"id": "u", "type": "vendor.mystery", "typeVersion": 3, "name": "Mystery", "position": [200, 0], "params": {"k": 1}}],
      "connections": [{"from": "t", "output": "out", "to": "u", "input": "main"}]})");
    f.close();
    auto doc = test::makeDocument();
    QList<Problem> problems;
    ASSERT_TRUE(doc->open(path, &problems));
    EXPECT_FALSE(problems.isEmpty());
    const FlowNode* u = doc->node(QStringLiteral("u"));
    ASSERT_TRUE(u);
    EXPECT_TRUE(u->placeholder);
    EXPECT_EQ(doc->ports(*u).inputs.size(), 1) << "a placeholder shows the ports its connections use";
    doc->moveItems({{QStringLiteral("u"), Position{300, 40}}}, {}, QStringLiteral("Move"));
    ASSERT_TRUE(doc->save());
    QFile back(path);
    ASSERT_TRUE(back.open(QIODevice::ReadOnly));
    const QByteArray saved = back.readAll();
    EXPECT_TRUE(saved.contains("vendor.mystery"));
    EXPECT_TRUE(saved.contains("\"typeVersion\": 3"));
    EXPECT_TRUE(saved.contains("300"));

    EXPECT_FALSE(doc->open(dir.path() + QStringLiteral("/missing.flow.json"), &problems));
    EXPECT_FALSE(problems.isEmpty());
    EXPECT_TRUE(doc->node(QStringLiteral("u"))) << "a failed open keeps the current flow";
}

TEST(FlowDocument, ValidationProblemsBelongToNodes)
{
    auto doc = test::makeDocument();
    doc->setFlow(test::chainFlow());
    auto csv = doc->makeNode(QStringLiteral("core.csvRead"), {0, 300});
    ASSERT_TRUE(csv);
    doc->addNode(*csv);
    doc->validate();
    const QList<Problem> problems = doc->problemsOf(csv->id);
    ASSERT_FALSE(problems.isEmpty()) << "a CSV reader without a path is a problem";
    EXPECT_TRUE(problems.first().path.startsWith(u"params.")) << problems.first().path.toStdString();
    EXPECT_TRUE(doc->problemsOf(QStringLiteral("a")).isEmpty());
}
