// Running an example flow from the studio: the same runtime as `taskloom run`, status on every node, output table.

#include "StudioTestSupport.hpp"

#include "app/studio/FlowScene.hpp"
#include "app/studio/MainWindow.hpp"
#include "app/studio/RunPanel.hpp"

#include "engine/RunStore.hpp"

#include <QFile>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace taskloom;
using namespace taskloom::engine;
using namespace taskloom::studio;

TEST(StudioRun, RunsTheOrdersReportExample)
{
    QTemporaryDir dir;
    const QString path = test::copyExample(dir, QStringLiteral("orders-report"));
    ASSERT_FALSE(path.isEmpty());
    MainWindow window(test::runtime());
    ASSERT_TRUE(window.openFile(path, false));
    QSignalSpy finished(window.runController(), &RunController::finished);
    window.runFlow();
    ASSERT_TRUE(window.runController()->isRunning());
    ASSERT_TRUE(finished.wait(120000)) << "the run ends";
    const auto result = finished.at(0).at(0).value<RunController::Finished>();
    EXPECT_EQ(result.status, RunStatus::Succeeded) << result.error.toStdString();
    EXPECT_TRUE(QFile::exists(dir.path() + QStringLiteral("/out/revenue-by-region.csv")));

    for (const FlowNode& n : window.document()->flow().nodes) {
        NodeItem* item = window.scene()->nodeItem(n.id);
        EXPECT_EQ(item->runState(), NodeRunState::Succeeded) << n.name.toStdString();
    }
    window.runPanel()->showNode(QStringLiteral("totals"));
    EXPECT_GT(window.runPanel()->outputTable()->rowCount(), 0);
    EXPECT_GT(window.runPanel()->outputTable()->columnCount(), 2) << "region, orders, revenue, ...";
    EXPECT_FALSE(window.runPanel()->outputOf(QStringLiteral("sort")).isEmpty());

    // Recorded in the run store like any `taskloom run`.
    auto store = test::runtime().store();
    ASSERT_TRUE(store);
    auto run = (*store)->run(result.runId);
    ASSERT_TRUE(run) << result.runId.toStdString();
    EXPECT_EQ(run->trigger, u"studio");
    EXPECT_EQ(run->status, RunStatus::Succeeded);
}

TEST(StudioRun, AFailingNodeIsMarkedWithItsError)
{
    QTemporaryDir dir;
    const QString path = test::copyExample(dir, QStringLiteral("orders-report"));
    QFile::remove(dir.path() + QStringLiteral("/orders.csv"));
    MainWindow window(test::runtime());
    ASSERT_TRUE(window.openFile(path, false));
    QSignalSpy finished(window.runController(), &RunController::finished);
    window.runFlow();
    ASSERT_TRUE(finished.wait(120000));
    const auto result = finished.at(0).at(0).value<RunController::Finished>();
    EXPECT_EQ(result.status, RunStatus::Failed);
    EXPECT_EQ(result.failedNodeId, u"read");
    EXPECT_EQ(window.scene()->nodeItem(QStringLiteral("read"))->runState(), NodeRunState::Failed);
    EXPECT_NE(window.scene()->nodeItem(QStringLiteral("write"))->runState(), NodeRunState::Succeeded);
}

TEST(StudioRun, AnInvalidFlowIsNotRun)
{
    MainWindow window(test::runtime());
    window.document()->newFlow();
    window.addNodeAt(QStringLiteral("core.csvRead"), QPointF(300, 0)); // no path: invalid
    window.runFlow();
    EXPECT_FALSE(window.runController()->isRunning());
}
