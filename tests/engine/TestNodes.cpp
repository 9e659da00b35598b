#include "TestNodes.hpp"

#include "engine/ExecutionContext.hpp"
#include "engine/Json.hpp"
#include "engine/NodeType.hpp"
#include "nodes/core/CorePack.hpp"

#include <QCoreApplication>
#include <QThread>
#include <QRandomGenerator>

#include <thread>

namespace taskloom::engine {
void PrintTo(const Value& v, std::ostream* os) { *os << Json::serialize(v).toStdString(); }
} // namespace taskloom::engine

namespace taskloom::tests {

using namespace engine;

namespace {

void raiseMax(std::atomic<qint64>& target, qint64 value)
{
    qint64 cur = target.load();
    while (value > cur && !target.compare_exchange_weak(cur, value)) {}
}

void raiseMax(std::atomic<int>& target, int value)
{
    int cur = target.load();
    while (value > cur && !target.compare_exchange_weak(cur, value)) {}
}

PortSpec port(const char* name) { return {QString::fromLatin1(name), QString::fromLatin1(name), {}}; }

// ---- test.source ----

class SourceNode final : public NodeType {
public:
    explicit SourceNode(std::shared_ptr<TestStats> stats) : m_stats(std::move(stats))
    {
        m_spec.type = QStringLiteral("test.source");
        m_spec.title = QStringLiteral("Lazy source");
        m_spec.outputs = {port("out")};
        m_count = addParam<qint64>(ParamSpec::integer(QStringLiteral("count"), QStringLiteral("Count"), 10));
    }

    class Instance final : public NodeInstance {
    public:
        Instance(const SourceNode& type) : m_type(type) {}

        Exec execute(ExecutionContext& ctx, const Inputs&, Outputs& out) override
        {
            TestStats& stats = *m_type.m_stats;
            ++stats.sourceCalls;
            const qint64 total = ctx.param(m_type.m_count);
            const qint64 n = std::min<qint64>(ctx.batchSize(), total - m_next);
            // Every item of a batch shares one binary: while any copy of any item of the batch lives, so does it.
            // Counting the batches whose binary is still alive counts the batches held anywhere in the run.
            auto marker = Binary::fromBytes(QByteArray("m"), QStringLiteral("text/plain"), QStringLiteral("m.txt"));
            Item proto;
            proto.setBinary(QStringLiteral("batch"), *marker);
            ItemList batch;
            batch.reserve(n);
            for (qint64 k = 0; k < n; ++k) {
                Item item = proto;
                item.json().insert(QStringLiteral("i"), m_next++);
                batch.append(std::move(item));
            }
            out.push(0, batch);
            m_alive.push_back(*marker);
            std::erase_if(m_alive, [](const std::weak_ptr<const Binary>& w) { return w.expired(); });
            raiseMax(stats.maxAliveBatches, int(m_alive.size()));
            stats.emitted += n;
            raiseMax(stats.maxAhead, stats.emitted.load() - stats.consumed.load());
            return m_next < total ? Exec::More : Exec::Done;
        }

    private:
        const SourceNode& m_type;
        qint64 m_next = 0;
        std::vector<std::weak_ptr<const Binary>> m_alive;
    };

    std::unique_ptr<NodeInstance> instantiate() const override { return std::make_unique<Instance>(*this); }

private:
    std::shared_ptr<TestStats> m_stats;
    Param<qint64> m_count;
};

// ---- test.counter ----

class CounterNode final : public NodeType {
public:
    explicit CounterNode(std::shared_ptr<TestStats> stats) : m_stats(std::move(stats))
    {
        m_spec.type = QStringLiteral("test.counter");
        m_spec.title = QStringLiteral("Streaming counter");
        m_spec.inputs = {port("in")};
        m_spec.outputs = {port("out")};
        m_spec.inputMode = InputMode::Stream;
    }

    class Instance final : public NodeInstance {
    public:
        explicit Instance(TestStats& stats) : m_stats(stats) {}
        Exec execute(ExecutionContext&, const Inputs& in, Outputs&) override
        {
            ++m_stats.counterCalls;
            m_count += in.main().size();
            m_stats.consumed += in.main().size();
            return Exec::Done;
        }
        void finish(ExecutionContext&, Outputs& out) override
        {
            out.push(0, Item(Object{{QStringLiteral("count"), m_count}}));
        }

    private:
        TestStats& m_stats;
        qint64 m_count = 0;
    };

    std::unique_ptr<NodeInstance> instantiate() const override { return std::make_unique<Instance>(*m_stats); }

private:
    std::shared_ptr<TestStats> m_stats;
};

// ---- test.flaky ----

class FlakyNode final : public NodeType {
public:
    explicit FlakyNode(std::shared_ptr<TestStats> stats) : m_stats(std::move(stats))
    {
        m_spec.type = QStringLiteral("test.flaky");
        m_spec.title = QStringLiteral("Flaky");
        m_spec.inputs = {port("in")};
        m_spec.outputs = {port("out")};
        m_failures = addParam<qint64>(ParamSpec::integer(QStringLiteral("failures"), QStringLiteral("Failures"), 0));
        m_retryable = addParam<bool>(ParamSpec::boolean(QStringLiteral("retryable"), QStringLiteral("Retryable"), true));
        m_spec.errors = {{QStringLiteral("FLAKY"), QStringLiteral("A planned failure"), true}};
    }

    Exec execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const override
    {
        ++m_stats->flakyCalls;
        if (ctx.attempt() <= ctx.param(m_failures))
            throw NodeError(QStringLiteral("FLAKY"), QStringLiteral("attempt %1 failed").arg(ctx.attempt()),
                            ctx.param(m_retryable) ? NodeError::Retry::Yes : NodeError::Retry::No);
        for (const Item& item : in.main()) {
            Item next = item;
            next.json().insert(QStringLiteral("attempt"), ctx.attempt());
            out.push(0, next);
        }
        return Exec::Done;
    }

private:
    std::shared_ptr<TestStats> m_stats;
    Param<qint64> m_failures;
    Param<bool> m_retryable;
};

// ---- test.failItems ----

class FailItemsNode final : public NodeType {
public:
    FailItemsNode()
    {
        m_spec.type = QStringLiteral("test.failItems");
        m_spec.title = QStringLiteral("Fail bad items");
        m_spec.inputs = {port("in")};
        m_spec.outputs = {port("out")};
        m_spec.inputMode = InputMode::Stream;
    }

    Exec execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const override
    {
        const ItemList& items = in.main();
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (items[i].json().value(u"bad").isTruthy())
                ctx.failItem(items[i], NodeError(QStringLiteral("BAD_ITEM"), QStringLiteral("item %1 is bad").arg(i)), out);
            else
                out.push(0, items[i]);
        }
        return Exec::Done;
    }
};

// ---- test.sleep ----

class SleepNode final : public NodeType {
public:
    explicit SleepNode(std::shared_ptr<TestStats> stats) : m_stats(std::move(stats))
    {
        m_spec.type = QStringLiteral("test.sleep");
        m_spec.title = QStringLiteral("Sleep");
        m_spec.inputs = {port("in")};
        m_spec.outputs = {port("out")};
        m_ms = addParam<qint64>(ParamSpec::integer(QStringLiteral("ms"), QStringLiteral("Milliseconds"), 10));
        m_cooperative = addParam<bool>(ParamSpec::boolean(QStringLiteral("cooperative"), QStringLiteral("Honours cancellation"), true));
    }

    Exec execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const override
    {
        // Read everything first: an abandoned call must not touch its context after the run has moved on.
        const auto ms = std::chrono::milliseconds(ctx.param(m_ms));
        const bool cooperative = ctx.param(m_cooperative);
        std::shared_ptr<TestStats> stats = m_stats;
        ++stats->sleepsStarted;
        if (cooperative) {
            if (!ctx.cancellation().sleepFor(ms))
                ctx.checkCancelled();
        } else {
            std::this_thread::sleep_for(ms);
        }
        ++stats->sleepsFinished;
        out.push(0, in.main());
        return Exec::Done;
    }

private:
    std::shared_ptr<TestStats> m_stats;
    Param<qint64> m_ms;
    Param<bool> m_cooperative;
};

// ---- test.jitter ----

class JitterNode final : public NodeType {
public:
    JitterNode()
    {
        m_spec.type = QStringLiteral("test.jitter");
        m_spec.title = QStringLiteral("Jitter");
        m_spec.inputs = {port("in")};
        m_spec.outputs = {port("out")};
        m_maxMs = addParam<qint64>(ParamSpec::integer(QStringLiteral("maxMs"), QStringLiteral("Max ms"), 3));
        m_tag = addParam<QString>(ParamSpec::string(QStringLiteral("tag"), QStringLiteral("Tag")));
    }

    Exec execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const override
    {
        const qint64 maxMs = ctx.param(m_maxMs);
        std::this_thread::sleep_for(std::chrono::microseconds(QRandomGenerator::global()->bounded(int(maxMs * 1000 + 1))));
        const QString tag = ctx.param(m_tag);
        for (const Item& item : in.main()) {
            Item next = item;
            next.json().insert(QStringLiteral("branch"), tag);
            out.push(0, next);
        }
        return Exec::Done;
    }

private:
    Param<qint64> m_maxMs;
    Param<QString> m_tag;
};

// ---- test.batchTag ----

class BatchTagNode final : public NodeType {
public:
    explicit BatchTagNode(std::shared_ptr<TestStats> stats) : m_stats(std::move(stats))
    {
        m_spec.type = QStringLiteral("test.batchTag");
        m_spec.title = QStringLiteral("Tag batch");
        m_spec.inputs = {port("in")};
        m_spec.outputs = {port("out")};
    }

    Exec execute(ExecutionContext&, const Inputs& in, Outputs& out) const override
    {
        const int call = ++m_stats->batchCalls;
        for (const Item& item : in.main()) {
            Item next = item;
            next.json().insert(QStringLiteral("batch"), call);
            next.json().insert(QStringLiteral("batchSize"), qint64(in.main().size()));
            out.push(0, next);
        }
        return Exec::Done;
    }

private:
    std::shared_ptr<TestStats> m_stats;
};

// ---- test.mainThread ----

class MainThreadNode final : public NodeType {
public:
    explicit MainThreadNode(std::shared_ptr<TestStats> stats) : m_stats(std::move(stats))
    {
        m_spec.type = QStringLiteral("test.mainThread");
        m_spec.title = QStringLiteral("Main thread");
        m_spec.affinity = Affinity::Gui;
        m_spec.inputs = {port("in")};
        m_spec.outputs = {port("out")};
    }

    Exec execute(ExecutionContext&, const Inputs& in, Outputs& out) const override
    {
        const QCoreApplication* app = QCoreApplication::instance();
        (app && QThread::currentThread() == app->thread() ? m_stats->mainThreadCalls : m_stats->otherThreadCalls)++;
        for (const Item& item : in.main())
            out.push(0, item);
        return Exec::Done;
    }

private:
    std::shared_ptr<TestStats> m_stats;
};

// ---- test.secret ----

class SecretNode final : public NodeType {
public:
    SecretNode()
    {
        m_spec.type = QStringLiteral("test.secret");
        m_spec.title = QStringLiteral("Uses a secret");
        m_spec.inputs = {port("in")};
        m_spec.outputs = {port("out")};
        m_spec.credentialTypes = {QStringLiteral("testToken")};
        m_credential = addParam<QString>(ParamSpec::credential(QStringLiteral("credential"), QStringLiteral("Credential"),
                                                               QStringLiteral("testToken")));
        m_fail = addParam<bool>(ParamSpec::boolean(QStringLiteral("fail"), QStringLiteral("Fail"), false));
    }

    Exec execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const override
    {
        const Credential c = ctx.credential(ctx.param(m_credential));
        const QString token = c.field(u"token");
        ctx.log(LogLevel::Info, QStringLiteral("calling the server as %1 with token %2").arg(c.field(u"user"), token));
        ctx.progress(1.0, QStringLiteral("sent %1").arg(token));
        if (ctx.param(m_fail))
            throw NodeError(QStringLiteral("AUTH"), QStringLiteral("the server rejected token %1").arg(token));
        for (const Item& item : in.main()) {
            Item next = item;
            next.json().insert(QStringLiteral("echo"), QStringLiteral("Bearer %1").arg(token));
            out.push(0, next);
        }
        return Exec::Done;
    }

private:
    Param<QString> m_credential;
    Param<bool> m_fail;
};

// ---- test.versioned ----

class VersionedNode final : public NodeType {
public:
    VersionedNode()
    {
        m_spec.type = QStringLiteral("test.versioned");
        m_spec.version = 2;
        m_spec.title = QStringLiteral("Versioned");
        m_spec.inputs = {port("in")};
        m_spec.outputs = {port("out")};
        addParam<QString>(ParamSpec::string(QStringLiteral("newName"), QStringLiteral("New name")));
    }

    std::expected<void, QString> migrate(int fromVersion, Object& params) const override
    {
        if (fromVersion != 1)
            return NodeType::migrate(fromVersion, params);
        params.rename(u"oldName", QStringLiteral("newName"));
        return {};
    }
};

// ---- test.params ----

class ParamsNode final : public NodeType {
public:
    ParamsNode()
    {
        m_spec.type = QStringLiteral("test.params");
        m_spec.title = QStringLiteral("Every parameter kind");
        m_spec.inputs = {port("in")};
        m_spec.outputs = {port("out")};
        addParam<QString>(ParamSpec::string(QStringLiteral("url"), QStringLiteral("URL")).required());
        addParam<qint64>(ParamSpec::integer(QStringLiteral("count"), QStringLiteral("Count"), 1).range(1, 10));
        addParam<double>(ParamSpec::number(QStringLiteral("ratio"), QStringLiteral("Ratio"), 0.5).range(0, 1));
        addParam<bool>(ParamSpec::boolean(QStringLiteral("flag"), QStringLiteral("Flag"), false));
        addParam<QString>(ParamSpec::choice(QStringLiteral("mode"), QStringLiteral("Mode"),
                                            {{QStringLiteral("simple"), QStringLiteral("Simple"), {}},
                                             {QStringLiteral("advanced"), QStringLiteral("Advanced"), {}}}));
        addParam<QString>(ParamSpec::string(QStringLiteral("detail"), QStringLiteral("Detail"))
                              .required()
                              .visibleWhen(QStringLiteral("mode"), {QStringLiteral("advanced")}));
        addParam<Array>(ParamSpec::list(QStringLiteral("rows"), QStringLiteral("Rows"),
                                        {ParamSpec::string(QStringLiteral("name"), QStringLiteral("Name")).required(),
                                         ParamSpec::integer(QStringLiteral("size"), QStringLiteral("Size"), 0).range(0, 99)}));
        addParam<Value>(ParamSpec::json(QStringLiteral("body"), QStringLiteral("Body")));
        addParam<QString>(ParamSpec::code(QStringLiteral("script"), QStringLiteral("Script"), QStringLiteral("lua"), {}));
    }
};

// ---- the fake expression language ----

class FakeEvaluator final : public ExpressionEvaluator {
public:
    std::expected<int, QString> compile(const QString& expression) override
    {
        if (expression.contains(u"(("))
            return std::unexpected(QStringLiteral("line 1: unbalanced parentheses"));
        m_sources.append(expression);
        return int(m_sources.size() - 1);
    }

    std::expected<Value, QString> evaluate(int handle, const ExpressionScope& scope) override
    {
        const QString e = m_sources.value(handle).trimmed();
        if (e.startsWith(u"item.") && scope.item)
            return scope.item->json().value(QStringView(e).mid(5));
        if (e.startsWith(u"vars.") && scope.variables)
            return scope.variables->value(QStringView(e).mid(5));
        if (e.size() >= 2 && e.startsWith(u'"') && e.endsWith(u'"'))
            return e.mid(1, e.size() - 2);
        bool ok = false;
        const qint64 i = e.toLongLong(&ok);
        if (ok)
            return i;
        return std::unexpected(QStringLiteral("cannot evaluate %1").arg(e));
    }

private:
    QStringList m_sources;
};

} // namespace

void registerTestNodes(NodeRegistry& registry, std::shared_ptr<TestStats> stats)
{
    registry.add(std::make_shared<SourceNode>(stats));
    registry.add(std::make_shared<CounterNode>(stats));
    registry.add(std::make_shared<FlakyNode>(stats));
    registry.add(std::make_shared<FailItemsNode>());
    registry.add(std::make_shared<SleepNode>(stats));
    registry.add(std::make_shared<JitterNode>());
    registry.add(std::make_shared<BatchTagNode>(stats));
    registry.add(std::make_shared<SecretNode>());
    registry.add(std::make_shared<VersionedNode>());
    registry.add(std::make_shared<ParamsNode>());
    registry.add(std::make_shared<MainThreadNode>(stats));
    registry.addCredentialType({QStringLiteral("testToken"), QStringLiteral("Test token"), {},
                                {{QStringLiteral("user"), QStringLiteral("User"), false},
                                 {QStringLiteral("token"), QStringLiteral("Token"), true}}});
}

std::unique_ptr<NodeRegistry> makeRegistry(std::shared_ptr<TestStats> stats)
{
    auto registry = std::make_unique<NodeRegistry>();
    nodes::core::registerCoreNodes(*registry);
    registerTestNodes(*registry, std::move(stats));
    return registry;
}

FlowNode node(const QString& id, const QString& type, Object params)
{
    FlowNode n;
    n.id = id;
    n.type = type;
    n.name = id;
    n.params = std::move(params);
    return n;
}

Connection wire(const QString& from, const QString& to, const QString& fromPort, const QString& toPort)
{
    return Connection{from, fromPort, to, toPort};
}

Flow makeFlow(std::vector<FlowNode> nodes, std::vector<Connection> connections)
{
    Flow f;
    f.id = QStringLiteral("5f1c3a2e-0000-4000-8000-000000000001");
    f.name = QStringLiteral("test flow");
    f.nodes = std::move(nodes);
    f.connections = std::move(connections);
    return f;
}

ItemList items(std::initializer_list<Object> objects)
{
    ItemList out;
    for (const Object& o : objects)
        out.append(Item(o));
    return out;
}

QString toJson(const ItemList& list)
{
    Array a;
    for (const Item& i : list)
        a.append(i.json());
    return toJson(Value(a));
}

QString toJson(const Value& value) { return QString::fromUtf8(Json::serialize(value)); }

QString FakeExpressionEngine::checkSyntax(const QString& expression) const
{
    return expression.contains(u"((") ? QStringLiteral("line 1: unbalanced parentheses") : QString();
}

std::unique_ptr<ExpressionEvaluator> FakeExpressionEngine::createEvaluator() const
{
    return std::make_unique<FakeEvaluator>();
}

void EventLog::onEvent(const RunEvent& event)
{
    std::lock_guard lock(m_mutex);
    m_events.append(event);
}

QList<RunEvent> EventLog::events() const
{
    std::lock_guard lock(m_mutex);
    return m_events;
}

QList<RunEvent> EventLog::ofType(RunEvent::Type type) const
{
    QList<RunEvent> out;
    for (const RunEvent& e : events()) {
        if (e.type == type)
            out.append(e);
    }
    return out;
}

QString EventLog::allText() const
{
    QString out;
    for (const RunEvent& e : events()) {
        out += toJson(Value(e.toJson()));
        for (const ItemList& sample : e.outputSample)
            out += toJson(sample);
        out += u'\n';
    }
    return out;
}

std::expected<Credential, QString> FakeCredentialStore::get(const QString& name) const
{
    for (const Credential& c : m_credentials) {
        if (c.name == name)
            return c;
    }
    return std::unexpected(QStringLiteral("no credential named \"%1\"").arg(name));
}

std::expected<QList<CredentialStore::Entry>, QString> FakeCredentialStore::list() const
{
    QList<Entry> out;
    for (const Credential& c : m_credentials)
        out.append({c.name, c.type});
    return out;
}

std::expected<void, QString> FakeCredentialStore::put(const Credential& credential)
{
    m_credentials.append(credential);
    return {};
}

std::expected<void, QString> FakeCredentialStore::remove(const QString& name)
{
    m_credentials.removeIf([&](const Credential& c) { return c.name == name; });
    return {};
}

} // namespace taskloom::tests
