// A secret fetched from a real vault during a real run must not leave the run anywhere people or files can see it:
// not in events (log lines, progress, errors, output samples), not in the run's error, not in any file of the data
// folder (run store, its WAL, the vault, lock files), not in a flow saved with pinned output. The wiring is the
// runtime's (vault + executor + recorder + run store in one data folder, store mode "full"); only the node that
// uses the secret is the test's own.

#include "engine/ExecutionContext.hpp"
#include "engine/Executor.hpp"
#include "engine/FlowReader.hpp"
#include "engine/FlowValidator.hpp"
#include "engine/FlowWriter.hpp"
#include "engine/Json.hpp"
#include "engine/NodeRegistry.hpp"
#include "engine/Redactor.hpp"
#include "engine/RunRecorder.hpp"
#include "engine/RunStore.hpp"
#include "nodes/builtin.hpp"
#include "scripts/LuaExpressionEngine.hpp"
#include "vault/Vault.hpp"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <mutex>

using namespace taskloom::engine;
namespace nodes = taskloom::nodes;
namespace scripts = taskloom::scripts;
namespace vault = taskloom::vault;

namespace {

// Long and unlike anything else in a run, so a match can only be the secret. Two encodings are searched for:
// UTF-8 (SQLite text, JSON) and UTF-16 (anything that dumps QString memory).
const QString secret = QStringLiteral("sk-e2e-Z9q4wLm2-SECRET-7Hb2xT");
const QString user = QStringLiteral("report-bot"); // a field the credential type marks as not secret
const QString mask = Redactor::mask.toString();

bool containsSecret(const QByteArray& bytes)
{
    const QByteArray utf16(reinterpret_cast<const char*>(secret.utf16()), secret.size() * 2);
    return bytes.contains(secret.toUtf8()) || bytes.contains(utf16);
}

/// e2e.signIn: fetches a usernamePassword credential through the context and then, by `action`:
///   use    — logs the password, reports progress with it, and puts it into every item ("authorization")
///   reject — fails with a NodeError whose message quotes the password
class SignInNode final : public NodeType {
public:
    SignInNode()
    {
        m_spec.type = QStringLiteral("e2e.signIn");
        m_spec.title = QStringLiteral("Sign in (test)");
        m_spec.category = QStringLiteral("Test");
        m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("In"), {}}};
        m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Out"), {}}};
        m_spec.credentialTypes = {QStringLiteral("usernamePassword")};
        m_credential = addParam<QString>(ParamSpec::credential(QStringLiteral("credential"), QStringLiteral("Credential"),
                                                               QStringLiteral("usernamePassword"))
                                             .required());
        m_action = addParam<QString>(ParamSpec::choice(QStringLiteral("action"), QStringLiteral("Action"),
                                                       {{QStringLiteral("use"), QStringLiteral("Use"), {}},
                                                        {QStringLiteral("reject"), QStringLiteral("Reject"), {}}}));
    }

    Exec execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const override
    {
        const Credential c = ctx.credential(ctx.param(m_credential));
        const QString password = c.field(u"password");
        if (ctx.param(m_action) == u"reject")
            throw NodeError(QStringLiteral("AUTH_REJECTED"), QStringLiteral("the server refused password %1").arg(password));
        ctx.log(LogLevel::Info, QStringLiteral("signing in as %1 with %2").arg(c.field(u"username"), password));
        ctx.progress(0.5, QStringLiteral("sent %1").arg(password));
        for (const Item& item : in.main()) {
            Item next = item;
            next.json().insert(QStringLiteral("authorization"), QStringLiteral("Basic %1").arg(password));
            out.push(0, next);
        }
        return Exec::Done;
    }

private:
    Param<QString> m_credential;
    Param<QString> m_action;
};

// Run → Fetch (uses the secret) → Retry later (fails quoting it, on error: continue) → Log (a core node logging
// the item, secret and error included) → Reject (fails quoting it, on error: stop: the run fails here).
const char* flowJson = R"({
  "format": "taskloom-flow", "version": 1,
  "id": "0b7e4c1d-2f3a-4b5c-8d6e-7f8091a2b3c4", "name": "Secret handling",
  "nodes": [
    {"id": "t", "type": "core.manualTrigger", "typeVersion": 1, "name": "Run", "params": {}},
    {"id": "fetch", "type": "e2e.signIn", "typeVersion": 1, "name": "Fetch", "params": {"credential": "crm-login", "action": "use"}},
    {"id": "soft", "type": "e2e.signIn", "typeVersion": 1, "name": "Retry later", "params": {"credential": "crm-login", "action": "reject"},
     "settings": {"onError": "continue"}},
    {"id": "log", "type": "core.log", "typeVersion": 1, "name": "Log",
     "params": {"message": "auth={{ item.authorization }} error={{ item.error.message }}", "level": "warning"}},
    {"id": "reject", "type": "e2e.signIn", "typeVersion": 1, "name": "Reject", "params": {"credential": "crm-login", "action": "reject"}}
  ],
  "connections": [
    {"from": "t", "to": "fetch"}, {"from": "fetch", "to": "soft"}, {"from": "soft", "to": "log"}, {"from": "log", "to": "reject"}
  ],
  "settings": {"storeItemData": "full"}
})";

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// Every file below `folder`: path -> bytes.
QMap<QString, QByteArray> filesBelow(const QString& folder)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        files.insert(QDir(folder).relativeFilePath(path), readFile(path));
    }
    return files;
}

/// Keeps every event, in full (output samples included), and takes a copy of the data folder's files while the
/// run is still going (lock file held, WAL not yet checkpointed).
class Observer final : public RunObserver {
public:
    explicit Observer(QString dataDir) : m_dataDir(std::move(dataDir)) {}

    void onEvent(const RunEvent& event) override
    {
        std::lock_guard lock(m_mutex);
        m_events.append(event);
        if (event.type == RunEvent::Type::NodeFinished && event.nodeId == u"reject")
            m_midRun = filesBelow(m_dataDir);
    }

    QList<RunEvent> events() const
    {
        std::lock_guard lock(m_mutex);
        return m_events;
    }
    QMap<QString, QByteArray> midRun() const
    {
        std::lock_guard lock(m_mutex);
        return m_midRun;
    }

    /// Each event as JSON, its output samples included.
    static QByteArray text(const RunEvent& e)
    {
        QByteArray bytes = Json::serialize(Value(e.toJson()));
        for (const ItemList& port : e.outputSample) {
            Array items;
            for (const Item& i : port)
                items.append(i.toExternalJson());
            bytes += ' ' + Json::serialize(Value(items));
        }
        return bytes;
    }

private:
    QString m_dataDir;
    mutable std::mutex m_mutex;
    QList<RunEvent> m_events;
    QMap<QString, QByteArray> m_midRun;
};

class SecretRedactionTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_tmp.isValid());
        nodes::registerBuiltinNodes(m_registry);
        m_registry.add(std::make_shared<SignInNode>());
        ASSERT_NE(m_registry.credentialType(u"usernamePassword"), nullptr) << "the core pack declares usernamePassword";

        vault::Vault::Options options;
        options.useKeyring = false;
        options.keyFile = m_tmp.filePath(QStringLiteral("keys/vault.key"));
        ASSERT_TRUE(QDir().mkpath(m_tmp.filePath(QStringLiteral("keys"))));
        auto v = vault::Vault::open(dataDir(), options);
        ASSERT_TRUE(v.has_value()) << v.error().toStdString();
        m_vault = std::move(*v);
        auto put = m_vault->put(Credential{QStringLiteral("crm-login"), QStringLiteral("usernamePassword"),
                                           Object{{QStringLiteral("username"), user}, {QStringLiteral("password"), secret}}});
        ASSERT_TRUE(put.has_value()) << put.error().toStdString();
    }

    QString dataDir() const { return m_tmp.filePath(QStringLiteral("data")); }

    QTemporaryDir m_tmp;
    NodeRegistry m_registry;
    std::unique_ptr<vault::Vault> m_vault;
};

} // namespace

TEST_F(SecretRedactionTest, TheSecretAppearsNowhere)
{
    const QString flowPath = m_tmp.filePath(QStringLiteral("flows/secret.flow.json"));
    ASSERT_TRUE(QDir().mkpath(m_tmp.filePath(QStringLiteral("flows"))));
    {
        QFile f(flowPath);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(flowJson);
    }
    scripts::LuaExpressionEngine expressions;
    FlowReader::Result read = FlowReader::load(flowPath, m_registry);
    ASSERT_TRUE(read.ok()) << (read.problems.isEmpty() ? std::string() : read.problems.first().toString().toStdString());
    Flow flow = *read.flow;
    const QList<Problem> problems = FlowValidator(m_registry, &expressions).validate(flow);
    ASSERT_FALSE(Problem::hasErrors(problems)) << problems.first().toString().toStdString();

    Observer observer(dataDir());
    RunResult result;
    QMap<QString, QByteArray> afterRun;
    QByteArray detailJson;
    {
        auto store = RunStore::open(dataDir());
        ASSERT_TRUE(store.has_value()) << store.error().message.toStdString();
        RunRecorder recorder(**store, RunRecorder::Options{flow.settings.storeItemData, flowPath, QStringLiteral("manual")});
        RunOptions options;
        options.runId = QStringLiteral("secret-run");
        options.flowPath = flowPath;
        options.credentials = m_vault.get();
        options.observers = {&recorder, &observer};
        result = Executor(m_registry, &expressions).run(flow, options);
        auto flushed = recorder.flush();
        ASSERT_TRUE(flushed.has_value()) << flushed.error().toStdString();
        afterRun = filesBelow(dataDir());
        auto detail = (*store)->runDetail(QStringLiteral("secret-run"));
        ASSERT_TRUE(detail.has_value()) << detail.error().message.toStdString();
        detailJson = Json::serialize(Value(*detail));
    }
    const QMap<QString, QByteArray> afterClose = filesBelow(dataDir()); // the WAL checkpointed into runs.db

    // The run did what the flow says: Fetch and "Retry later" went on, Reject failed the run.
    EXPECT_EQ(result.status, RunStatus::Failed);
    EXPECT_EQ(result.failedNodeId, QStringLiteral("reject"));
    EXPECT_EQ(result.errorCode, QStringLiteral("AUTH_REJECTED"));

    // The run's error.
    EXPECT_FALSE(containsSecret(result.error.toUtf8())) << result.error.toStdString();
    EXPECT_TRUE(result.error.contains(QStringLiteral("node \"Reject\" (e2e.signIn): the server refused password ") + mask))
        << result.error.toStdString();

    // Every event, in full.
    QByteArray allEvents;
    const QList<RunEvent> events = observer.events();
    for (const RunEvent& e : events) {
        const QByteArray text = Observer::text(e);
        EXPECT_FALSE(containsSecret(text)) << text.toStdString();
        allEvents += text + '\n';
    }
    // ...and the mask stands where the secret was: a log line, progress, both errors, a later node's log line,
    // and the output samples of Fetch and of the node that continued on error.
    for (const QString& expected : {QStringLiteral("signing in as report-bot with ") + mask,
                                    QStringLiteral("sent ") + mask,
                                    QStringLiteral("the server refused password ") + mask,
                                    QStringLiteral("auth=Basic ") + mask + QStringLiteral(" error=the server refused password ") + mask,
                                    QStringLiteral(R"("authorization":"Basic )") + mask + u'"'}) {
        EXPECT_TRUE(allEvents.contains(expected.toUtf8())) << "missing: " << expected.toStdString() << "\n" << allEvents.toStdString();
    }
    int samplesWithMask = 0;
    for (const RunEvent& e : events) {
        if (e.type == RunEvent::Type::NodeFinished && (e.nodeId == u"fetch" || e.nodeId == u"soft"))
            samplesWithMask += Observer::text(e).contains(mask.toUtf8()) ? 1 : 0;
    }
    EXPECT_EQ(samplesWithMask, 2) << allEvents.toStdString();

    // The run store's own account of the run.
    EXPECT_FALSE(containsSecret(detailJson)) << detailJson.toStdString();
    EXPECT_TRUE(detailJson.contains(mask.toUtf8())) << detailJson.toStdString();
    EXPECT_TRUE(detailJson.contains(("signing in as " + user).toUtf8())) << "a field not marked secret stays readable";

    // Every byte of every file in the data folder: during the run (lock file, WAL), after it, after closing.
    const QMap<QString, QByteArray> midRun = observer.midRun();
    EXPECT_FALSE(midRun.isEmpty()) << "the copy taken while the run was going";
    bool sawLockFile = false;
    QByteArray storeBytes;
    const QList<const QMap<QString, QByteArray>*> snapshots{&midRun, &afterRun, &afterClose};
    for (const auto* snapshot : snapshots) {
        for (auto it = snapshot->cbegin(); it != snapshot->cend(); ++it) {
            EXPECT_FALSE(containsSecret(it.value())) << it.key().toStdString();
            sawLockFile = sawLockFile || it.key().startsWith(u"locks/");
            if (it.key().startsWith(u"runs.db"))
                storeBytes += it.value();
        }
    }
    EXPECT_TRUE(afterClose.contains(QStringLiteral("credentials.vault")));
    EXPECT_TRUE(afterClose.contains(QStringLiteral("runs.db")));
    EXPECT_TRUE(sawLockFile) << "the run's lock file existed while it ran";
    EXPECT_TRUE(storeBytes.contains(mask.toUtf8())) << "the store holds the redacted lines";

    // A flow saved with the output of Fetch pinned, as the studio pins a node's last output.
    Array pinned;
    for (const RunEvent& e : events) {
        if (e.type == RunEvent::Type::NodeFinished && e.nodeId == u"fetch" && !e.outputSample.isEmpty()) {
            for (const Item& i : e.outputSample.first())
                pinned.append(i.toExternalJson());
        }
    }
    ASSERT_FALSE(pinned.isEmpty());
    flow.pinData.insert(QStringLiteral("fetch"), pinned);
    const QString savedPath = m_tmp.filePath(QStringLiteral("flows/secret-saved.flow.json"));
    auto saved = FlowWriter::save(flow, savedPath);
    ASSERT_TRUE(saved.has_value()) << saved.error().toStdString();
    const QByteArray savedBytes = readFile(savedPath);
    EXPECT_FALSE(containsSecret(savedBytes)) << savedBytes.toStdString();
    EXPECT_TRUE(savedBytes.contains(("Basic " + mask).toUtf8())) << savedBytes.toStdString();
    EXPECT_TRUE(savedBytes.contains("\"crm-login\"")) << "the flow names the credential, nothing more";
}

TEST_F(SecretRedactionTest, TheSearchFindsTheSecretWhereItIsPlain)
{
    // The checks above only mean something if the search would see the secret: the items themselves still carry
    // it (the next node may need it), and the vault hands it back to whoever holds the key.
    auto c = m_vault->get(QStringLiteral("crm-login"));
    ASSERT_TRUE(c.has_value());
    EXPECT_TRUE(containsSecret(c->field(u"password").toUtf8()));
    const QString utf16Text = QStringLiteral("x") + secret;
    EXPECT_TRUE(containsSecret(QByteArray(reinterpret_cast<const char*>(utf16Text.utf16()), utf16Text.size() * 2)));
    EXPECT_FALSE(containsSecret(QByteArray("sk-e2e-Z9q4wLm2-SECRET")));
}
