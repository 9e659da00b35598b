// Recording synthetic runs: what each store mode keeps, output samples and their cap, batching, the run lock,
// and what recording costs a run.

#include "StoreTestSupport.hpp"

#include "engine/Json.hpp"
#include "engine/RunDatabase.hpp"
#include "engine/RunLock.hpp"
#include "engine/RunRecorder.hpp"
#include "engine/RunStore.hpp"
#include "engine/RunWriter.hpp"

#include <QFileInfo>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ostream>

using namespace taskloom::engine;
using namespace taskloom::tests;

namespace {

const QDateTime t0 = QDateTime::fromString(QStringLiteral("2024-05-01T10:00:00Z"), Qt::ISODate);

Item item(const QString& name, int n = 1)
{
    return Item(Object{{QStringLiteral("name"), name}, {QStringLiteral("n"), n}});
}

class RunRecorderTest : public ::testing::Test {
protected:
    void SetUp() override { openStore(); }

    void openStore()
    {
        auto store = RunStore::open(m_dir.path());
        ASSERT_TRUE(store.has_value()) << qPrintable(store.error().message);
        m_store = std::move(*store);
    }

    Object detail(const QString& runId)
    {
        auto d = m_store->runDetail(runId);
        EXPECT_TRUE(d.has_value()) << qPrintable(d ? QString() : d.error().message);
        return d.value_or(Object());
    }

    QTemporaryDir m_dir;
    std::unique_ptr<RunStore> m_store;
};

// A failing two-node run with a retry, a log line and output samples on two ports.
void recordFailingRun(RunObserver& rec, const QString& runId, const QString& marker = QStringLiteral("a"))
{
    rec.onEvent(runStarted(runId, QStringLiteral("flow-1"), t0));
    rec.onEvent(nodeStarted(runId, QStringLiteral("n1"), t0.addSecs(1)));
    rec.onEvent(logLine(runId, QStringLiteral("n1"), QStringLiteral("read 3 rows ") + marker, t0.addSecs(1)));
    RunEvent retry = nodeStarted(runId, QStringLiteral("n1"), t0.addSecs(2));
    retry.type = RunEvent::Type::NodeRetry;
    retry.attempt = 2;
    retry.level = LogLevel::Warning;
    retry.message = QStringLiteral("timed out, retrying");
    rec.onEvent(retry);
    RunEvent done = nodeFinished(runId, QStringLiteral("n1"), t0.addSecs(3));
    done.outputSample = {ItemList{item(marker), item(QStringLiteral("b"), 2)}, ItemList{item(QStringLiteral("c"))}};
    rec.onEvent(done);
    rec.onEvent(nodeStarted(runId, QStringLiteral("n2"), t0.addSecs(3)));
    RunEvent failed = nodeFinished(runId, QStringLiteral("n2"), t0.addSecs(4), NodeStatus::Failed);
    failed.errorCode = QStringLiteral("http.status");
    failed.message = QStringLiteral("HTTP 500 for customer ") + marker;
    rec.onEvent(failed);
    RunEvent finished = runFinished(runId, RunStatus::Failed, t0.addSecs(5), 5000);
    finished.message = QStringLiteral("node n2 failed: customer ") + marker;
    rec.onEvent(finished);
}

TEST_F(RunRecorderTest, RecordsASyntheticRunAndReadsItBack)
{
    {
        RunRecorder rec(*m_store, {StoreItemData::Full, QStringLiteral("/flows/invoices.json"), QStringLiteral("manual")});
        recordFailingRun(rec, QStringLiteral("run-1"));
        ASSERT_TRUE(rec.flush());
    }
    const Object d = detail(QStringLiteral("run-1"));
    EXPECT_EQ(d.value(u"status").toString(), QStringLiteral("failed"));
    EXPECT_EQ(d.value(u"flowId").toString(), QStringLiteral("flow-1"));
    EXPECT_EQ(d.value(u"flowPath").toString(), QStringLiteral("/flows/invoices.json"));
    EXPECT_EQ(d.value(u"trigger").toString(), QStringLiteral("manual"));
    EXPECT_EQ(d.value(u"storeItemData").toString(), QStringLiteral("full"));
    EXPECT_EQ(d.value(u"startedAt").toString(), QStringLiteral("2024-05-01T10:00:00.000Z"));
    EXPECT_EQ(d.value(u"finishedAt").toString(), QStringLiteral("2024-05-01T10:00:05.000Z"));
    EXPECT_EQ(d.value(u"durationMs").toInt(), 5000);
    const Object error = d.value(u"error").toObject();
    EXPECT_EQ(error.value(u"code").toString(), QStringLiteral("http.status")); // from the failed node
    EXPECT_EQ(error.value(u"nodeId").toString(), QStringLiteral("n2"));
    EXPECT_EQ(error.value(u"node").toString(), QStringLiteral("Node n2"));
    EXPECT_EQ(error.value(u"message").toString(), QStringLiteral("node n2 failed: customer a"));

    const Array nodes = d.value(u"nodes").toArray();
    ASSERT_EQ(nodes.size(), 2);
    const Object n1 = nodes.at(0).toObject();
    EXPECT_EQ(n1.value(u"nodeId").toString(), QStringLiteral("n1"));
    EXPECT_EQ(n1.value(u"type").toString(), QStringLiteral("core.set"));
    EXPECT_EQ(n1.value(u"status").toString(), QStringLiteral("succeeded"));
    EXPECT_EQ(n1.value(u"attempts").toInt(), 2);
    EXPECT_EQ(n1.value(u"itemsIn").toInt(), 2);
    EXPECT_EQ(n1.value(u"itemsOut").toInt(), 3);
    EXPECT_EQ(n1.value(u"startedAt").toString(), QStringLiteral("2024-05-01T10:00:01.000Z"));
    const Array outputs = n1.value(u"outputs").toArray();
    ASSERT_EQ(outputs.size(), 2);
    const Array expected{Object{{"name", "a"}, {"n", 1}}, Object{{"name", "b"}, {"n", 2}}};
    EXPECT_EQ(outputs.at(0).toObject().value(u"items"), Value(expected));
    EXPECT_EQ(outputs.at(0).toObject().value(u"itemCount").toInt(), 2);
    EXPECT_FALSE(outputs.at(0).toObject().value(u"truncated").toBool());
    EXPECT_EQ(outputs.at(1).toObject().value(u"port").toInt(), 1);
    // Field order survives the store: "name" before "n", as written.
    EXPECT_EQ(outputs.at(0).toObject().value(u"items").toArray().at(0).toObject().keys(), (QStringList{"name", "n"}));

    const Object n2 = nodes.at(1).toObject();
    EXPECT_EQ(n2.value(u"status").toString(), QStringLiteral("failed"));
    EXPECT_EQ(n2.value(u"errorCode").toString(), QStringLiteral("http.status"));
    EXPECT_EQ(n2.value(u"errorMessage").toString(), QStringLiteral("HTTP 500 for customer a"));
    EXPECT_TRUE(n2.value(u"outputs").toArray().isEmpty());

    const Array logs = d.value(u"logs").toArray();
    ASSERT_EQ(logs.size(), 2);
    EXPECT_EQ(logs.at(0).toObject().value(u"message").toString(), QStringLiteral("read 3 rows a"));
    EXPECT_EQ(logs.at(0).toObject().value(u"node").toString(), QStringLiteral("Node n1"));
    EXPECT_EQ(logs.at(1).toObject().value(u"level").toString(), QStringLiteral("warning"));
    EXPECT_EQ(logs.at(1).toObject().value(u"message").toString(), QStringLiteral("timed out, retrying"));
    EXPECT_FALSE(logs.at(0).toObject().contains(u"data")) << "plain lines carry no data";
}

TEST_F(RunRecorderTest, KeepsStructuredLogDataBesideTheLine)
{
    {
        RunRecorder rec(*m_store, {StoreItemData::Full, QStringLiteral("/flows/llm.json"), QStringLiteral("manual")});
        const QDateTime t0 = QDateTime::fromString(QStringLiteral("2024-05-01T10:00:00Z"), Qt::ISODate);
        rec.onEvent(runStarted(QStringLiteral("run-d"), QStringLiteral("flow-d"), t0));
        RunEvent line = logLine(QStringLiteral("run-d"), QStringLiteral("n1"), QStringLiteral("llm call: ..."), t0.addSecs(1));
        line.data = Object{{"event", "llm-call"}, {"model", "m1"}, {"totalTokens", 17}, {"latencyMs", 230}};
        rec.onEvent(line);
        ASSERT_TRUE(rec.flush());
    }
    const Array logs = detail(QStringLiteral("run-d")).value(u"logs").toArray();
    ASSERT_EQ(logs.size(), 1);
    const Object data = logs.at(0).toObject().value(u"data").toObject();
    EXPECT_EQ(data.keys(), (QStringList{"event", "model", "totalTokens", "latencyMs"})) << "order kept";
    EXPECT_EQ(data.value(u"totalTokens").toInt(), 17);
}

struct ModeCase {
    StoreItemData mode;
    bool keepsItems;
    bool keepsLogs;
    bool keepsErrorMessages;
};

// gtest prints parameters into test names that ctest keeps; raw bytes would include struct padding.
void PrintTo(const ModeCase& c, std::ostream* os)
{
    *os << FlowSettings::storeItemDataName(c.mode).toStdString();
}

class StoreModeTest : public ::testing::TestWithParam<ModeCase> {};

TEST_P(StoreModeTest, KeepsOnlyWhatTheModeAllows)
{
    const ModeCase c = GetParam();
    QTemporaryDir dir;
    const QString marker = QStringLiteral("PRIVATE-7f3a-MARKER");
    {
        auto store = RunStore::open(dir.path());
        ASSERT_TRUE(store.has_value());
        RunRecorder rec(**store, {c.mode, {}, {}});
        recordFailingRun(rec, QStringLiteral("r"), marker);
        ASSERT_TRUE(rec.flush());
    } // every connection closed: SQLite folds the WAL back into runs.db
    const QByteArray bytes = storeFileBytes(dir.path());
    ASSERT_FALSE(bytes.isEmpty());
    EXPECT_EQ(bytes.contains("{\"name\":\"" + marker.toUtf8()), c.keepsItems);
    EXPECT_EQ(bytes.contains("read 3 rows " + marker.toUtf8()), c.keepsLogs);
    EXPECT_EQ(bytes.contains("HTTP 500 for customer " + marker.toUtf8()), c.keepsErrorMessages);
    EXPECT_EQ(bytes.contains("node n2 failed: customer " + marker.toUtf8()), c.keepsErrorMessages);
    EXPECT_TRUE(bytes.contains("http.status")); // codes, statuses and counts always stay

    auto store = RunStore::open(dir.path());
    ASSERT_TRUE(store.has_value());
    const auto d = (*store)->runDetail(QStringLiteral("r"));
    ASSERT_TRUE(d.has_value());
    const Object n1 = d->value(u"nodes").toArray().at(0).toObject();
    EXPECT_EQ(n1.value(u"outputs").toArray().isEmpty(), !c.keepsItems);
    EXPECT_EQ(n1.value(u"attempts").toInt(), 2);
    EXPECT_EQ(n1.value(u"itemsOut").toInt(), 3);
    EXPECT_EQ(d->value(u"logs").toArray().isEmpty(), !c.keepsLogs);
    EXPECT_EQ(d->value(u"storeItemData").toString(), FlowSettings::storeItemDataName(c.mode));
}

INSTANTIATE_TEST_SUITE_P(Modes, StoreModeTest,
                         ::testing::Values(ModeCase{StoreItemData::Full, true, true, true},
                                           ModeCase{StoreItemData::Metadata, false, true, true},
                                           ModeCase{StoreItemData::None, false, false, false}),
                         [](const ::testing::TestParamInfo<ModeCase>& info) {
                             return FlowSettings::storeItemDataName(info.param.mode).toStdString();
                         });

TEST_F(RunRecorderTest, CapsLargeOutputsWithATruncationMarker)
{
    ItemList many;
    for (int i = 0; i < 2000; ++i)
        many.append(Item(Object{{QStringLiteral("i"), i}, {QStringLiteral("text"), QString(200, u'x')}}));
    {
        RunRecorder rec(*m_store, {});
        rec.onEvent(runStarted(QStringLiteral("big"), QStringLiteral("f"), t0));
        RunEvent done = nodeFinished(QStringLiteral("big"), QStringLiteral("n1"), t0);
        done.outputSample = {many, ItemList{item(QStringLiteral("small"))}};
        rec.onEvent(done);
        ASSERT_TRUE(rec.flush());
    }
    auto stored = m_store->database().query(
        QStringLiteral("SELECT length(CAST(items_json AS BLOB)) FROM node_outputs WHERE port = 0"));
    ASSERT_TRUE(stored && stored->next());
    EXPECT_LE(stored->value(0).toLongLong(), RunWriter::maxOutputBytes);
    stored->finish();

    const Object node = detail(QStringLiteral("big")).value(u"nodes").toArray().at(0).toObject();
    const Array outputs = node.value(u"outputs").toArray();
    ASSERT_EQ(outputs.size(), 2);
    const Object first = outputs.at(0).toObject();
    EXPECT_TRUE(first.value(u"truncated").toBool());
    EXPECT_EQ(first.value(u"totalItems").toInt(), 2000);
    const qint64 kept = first.value(u"itemCount").toInt();
    EXPECT_GT(kept, 1000); // ~215 bytes an item: most of 256 KiB is used
    EXPECT_LT(kept, 2000);
    const Array items = first.value(u"items").toArray();
    ASSERT_EQ(items.size(), kept + 1);
    EXPECT_EQ(items.at(0).toObject().value(u"i").toInt(), 0);
    EXPECT_EQ(items.at(kept - 1).toObject().value(u"i").toInt(), kept - 1);
    EXPECT_EQ(items.at(kept), Value(Object{{"$truncated", true}, {"storedItems", kept}, {"totalItems", 2000}}));
    EXPECT_FALSE(outputs.at(1).toObject().value(u"truncated").toBool());
}

TEST(RunWriterSample, FitsExactlyOrTruncatesWithinTheCap)
{
    const ItemList items = {Item(Object{{"k", QString(990, u'a')}}), Item(Object{{"k", QString(990, u'b')}}),
                            Item(Object{{"k", QString(990, u'c')}})};
    const RunWriter::Sample all = RunWriter::sampleJson(items, 1 << 20);
    EXPECT_FALSE(all.truncated);
    EXPECT_EQ(all.storedItems, 3);
    EXPECT_TRUE(Json::parse(all.json).has_value());

    const RunWriter::Sample exact = RunWriter::sampleJson(items, all.json.size());
    EXPECT_FALSE(exact.truncated);
    EXPECT_EQ(exact.json, all.json);

    const RunWriter::Sample cut = RunWriter::sampleJson(items, all.json.size() - 1);
    EXPECT_TRUE(cut.truncated);
    EXPECT_EQ(cut.storedItems, 2);
    EXPECT_LE(cut.json.size(), all.json.size() - 1);
    const auto parsed = Json::parse(cut.json);
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(parsed->arrayRef().at(2), Value(Object{{"$truncated", true}, {"storedItems", 2}, {"totalItems", 3}}));

    EXPECT_EQ(RunWriter::sampleJson({}).json, QByteArray("[]"));
}

TEST_F(RunRecorderTest, BatchesARunIntoFewTransactions)
{
    RunRecorder rec(*m_store, {});
    const qint64 before = m_store->writer()->transactionCount();
    recordRun(rec, QStringLiteral("batched"), QStringLiteral("f"), t0, 10, 2); // 62 events
    ASSERT_TRUE(rec.flush());
    const qint64 used = m_store->writer()->transactionCount() - before;
    EXPECT_GE(used, 1);
    EXPECT_LE(used, 3);
    EXPECT_EQ(detail(QStringLiteral("batched")).value(u"logs").toArray().size(), 20);
}

TEST_F(RunRecorderTest, HoldsTheRunLockUntilTheFinalRowIsCommitted)
{
    RunRecorder rec(*m_store, {});
    rec.onEvent(runStarted(QStringLiteral("live"), QStringLiteral("f"), t0));
    ASSERT_TRUE(rec.flush());
    const QString lockPath = RunLock::lockPath(m_store->dataDir(), QStringLiteral("live"));
    EXPECT_TRUE(QFileInfo::exists(lockPath));
    auto probe = RunLock::tryAcquireExisting(m_store->dataDir(), QStringLiteral("live"));
    ASSERT_FALSE(probe.has_value());
    EXPECT_EQ(probe.error().failure, RunLock::Failure::Held);

    // Another store on the same directory (as another process would) must leave the live run alone.
    auto other = RunStore::open(m_dir.path());
    ASSERT_TRUE(other.has_value());
    EXPECT_EQ((*other)->reconcileInterrupted().value_or(-1), 0);
    EXPECT_EQ((*other)->run(QStringLiteral("live"))->status, RunStatus::Running);

    rec.onEvent(runFinished(QStringLiteral("live"), RunStatus::Succeeded, t0.addSecs(1)));
    ASSERT_TRUE(rec.flush());
    EXPECT_EQ((*other)->run(QStringLiteral("live"))->status, RunStatus::Succeeded);
    // The writer drops the lock (and its file) after that commit and before flush returns.
    EXPECT_FALSE(QFileInfo::exists(lockPath));
}

TEST_F(RunRecorderTest, ARunWhoseRecorderWentAwayUnfinishedIsInterrupted)
{
    {
        RunRecorder rec(*m_store, {});
        rec.onEvent(runStarted(QStringLiteral("gone"), QStringLiteral("f"), t0));
        rec.onEvent(nodeStarted(QStringLiteral("gone"), QStringLiteral("n1"), t0.addSecs(1)));
    }
    EXPECT_EQ(m_store->reconcileInterrupted().value_or(-1), 1);
    const Object d = detail(QStringLiteral("gone"));
    EXPECT_EQ(d.value(u"status").toString(), QStringLiteral("interrupted"));
    EXPECT_EQ(d.value(u"finishedAt").toString(), QStringLiteral("2024-05-01T10:00:01.000Z")); // last sign of life
    EXPECT_EQ(d.value(u"nodes").toArray().at(0).toObject().value(u"status").toString(), QStringLiteral("interrupted"));
    EXPECT_TRUE(d.value(u"error").toObject().value(u"message").toString().contains(u"ended before the run finished"));
    EXPECT_EQ(m_store->reconcileInterrupted().value_or(-1), 0);
}

// Not a pass/fail test: prints what recording a 10-node run costs (see the report in the commit).
TEST_F(RunRecorderTest, PrintsTheCostOfRecordingATenNodeRun)
{
    RunRecorder rec(*m_store, {});
    using Clock = std::chrono::steady_clock;
    std::vector<double> withFlush;
    std::vector<double> eventsOnly;
    for (int i = 0; i < 300; ++i) {
        const QString runId = QStringLiteral("perf-%1").arg(i);
        const auto start = Clock::now();
        recordRun(rec, runId, QStringLiteral("perf"), t0.addSecs(i), 10);
        const auto posted = Clock::now();
        ASSERT_TRUE(rec.flush());
        const auto flushed = Clock::now();
        eventsOnly.push_back(std::chrono::duration<double, std::micro>(posted - start).count());
        withFlush.push_back(std::chrono::duration<double, std::micro>(flushed - start).count());
    }
    const auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    std::printf("[recording cost] 10-node run (22 events): onEvent total median %.1f us; with flush median %.1f us\n",
                median(eventsOnly), median(withFlush));
    EXPECT_EQ(m_store->listRuns({QStringLiteral("perf"), std::nullopt, 0})->size(), 300);
}

} // namespace
