// Run locks across processes: a run killed with SIGKILL becomes interrupted, a live one never does, and two
// processes recording at once lose nothing. Other processes are copies of this binary running a DISABLED_
// child test.

#include "StoreTestSupport.hpp"

#include "engine/RunDatabase.hpp"
#include "engine/RunLock.hpp"
#include "engine/RunRecorder.hpp"
#include "engine/RunStore.hpp"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <csignal>

using namespace taskloom::engine;
using namespace taskloom::tests;

namespace {

const QString dirVar = QStringLiteral("TASKLOOM_STORE_TEST_DIR");
const QString runVar = QStringLiteral("TASKLOOM_STORE_TEST_RUN");
const QString countVar = QStringLiteral("TASKLOOM_STORE_TEST_COUNT");

/// Kills and reaps a child that a failed assertion left behind.
struct ChildGuard {
    pid_t pid = -1;
    ~ChildGuard()
    {
        if (pid > 0) {
            ::kill(pid, SIGKILL);
            waitChild(pid);
        }
    }
};

QString readyFile(const QString& dir, const QString& runId)
{
    return QDir(dir).filePath(runId + QStringLiteral(".ready"));
}

// ---- the other processes ----

TEST(StoreChild, DISABLED_HoldRunningRun)
{
    const QString dir = qEnvironmentVariable(qPrintable(dirVar));
    const QString runId = qEnvironmentVariable(qPrintable(runVar));
    if (dir.isEmpty() || runId.isEmpty())
        GTEST_SKIP() << "started by KilledRunIsInterruptedButALiveOneIsNot";
    auto store = RunStore::open(dir);
    ASSERT_TRUE(store.has_value()) << qPrintable(store.error().message);
    RunRecorder rec(**store, {StoreItemData::Full, {}, QStringLiteral("child")});
    const QDateTime now = QDateTime::currentDateTimeUtc();
    rec.onEvent(runStarted(runId, QStringLiteral("flow"), now));
    rec.onEvent(nodeStarted(runId, QStringLiteral("n1"), now));
    ASSERT_TRUE(rec.flush());
    QFile ready(readyFile(dir, runId));
    ASSERT_TRUE(ready.open(QIODevice::WriteOnly));
    ready.close();
    // Until SIGKILL; bounded so that an orphan cannot live forever.
    for (int i = 0; i < 600; ++i)
        QThread::msleep(100);
}

TEST(StoreChild, DISABLED_WriteRuns)
{
    const QString dir = qEnvironmentVariable(qPrintable(dirVar));
    const QString prefix = qEnvironmentVariable(qPrintable(runVar));
    const int count = qEnvironmentVariableIntValue(qPrintable(countVar));
    if (dir.isEmpty() || prefix.isEmpty())
        GTEST_SKIP() << "started by TwoProcessesRecordingAtOnceLoseNothing";
    auto store = RunStore::open(dir);
    ASSERT_TRUE(store.has_value()) << qPrintable(store.error().message);
    RunRecorder rec(**store, {});
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < count; ++i) {
        const QString runId = QStringLiteral("%1-%2").arg(prefix).arg(i);
        recordRun(rec, runId, QStringLiteral("flow-") + prefix, now.addMSecs(i), 3, 1);
        const auto flushed = rec.flush(); // a transaction or two per run: many chances to collide
        ASSERT_TRUE(flushed.has_value()) << qPrintable(flushed.error());
    }
}

// ---- the tests ----

TEST(RunLockTest, IsExclusiveEvenWithinOneProcess)
{
    QTemporaryDir dir;
    auto first = RunLock::acquire(dir.path(), QStringLiteral("r1"));
    ASSERT_TRUE(first.has_value()) << qPrintable(first.error().message);
    EXPECT_TRUE(QFileInfo::exists(RunLock::lockPath(dir.path(), QStringLiteral("r1"))));
    auto second = RunLock::acquire(dir.path(), QStringLiteral("r1"));
    ASSERT_FALSE(second.has_value());
    EXPECT_EQ(second.error().failure, RunLock::Failure::Held);
    EXPECT_EQ(RunLock::tryAcquireExisting(dir.path(), QStringLiteral("r1")).error().failure, RunLock::Failure::Held);

    first->release();
    EXPECT_FALSE(QFileInfo::exists(RunLock::lockPath(dir.path(), QStringLiteral("r1"))));
    EXPECT_EQ(RunLock::tryAcquireExisting(dir.path(), QStringLiteral("r1")).error().failure, RunLock::Failure::NoFile);
    EXPECT_TRUE(RunLock::acquire(dir.path(), QStringLiteral("r1")).has_value());
}

TEST(RunLockTest, RefusesRunIdsThatAreNotFileNames)
{
    QTemporaryDir dir;
    for (const char* id : {"", "../escape", "a/b", ".hidden"})
        EXPECT_FALSE(RunLock::acquire(dir.path(), QString::fromUtf8(id)).has_value()) << id;
}

TEST(RunLockTest, KilledRunIsInterruptedButALiveOneIsNot)
{
    QTemporaryDir dir;
    const QString runId = QStringLiteral("0b7e2c1a-killed");
    ChildGuard child{spawnChildTest(QStringLiteral("StoreChild.DISABLED_HoldRunningRun"),
                                    {{dirVar, dir.path()}, {runVar, runId}})};
    ASSERT_GT(child.pid, 0);
    ASSERT_TRUE(waitForFile(readyFile(dir.path(), runId), 30000)) << "the child never recorded its run";

    // Alive in another process: opening (which reconciles), listing and reconciling leave it running.
    auto store = RunStore::open(dir.path());
    ASSERT_TRUE(store.has_value()) << qPrintable(store.error().message);
    EXPECT_EQ((*store)->reconcileInterrupted().value_or(-1), 0);
    auto running = (*store)->run(QStringLiteral("0b7e"));
    ASSERT_TRUE(running.has_value());
    EXPECT_EQ(running->status, RunStatus::Running);
    EXPECT_EQ(running->pid, qint64(child.pid));
    EXPECT_EQ(running->trigger, QStringLiteral("child"));

    ASSERT_EQ(::kill(child.pid, SIGKILL), 0);
    EXPECT_EQ(waitChild(std::exchange(child.pid, -1)), 128 + SIGKILL);

    EXPECT_EQ((*store)->reconcileInterrupted().value_or(-1), 1);
    const auto detail = (*store)->runDetail(runId);
    ASSERT_TRUE(detail.has_value());
    EXPECT_EQ(detail->value(u"status").toString(), QStringLiteral("interrupted"));
    const Object node = detail->value(u"nodes").toArray().at(0).toObject();
    EXPECT_EQ(node.value(u"status").toString(), QStringLiteral("interrupted"));
    EXPECT_FALSE(QFileInfo::exists(RunLock::lockPath(dir.path(), runId))); // the stale lock file is cleaned up
}

TEST(RunLockTest, TwoProcessesRecordingAtOnceLoseNothing)
{
    QTemporaryDir dir; // no runs.db yet: both children also race to create and migrate it
    constexpr int runsEach = 150;
    const QString count = QString::number(runsEach);
    ChildGuard a{spawnChildTest(QStringLiteral("StoreChild.DISABLED_WriteRuns"),
                                {{dirVar, dir.path()}, {runVar, QStringLiteral("pa")}, {countVar, count}})};
    ChildGuard b{spawnChildTest(QStringLiteral("StoreChild.DISABLED_WriteRuns"),
                                {{dirVar, dir.path()}, {runVar, QStringLiteral("pb")}, {countVar, count}})};
    ASSERT_GT(a.pid, 0);
    ASSERT_GT(b.pid, 0);
    EXPECT_EQ(waitChild(std::exchange(a.pid, -1)), 0);
    EXPECT_EQ(waitChild(std::exchange(b.pid, -1)), 0);

    auto store = RunStore::open(dir.path());
    ASSERT_TRUE(store.has_value()) << qPrintable(store.error().message);
    for (const char* prefix : {"pa", "pb"}) {
        const auto runs = (*store)->listRuns({QStringLiteral("flow-") + QLatin1StringView(prefix), std::nullopt, 0});
        ASSERT_TRUE(runs.has_value());
        EXPECT_EQ(runs->size(), runsEach) << prefix;
        for (const RunSummary& r : *runs)
            EXPECT_EQ(r.status, RunStatus::Succeeded) << qPrintable(r.id);
    }
    auto q = (*store)->database().query(
        QStringLiteral("SELECT (SELECT COUNT(*) FROM node_runs), (SELECT COUNT(*) FROM logs)"));
    ASSERT_TRUE(q && q->next());
    EXPECT_EQ(q->value(0).toInt(), 2 * runsEach * 3);
    EXPECT_EQ(q->value(1).toInt(), 2 * runsEach * 3);
}

} // namespace
