// Queries behind `taskloom runs`: listing, id prefixes, one run's detail, and retention.

#include "StoreTestSupport.hpp"

#include "engine/RunDatabase.hpp"
#include "engine/RunRecorder.hpp"
#include "engine/RunStore.hpp"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <unistd.h>

using namespace taskloom::engine;
using namespace taskloom::tests;

namespace {

const QDateTime now = QDateTime::currentDateTimeUtc();

class RunStoreTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto store = RunStore::open(m_dir.path(), m_modules);
        ASSERT_TRUE(store.has_value()) << qPrintable(store.error().message);
        m_store = std::move(*store);
    }

    void record(const QString& runId, const QString& flowId, const QDateTime& start, int nodes = 2)
    {
        RunRecorder recorder(*m_store, {});
        recordRun(recorder, runId, flowId, start, nodes, 1);
        ASSERT_TRUE(recorder.flush());
    }

    int count(const QString& sql)
    {
        auto q = m_store->database().query(sql);
        return q && q->next() ? q->value(0).toInt() : -1;
    }

    QStringList listedIds(const RunFilter& filter = {})
    {
        auto runs = m_store->listRuns(filter);
        EXPECT_TRUE(runs.has_value());
        QStringList ids;
        for (const RunSummary& r : runs.value_or(QList<RunSummary>()))
            ids.append(r.id);
        return ids;
    }

    QTemporaryDir m_dir;
    Migrations m_modules = {Migration{QStringLiteral("usage"), 1,
                                      {QStringLiteral("CREATE TABLE usage_tokens (run_id TEXT NOT NULL, tokens INTEGER)")}}};
    std::unique_ptr<RunStore> m_store;
};

TEST_F(RunStoreTest, ListsNewestFirstWithFilters)
{
    record(QStringLiteral("r1"), QStringLiteral("fa"), now.addSecs(-300));
    record(QStringLiteral("r2"), QStringLiteral("fb"), now.addSecs(-200));
    record(QStringLiteral("r3"), QStringLiteral("fa"), now.addSecs(-100));
    {
        RunRecorder recorder(*m_store, {});
        recorder.onEvent(runStarted(QStringLiteral("r4"), QStringLiteral("fa"), now.addSecs(-50)));
        recorder.onEvent(runFinished(QStringLiteral("r4"), RunStatus::Failed, now.addSecs(-40)));
    }
    EXPECT_EQ(listedIds(), (QStringList{"r4", "r3", "r2", "r1"}));
    EXPECT_EQ(listedIds({QStringLiteral("fa"), std::nullopt, 50}), (QStringList{"r4", "r3", "r1"}));
    EXPECT_EQ(listedIds({QStringLiteral("fa"), RunStatus::Succeeded, 50}), (QStringList{"r3", "r1"}));
    EXPECT_EQ(listedIds({{}, std::nullopt, 2}), (QStringList{"r4", "r3"}));

    const auto runs = m_store->listRuns({QStringLiteral("fb"), std::nullopt, 0});
    ASSERT_TRUE(runs.has_value());
    ASSERT_EQ(runs->size(), 1);
    const RunSummary& r = runs->first();
    EXPECT_EQ(r.flowName, QStringLiteral("Flow fb"));
    EXPECT_EQ(r.status, RunStatus::Succeeded);
    EXPECT_EQ(r.startedAt.toSecsSinceEpoch(), now.addSecs(-200).toSecsSinceEpoch());
    EXPECT_EQ(r.durationMs, 3000); // computed from the start when the event carries none
    EXPECT_EQ(r.pid, qint64(::getpid()));
}

TEST_F(RunStoreTest, ResolvesUnambiguousIdPrefixes)
{
    for (const char* id : {"abc123", "abc456", "def789", "run1", "run10"})
        record(QLatin1StringView(id), QStringLiteral("f"), now);
    EXPECT_EQ(m_store->resolveRunId(QStringLiteral("abc1")).value_or(QString()), QStringLiteral("abc123"));
    EXPECT_EQ(m_store->resolveRunId(QStringLiteral("d")).value_or(QString()), QStringLiteral("def789"));
    EXPECT_EQ(m_store->resolveRunId(QStringLiteral("run1")).value_or(QString()), QStringLiteral("run1")); // exact wins

    const auto ambiguous = m_store->resolveRunId(QStringLiteral("abc"));
    ASSERT_FALSE(ambiguous.has_value());
    EXPECT_EQ(ambiguous.error().code, RunStoreError::Code::Ambiguous);
    EXPECT_TRUE(ambiguous.error().message.contains(u"abc123, abc456")) << qPrintable(ambiguous.error().message);

    const auto missing = m_store->resolveRunId(QStringLiteral("zzz"));
    ASSERT_FALSE(missing.has_value());
    EXPECT_EQ(missing.error().code, RunStoreError::Code::NotFound);
    // LIKE wildcards are not wildcards here.
    EXPECT_FALSE(m_store->resolveRunId(QStringLiteral("_bc")).has_value());
    EXPECT_FALSE(m_store->resolveRunId(QStringLiteral("%")).has_value());

    const auto detail = m_store->runDetail(QStringLiteral("def"));
    ASSERT_TRUE(detail.has_value());
    EXPECT_EQ(detail->value(u"id").toString(), QStringLiteral("def789"));
}

TEST_F(RunStoreTest, PrunesByAgeAndCountButNeverRunningRuns)
{
    const QDateTime old = now.addDays(-40);
    record(QStringLiteral("a-old1"), QStringLiteral("fa"), old);
    record(QStringLiteral("a-old2"), QStringLiteral("fa"), old.addSecs(60));
    record(QStringLiteral("a-new1"), QStringLiteral("fa"), now.addSecs(-300));
    record(QStringLiteral("a-new2"), QStringLiteral("fa"), now.addSecs(-200));
    record(QStringLiteral("a-new3"), QStringLiteral("fa"), now.addSecs(-100));
    for (int i = 1; i <= 3; ++i)
        record(QStringLiteral("b-%1").arg(i), QStringLiteral("fb"), now.addSecs(-100 * i - 50));
    // Old and beyond the count, but still running (its recorder holds the lock): must stay.
    RunRecorder live(*m_store, {});
    live.onEvent(runStarted(QStringLiteral("a-running"), QStringLiteral("fa"), now.addDays(-60)));
    ASSERT_TRUE(live.flush());
    for (const char* id : {"a-old1", "a-new1", "b-3", "b-1"})
        ASSERT_TRUE(m_store->database().exec(QStringLiteral("INSERT INTO usage_tokens VALUES (?, 5)"), {QLatin1StringView(id)}));

    const auto deleted = m_store->prune(now.addDays(-30), 2);
    ASSERT_TRUE(deleted.has_value()) << qPrintable(deleted.error().message);
    EXPECT_EQ(*deleted, 4); // a-old1, a-old2 (age), a-new1 (count), b-3 (count)
    EXPECT_EQ(listedIds(), (QStringList{"a-new3", "b-1", "a-new2", "b-2", "a-running"}));
    // Their rows went with them, in every table with a run_id (a module's too).
    for (const char* table : {"node_runs", "logs", "usage_tokens"}) {
        EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE run_id IN ('a-old1', 'a-old2', 'a-new1', 'b-3')")
                            .arg(QLatin1StringView(table))),
                  0)
            << table;
    }
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM usage_tokens")), 1);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM node_runs WHERE run_id = 'a-new2'")), 2);

    EXPECT_EQ(m_store->prune(now.addDays(-30), 2).value_or(-1), 0);
    EXPECT_EQ(m_store->prune(QDateTime(), -1).value_or(-1), 0); // no limits: nothing to do
    EXPECT_EQ(m_store->prune(QDateTime(), 1).value_or(-1), 2);  // count only: a-new2, b-2
    EXPECT_EQ(m_store->prune(now, -1).value_or(-1), 2);         // age only: a-new3, b-1
    EXPECT_EQ(listedIds(), QStringList{"a-running"});
}

TEST_F(RunStoreTest, AppliesDefaultRetention)
{
    record(QStringLiteral("ancient"), QStringLiteral("f"), now.addDays(-RunStore::defaultMaxAgeDays - 1));
    record(QStringLiteral("recent"), QStringLiteral("f"), now.addDays(-RunStore::defaultMaxAgeDays + 1));
    EXPECT_EQ(m_store->applyRetention().value_or(-1), 1);
    EXPECT_EQ(listedIds(), QStringList{"recent"});
}

} // namespace
