#include "ConnectorTestSupport.hpp"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace taskloom;
using namespace taskloom::engine;

namespace {

class SqlNode : public tests::ConnectorFixture {
protected:
    RunResult sql(Object params, ItemList input = {Item()})
    {
        params.insert(QStringLiteral("database"), params.contains(u"database") ? params.value(u"database") : Value("shop.db"));
        return runOne(QStringLiteral("connectors.sql"), std::move(params), std::move(input));
    }
    RunResult exec(const QString& query) { return sql({{"query", query}}); }
};

Object p(const QString& name, Value value) { return Object{{"name", name}, {"value", std::move(value)}}; }

} // namespace

TEST_F(SqlNode, QueryWithBoundParametersReturnsRowsInColumnOrder)
{
    ASSERT_EQ(exec("CREATE TABLE orders (id INTEGER PRIMARY KEY, customer TEXT, total REAL, paid INTEGER, note TEXT)").status,
              RunStatus::Succeeded);
    RunResult r = sql({{"query", "INSERT INTO orders (customer, total, paid, note) VALUES (:c, :t, :p, :n)"},
                       {"parameters", Array{p("c", "Ann'; DROP TABLE orders; --"), p("t", 12.5), p("p", 1), p("n", Value())}}});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(json(r.output), R"([{"rowsAffected":1,"lastInsertId":1}])");
    ASSERT_EQ(sql({{"query", "INSERT INTO orders (customer, total) VALUES (?, ?)"},
                   {"parameters", Array{p("", "Bo"), p("", 3)}}}).status, RunStatus::Succeeded);

    r = sql({{"query", "SELECT customer, id, total, note FROM orders WHERE total > ? ORDER BY id"}, {"parameters", Array{p("", 1)}}});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(json(r.output), R"([{"customer":"Ann'; DROP TABLE orders; --","id":1,"total":12.5,"note":null},)"
                              R"({"customer":"Bo","id":2,"total":3,"note":null}])");

    // Once per item by default; "Run once" runs it a single time.
    const ItemList three = {Item(), Item(), Item()};
    r = sql({{"query", "SELECT count(*) AS n FROM orders"}}, three);
    EXPECT_EQ(r.output.size(), 3);
    r = sql({{"query", "SELECT count(*) AS n FROM orders"}, {"executeOnce", true}}, three);
    EXPECT_EQ(json(r.output), R"([{"n":2}])");
}

TEST_F(SqlNode, InsertAndUpsertItems)
{
    ASSERT_EQ(exec("CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL, tags TEXT)").status, RunStatus::Succeeded);
    const ItemList people = {Item(Object{{"id", 1}, {"name", "Ann"}, {"tags", Array{"a", "b"}}}),
                             Item(Object{{"id", 2}, {"name", "Bo"}, {"tags", Value()}})};
    RunResult r = sql({{"operation", "insert"}, {"table", "people"}}, people);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(r.output.size(), 2);

    r = sql({{"operation", "insert"}, {"table", "people"}}, {Item(Object{{"id", 1}, {"name", "Dup"}})});
    EXPECT_EQ(r.errorCode, "SQL_ERROR");
    EXPECT_TRUE(r.error.contains(QStringLiteral("INSERT INTO \"people\""))) << r.error.toStdString();
    EXPECT_TRUE(r.error.contains(QStringLiteral("UNIQUE"))) << r.error.toStdString();

    r = sql({{"operation", "upsert"}, {"table", "people"}, {"columns", "id, name"}, {"conflictColumns", "id"}},
            {Item(Object{{"id", 1}, {"name", "Ann B"}, {"ignored", 1}}), Item(Object{{"id", 3}, {"name", "Cy"}})});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    r = exec("SELECT id, name, tags FROM people ORDER BY id");
    EXPECT_EQ(json(r.output), R"([{"id":1,"name":"Ann B","tags":"[\"a\",\"b\"]"},{"id":2,"name":"Bo","tags":null},)"
                              R"({"id":3,"name":"Cy","tags":null}])");
}

TEST_F(SqlNode, OneTransactionRollsBackEverythingOrSkipsOnlyTheFailedItem)
{
    ASSERT_EQ(exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)").status, RunStatus::Succeeded);
    const ItemList rows = {Item(Object{{"id", 1}, {"v", "a"}}), Item(Object{{"id", 2}, {"v", Value()}}),
                           Item(Object{{"id", 3}, {"v", "c"}})};
    RunResult r = sql({{"operation", "insert"}, {"table", "t"}}, rows);
    EXPECT_EQ(r.errorCode, "SQL_ERROR");
    EXPECT_TRUE(r.error.contains(QStringLiteral("NOT NULL"))) << r.error.toStdString();
    EXPECT_EQ(json(exec("SELECT count(*) AS n FROM t").output), R"([{"n":0}])") << "nothing half-written";

    m_flow = {};
    add("Start", "core.manualTrigger");
    add("N", "connectors.sql", {{"database", "shop.db"}, {"operation", "insert"}, {"table", "t"}}, OnError::Continue);
    chain({"Start", "N"});
    r = run(rows);
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(r.output.size(), 3);
    EXPECT_TRUE(r.output[1].json().value(u"error").toText().contains(QStringLiteral("NOT NULL")));
    EXPECT_EQ(json(exec("SELECT id FROM t ORDER BY id").output), R"([{"id":1},{"id":3}])");

    r = sql({{"operation", "insert"}, {"table", "t"}, {"transaction", "perItem"}},
            {Item(Object{{"id", 4}, {"v", "d"}}), Item(Object{{"id", 4}, {"v", "dup"}})});
    EXPECT_EQ(r.errorCode, "SQL_ERROR");
    EXPECT_EQ(json(exec("SELECT id FROM t ORDER BY id").output), R"([{"id":1},{"id":3},{"id":4}])") << "per item: the first stays";
}

TEST_F(SqlNode, ErrorsNameTheQueryAndDatabase)
{
    RunResult r = exec("SELEC nonsense");
    EXPECT_EQ(r.errorCode, "SQL_ERROR");
    EXPECT_TRUE(r.error.contains(QStringLiteral("SELEC nonsense"))) << r.error.toStdString();
    EXPECT_TRUE(r.error.contains(QStringLiteral("shop.db"))) << r.error.toStdString();

    r = sql({{"database", path("no/such/folder/x.db")}, {"query", "SELECT 1"}});
    EXPECT_EQ(r.errorCode, "SQL_CONNECT");
    EXPECT_TRUE(r.error.contains(QStringLiteral("no/such/folder/x.db"))) << r.error.toStdString();

    EXPECT_FALSE(m_registry.find(u"connectors.sql")->checkParams(Object{{"operation", "upsert"}, {"table", "t"}}).isEmpty());
}

namespace {

/// A throw-away PostgreSQL cluster on 127.0.0.1, run as the postgres user (the server refuses root).
class PostgresServer {
public:
    PostgresServer()
    {
        const QString bin = QStringLiteral("/usr/lib/postgresql/15/bin");
        if (!QFileInfo::exists(bin + QStringLiteral("/postgres"))) {
            m_skip = QStringLiteral("PostgreSQL 15 server binaries are not installed (Debian: postgresql)");
            return;
        }
        const bool root = geteuid() == 0;
        if (!root && qgetenv("USER") != "postgres") {
            m_skip = QStringLiteral("starting PostgreSQL needs root (to become postgres) or the postgres user");
            return;
        }
        m_dir = QDir::tempPath() + QStringLiteral("/taskloom-pg-%1").arg(QCoreApplication::applicationPid()) + QString::number(quintptr(this));
        QDir().mkpath(m_dir);
        if (root)
            QProcess::execute(QStringLiteral("chown"), {QStringLiteral("postgres:postgres"), m_dir});
        m_port = freePort();
        const QString data = m_dir + QStringLiteral("/data");
        if (!as(root, bin + QStringLiteral("/initdb"), {"-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"})) {
            m_skip.clear();
            m_error = QStringLiteral("initdb failed");
            return;
        }
        const QString opts = QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off").arg(m_port).arg(m_dir);
        if (!as(root, bin + QStringLiteral("/pg_ctl"), {"-D", data, "-o", opts, "-l", m_dir + "/log", "-w", "-t", "120", "start"})) {
            m_error = QStringLiteral("pg_ctl start failed");
            return;
        }
        m_running = true;
        m_root = root;
        m_bin = bin;
    }
    ~PostgresServer()
    {
        if (m_running)
            as(m_root, m_bin + QStringLiteral("/pg_ctl"), {"-D", m_dir + "/data", "-m", "immediate", "-w", "stop"});
        if (!m_dir.isEmpty())
            QDir(m_dir).removeRecursively();
    }
    const QString& skipReason() const { return m_skip; }
    const QString& error() const { return m_error; }
    int port() const { return m_port; }

private:
    static int freePort()
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
        socklen_t len = sizeof a;
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
        const int port = ntohs(a.sin_port);
        ::close(fd);
        return port;
    }
    static bool as(bool root, const QString& program, const QStringList& args)
    {
        QProcess p;
        if (root) {
            p.setProgram(QStringLiteral("runuser"));
            p.setArguments(QStringList{"-u", "postgres", "--", program} + args);
        } else {
            p.setProgram(program);
            p.setArguments(args);
        }
        p.setWorkingDirectory(QDir::tempPath());
        p.start();
        return p.waitForFinished(180'000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }

    QString m_dir, m_bin, m_skip, m_error;
    int m_port = 0;
    bool m_running = false;
    bool m_root = false;
};

} // namespace

TEST_F(SqlNode, PostgresQueryUpsertAndTransactions)
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        GTEST_SKIP() << "the Qt PostgreSQL driver is not installed (Debian: libqt6sql6-psql)";
    PostgresServer server;
    if (!server.skipReason().isEmpty())
        GTEST_SKIP() << server.skipReason().toStdString();
    ASSERT_TRUE(server.error().isEmpty()) << server.error().toStdString();
    m_credentials.put({"pg", "usernamePassword", {{"username", "postgres"}, {"password", "unused"}}});
    auto pg = [&](Object params, ItemList input = {Item()}) {
        params.insert("driver", "postgres");
        params.insert("database", "postgres");
        params.insert("host", "127.0.0.1");
        params.insert("port", server.port());
        params.insert("credential", "pg");
        return runOne(QStringLiteral("connectors.sql"), std::move(params), std::move(input));
    };
    RunResult r = pg({{"query", "CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL, price numeric(8,2), seen timestamptz)"}});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    r = pg({{"operation", "insert"}, {"table", "items"}, {"columns", "id,name,price"}},
           {Item(Object{{"id", 1}, {"name", "pen"}, {"price", 1.5}}), Item(Object{{"id", 2}, {"name", "ink"}, {"price", 7}})});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    r = pg({{"operation", "upsert"}, {"table", "items"}, {"columns", "id,name"}, {"conflictColumns", "id"}},
           {Item(Object{{"id", 2}, {"name", "blue ink"}}), Item(Object{{"id", 3}, {"name", "pad"}})});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    r = pg({{"query", "SELECT id, name FROM items WHERE id >= :min ORDER BY id"}, {"parameters", Array{p("min", 2)}}});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    EXPECT_EQ(json(r.output), R"([{"id":2,"name":"blue ink"},{"id":3,"name":"pad"}])");

    // A failing item rolls the whole call back (PostgreSQL aborts the transaction; the savepoint keeps it usable).
    r = pg({{"operation", "insert"}, {"table", "items"}, {"columns", "id,name"}},
           {Item(Object{{"id", 10}, {"name", "ok"}}), Item(Object{{"id", 11}, {"name", Value()}})});
    EXPECT_EQ(r.errorCode, "SQL_ERROR");
    EXPECT_TRUE(r.error.contains(QStringLiteral("null value"))) << r.error.toStdString();
    EXPECT_TRUE(r.error.contains(QStringLiteral("postgres://postgres@127.0.0.1:%1/postgres").arg(server.port()))) << r.error.toStdString();
    r = pg({{"query", "SELECT count(*) AS n FROM items WHERE id >= 10"}});
    EXPECT_EQ(json(r.output), R"([{"n":0}])");

    m_flow = {};
    add("Start", "core.manualTrigger");
    add("N", "connectors.sql", {{"driver", "postgres"}, {"database", "postgres"}, {"host", "127.0.0.1"}, {"port", server.port()},
                                {"credential", "pg"}, {"operation", "insert"}, {"table", "items"}, {"columns", "id,name"}},
        OnError::Continue);
    chain({"Start", "N"});
    r = run({Item(Object{{"id", 10}, {"name", "ok"}}), Item(Object{{"id", 11}, {"name", Value()}}), Item(Object{{"id", 12}, {"name", "ok2"}})});
    ASSERT_EQ(r.status, RunStatus::Succeeded) << r.error.toStdString();
    r = pg({{"query", "SELECT id FROM items WHERE id >= 10 ORDER BY id"}});
    EXPECT_EQ(json(r.output), R"([{"id":10},{"id":12}])");

    r = pg({{"query", "SELECT * FROM nowhere"}});
    EXPECT_EQ(r.errorCode, "SQL_ERROR");
    EXPECT_TRUE(r.error.contains(QStringLiteral("nowhere"))) << r.error.toStdString();
}

TEST_F(SqlNode, PostgresTimeoutCancelsTheStatementOnTheServer)
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        GTEST_SKIP() << "the Qt PostgreSQL driver is not installed (Debian: libqt6sql6-psql)";
    PostgresServer server;
    if (!server.skipReason().isEmpty())
        GTEST_SKIP() << server.skipReason().toStdString();
    ASSERT_TRUE(server.error().isEmpty()) << server.error().toStdString();
    const Object connection{{"driver", "postgres"}, {"database", "postgres"}, {"host", "127.0.0.1"}, {"port", server.port()},
                            {"credential", "pg"}};
    m_credentials.put({"pg", "usernamePassword", {{"username", "postgres"}, {"password", "unused"}}});
    Object params = connection;
    params.insert("query", "SELECT pg_sleep(60)");
    m_flow = {};
    add("Start", "core.manualTrigger");
    add("N", "connectors.sql", params);
    node("N").settings.timeoutMs = 1000;
    chain({"Start", "N"});
    QElapsedTimer clock;
    clock.start();
    RunResult r = run({Item()});
    EXPECT_EQ(r.status, RunStatus::TimedOut) << r.error.toStdString();
    EXPECT_FALSE(r.error.contains(QStringLiteral("abandoned"))) << "the statement stopped: " << r.error.toStdString();
    EXPECT_LT(clock.elapsed(), 20'000);

    params = connection;
    params.insert("query", "SELECT count(*) AS n FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep%'");
    r = runOne("connectors.sql", params, {Item()});
    EXPECT_EQ(json(r.output), R"([{"n":0}])") << "no sleeping statement is left on the server";
}

TEST_F(SqlNode, SqliteTimeoutInterruptsALongQuery)
{
    m_flow = {};
    add("Start", "core.manualTrigger");
    add("N", "connectors.sql", {{"database", ":memory:"},
                                {"query", "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"}});
    node("N").settings.timeoutMs = 500;
    chain({"Start", "N"});
    const RunResult r = run({Item()});
    EXPECT_EQ(r.status, RunStatus::TimedOut) << r.error.toStdString();
    EXPECT_FALSE(r.error.contains(QStringLiteral("abandoned"))) << "the query stopped: " << r.error.toStdString();
}

TEST_F(SqlNode, PostgresUnreachableIsARetryableConnectError)
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        GTEST_SKIP() << "the Qt PostgreSQL driver is not installed (Debian: libqt6sql6-psql)";
    const RunResult r = runOne("connectors.sql", {{"driver", "postgres"}, {"database", "x"}, {"host", "127.0.0.1"}, {"port", 1},
                                                  {"query", "SELECT 1"}}, {Item()});
    EXPECT_EQ(r.errorCode, "SQL_CONNECT");
    EXPECT_TRUE(r.error.contains(QStringLiteral("127.0.0.1:1"))) << r.error.toStdString();
}
