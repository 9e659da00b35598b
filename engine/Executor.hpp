#pragma once

#include "CancellationToken.hpp"
#include "Flow.hpp"
#include "Item.hpp"
#include "RunEvent.hpp"

#include <QHash>
#include <QSet>

#include <functional>
#include <memory>

class QThreadPool;

namespace taskloom::engine {

class CredentialStore;
class ExpressionEngine;
class NodeRegistry;

struct RunOptions {
    QString runId;       ///< generated (a UUID) when empty
    QString flowPath;    ///< relative file paths and sub-flows resolve against its folder
    ItemList input;      ///< items for trigger nodes (`taskloom run --input`, a sub-flow call)
    Object trigger;      ///< the event that started the run (`--trigger FILE`)
    QString triggerNode; ///< id or name of the trigger that fired; other triggers are skipped. Empty: all run
    Object variables;    ///< overrides of the flow's variables (`--set name=value`)
    Object env;          ///< environment variables expressions may read (already allow-listed)
    bool usePinnedData = true;
    qsizetype batchSize = 1024;
    int threads = 0;     ///< worker threads; 0: one per core; 1: every call on the calling thread
    CancellationToken cancellation;
    QList<RunObserver*> observers;
    CredentialStore* credentials = nullptr;
    QString tempDirectory; ///< where large binaries spill; default: the system temp folder
    /// Node ids whose output the result keeps; empty: every terminal node (no outgoing connections).
    QSet<QString> captureNodes;
    qsizetype maxCapturedItems = 100000;
    int maxSampleItems = 20; ///< items per output port carried in NodeFinished events
    int subflowDepth = 0;
    /// Outputs of nodes outside this run that its expressions may name (a loop body sees the enclosing flow).
    std::function<const ItemList*(const QString& nodeName)> outerNodeOutput;
};

struct NodeResult {
    QString nodeId;
    QString nodeName;
    NodeStatus status = NodeStatus::Skipped;
    qint64 itemsIn = 0;
    qint64 itemsOut = 0;
    qint64 durationMs = 0;
    int attempts = 0;
    QString errorCode;
    QString error;
};

struct RunResult {
    QString runId;
    RunStatus status = RunStatus::Running;
    /// One line naming the node, its type and, where it applies, the parameter and value.
    QString error;
    QString errorCode;
    QString failedNodeId;
    qint64 durationMs = 0;
    ItemList output;                    ///< the captured nodes' items, in flow order
    bool outputTruncated = false;
    QHash<QString, ItemList> outputs;   ///< per captured node id
    QList<NodeResult> nodes;            ///< in flow order
    /// Keeps the run's temporary folder (spilled binaries) alive as long as the result is.
    std::shared_ptr<void> temporaryFiles;

    /// `taskloom run` exit codes: 0 succeeded, 1 a node failed, 3 cancelled, 4 timed out.
    int exitCode() const;
};

/// Runs flows. A node runs when its inputs are ready; independent branches run in parallel on a thread pool;
/// streaming nodes process batches as they arrive with bounded queues between them, so a large file flows
/// through in bounded memory. Outputs are deterministic: items keep their order along every connection, and
/// where branches meet they are joined in connection order. Per-node timeout, retry with backoff and jitter,
/// and on-error (stop / continue / route) are applied here, and only here.
///
/// The executor assumes a validated flow (FlowValidator) but never hangs or crashes on one that is not: an
/// unknown node type, a cycle or a missing port fails the run with an error.
class Executor {
public:
    Executor(const NodeRegistry& registry, const ExpressionEngine* expressions);
    ~Executor();
    Executor(const Executor&) = delete;
    Executor& operator=(const Executor&) = delete;

    /// Runs the flow to completion on the calling thread (which also does work). Nodes with GUI affinity run
    /// on the application's main thread.
    RunResult run(const Flow& flow, const RunOptions& options);

    const NodeRegistry& registry() const { return m_registry; }
    const ExpressionEngine* expressions() const { return m_expressions; }

    /// How deeply sub-flows may call sub-flows (a guard against a flow calling itself).
    static constexpr int maxSubflowDepth = 16;

private:
    const NodeRegistry& m_registry;
    const ExpressionEngine* m_expressions;
    std::unique_ptr<QThreadPool> m_pool;
};

} // namespace taskloom::engine
