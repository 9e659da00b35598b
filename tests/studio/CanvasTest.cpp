// The canvas: items follow the document, connecting by dragging (with refusals), selection edits, layout.

#include "StudioTestSupport.hpp"

#include "app/studio/AutoLayout.hpp"
#include "app/studio/ConnectionItem.hpp"
#include "app/studio/FlowScene.hpp"
#include "app/studio/FlowView.hpp"
#include "app/studio/MainWindow.hpp"
#include "app/studio/NodeItem.hpp"
#include "app/studio/NoteItem.hpp"
#include "app/studio/PaletteWidget.hpp"
#include "app/studio/QuickAddPopup.hpp"

#include <QApplication>
#include <QClipboard>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace taskloom;
using namespace taskloom::engine;
using namespace taskloom::studio;

TEST(Canvas, ItemsFollowTheDocumentThroughUndo)
{
    auto doc = test::makeDocument();
    doc->setFlow(test::chainFlow());
    FlowScene scene(*doc);
    EXPECT_TRUE(scene.nodeItem(QStringLiteral("a")));
    EXPECT_EQ(scene.connectionCount(), 3);
    doc->removeItems({QStringLiteral("b")}, {}, {}, QStringLiteral("Delete"));
    EXPECT_FALSE(scene.nodeItem(QStringLiteral("b")));
    EXPECT_EQ(scene.connectionCount(), 1);
    doc->undoStack()->undo();
    ASSERT_TRUE(scene.nodeItem(QStringLiteral("b")));
    EXPECT_EQ(scene.connectionCount(), 3);
    doc->moveItems({{QStringLiteral("b"), Position{40, 80}}}, {}, QStringLiteral("Move"));
    EXPECT_EQ(scene.nodeItem(QStringLiteral("b"))->pos(), QPointF(40, 80));
}

TEST(Canvas, DraggingBetweenPortsConnects)
{
    auto doc = test::makeDocument();
    doc->setFlow(test::chainFlow());
    FlowScene scene(*doc);
    NodeItem* t = scene.nodeItem(QStringLiteral("t"));
    NodeItem* c = scene.nodeItem(QStringLiteral("c"));
    const QPointF from = t->portScenePos(QStringLiteral("out"), true);
    const QPointF to = c->portScenePos(QStringLiteral("in"), false);
    auto port = t->portAt(from);
    ASSERT_TRUE(port);
    scene.beginConnection(*port, from);
    scene.updateConnection((from + to) / 2);
    scene.endConnection(to);
    EXPECT_EQ(doc->flow().connections.size(), 4u);
    EXPECT_TRUE(scene.connectionItem({QStringLiteral("t"), QStringLiteral("out"), QStringLiteral("c"), QStringLiteral("in")}));
}

TEST(Canvas, RefusedConnectionsSayWhy)
{
    auto doc = test::makeDocument();
    doc->setFlow(test::chainFlow());
    FlowScene scene(*doc);
    QSignalSpy refused(&scene, &FlowScene::connectionRefused);
    NodeItem* a = scene.nodeItem(QStringLiteral("a"));
    NodeItem* c = scene.nodeItem(QStringLiteral("c"));
    // c.out -> a.in would close a cycle.
    scene.beginConnection(*c->portAt(c->portScenePos(QStringLiteral("out"), true)), c->portScenePos(QStringLiteral("out"), true));
    scene.endConnection(a->portScenePos(QStringLiteral("in"), false));
    ASSERT_EQ(refused.count(), 1);
    EXPECT_TRUE(refused.at(0).at(0).toString().startsWith(u"Cycle"));
    // a.out -> c.out: two outputs.
    scene.beginConnection(*a->portAt(a->portScenePos(QStringLiteral("out"), true)), a->portScenePos(QStringLiteral("out"), true));
    scene.endConnection(c->portScenePos(QStringLiteral("out"), true));
    ASSERT_EQ(refused.count(), 2);
    EXPECT_TRUE(refused.at(1).at(0).toString().startsWith(u"Wrong direction"));
    EXPECT_EQ(doc->flow().connections.size(), 3u);
}

TEST(Canvas, DroppingAConnectionOnEmptyCanvasAddsAConnectedNode)
{
    MainWindow window(test::runtime());
    window.document()->setFlow(test::chainFlow());
    FlowScene* scene = window.scene();
    NodeItem* c = scene->nodeItem(QStringLiteral("c"));
    const QPointF out = c->portScenePos(QStringLiteral("out"), true);
    scene->beginConnection(*c->portAt(out), out);
    scene->endConnection(out + QPointF(400, 0));
    ASSERT_TRUE(window.quickAdd()->isVisible());
    window.quickAdd()->setQuery(QStringLiteral("sort"));
    ASSERT_FALSE(window.quickAdd()->visibleTypes().isEmpty());
    EXPECT_EQ(window.quickAdd()->visibleTypes().first(), u"core.sort");
    window.quickAdd()->acceptCurrent();
    const FlowNode& added = window.document()->flow().nodes.back();
    EXPECT_EQ(added.type, u"core.sort");
    const Connection expected{QStringLiteral("c"), QStringLiteral("out"), added.id, QStringLiteral("in")};
    EXPECT_NE(std::find(window.document()->flow().connections.begin(), window.document()->flow().connections.end(), expected),
              window.document()->flow().connections.end());
    window.document()->undoStack()->undo();
    EXPECT_EQ(window.document()->flow().nodes.size(), 4u) << "node and connection leave in one undo";
    EXPECT_EQ(window.document()->flow().connections.size(), 3u);
}

TEST(Canvas, ClipboardCopyPasteDuplicateDelete)
{
    MainWindow window(test::runtime());
    window.document()->setFlow(test::chainFlow());
    window.scene()->selectOnly({QStringLiteral("a"), QStringLiteral("b")});
    window.copySelection();
    const QString text = QApplication::clipboard()->text();
    EXPECT_TRUE(text.contains(u"\"format\": \"taskloom-flow\"")) << "flow JSON, readable as text";
    window.paste();
    EXPECT_EQ(window.document()->flow().nodes.size(), 6u);
    EXPECT_EQ(window.document()->flow().connections.size(), 4u);
    EXPECT_EQ(window.scene()->selectedNodeIds().size(), 2) << "the pasted nodes are selected";
    window.duplicateSelection();
    EXPECT_EQ(window.document()->flow().nodes.size(), 8u);
    window.deleteSelection();
    EXPECT_EQ(window.document()->flow().nodes.size(), 6u);
    window.scene()->selectOnly({QStringLiteral("c")});
    window.cutSelection();
    EXPECT_FALSE(window.document()->node(QStringLiteral("c")));
    window.paste();
    EXPECT_EQ(window.document()->flow().nodes.size(), 6u);
    EXPECT_EQ(window.document()->flow().nodes.back().name, u"C") << "the cut node's name is free again";
    QApplication::clipboard()->setText(QStringLiteral("not a flow"));
    window.paste();
    EXPECT_EQ(window.document()->flow().nodes.size(), 6u);
}

TEST(Canvas, PaletteDropAddsNodeAndSearchFindsAliases)
{
    MainWindow window(test::runtime());
    window.palette()->setFilter(QStringLiteral("csv"));
    const QStringList types = window.palette()->visibleTypes();
    EXPECT_TRUE(types.contains(QStringLiteral("core.csvRead")));
    EXPECT_FALSE(types.contains(QStringLiteral("core.noop")));
    Q_EMIT window.view()->nodeTypeDropped(QStringLiteral("core.csvRead"), QPointF(300, 300));
    EXPECT_EQ(window.document()->flow().nodes.back().type, u"core.csvRead");
    EXPECT_EQ(window.scene()->selectedNodeIds(), QStringList{window.document()->flow().nodes.back().id});
}

TEST(Canvas, MovingWithTheMouseIsOneUndoStep)
{
    MainWindow window(test::runtime());
    window.resize(1200, 800);
    window.show();
    window.document()->setFlow(test::chainFlow());
    FlowView* view = window.view();
    QApplication::processEvents(); // the fit-to-view queued by opening the flow
    view->setZoom(1);
    NodeItem* a = window.scene()->nodeItem(QStringLiteral("a"));
    view->centerOn(a);
    QApplication::processEvents();
    const QPoint start = view->mapFromScene(a->pos() + QPointF(NodeItem::width / 2, 15));
    QTest::mousePress(view->viewport(), Qt::LeftButton, {}, start);
    // QTest::mouseMove sends no pressed buttons; a drag needs them, so the moves are sent by hand.
    for (int i = 1; i <= 5; ++i) {
        const QPointF local = start + QPoint(20 * i, 10 * i);
        QMouseEvent move(QEvent::MouseMove, local, view->viewport()->mapToGlobal(local), Qt::NoButton, Qt::LeftButton, {});
        QApplication::sendEvent(view->viewport(), &move);
    }
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, start + QPoint(100, 50));
    const Position p = window.document()->node(QStringLiteral("a"))->position;
    EXPECT_NEAR(p.x, 350, 2);
    EXPECT_NEAR(p.y, 50, 2);
    EXPECT_EQ(window.document()->undoStack()->undoText(), u"Move");
    window.document()->undoStack()->undo();
    EXPECT_EQ(window.document()->node(QStringLiteral("a"))->position.x, 250);
    EXPECT_EQ(a->pos(), QPointF(250, 0));
}

TEST(Canvas, AutoLayoutAndAlign)
{
    Flow f = test::chainFlow();
    for (FlowNode& n : f.nodes)
        n.position = {0, 0};
    const auto laid = AutoLayout::layout(f);
    ASSERT_EQ(laid.size(), 4);
    EXPECT_LT(laid.value(QStringLiteral("t")).x, laid.value(QStringLiteral("a")).x);
    EXPECT_LT(laid.value(QStringLiteral("a")).x, laid.value(QStringLiteral("b")).x);
    EXPECT_LT(laid.value(QStringLiteral("b")).x, laid.value(QStringLiteral("c")).x);

    MainWindow window(test::runtime());
    window.document()->setFlow(f);
    window.autoLayout();
    EXPECT_EQ(window.document()->undoStack()->undoText(), u"Auto-layout");
    EXPECT_GT(window.document()->node(QStringLiteral("c"))->position.x, 600);
    window.document()->moveItems({{QStringLiteral("a"), Position{260, 100}}}, {}, QStringLiteral("Move"));
    window.scene()->selectOnly({QStringLiteral("a"), QStringLiteral("b")});
    window.scene()->alignSelection(QStringLiteral("top"));
    EXPECT_EQ(window.document()->node(QStringLiteral("a"))->position.y, window.document()->node(QStringLiteral("b"))->position.y);
    EXPECT_EQ(window.document()->undoStack()->undoText(), u"Align top");
}

TEST(Canvas, ProblemsShowAsBadges)
{
    auto doc = test::makeDocument();
    doc->setFlow(test::chainFlow());
    FlowScene scene(*doc);
    auto csv = doc->makeNode(QStringLiteral("core.csvRead"), {0, 300});
    doc->addNode(*csv);
    doc->validate();
    EXPECT_TRUE(scene.nodeItem(csv->id)->toolTip().contains(u"path")) << scene.nodeItem(csv->id)->toolTip().toStdString();
    EXPECT_FALSE(scene.nodeItem(QStringLiteral("a"))->toolTip().contains(u"<hr>"));
}

TEST(Canvas, NodesPaintDirectlyWhileZoomingAndFromTheirCacheOnceItSettles)
{
    MainWindow window(test::runtime());
    window.document()->setFlow(test::chainFlow());
    NodeItem* node = window.scene()->nodeItem(QStringLiteral("a"));
    ASSERT_TRUE(node);
    EXPECT_EQ(node->cacheMode(), QGraphicsItem::DeviceCoordinateCache);
    window.view()->setZoom(0.5);
    EXPECT_EQ(node->cacheMode(), QGraphicsItem::NoCache) << "a cache redrawn every zoom step only costs";
    window.view()->setZoom(0.6);
    EXPECT_EQ(node->cacheMode(), QGraphicsItem::NoCache);
    QTest::qWait(600);
    EXPECT_EQ(node->cacheMode(), QGraphicsItem::DeviceCoordinateCache) << "panning blits cached nodes again";
}
