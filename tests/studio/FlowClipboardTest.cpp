// Copy / paste as flow JSON.

#include "StudioTestSupport.hpp"

#include "app/studio/FlowClipboard.hpp"
#include "engine/FlowReader.hpp"

#include <QSet>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace taskloom;
using namespace taskloom::engine;
using namespace taskloom::studio;

TEST(FlowClipboard, CopiedSelectionIsAValidFlowFile)
{
    auto doc = test::makeDocument();
    doc->setFlow(test::chainFlow());
    const QByteArray json = FlowClipboard::serialize(*doc, {QStringLiteral("a"), QStringLiteral("b")}, {});
    auto parsed = FlowReader::parse(json, test::runtime().registry());
    ASSERT_TRUE(parsed.ok()) << json.toStdString();
    EXPECT_EQ(parsed.flow->nodes.size(), 2u);
    ASSERT_EQ(parsed.flow->connections.size(), 1u) << "only connections inside the selection";
    EXPECT_EQ(parsed.flow->connections[0].fromNode, u"a");
}

TEST(FlowClipboard, RoundTripPastesFreshCopies)
{
    auto doc = test::makeDocument();
    Flow f = test::chainFlow();
    f.nodes[2].params.insert(QStringLiteral("label"), QStringLiteral("{{ node[\"A\"].json.x }}"));
    doc->setFlow(f);
    const QByteArray json = FlowClipboard::serialize(*doc, {QStringLiteral("a"), QStringLiteral("b")}, {});
    auto fragment = FlowClipboard::parse(json, *doc);
    ASSERT_TRUE(fragment) << fragment.error().toStdString();
    FlowFragment pasted = FlowClipboard::prepareForPaste(*fragment, *doc, {1000, 500});
    ASSERT_EQ(pasted.nodes.size(), 2u);
    QSet<QString> ids;
    for (const FlowNode& n : pasted.nodes) {
        EXPECT_FALSE(doc->node(n.id)) << "fresh id";
        ids.insert(n.id);
    }
    EXPECT_EQ(pasted.nodes[0].name, u"A 2");
    EXPECT_EQ(pasted.nodes[1].name, u"B 2");
    EXPECT_EQ(pasted.nodes[0].position.x, 1000);
    EXPECT_EQ(pasted.nodes[0].position.y, 500);
    EXPECT_EQ(pasted.nodes[1].position.x, 1250);
    EXPECT_EQ(pasted.nodes[1].params.value(u"label").toString(), u"{{ node[\"A 2\"].json.x }}")
        << "a copy reads its fellow copy, not the original";
    ASSERT_EQ(pasted.connections.size(), 1u);
    EXPECT_TRUE(ids.contains(pasted.connections[0].fromNode));
    EXPECT_TRUE(ids.contains(pasted.connections[0].toNode));

    const size_t before = doc->flow().nodes.size();
    doc->addFragment(pasted, QStringLiteral("Paste 2 nodes"));
    EXPECT_EQ(doc->flow().nodes.size(), before + 2);
    EXPECT_EQ(doc->flow().connections.size(), 4u);
    doc->undoStack()->undo();
    EXPECT_EQ(doc->flow().nodes.size(), before);
    EXPECT_EQ(doc->flow().connections.size(), 3u);
}

TEST(FlowClipboard, NotesTravelToo)
{
    auto doc = test::makeDocument();
    Flow f = test::chainFlow();
    f.notes.push_back({QStringLiteral("n1"), QStringLiteral("remember"), {0, 300}, 200, 100, {}});
    doc->setFlow(f);
    auto fragment = FlowClipboard::parse(FlowClipboard::serialize(*doc, {}, {QStringLiteral("n1")}), *doc);
    ASSERT_TRUE(fragment);
    FlowFragment pasted = FlowClipboard::prepareForPaste(*fragment, *doc, {50, 50});
    ASSERT_EQ(pasted.notes.size(), 1u);
    EXPECT_NE(pasted.notes[0].id, u"n1");
    EXPECT_EQ(pasted.notes[0].text, u"remember");
}

TEST(FlowClipboard, RejectsTextThatIsNoFlow)
{
    auto doc = test::makeDocument();
    doc->setFlow(test::chainFlow());
    EXPECT_FALSE(FlowClipboard::parse("", *doc));
    EXPECT_FALSE(FlowClipboard::parse("hello world", *doc));
    auto empty = FlowClipboard::parse(R"({"format":"taskloom-flow","version":1,"id":"x","name":"n","nodes":[]})", *doc);
    ASSERT_FALSE(empty);
    EXPECT_TRUE(empty.error().contains(u"no nodes"));
}
