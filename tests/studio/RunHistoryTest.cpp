// The History dock: past runs of the open flow from the run store, opened onto the canvas and the run panel.

#include "StudioTestSupport.hpp"

#include "app/studio/FlowScene.hpp"
#include "app/studio/MainWindow.hpp"
#include "app/studio/NodeItem.hpp"
#include "app/studio/RunHistoryPanel.hpp"
#include "app/studio/RunPanel.hpp"
#include "app/studio/StoredRun.hpp"

#include <QFile>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>

#include <gtest/gtest.h>

using namespace taskloom;
using namespace taskloom::engine;
using namespace taskloom::studio;

namespace {

RunController::Finished runAndWait(MainWindow& window)
{
    QSignalSpy finished(window.runController(), &RunController::finished);
    window.runFlow();
    if (!finished.wait(120000))
        return {};
    return finished.at(0).at(0).value<RunController::Finished>();
}

Object node(const char* id, const char* name, const char* status, const char* started, const char* finished)
{
    return Object{{QStringLiteral("nodeId"), id},       {QStringLiteral("node"), name},
                  {QStringLiteral("type"), "core.noop"}, {QStringLiteral("status"), status},
                  {QStringLiteral("startedAt"), started}, {QStringLiteral("finishedAt"), finished},
                  {QStringLiteral("durationMs"), 5},      {QStringLiteral("itemsIn"), 2},
                  {QStringLiteral("itemsOut"), 3},        {QStringLiteral("outputs"), Array()}};
}

} // namespace

TEST(StoredRun, DetailBecomesEventsInTimeOrder)
{
    Object a = node("a", "A", "succeeded", "2026-01-01T10:00:00.100Z", "2026-01-01T10:00:00.300Z");
    a.insert(QStringLiteral("outputs"),
             Array{Object{{QStringLiteral("port"), 1},
                          {QStringLiteral("items"), Array{Object{{QStringLiteral("x"), 1}}, Object{{QStringLiteral("x"), 2}}}}}});
    Object b = node("b", "B", "failed", "2026-01-01T10:00:00.400Z", "2026-01-01T10:00:00.500Z");
    b.insert(QStringLiteral("errorMessage"), "boom");
    const Object c = node("c", "C", "running", "2026-01-01T10:00:00.450Z", "");
    const Object detail{
        {QStringLiteral("id"), "run-1"},
        {QStringLiteral("flowId"), "flow-1"},
        {QStringLiteral("status"), "failed"},
        {QStringLiteral("startedAt"), "2026-01-01T10:00:00.000Z"},
        {QStringLiteral("finishedAt"), "2026-01-01T10:00:01.000Z"},
        {QStringLiteral("durationMs"), 1000},
        {QStringLiteral("error"), Object{{QStringLiteral("message"), "boom"}, {QStringLiteral("nodeId"), "b"}}},
        {QStringLiteral("nodes"), Array{a, b, c}},
        {QStringLiteral("logs"), Array{Object{{QStringLiteral("time"), "2026-01-01T10:00:00.200Z"},
                                              {QStringLiteral("level"), "warning"},
                                              {QStringLiteral("nodeId"), "a"},
                                              {QStringLiteral("node"), "A"},
                                              {QStringLiteral("message"), "careful"}}}}};
    const QList<RunEvent> events = eventsFromRunDetail(detail);
    using T = RunEvent::Type;
    QList<T> types;
    for (const RunEvent& e : events)
        types.append(e.type);
    EXPECT_EQ(types, (QList<T>{T::RunStarted, T::NodeStarted, T::Log, T::NodeFinished, T::NodeStarted,
                               T::NodeStarted, T::NodeFinished, T::RunFinished}));
    const RunEvent& aDone = events.at(3);
    EXPECT_EQ(aDone.nodeId, u"a");
    EXPECT_EQ(aDone.itemsOut, 3);
    ASSERT_EQ(aDone.outputSample.size(), 2) << "port 1 stored, port 0 empty";
    EXPECT_TRUE(aDone.outputSample.at(0).isEmpty());
    EXPECT_EQ(aDone.outputSample.at(1).size(), 2);
    EXPECT_EQ(events.at(2).level, LogLevel::Warning);
    EXPECT_EQ(events.at(2).message, u"careful");
    EXPECT_EQ(events.at(6).nodeStatus, NodeStatus::Failed);
    EXPECT_EQ(events.at(6).message, u"boom");
    EXPECT_EQ(events.last().runStatus, RunStatus::Failed);
    EXPECT_EQ(events.last().nodeId, u"b");
}

TEST(StoredRun, GarbageDetailGivesNoNodeEvents)
{
    const Object detail{{QStringLiteral("nodes"), "not an array"}, {QStringLiteral("status"), 42}};
    const QList<RunEvent> events = eventsFromRunDetail(detail);
    ASSERT_EQ(events.size(), 1);
    EXPECT_EQ(events.first().type, RunEvent::Type::RunStarted);
}

TEST(RunHistory, ListsRunsOfTheFlowAndOpensOne)
{
    QTemporaryDir dir;
    const QString path = test::copyExample(dir, QStringLiteral("orders-report"));
    ASSERT_FALSE(path.isEmpty());
    MainWindow window(test::runtime());
    ASSERT_TRUE(window.openFile(path, false));
    RunHistoryPanel* history = window.historyPanel();
    const int before = history->list()->topLevelItemCount();

    const auto ok = runAndWait(window);
    ASSERT_EQ(ok.status, RunStatus::Succeeded) << ok.error.toStdString();
    QFile::remove(dir.path() + QStringLiteral("/orders.csv"));
    const auto failed = runAndWait(window);
    ASSERT_EQ(failed.status, RunStatus::Failed);

    ASSERT_EQ(history->list()->topLevelItemCount(), before + 2) << history->statusText().toStdString();
    QTreeWidgetItem* newest = history->list()->topLevelItem(0);
    EXPECT_EQ(newest->text(1), u"failed");
    EXPECT_TRUE(ok.runId.startsWith(history->list()->topLevelItem(1)->text(4)));

    // Open the successful run: every node shows its status again, and the outputs and logs are back.
    window.runPanel()->clear();
    window.scene()->clearRunStates();
    ASSERT_TRUE(history->openRun(ok.runId)) << history->statusText().toStdString();
    for (const FlowNode& n : window.document()->flow().nodes)
        EXPECT_EQ(window.scene()->nodeItem(n.id)->runState(), NodeRunState::Succeeded) << n.name.toStdString();
    EXPECT_FALSE(window.runPanel()->outputOf(QStringLiteral("totals")).isEmpty());
    window.runPanel()->showNode(QStringLiteral("totals"));
    EXPECT_GT(window.runPanel()->outputTable()->rowCount(), 0);
    EXPECT_GT(window.runPanel()->log()->topLevelItemCount(), 3);

    // The failed one: the read node failed, the writer never ran.
    ASSERT_TRUE(history->openRun(failed.runId));
    EXPECT_EQ(window.scene()->nodeItem(QStringLiteral("read"))->runState(), NodeRunState::Failed);
    EXPECT_NE(window.scene()->nodeItem(QStringLiteral("write"))->runState(), NodeRunState::Succeeded);
    EXPECT_TRUE(window.runPanel()->outputOf(QStringLiteral("totals")).isEmpty());

    EXPECT_FALSE(history->openRun(QStringLiteral("no-such-run")));
    EXPECT_TRUE(history->statusText().contains(QStringLiteral("no-such-run")));
}

TEST(RunHistory, ShowsOnlyTheOpenFlowsRuns)
{
    MainWindow window(test::runtime());
    window.document()->setFlow(test::chainFlow());
    const int chainRuns = window.historyPanel()->list()->topLevelItemCount();
    window.document()->newFlow();
    EXPECT_EQ(window.historyPanel()->list()->topLevelItemCount(), 0) << "a new flow has no runs";
    const auto r = runAndWait(window);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(window.historyPanel()->list()->topLevelItemCount(), 1);
    window.document()->setFlow(test::chainFlow());
    EXPECT_EQ(window.historyPanel()->list()->topLevelItemCount(), chainRuns);
}
