#pragma once

// Internal to the executor: the state machine of one run. Not part of the engine's public interface.

#include "Executor.hpp"
#include "NodeError.hpp"
#include "NodeIO.hpp"
#include "NodeType.hpp"
#include "ParamResolver.hpp"
#include "Redactor.hpp"

#include <QElapsedTimer>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>

class QThreadPool;

namespace taskloom::engine {

class Executor;
class ExpressionEngine;
class NodeRegistry;
struct CredentialTypeSpec;

class RunScheduler : public std::enable_shared_from_this<RunScheduler> {
public:
    using Clock = std::chrono::steady_clock;

    /// `redactor`: shared with the enclosing run for loop bodies and sub-flows; a new one when null.
    RunScheduler(const NodeRegistry& registry, const ExpressionEngine* expressions, QThreadPool& pool,
                 const Flow& flow, const RunOptions& options, std::shared_ptr<Redactor> redactor = {});
    ~RunScheduler();

    RunResult run();

    // ---- for NodeContext ----
    struct Node;
    struct Call;
    const RunOptions& options() const { return m_options; }
    const Flow& flow() const { return m_flow; }
    const Object& variables() const { return m_variables; }
    const ItemList& runInput() const { return m_runInput; }
    Redactor& redactor() { return *m_redactor; }
    const CredentialTypeSpec* registryCredentialType(const QString& type) const;
    const ItemList* nodeOutput(const QString& nodeName) const;
    void emitEvent(RunEvent event);
    RunEvent nodeEvent(RunEvent::Type type, const Node& node) const;
    QString temporaryDirectory();
    int errorPort(const Node& node) const;
    RunOptions nestedOptions(const ItemList& input, const CancellationToken& token, RunObserver& forward) const;
    std::expected<ItemList, QString> runLoopBody(const Node& loop, const ItemList& batch, const CancellationToken& token);
    std::expected<ItemList, QString> runSubflow(const QString& path, const ItemList& input, const CancellationToken& token);

    struct Edge {
        int from = -1;
        int fromPort = 0;
        int to = -1;
        int toPort = 0;
        QList<ItemList> queue; // QList: cheap to create (no allocation while empty), O(1) takeFirst
        bool closed = false;
    };

    struct Node {
        int index = 0;
        const FlowNode* flowNode = nullptr;
        const NodeType* type = nullptr;
        Ports ports;
        std::unique_ptr<NodeInstance> instance;
        /// Calls dispatched and not yet returned from the instance, abandoned ones included: the instance is
        /// released at the end of the run only when this is 0 (an abandoned call may still be using it).
        std::atomic<int> callsInFlight{0};
        std::unique_ptr<ParamResolver> params;
        QList<QList<int>> inEdges;  // per input port, in connection order
        QList<QList<int>> outEdges; // per output port
        int inEdgeCount = 0;
        RetryPolicy retry;
        bool streaming = false;
        bool disabled = false;
        bool owned = false;         // inside a loop body: run by the loop node, not scheduled here
        bool skipTrigger = false;   // a trigger that did not fire
        std::optional<ItemList> pinned;
        QSet<int> loopBody;         // loop nodes: the nodes of the body
        std::shared_ptr<struct LoopPlan> loopPlan; // loop nodes: the body as a flow of its own, built on first use

        // scheduling state (guarded by the scheduler mutex)
        bool done = false;
        bool running = false;
        bool started = false;
        bool received = false;
        bool wantsMore = false;
        bool finishCalled = false;
        int activeEdge = 0;
        std::unique_ptr<Call> pendingRetry;

        // results
        NodeStatus status = NodeStatus::Skipped;
        QString errorCode;
        QString error;
        qint64 itemsIn = 0;
        qint64 itemsOut = 0;
        int attempts = 0;
        QElapsedTimer clock;
        qint64 durationMs = 0;
        QList<ItemList> sample;
        bool retain = false;
        ItemList retained; // first output port, for node["Name"] in expressions
        bool capture = false;
        QList<ItemList> captured;
    };

    struct Call {
        enum class Kind { Execute, Finish };
        int node = 0;
        Kind kind = Kind::Execute;
        Inputs inputs;
        int attempt = 1;
        quint64 id = 0;
        Clock::time_point notBefore{};
        Clock::time_point deadline = Clock::time_point::max();
    };

private:
    struct Outcome {
        bool ok = false;
        bool cancelled = false;
        Exec exec = Exec::Done;
        qsizetype itemsIn = 0;
        Outputs outputs;
        std::optional<NodeError> error;
    };

    bool prepare(QString& error);
    void buildEdges();
    void markLoopBodies();
    void markRetainedNodes();
    void markCapturedNodes();

    void loop();
    void releaseInstances();
    std::optional<Call> nextCall(Node& n, Clock::time_point now);
    bool hasRoom(const Node& n) const;
    bool isBounded(int edgeIndex) const;
    void skipNode(Node& n, const QString& reason);
    void dispatch(Call call, std::unique_lock<std::mutex>& lock, bool runInline);
    void execute(Call call);
    Outcome invoke(Node& n, Call& call, const CancellationToken& token);
    void complete(const Call& call, Outcome outcome);
    void handleSuccess(Node& n, const Call& call, Outcome& outcome);
    void handleFailure(Node& n, const Call& call, const NodeError& error, bool mayRetry);
    void pushOutputs(Node& n, const Outputs& out);
    void finishNode(Node& n, NodeStatus status);
    void failRun(Node* n, RunStatus status, const QString& code, const QString& message);
    void abandonOverdueCalls(Clock::time_point now);
    Clock::time_point nextWakeUp(Clock::time_point now) const;
    RunResult collectResult();

    const NodeRegistry& m_registry;
    const ExpressionEngine* m_expressions;
    QThreadPool& m_pool;
    const Flow& m_flow;
    RunOptions m_options;
    Object m_variables;
    ItemList m_runInput;
    std::shared_ptr<Redactor> m_redactor;
    CancellationToken m_token; // child of the caller's token: cancelled on failure as well
    QElapsedTimer m_clock;
    Clock::time_point m_deadline = Clock::time_point::max();

    std::vector<std::unique_ptr<Node>> m_nodes;
    std::vector<Edge> m_edges;
    QHash<QString, int> m_nodeByName;

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::mutex m_eventMutex;
    bool m_finished = false; // RunFinished was emitted (guarded by m_eventMutex)
    std::map<quint64, Call> m_running; // call id -> call in flight
    quint64 m_nextCallId = 1;
    bool m_stopping = false;
    QElapsedTimer m_stopClock;
    bool m_desktopBusy = false;
    RunStatus m_status = RunStatus::Running;
    QString m_error;
    QString m_errorCode;
    QString m_failedNode;

    std::mutex m_tempMutex;
    std::shared_ptr<void> m_tempDir;
    QString m_tempPath;
};

} // namespace taskloom::engine
