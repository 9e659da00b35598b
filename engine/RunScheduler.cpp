#include "RunScheduler.hpp"

#include "Executor.hpp"
#include "FlowValidator.hpp"
#include "NodeContext.hpp"
#include "NodeRegistry.hpp"

#include <QCoreApplication>
#include <QDir>
#include <QRandomGenerator>
#include <QThread>
#include <QThreadPool>
#include <QUuid>

#include <cmath>

namespace taskloom::engine {

namespace {

// A streaming consumer holds at most this many batches per incoming connection: the producer waits for room.
constexpr size_t maxQueuedBatches = 4;
// A call that ignores cancellation is abandoned this long after its deadline (or after the run stopped).
constexpr auto abandonGrace = std::chrono::milliseconds(3000);

// There is one mouse and one keyboard per machine: desktop steps never overlap, even across runs.
std::mutex& desktopMutex()
{
    static std::mutex m;
    return m;
}

QString describe(const FlowNode& n)
{
    return QStringLiteral("node \"%1\" (%2)").arg(n.name, n.type);
}

} // namespace

RunScheduler::RunScheduler(const NodeRegistry& registry, const ExpressionEngine* expressions, QThreadPool& pool,
                           const Flow& flow, const RunOptions& options, std::shared_ptr<Redactor> redactor)
    : m_registry(registry), m_expressions(expressions), m_pool(pool), m_flow(flow), m_options(options),
      m_redactor(redactor ? std::move(redactor) : std::make_shared<Redactor>()), m_token(options.cancellation.child())
{
    if (m_options.runId.isEmpty())
        m_options.runId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_options.batchSize = std::max<qsizetype>(1, m_options.batchSize);
    m_variables = flow.variables;
    for (const auto& [k, v] : options.variables)
        m_variables.insert(k, v);
    m_runInput = options.input.isEmpty() ? ItemList{Item()} : options.input;
}

RunScheduler::~RunScheduler() = default;

const CredentialTypeSpec* RunScheduler::registryCredentialType(const QString& type) const
{
    return m_registry.credentialType(type);
}

// ---- preparation ----

bool RunScheduler::prepare(QString& error)
{
    const NodeRegistry& registry = m_registry;
    for (size_t i = 0; i < m_flow.nodes.size(); ++i) {
        const FlowNode& fn = m_flow.nodes[i];
        auto n = std::make_unique<Node>();
        n->index = int(i);
        n->flowNode = &fn;
        n->type = fn.placeholder ? nullptr : registry.find(fn.type);
        if (!n->type) {
            error = QStringLiteral("%1: unknown node type; the flow cannot run until a pack provides it").arg(describe(fn));
            m_failedNode = fn.id;
            return false;
        }
        const NodeSpec& spec = n->type->spec();
        n->ports = n->type->ports(fn.params, fn.settings);
        n->inEdges.resize(n->ports.inputs.size());
        n->outEdges.resize(n->ports.outputs.size());
        n->sample.resize(n->ports.outputs.size());
        n->captured.resize(n->ports.outputs.size());
        n->retry = fn.settings.retry.value_or(spec.defaultRetry);
        n->disabled = fn.settings.disabled;
        n->streaming = spec.inputMode == InputMode::Stream && n->ports.inputs.size() == 1;
        if (n->disabled && n->ports.inputs.size() == 1)
            n->streaming = true; // a disabled node only passes batches through
        if (spec.trigger && !m_options.triggerNode.isEmpty())
            n->skipTrigger = m_options.triggerNode != fn.id && m_options.triggerNode != fn.name;
        if (m_options.usePinnedData && m_flow.pinData.contains(fn.id)) {
            ItemList pinned;
            for (const Value& v : m_flow.pinData.value(fn.id).arrayRef())
                pinned.append(Item(v.toObject()));
            n->pinned = pinned;
            n->streaming = false;
        }
        n->params = std::make_unique<ParamResolver>(spec, fn.params, m_expressions);
        n->instance = n->type->instantiate();
        m_nodeByName.insert(fn.name, int(i));
        m_nodes.push_back(std::move(n));
    }
    buildEdges();
    for (size_t i = 0; i < m_flow.connections.size(); ++i) {
        const Connection& c = m_flow.connections[i];
        const qsizetype from = m_flow.indexOfNode(c.fromNode);
        const qsizetype to = m_flow.indexOfNode(c.toNode);
        if (from < 0 || to < 0 || m_nodes[size_t(from)]->ports.outputIndex(c.fromPort) < 0
            || m_nodes[size_t(to)]->ports.inputIndex(c.toPort) < 0) {
            error = QStringLiteral("connections[%1]: no such node or port (%2.%3 -> %4.%5)")
                        .arg(i)
                        .arg(c.fromNode, c.fromPort, c.toNode, c.toPort);
            return false;
        }
    }
    markLoopBodies();
    markRetainedNodes();
    markCapturedNodes();
    return true;
}

void RunScheduler::buildEdges()
{
    for (const Connection& c : m_flow.connections) {
        const qsizetype from = m_flow.indexOfNode(c.fromNode);
        const qsizetype to = m_flow.indexOfNode(c.toNode);
        if (from < 0 || to < 0 || from == to)
            continue;
        Node& f = *m_nodes[size_t(from)];
        Node& t = *m_nodes[size_t(to)];
        const int fp = f.ports.outputIndex(c.fromPort);
        const int tp = t.ports.inputIndex(c.toPort);
        if (fp < 0 || tp < 0)
            continue;
        const NodeSpec& ts = t.type->spec();
        if (ts.isLoop() && c.toPort == ts.loopReturn)
            continue; // the loop's back edge: handled by the loop body run
        const int e = int(m_edges.size());
        m_edges.push_back(Edge{int(from), fp, int(to), tp, {}, false});
        f.outEdges[fp].append(e);
        t.inEdges[tp].append(e);
        ++t.inEdgeCount;
    }
}

void RunScheduler::markLoopBodies()
{
    for (auto& n : m_nodes) {
        const NodeSpec& spec = n->type->spec();
        if (!spec.isLoop())
            continue;
        for (qsizetype i : FlowValidator::loopBody(m_flow, n->index, spec.loopOutput)) {
            n->loopBody.insert(int(i));
            m_nodes[size_t(i)]->owned = true;
        }
    }
}

void RunScheduler::markRetainedNodes()
{
    // Keep a node's output for node["Name"] only when some expression could name it: outputs of other
    // nodes stream through without being held.
    QStringList texts;
    std::function<void(const Value&)> collect = [&](const Value& v) {
        if (v.isString() && v.stringRef().contains(u"{{"))
            texts.append(v.stringRef());
        for (const Value& e : v.arrayRef())
            collect(e);
        for (const auto& [k, e] : v.objectRef())
            collect(e);
    };
    for (const FlowNode& fn : m_flow.nodes)
        collect(fn.params);
    if (texts.isEmpty())
        return;
    for (auto& n : m_nodes) {
        const QString& name = n->flowNode->name;
        for (const QString& t : texts) {
            if (t.contains(name)) {
                n->retain = true;
                break;
            }
        }
    }
}

void RunScheduler::markCapturedNodes()
{
    for (auto& n : m_nodes) {
        if (n->owned)
            continue;
        if (!m_options.captureNodes.isEmpty()) {
            n->capture = m_options.captureNodes.contains(n->flowNode->id);
            continue;
        }
        bool terminal = true;
        for (const auto& port : n->outEdges)
            terminal = terminal && port.isEmpty();
        n->capture = terminal;
    }
}

// ---- the scheduling loop ----

RunResult RunScheduler::run()
{
    m_clock.start();
    if (m_flow.settings.timeoutMs > 0) {
        m_deadline = Clock::now() + std::chrono::milliseconds(m_flow.settings.timeoutMs);
        // A call running on this thread keeps the loop from watching the clock: the deadline reaches it
        // through its token instead.
        m_token = m_options.cancellation.child(m_deadline);
    }

    RunEvent started;
    started.type = RunEvent::Type::RunStarted;
    emitEvent(started);

    QString error;
    if (!prepare(error)) {
        std::lock_guard lock(m_mutex);
        m_status = RunStatus::Failed;
        m_error = error;
        m_errorCode = QStringLiteral("INVALID_FLOW");
    } else if (m_options.subflowDepth > Executor::maxSubflowDepth) {
        m_status = RunStatus::Failed;
        m_error = QStringLiteral("sub-flows nested deeper than %1 levels (does a flow call itself?)").arg(Executor::maxSubflowDepth);
        m_errorCode = QStringLiteral("SUBFLOW_TOO_DEEP");
    } else {
        loop();
    }
    releaseInstances();
    RunResult result = collectResult();

    RunEvent finished;
    finished.type = RunEvent::Type::RunFinished;
    finished.runStatus = result.status;
    finished.durationMs = result.durationMs;
    finished.message = result.error;
    finished.errorCode = result.errorCode;
    // The failed node, if one failed: the run store shows where a run broke.
    if (const FlowNode* failed = m_flow.nodeById(result.failedNodeId)) {
        finished.nodeId = failed->id;
        finished.nodeName = failed->name;
        finished.nodeType = failed->type;
    }
    emitEvent(finished);
    return result;
}

void RunScheduler::loop()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        const auto now = Clock::now();
        if (!m_stopping && m_options.cancellation.isCancelled())
            failRun(nullptr, RunStatus::Cancelled, QStringLiteral("CANCELLED"), QStringLiteral("the run was cancelled"));
        if (!m_stopping && now >= m_deadline)
            failRun(nullptr, RunStatus::TimedOut, QStringLiteral("TIMEOUT"),
                    QStringLiteral("the flow ran longer than its timeout of %1 s").arg(m_flow.settings.timeoutMs / 1000.0));
        abandonOverdueCalls(now);

        std::vector<Call> ready;
        bool ranFinish = false;
        if (!m_stopping) {
            for (auto& n : m_nodes) {
                auto call = nextCall(*n, now);
                if (!call)
                    continue;
                // A node's finish() is usually a few lines (emit totals, commit a file): run it here rather
                // than pay a thread hand-off.
                if (call->kind == Call::Kind::Finish && n->flowNode->settings.timeoutMs <= 0
                    && n->type->spec().affinity == Affinity::Any) {
                    dispatch(std::move(*call), lock, true);
                    ranFinish = true;
                    continue;
                }
                ready.push_back(std::move(*call));
            }
        }
        // The lock was released while a finish ran inline: nodes looked at before it may have become ready
        // since (its outputs, calls that completed meanwhile). Look again before declaring the flow stuck or
        // sleeping through a wake-up that already happened.
        if (ranFinish && ready.empty())
            continue;
        if (m_running.empty() && ready.empty()) {
            if (m_stopping)
                break;
            bool allDone = true;
            bool retryPending = false;
            for (const auto& n : m_nodes) {
                allDone = allDone && (n->done || n->owned);
                retryPending = retryPending || n->pendingRetry;
            }
            if (allDone)
                break;
            if (!retryPending) {
                failRun(nullptr, RunStatus::Failed, QStringLiteral("FLOW_STUCK"),
                        QStringLiteral("the flow cannot proceed: some nodes wait for inputs that never arrive (a cycle?)"));
                break;
            }
        }
        const bool runInline = (ready.size() == 1 && m_running.empty()) || m_options.threads == 1;
        for (Call& call : ready)
            dispatch(std::move(call), lock, runInline);
        // After running anything on this thread (the lock was released), look again rather than wait: a
        // completion may already have signalled while nobody was waiting. With nothing dispatched, wait: a call
        // handed to the main thread (a GUI node) may still be running, even with one thread.
        if ((runInline && !ready.empty()) || ranFinish)
            continue;
        const auto wake = nextWakeUp(Clock::now());
        QCoreApplication* app = QCoreApplication::instance();
        if (app && QThread::currentThread() == app->thread()) {
            // Runs nested in this one (loop bodies, sub-flows) that work on pool threads hand their GUI nodes
            // (the browser) to this thread as queued calls: serve them while waiting, or they would wait forever.
            m_wake.wait_until(lock, std::min(wake, Clock::now() + std::chrono::milliseconds(10)));
            lock.unlock();
            QCoreApplication::processEvents();
            lock.lock();
        } else {
            m_wake.wait_until(lock, wake);
        }
    }
}

std::optional<RunScheduler::Call> RunScheduler::nextCall(Node& n, Clock::time_point now)
{
    if (n.done || n.running || n.owned)
        return std::nullopt;
    const Affinity affinity = n.type->spec().affinity;
    if (affinity == Affinity::Desktop && m_desktopBusy)
        return std::nullopt;
    if (n.pendingRetry) {
        if (now < n.pendingRetry->notBefore)
            return std::nullopt;
        Call c = std::move(*n.pendingRetry);
        n.pendingRetry.reset();
        return c;
    }
    Call call;
    call.node = n.index;
    if (n.ports.inputs.isEmpty()) { // a source or trigger
        if (n.skipTrigger) {
            skipNode(n, QStringLiteral("another trigger started this run"));
            return std::nullopt;
        }
        if (n.started && !(n.wantsMore && hasRoom(n)))
            return std::nullopt;
        n.wantsMore = false;
        return call;
    }
    if (n.inEdgeCount == 0) {
        skipNode(n, QStringLiteral("not connected"));
        return std::nullopt;
    }
    if (n.wantsMore) {
        if (!hasRoom(n))
            return std::nullopt;
        n.wantsMore = false;
        return call;
    }
    if (n.streaming) {
        const QList<int>& edges = n.inEdges[0];
        while (n.activeEdge < edges.size()) {
            Edge& e = m_edges[size_t(edges[n.activeEdge])];
            if (!e.queue.isEmpty()) {
                if (!hasRoom(n))
                    return std::nullopt;
                call.inputs = Inputs({e.queue.takeFirst()});
                n.received = true;
                return call;
            }
            if (!e.closed)
                return std::nullopt;
            ++n.activeEdge;
        }
        if (!n.received) {
            skipNode(n, QStringLiteral("no items"));
            return std::nullopt;
        }
        if (n.finishCalled)
            return std::nullopt;
        n.finishCalled = true;
        call.kind = Call::Kind::Finish;
        return call;
    }
    if (n.started)
        return std::nullopt;
    QList<ItemList> ports(n.ports.inputs.size());
    for (int p = 0; p < n.inEdges.size(); ++p) {
        for (int ei : n.inEdges[p]) {
            if (!m_edges[size_t(ei)].closed)
                return std::nullopt;
        }
    }
    qsizetype total = 0;
    for (int p = 0; p < n.inEdges.size(); ++p) {
        for (int ei : n.inEdges[p]) {
            for (ItemList& batch : m_edges[size_t(ei)].queue) {
                total += batch.size();
                ports[p].append(std::move(batch));
            }
            m_edges[size_t(ei)].queue.clear();
        }
    }
    if (total == 0) {
        skipNode(n, QStringLiteral("no items"));
        return std::nullopt;
    }
    n.received = true;
    call.inputs = Inputs(std::move(ports));
    return call;
}

bool RunScheduler::isBounded(int edgeIndex) const
{
    const Edge& e = m_edges[size_t(edgeIndex)];
    const Node& consumer = *m_nodes[size_t(e.to)];
    if (!consumer.streaming || consumer.done)
        return false;
    const QList<int>& edges = consumer.inEdges[0];
    return consumer.activeEdge < edges.size() && edges[consumer.activeEdge] == edgeIndex;
}

bool RunScheduler::hasRoom(const Node& n) const
{
    for (const QList<int>& port : n.outEdges) {
        for (int ei : port) {
            if (isBounded(ei) && size_t(m_edges[size_t(ei)].queue.size()) >= maxQueuedBatches)
                return false;
        }
    }
    return true;
}

void RunScheduler::skipNode(Node& n, const QString& reason)
{
    n.error = reason;
    finishNode(n, NodeStatus::Skipped);
}

void RunScheduler::dispatch(Call call, std::unique_lock<std::mutex>& lock, bool runInline)
{
    Node& n = *m_nodes[size_t(call.node)];
    n.running = true;
    call.id = m_nextCallId++;
    if (n.flowNode->settings.timeoutMs > 0)
        call.deadline = Clock::now() + std::chrono::milliseconds(n.flowNode->settings.timeoutMs);
    if (!n.started) {
        n.started = true;
        n.clock.start();
        emitEvent(nodeEvent(RunEvent::Type::NodeStarted, n));
    }
    const Affinity affinity = n.type->spec().affinity;
    if (affinity == Affinity::Desktop)
        m_desktopBusy = true;
    // Without retries or error routing nobody reads the inputs after the call: the node may take them and
    // change items in place (Inputs::take). Then no other copy of them may stay alive here either.
    const bool consumable = n.retry.maxRetries == 0 && n.flowNode->settings.onError == OnError::Stop;
    call.inputs.setConsumable(consumable);
    if (consumable) {
        Call bookkeeping = call;
        bookkeeping.inputs = Inputs();
        m_running.emplace(call.id, std::move(bookkeeping));
    } else {
        m_running.emplace(call.id, call);
    }
    ++n.callsInFlight;

    QCoreApplication* app = QCoreApplication::instance();
    const bool onMainThread = !app || QThread::currentThread() == app->thread();
    if (affinity == Affinity::Gui && !onMainThread) {
        auto self = shared_from_this();
        QMetaObject::invokeMethod(app, [self, call = std::move(call)]() mutable { self->execute(std::move(call)); },
                                  Qt::QueuedConnection);
        return;
    }
    // Run on this thread when it is the only work (no hand-off latency for linear flows) or must be the
    // main thread; a call with a timeout always goes to the pool so this thread can enforce it.
    if ((runInline && (n.flowNode->settings.timeoutMs <= 0 || m_options.threads == 1)) || affinity == Affinity::Gui) {
        lock.unlock();
        execute(std::move(call));
        lock.lock();
        return;
    }
    auto self = shared_from_this();
    m_pool.start([self, call = std::move(call)]() mutable { self->execute(std::move(call)); });
}

void RunScheduler::execute(Call call)
{
    Node& n = *m_nodes[size_t(call.node)];
    const CancellationToken token = m_token.child(call.deadline);
    Outcome outcome;
    if (n.type->spec().affinity == Affinity::Desktop) {
        std::lock_guard desktop(desktopMutex());
        outcome = invoke(n, call, token);
    } else {
        outcome = invoke(n, call, token);
    }
    --n.callsInFlight;
    complete(call, std::move(outcome));
}

void RunScheduler::releaseInstances()
{
    // Destroy node instances before the caller sees the result, not whenever the last pool task lets go of
    // the scheduler: an instance that did not finish (the run failed or was cancelled) cleans up in its
    // destructor — a CSV writer removes its temporary file — and callers may look at the disk right away.
    for (auto& n : m_nodes) {
        if (n->callsInFlight.load() == 0)
            n->instance.reset();
    }
}

RunScheduler::Outcome RunScheduler::invoke(Node& n, Call& call, const CancellationToken& token)
{
    Outcome o;
    o.outputs = Outputs(int(n.ports.outputs.size()));
    o.itemsIn = call.inputs.totalItems();
    NodeContext ctx(*this, n, call, token);
    try {
        if (n.pinned) {
            o.outputs.push(0, *n.pinned);
        } else if (n.disabled) {
            if (call.kind == Call::Kind::Execute)
                o.outputs.push(0, call.inputs.main());
        } else if (call.kind == Call::Kind::Finish) {
            n.instance->finish(ctx, o.outputs);
        } else {
            o.exec = n.instance->execute(ctx, call.inputs, o.outputs);
        }
        if (token.timedOut() && !m_token.isCancelled())
            throw Cancelled();
        o.ok = true;
    } catch (const NodeError& e) {
        o.error = e;
    } catch (const Cancelled&) {
        if (token.timedOut() && !m_token.isCancelled())
            o.error = NodeError(QStringLiteral("TIMEOUT"),
                                QStringLiteral("timed out after %1 s").arg(n.flowNode->settings.timeoutMs / 1000.0),
                                NodeError::Retry::Yes);
        else
            o.cancelled = true;
    } catch (const std::exception& e) {
        o.error = NodeError(QStringLiteral("INTERNAL_ERROR"), QString::fromUtf8(e.what()));
    } catch (...) {
        o.error = NodeError(QStringLiteral("INTERNAL_ERROR"), QStringLiteral("unknown exception"));
    }
    return o;
}

void RunScheduler::complete(const Call& call, Outcome outcome)
{
    std::lock_guard lock(m_mutex);
    if (m_running.erase(call.id) == 0)
        return; // abandoned after its deadline: its node has already failed
    Node& n = *m_nodes[size_t(call.node)];
    n.running = false;
    n.attempts = std::max(n.attempts, call.attempt);
    if (n.type->spec().affinity == Affinity::Desktop)
        m_desktopBusy = false;
    n.itemsIn += outcome.itemsIn;
    if (outcome.ok)
        handleSuccess(n, call, outcome);
    else if (outcome.cancelled)
        finishNode(n, NodeStatus::Failed);
    else
        handleFailure(n, call, *outcome.error, true);
    m_wake.notify_all();
}

void RunScheduler::handleSuccess(Node& n, const Call& call, Outcome& outcome)
{
    pushOutputs(n, outcome.outputs);
    if (outcome.exec == Exec::More && call.kind == Call::Kind::Execute) {
        n.wantsMore = true;
        return;
    }
    const bool finished = call.kind == Call::Kind::Finish || !n.streaming;
    if (finished)
        finishNode(n, NodeStatus::Succeeded);
}

void RunScheduler::handleFailure(Node& n, const Call& call, const NodeError& error, bool mayRetry)
{
    const QString message = m_redactor->redact(error.message());
    if (mayRetry && error.retryable() && call.attempt <= n.retry.maxRetries && !m_stopping) {
        double delay = error.retryAfterMs() >= 0 ? error.retryAfterMs()
                                                 : n.retry.backoffMs * std::pow(n.retry.backoffFactor, call.attempt - 1);
        delay = std::min(delay, double(n.retry.maxBackoffMs));
        if (error.retryAfterMs() < 0) // jitter, so that many runs failing together do not retry together
            delay = delay / 2 + QRandomGenerator::global()->bounded(delay / 2 + 1);
        auto retry = std::make_unique<Call>(call);
        retry->attempt = call.attempt + 1;
        retry->deadline = Clock::time_point::max();
        retry->notBefore = Clock::now() + std::chrono::milliseconds(qint64(delay));
        n.pendingRetry = std::move(retry);
        if (call.kind == Call::Kind::Finish)
            n.finishCalled = false;
        RunEvent e = nodeEvent(RunEvent::Type::NodeRetry, n);
        e.attempt = call.attempt + 1;
        e.message = QStringLiteral("%1; retry %2 of %3 in %4 ms").arg(message).arg(call.attempt).arg(n.retry.maxRetries).arg(qint64(delay));
        e.errorCode = error.code();
        emitEvent(std::move(e));
        return;
    }
    n.errorCode = error.code();
    n.error = message;
    const OnError policy = n.flowNode->settings.onError;
    if (policy == OnError::Stop) {
        const RunStatus status = error.code() == u"TIMEOUT" ? RunStatus::TimedOut : RunStatus::Failed;
        failRun(&n, status, error.code(), message);
        finishNode(n, NodeStatus::Failed);
        return;
    }
    // continue / route: the failed call's items go on, each carrying the error.
    const NodeError shown(error.code(), message);
    Outputs out(int(n.ports.outputs.size()));
    const int port = policy == OnError::Continue ? 0 : errorPort(n);
    ItemList failed;
    for (int p = 0; p < call.inputs.portCount(); ++p)
        failed.append(call.inputs.port(p));
    if (failed.isEmpty())
        failed.append(Item());
    for (const Item& item : failed)
        out.push(port, NodeContext::withError(item, shown, n.flowNode->name));
    pushOutputs(n, out);
    RunEvent e = nodeEvent(RunEvent::Type::Log, n);
    e.level = LogLevel::Warning;
    e.message = message;
    e.errorCode = error.code();
    emitEvent(std::move(e));
    if (!n.streaming || call.kind == Call::Kind::Finish)
        finishNode(n, NodeStatus::Succeeded);
}

int RunScheduler::errorPort(const Node& node) const
{
    const int p = node.ports.outputIndex(u"error");
    return p >= 0 ? p : 0;
}

void RunScheduler::pushOutputs(Node& n, const Outputs& out)
{
    for (int p = 0; p < out.portCount(); ++p) {
        const ItemList& items = out.port(p);
        if (items.isEmpty())
            continue;
        n.itemsOut += items.size();
        ItemList& sample = n.sample[p];
        if (sample.size() < m_options.maxSampleItems)
            sample.append(items.mid(0, m_options.maxSampleItems - sample.size()));
        if (p == 0 && n.retain)
            n.retained.append(items);
        if (n.capture) {
            ItemList& cap = n.captured[p];
            if (cap.size() < m_options.maxCapturedItems)
                cap.append(items.mid(0, m_options.maxCapturedItems - cap.size()));
        }
        for (int ei : n.outEdges[p]) {
            Edge& e = m_edges[size_t(ei)];
            if (!m_nodes[size_t(e.to)]->done)
                e.queue.append(items);
        }
    }
}

void RunScheduler::finishNode(Node& n, NodeStatus status)
{
    if (n.done)
        return;
    n.done = true;
    n.status = status;
    n.durationMs = n.clock.isValid() ? n.clock.elapsed() : 0;
    for (const QList<int>& port : n.outEdges) {
        for (int ei : port)
            m_edges[size_t(ei)].closed = true;
    }
    // Release what nobody will read: a node that is done takes no more input.
    for (const QList<int>& port : n.inEdges) {
        for (int ei : port)
            m_edges[size_t(ei)].queue.clear();
    }
    RunEvent e = nodeEvent(RunEvent::Type::NodeFinished, n);
    e.nodeStatus = status;
    e.itemsIn = n.itemsIn;
    e.itemsOut = n.itemsOut;
    e.durationMs = n.durationMs;
    e.attempt = n.attempts;
    e.message = n.error;
    e.errorCode = n.errorCode;
    if (status != NodeStatus::Skipped) {
        for (const ItemList& s : n.sample)
            e.outputSample.append(m_redactor->redact(s));
    }
    emitEvent(std::move(e));
}

void RunScheduler::failRun(Node* n, RunStatus status, const QString& code, const QString& message)
{
    if (m_stopping)
        return;
    m_stopping = true;
    m_status = status;
    m_errorCode = code;
    m_error = n ? QStringLiteral("%1: %2").arg(describe(*n->flowNode), message) : message;
    m_failedNode = n ? n->flowNode->id : QString();
    m_token.cancel(message);
    for (auto& node : m_nodes)
        node->pendingRetry.reset();
}

void RunScheduler::abandonOverdueCalls(Clock::time_point now)
{
    for (auto it = m_running.begin(); it != m_running.end();) {
        const Call& call = it->second;
        const bool overdue = call.deadline != Clock::time_point::max() && now > call.deadline + abandonGrace;
        const bool stuckAfterStop = m_stopping && m_stopClock.isValid() && m_stopClock.elapsed() > abandonGrace.count();
        if (!overdue && !stuckAfterStop) {
            ++it;
            continue;
        }
        Node& n = *m_nodes[size_t(call.node)];
        const Call copy = call;
        it = m_running.erase(it);
        n.running = false;
        if (n.type->spec().affinity == Affinity::Desktop)
            m_desktopBusy = false;
        if (overdue) {
            handleFailure(n, copy, NodeError(QStringLiteral("TIMEOUT"),
                                             QStringLiteral("timed out after %1 s and did not stop; abandoned")
                                                 .arg(n.flowNode->settings.timeoutMs / 1000.0)),
                          false);
        }
        finishNode(n, NodeStatus::Failed);
    }
    if (m_stopping && !m_stopClock.isValid())
        m_stopClock.start();
}

RunScheduler::Clock::time_point RunScheduler::nextWakeUp(Clock::time_point now) const
{
    // Poll at least every 100 ms: cancellation may come from a signal handler that cannot notify.
    Clock::time_point wake = now + std::chrono::milliseconds(100);
    wake = std::min(wake, m_deadline);
    for (const auto& n : m_nodes) {
        if (n->pendingRetry)
            wake = std::min(wake, n->pendingRetry->notBefore);
    }
    for (const auto& [id, call] : m_running) {
        if (call.deadline != Clock::time_point::max())
            wake = std::min(wake, call.deadline + abandonGrace);
    }
    return std::max(wake, now);
}

RunResult RunScheduler::collectResult()
{
    std::lock_guard lock(m_mutex);
    RunResult r;
    r.runId = m_options.runId;
    r.status = m_status == RunStatus::Running ? RunStatus::Succeeded : m_status;
    r.error = m_redactor->redact(m_error);
    r.errorCode = m_errorCode;
    r.failedNodeId = m_failedNode;
    r.durationMs = m_clock.elapsed();
    r.temporaryFiles = m_tempDir;
    for (const auto& n : m_nodes) {
        if (n->owned)
            continue;
        NodeResult nr;
        nr.nodeId = n->flowNode->id;
        nr.nodeName = n->flowNode->name;
        nr.status = n->done ? n->status : NodeStatus::Skipped;
        nr.itemsIn = n->itemsIn;
        nr.itemsOut = n->itemsOut;
        nr.durationMs = n->durationMs;
        nr.attempts = n->attempts;
        nr.errorCode = n->errorCode;
        nr.error = n->error;
        r.nodes.append(nr);
        if (!n->capture || n->status == NodeStatus::Skipped)
            continue;
        ItemList all;
        for (const ItemList& port : n->captured)
            all.append(port);
        r.outputs.insert(n->flowNode->id, all);
        const qsizetype room = m_options.maxCapturedItems - r.output.size();
        if (all.size() > room || n->itemsOut > all.size())
            r.outputTruncated = true;
        r.output.append(all.mid(0, std::max<qsizetype>(0, room)));
    }
    return r;
}

// ---- services for node contexts ----

const ItemList* RunScheduler::nodeOutput(const QString& nodeName) const
{
    const auto it = m_nodeByName.constFind(nodeName);
    if (it == m_nodeByName.cend())
        return m_options.outerNodeOutput ? m_options.outerNodeOutput(nodeName) : nullptr;
    const Node& n = *m_nodes[size_t(it.value())];
    // Only a finished node's output is complete; `done` is written under the scheduler lock before any
    // downstream call is dispatched, so a node that precedes the caller reads as done here.
    if (!n.retain || !n.done)
        return nullptr;
    return &n.retained;
}

void RunScheduler::emitEvent(RunEvent event)
{
    if (m_options.observers.isEmpty())
        return;
    event.runId = m_options.runId;
    event.flowId = m_flow.id;
    event.flowName = m_flow.name;
    event.time = QDateTime::currentDateTimeUtc();
    event.message = m_redactor->redact(event.message);
    if (!event.data.isEmpty())
        event.data = m_redactor->redact(Value(event.data)).toObject();
    std::lock_guard lock(m_eventMutex);
    // A call abandoned after its deadline may still log when it wakes up: its run is over by then, and the
    // observers may be gone.
    if (m_finished)
        return;
    m_finished = event.type == RunEvent::Type::RunFinished;
    for (RunObserver* o : m_options.observers)
        o->onEvent(event);
}

RunEvent RunScheduler::nodeEvent(RunEvent::Type type, const Node& node) const
{
    RunEvent e;
    e.type = type;
    e.nodeId = node.flowNode->id;
    e.nodeName = node.flowNode->name;
    e.nodeType = node.flowNode->type;
    return e;
}

QString RunScheduler::temporaryDirectory()
{
    std::lock_guard lock(m_tempMutex);
    if (!m_tempDir) {
        const QString base = m_options.tempDirectory.isEmpty() ? QDir::tempPath() : m_options.tempDirectory;
        m_tempPath = QDir(base).absoluteFilePath(QStringLiteral("taskloom-run-%1").arg(m_options.runId));
        QDir().mkpath(m_tempPath);
        const QString path = m_tempPath;
        m_tempDir = std::shared_ptr<void>(nullptr, [path](void*) { QDir(path).removeRecursively(); });
    }
    return m_tempPath;
}

} // namespace taskloom::engine
