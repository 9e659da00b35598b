// Schema creation, re-opening, module migrations in version order, and refusing a newer schema.

#include "engine/RunDatabase.hpp"
#include "engine/RunSchema.hpp"
#include "engine/RunStore.hpp"

#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace taskloom::engine;

namespace {

class RunSchemaTest : public ::testing::Test {
protected:
    QTemporaryDir m_dir;

    std::unique_ptr<RunStore> openStore(const Migrations& modules = {})
    {
        auto store = RunStore::open(m_dir.path(), modules);
        EXPECT_TRUE(store.has_value()) << qPrintable(store ? QString() : store.error().message);
        return store ? std::move(*store) : nullptr;
    }

    QVariant scalar(RunStore& store, const QString& sql)
    {
        auto q = store.database().query(sql);
        EXPECT_TRUE(q.has_value()) << qPrintable(q ? QString() : q.error());
        return q && q->next() ? q->value(0) : QVariant();
    }
};

Migration step(const QString& module, int version, QStringList statements)
{
    return Migration{module, version, std::move(statements)};
}

TEST_F(RunSchemaTest, CreatesTablesAndConfiguresTheConnection)
{
    auto store = openStore();
    ASSERT_TRUE(store);
    for (const char* table : {"runs", "node_runs", "logs", "node_outputs", "schema_version"})
        EXPECT_EQ(scalar(*store, QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '%1'")
                                     .arg(QLatin1StringView(table)))
                      .toInt(),
                  1)
            << table;
    EXPECT_EQ(scalar(*store, QStringLiteral("SELECT version FROM schema_version WHERE module = 'engine'")).toInt(), 2);
    EXPECT_EQ(scalar(*store, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    EXPECT_EQ(scalar(*store, QStringLiteral("PRAGMA busy_timeout")).toInt(), 5000);
    EXPECT_EQ(scalar(*store, QStringLiteral("PRAGMA synchronous")).toInt(), 1); // NORMAL
    EXPECT_TRUE(QFileInfo::exists(m_dir.filePath(QStringLiteral("runs.db"))));
    EXPECT_TRUE(QFileInfo(m_dir.filePath(QStringLiteral("locks"))).isDir());
}

TEST_F(RunSchemaTest, ReopeningKeepsDataAndSchema)
{
    {
        auto store = openStore();
        ASSERT_TRUE(store);
        ASSERT_TRUE(store->database().exec(QStringLiteral(
            "INSERT INTO runs (id, flow_id, status, started_at, store_mode) VALUES ('r1', 'f', 'succeeded', 1, 'full')")));
    }
    auto store = openStore();
    ASSERT_TRUE(store);
    EXPECT_EQ(scalar(*store, QStringLiteral("SELECT COUNT(*) FROM runs")).toInt(), 1);
    EXPECT_EQ(scalar(*store, QStringLiteral("SELECT COUNT(*) FROM schema_version")).toInt(), 1);
}

TEST_F(RunSchemaTest, AppliesModuleMigrationsInVersionOrderOnce)
{
    // Registered out of order; each step needs the one before it, so a wrong order fails the open.
    const Migrations modules = {
        step(QStringLiteral("llm"), 3, {QStringLiteral("INSERT INTO llm_usage (run_id, tokens, model) VALUES ('x', 1, 'm')")}),
        step(QStringLiteral("llm"), 1, {QStringLiteral("CREATE TABLE llm_usage (run_id TEXT, tokens INTEGER)")}),
        step(QStringLiteral("llm"), 2, {QStringLiteral("ALTER TABLE llm_usage ADD COLUMN model TEXT")}),
    };
    {
        auto store = openStore(modules);
        ASSERT_TRUE(store);
        EXPECT_EQ(scalar(*store, QStringLiteral("SELECT version FROM schema_version WHERE module = 'llm'")).toInt(), 3);
    }
    // Re-running any step would fail (table exists) or duplicate the row.
    auto store = openStore(modules);
    ASSERT_TRUE(store);
    EXPECT_EQ(scalar(*store, QStringLiteral("SELECT COUNT(*) FROM llm_usage")).toInt(), 1);
}

TEST_F(RunSchemaTest, AppliesOnlyTheNewSteps)
{
    ASSERT_TRUE(openStore({step(QStringLiteral("ocr"), 1, {QStringLiteral("CREATE TABLE ocr_pages (run_id TEXT)")})}));
    auto store = openStore({step(QStringLiteral("ocr"), 1, {QStringLiteral("CREATE TABLE ocr_pages (run_id TEXT)")}),
                            step(QStringLiteral("ocr"), 2, {QStringLiteral("ALTER TABLE ocr_pages ADD COLUMN n INTEGER")})});
    ASSERT_TRUE(store);
    EXPECT_EQ(scalar(*store, QStringLiteral("SELECT version FROM schema_version WHERE module = 'ocr'")).toInt(), 2);
    EXPECT_TRUE(store->database().exec(QStringLiteral("INSERT INTO ocr_pages (run_id, n) VALUES ('r', 1)")));
}

TEST_F(RunSchemaTest, RefusesAModuleSchemaNewerThanTheCode)
{
    ASSERT_TRUE(openStore({step(QStringLiteral("llm"), 1, {QStringLiteral("CREATE TABLE t1 (x)")}),
                           step(QStringLiteral("llm"), 2, {QStringLiteral("CREATE TABLE t2 (x)")})}));
    auto older = RunStore::open(m_dir.path(), {step(QStringLiteral("llm"), 1, {QStringLiteral("CREATE TABLE t1 (x)")})});
    ASSERT_FALSE(older.has_value());
    EXPECT_EQ(older.error().code, RunStoreError::Code::SchemaTooNew);
    EXPECT_TRUE(older.error().message.contains(u"'llm' schema is version 2")) << qPrintable(older.error().message);
    EXPECT_TRUE(older.error().message.contains(u"up to 1")) << qPrintable(older.error().message);
    // A program without the module at all may still open the store.
    EXPECT_TRUE(openStore());
}

TEST_F(RunSchemaTest, RefusesAnEngineSchemaNewerThanTheCode)
{
    {
        auto store = openStore();
        ASSERT_TRUE(store);
        ASSERT_TRUE(store->database().exec(QStringLiteral("UPDATE schema_version SET version = 99 WHERE module = 'engine'")));
    }
    auto store = RunStore::open(m_dir.path());
    ASSERT_FALSE(store.has_value());
    EXPECT_EQ(store.error().code, RunStoreError::Code::SchemaTooNew);
    EXPECT_TRUE(store.error().message.contains(u"newer Taskloom")) << qPrintable(store.error().message);
}

TEST_F(RunSchemaTest, AFailingStepChangesNothing)
{
    auto store = RunStore::open(m_dir.path(), {step(QStringLiteral("bad"), 1, {QStringLiteral("CREATE TABLE bad_t (x)"),
                                                                               QStringLiteral("NOT SQL AT ALL")})});
    ASSERT_FALSE(store.has_value());
    EXPECT_TRUE(store.error().message.contains(u"migration 'bad' version 1")) << qPrintable(store.error().message);
    auto good = openStore();
    ASSERT_TRUE(good);
    EXPECT_EQ(scalar(*good, QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = 'bad_t'")).toInt(), 0);
    EXPECT_EQ(scalar(*good, QStringLiteral("SELECT COUNT(*) FROM schema_version WHERE module = 'bad'")).toInt(), 0);
}

TEST_F(RunSchemaTest, RejectsInvalidRegistrations)
{
    auto duplicate = RunStore::open(m_dir.path(), {step(QStringLiteral("m"), 1, {QStringLiteral("CREATE TABLE a (x)")}),
                                                   step(QStringLiteral("m"), 1, {QStringLiteral("CREATE TABLE b (x)")})});
    ASSERT_FALSE(duplicate.has_value());
    EXPECT_TRUE(duplicate.error().message.contains(u"twice")) << qPrintable(duplicate.error().message);

    auto reserved =
        RunStore::open(m_dir.path(), {step(QStringLiteral("engine"), 2, {QStringLiteral("CREATE TABLE c (x)")})});
    ASSERT_FALSE(reserved.has_value());
    EXPECT_TRUE(reserved.error().message.contains(u"reserved")) << qPrintable(reserved.error().message);

    auto zero = RunStore::open(m_dir.path(), {step(QStringLiteral("m"), 0, {QStringLiteral("CREATE TABLE d (x)")})});
    EXPECT_FALSE(zero.has_value());
}

} // namespace
