// Pinning a node's output, running up to a node, and re-running one node on its last inputs, from the window.

#include "StudioTestSupport.hpp"

#include "app/studio/FlowScene.hpp"
#include "app/studio/MainWindow.hpp"
#include "app/studio/NodeItem.hpp"
#include "app/studio/RunPanel.hpp"

#include "engine/Json.hpp"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace taskloom;
using namespace taskloom::engine;
using namespace taskloom::studio;

namespace {

RunController::Finished waitForRun(MainWindow& window, QSignalSpy& finished)
{
    if (!window.runController()->isRunning() && finished.isEmpty())
        return {};
    if (finished.isEmpty() && !finished.wait(120000))
        return {};
    return finished.takeFirst().at(0).value<RunController::Finished>();
}

RunController::Finished runAll(MainWindow& window)
{
    QSignalSpy finished(window.runController(), &RunController::finished);
    window.runFlow();
    return waitForRun(window, finished);
}

QByteArray json(const ItemList& items)
{
    Array a;
    for (const Item& i : items)
        a.append(i.json());
    return Json::serialize(Value(a));
}

struct Example {
    QTemporaryDir dir;
    QString path;
    Example() { path = test::copyExample(dir, QStringLiteral("orders-report")); }
    QString file(const char* name) const { return dir.path() + u'/' + QString::fromLatin1(name); }
};

} // namespace

TEST(PinOutput, PinsTheLastOutputAsOneUndoableStepAndRunsUseIt)
{
    Example ex;
    MainWindow window(test::runtime());
    ASSERT_TRUE(window.openFile(ex.path, false));
    FlowDocument* doc = window.document();
    const QString read = QStringLiteral("read");

    window.togglePin(read);
    EXPECT_FALSE(doc->isPinned(read)) << "nothing to pin before a run";

    ASSERT_EQ(runAll(window).status, RunStatus::Succeeded);
    const ItemList rows = window.runPanel()->outputOf(read);
    ASSERT_GT(rows.size(), 50);
    window.togglePin(read);
    ASSERT_TRUE(doc->isPinned(read));
    EXPECT_TRUE(window.scene()->nodeItem(read)->isPinned());
    EXPECT_EQ(doc->undoStack()->undoText(), QStringLiteral("Pin output of \"Read orders\" (%1 item(s))").arg(rows.size()));
    EXPECT_EQ(Json::serialize(doc->flow().pinData.value(read)), json(rows));
    doc->undoStack()->undo();
    EXPECT_FALSE(doc->isPinned(read));
    EXPECT_FALSE(window.scene()->nodeItem(read)->isPinned());
    doc->undoStack()->redo();
    ASSERT_TRUE(doc->isPinned(read));

    // Saved in the file, and read back.
    ASSERT_TRUE(doc->save());
    MainWindow reopened(test::runtime());
    ASSERT_TRUE(reopened.openFile(ex.path, false));
    EXPECT_TRUE(reopened.document()->isPinned(read));

    // The executor honours it: with the CSV gone, the flow still runs on the pinned rows.
    ASSERT_TRUE(QFile::remove(ex.file("orders.csv")));
    const auto r = runAll(window);
    EXPECT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(window.runPanel()->outputOf(read).size(), rows.size());

    // Deleting the node takes its pin along; undo brings both back.
    window.scene()->selectOnly({read});
    window.deleteSelection();
    EXPECT_FALSE(doc->isPinned(read));
    doc->undoStack()->undo();
    EXPECT_TRUE(doc->isPinned(read));

    window.togglePin(read);
    EXPECT_FALSE(doc->isPinned(read));
    EXPECT_EQ(doc->undoStack()->undoText(), u"Unpin output of \"Read orders\"");
}

TEST(PartialRun, RunUpToANodeRunsOnlyWhatItNeeds)
{
    Example ex;
    MainWindow window(test::runtime());
    ASSERT_TRUE(window.openFile(ex.path, false));
    QSignalSpy finished(window.runController(), &RunController::finished);
    window.runUpTo(QStringLiteral("totals"));
    const auto r = waitForRun(window, finished);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    for (const char* id : {"trigger", "read", "paid", "totals"})
        EXPECT_EQ(window.scene()->nodeItem(QString::fromLatin1(id))->runState(), NodeRunState::Succeeded) << id;
    for (const char* id : {"round", "sort", "write", "report"})
        EXPECT_EQ(window.scene()->nodeItem(QString::fromLatin1(id))->runState(), NodeRunState::None) << id;
    EXPECT_FALSE(QFile::exists(ex.file("out/revenue-by-region.csv"))) << "the writer after it did not run";
    EXPECT_FALSE(window.runPanel()->outputOf(QStringLiteral("totals")).isEmpty());
}

TEST(PartialRun, RerunANodeOnItsLastInputs)
{
    Example ex;
    MainWindow window(test::runtime());
    ASSERT_TRUE(window.openFile(ex.path, false));
    QSignalSpy finished(window.runController(), &RunController::finished);

    window.rerunNode(QStringLiteral("totals"));
    EXPECT_FALSE(window.runController()->isRunning()) << "no inputs yet: refused";

    ASSERT_EQ(runAll(window).status, RunStatus::Succeeded);
    finished.clear();
    const QByteArray totals = json(window.runPanel()->outputOf(QStringLiteral("totals")));
    const QByteArray paid = json(window.runPanel()->outputOf(QStringLiteral("paid")));
    // Take the input file away and the output folder: only "Totals" may run.
    ASSERT_TRUE(QFile::remove(ex.file("orders.csv")));
    ASSERT_TRUE(QFile::remove(ex.file("out/revenue-by-region.csv")));
    window.scene()->clearRunStates();

    window.rerunNode(QStringLiteral("totals"));
    const auto r = waitForRun(window, finished);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(json(window.runPanel()->outputOf(QStringLiteral("totals"))), totals);
    EXPECT_EQ(json(window.runPanel()->outputOf(QStringLiteral("paid"))), paid) << "upstream outputs stay as they were";
    EXPECT_EQ(window.scene()->nodeItem(QStringLiteral("totals"))->runState(), NodeRunState::Succeeded);
    EXPECT_EQ(window.scene()->nodeItem(QStringLiteral("read"))->runState(), NodeRunState::None) << "did not execute";
    EXPECT_FALSE(QFile::exists(ex.file("out/revenue-by-region.csv")));

    // A changed parameter takes effect on the same inputs: no grouping gives one total row.
    Object params = window.document()->node(QStringLiteral("totals"))->params;
    params.insert(QStringLiteral("groupBy"), Array());
    window.document()->setParams(QStringLiteral("totals"), params, QStringLiteral("groupBy"));
    window.rerunNode(QStringLiteral("totals"));
    ASSERT_EQ(waitForRun(window, finished).status, RunStatus::Succeeded);
    ASSERT_EQ(window.runPanel()->outputOf(QStringLiteral("totals")).size(), 1);
    EXPECT_FALSE(window.runPanel()->outputOf(QStringLiteral("totals")).first().json().contains(u"region"));
}
