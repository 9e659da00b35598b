// Renaming a node rewrites node["Old"] references, as one undoable step.

#include "StudioTestSupport.hpp"

#include "app/studio/NodeRenamer.hpp"

#include <QUndoStack>

#include <gtest/gtest.h>

using namespace taskloom;
using namespace taskloom::engine;
using namespace taskloom::studio;

TEST(NodeRenamer, RewritesOnlyInsideExpressions)
{
    const QString old = QStringLiteral("Read orders");
    const QString neu = QStringLiteral("Load orders");
    EXPECT_EQ(NodeRenamer::rewriteText(QStringLiteral("{{ node[\"Read orders\"].json.id }}"), old, neu),
              u"{{ node[\"Load orders\"].json.id }}");
    EXPECT_EQ(NodeRenamer::rewriteText(QStringLiteral("Total {{ node[ 'Read orders' ].items }} and {{node[\"Read orders\"]}}"), old, neu),
              u"Total {{ node[ 'Load orders' ].items }} and {{node[\"Load orders\"]}}");
    EXPECT_EQ(NodeRenamer::rewriteText(QStringLiteral("node[\"Read orders\"] outside braces"), old, neu),
              u"node[\"Read orders\"] outside braces");
    EXPECT_EQ(NodeRenamer::rewriteText(QStringLiteral("{{ node[\"Read orders 2\"].json }}"), old, neu),
              u"{{ node[\"Read orders 2\"].json }}") << "a longer name is another node";
    EXPECT_EQ(NodeRenamer::rewriteText(QStringLiteral("{{ node[\"A\"] }}"), QStringLiteral("A"), QStringLiteral("say \"hi\"")),
              u"{{ node[\"say \\\"hi\\\"\"] }}") << "quotes in the new name are escaped for Lua";
}

TEST(NodeRenamer, RenameRewritesTheWholeFlowInOneStep)
{
    auto doc = test::makeDocument();
    Flow f = test::chainFlow();
    f.nodes[2].params.insert(QStringLiteral("fields"),
                             Array{Object{{QStringLiteral("value"), QStringLiteral("{{ node[\"A\"].json.total }}")}}});
    f.nodes[3].params.insert(QStringLiteral("text"), QStringLiteral("from {{ node['A'].items }}"));
    doc->setFlow(f);
    const int steps = doc->undoStack()->count();
    ASSERT_TRUE(doc->renameNode(QStringLiteral("a"), QStringLiteral("Totals")));
    EXPECT_EQ(doc->undoStack()->count(), steps + 1);
    EXPECT_EQ(doc->undoStack()->undoText(), u"Rename \"A\" to \"Totals\"");
    EXPECT_EQ(doc->node(QStringLiteral("a"))->name, u"Totals");
    EXPECT_EQ(doc->node(QStringLiteral("b"))->params.value(u"fields").arrayRef().at(0).objectRef().value(u"value").toString(),
              u"{{ node[\"Totals\"].json.total }}");
    EXPECT_EQ(doc->node(QStringLiteral("c"))->params.value(u"text").toString(), u"from {{ node['Totals'].items }}");
    doc->undoStack()->undo();
    EXPECT_EQ(doc->node(QStringLiteral("a"))->name, u"A");
    EXPECT_EQ(doc->node(QStringLiteral("c"))->params.value(u"text").toString(), u"from {{ node['A'].items }}");
}

TEST(NodeRenamer, RefusesDuplicateAndEmptyNames)
{
    auto doc = test::makeDocument();
    doc->setFlow(test::chainFlow());
    auto dup = doc->renameNode(QStringLiteral("a"), QStringLiteral("B"));
    ASSERT_FALSE(dup);
    EXPECT_TRUE(dup.error().contains(u"\"B\""));
    EXPECT_FALSE(doc->renameNode(QStringLiteral("a"), QStringLiteral("   ")));
    EXPECT_EQ(doc->node(QStringLiteral("a"))->name, u"A");
}
