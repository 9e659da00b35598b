#pragma once

// Small node types, fakes and helpers shared by the engine's tests. The node types exist to make the executor's
// behaviour observable (counters instead of timing) and are registered beside the core nodes.

#include "engine/CredentialStore.hpp"
#include "engine/ExpressionEngine.hpp"
#include "engine/Flow.hpp"
#include "engine/Item.hpp"
#include "engine/NodeRegistry.hpp"
#include "engine/RunEvent.hpp"

#include <QString>

#include <atomic>
#include <memory>
#include <mutex>
#include <ostream>

// gtest prints QStrings in failure messages through this (found by ADL: QString lives in the global namespace).
inline void PrintTo(const QString& s, std::ostream* os) { *os << '"' << s.toStdString() << '"'; }

namespace taskloom::engine {
// Values print as JSON in failure messages.
void PrintTo(const Value& v, std::ostream* os);
} // namespace taskloom::engine

namespace taskloom::tests {

using engine::Array;
using engine::Item;
using engine::ItemList;
using engine::Object;
using engine::Value;

/// What the test node types saw, shared between a test and the node instances of its runs.
struct TestStats {
    std::atomic<qint64> emitted{0};        ///< items the lazy source emitted
    std::atomic<qint64> consumed{0};       ///< items the streaming counter received
    std::atomic<qint64> maxAhead{0};       ///< emitted - consumed at its largest, seen by the source
    std::atomic<int> maxAliveBatches{0};   ///< source batches still referenced somewhere, at their largest
    std::atomic<int> sourceCalls{0};
    std::atomic<int> counterCalls{0};
    std::atomic<int> batchCalls{0};        ///< test.batchTag calls (one per loop body run)
    std::atomic<int> sleepsStarted{0};
    std::atomic<int> sleepsFinished{0};
    std::atomic<int> flakyCalls{0};
    std::atomic<int> mainThreadCalls{0};   ///< test.mainThread calls on the application's thread
    std::atomic<int> otherThreadCalls{0};  ///< ... and anywhere else
};

/// Node type ids registered by registerTestNodes:
///   test.source     lazy source: `count` items ({"i": n}) in batches of ctx.batchSize(), returning Exec::More
///   test.counter    streaming and stateful: counts what arrives, emits {"count": n} from finish()
///   test.flaky      fails its first `failures` attempts (retryable unless `retryable` is false), then passes
///                   items on with {"attempt": n}
///   test.failItems  per item: an item with a truthy "bad" field fails through ctx.failItem
///   test.sleep      sleeps `ms` (honouring cancellation unless `cooperative` is false), passes items on
///   test.jitter     sleeps 0..`maxMs` ms at random, then passes items on with {"branch": tag}
///   test.batchTag   collect mode: adds {"batch": call number, "batchSize": items in this call}
///   test.secret     fetches credential `credential`, logs and reports its `token` field; fails with it if `fail`
///   test.versioned  typeVersion 2; migrate() renames the version-1 parameter "oldName" to "newName"
///   test.params     one parameter of each kind, for the validator
///   test.mainThread affinity gui (like the browser nodes): counts calls on and off the application's thread
void registerTestNodes(engine::NodeRegistry& registry, std::shared_ptr<TestStats> stats);

/// The core nodes plus the test nodes.
std::unique_ptr<engine::NodeRegistry> makeRegistry(std::shared_ptr<TestStats> stats = std::make_shared<TestStats>());

/// A node whose name is its id.
engine::FlowNode node(const QString& id, const QString& type, Object params = {});
engine::Connection wire(const QString& from, const QString& to, const QString& fromPort = QStringLiteral("out"),
                        const QString& toPort = QStringLiteral("in"));
/// A flow with an id and a name around the given nodes and connections.
engine::Flow makeFlow(std::vector<engine::FlowNode> nodes, std::vector<engine::Connection> connections);

ItemList items(std::initializer_list<Object> objects);
/// Items as compact JSON text: `[{"a":1},{"a":2}]`. Field order shows.
QString toJson(const ItemList& items);
QString toJson(const Value& value);

/// An expression language just large enough for tests: `item.field`, `vars.name`, integers and "strings".
/// checkSyntax rejects any expression containing "((" (and evaluation of it fails too).
class FakeExpressionEngine final : public engine::ExpressionEngine {
public:
    QString checkSyntax(const QString& expression) const override;
    std::unique_ptr<engine::ExpressionEvaluator> createEvaluator() const override;
};

/// Keeps every event of a run, in the order the executor delivered them.
class EventLog final : public engine::RunObserver {
public:
    void onEvent(const engine::RunEvent& event) override;
    QList<engine::RunEvent> events() const;
    QList<engine::RunEvent> ofType(engine::RunEvent::Type type) const;
    /// Every event as JSON text, output samples included: what a grep for a secret must not find.
    QString allText() const;

private:
    mutable std::mutex m_mutex;
    QList<engine::RunEvent> m_events;
};

/// A credential store holding fixed credentials.
class FakeCredentialStore final : public engine::CredentialStore {
public:
    void add(engine::Credential c) { m_credentials.append(std::move(c)); }
    std::expected<engine::Credential, QString> get(const QString& name) const override;
    std::expected<QList<Entry>, QString> list() const override;
    std::expected<void, QString> put(const engine::Credential& credential) override;
    std::expected<void, QString> remove(const QString& name) override;

private:
    QList<engine::Credential> m_credentials;
};

} // namespace taskloom::tests
