// RunScheduler: runs within a run — loop bodies and sub-flows. Both run as nested schedulers on the calling
// thread (threads = 1), so a loop inside a pool thread never waits for pool threads it may itself be holding.

#include "FlowReader.hpp"
#include "FlowValidator.hpp"
#include "LoopBoundaryNodes.hpp"
#include "NodeRegistry.hpp"
#include "RunScheduler.hpp"

#include <QFileInfo>

namespace taskloom::engine {

/// A loop's body as a flow of its own: entry -> body nodes -> exit, with a registry that knows the two ends.
struct LoopPlan {
    Flow flow;
    NodeRegistry registry;
    QString exitId;
};

namespace {

const QString entryId = QStringLiteral("taskloom-loop-entry");
const QString exitId = QStringLiteral("taskloom-loop-exit");

/// Passes a nested run's node events and logs on to the enclosing run; the nested run's own start and finish
/// are not events of the enclosing run.
class ForwardingObserver final : public RunObserver {
public:
    ForwardingObserver(RunScheduler& parent, bool nodeEvents, QString logPrefix)
        : m_parent(parent), m_nodeEvents(nodeEvents), m_prefix(std::move(logPrefix))
    {}

    void onEvent(const RunEvent& event) override
    {
        if (event.type == RunEvent::Type::RunStarted || event.type == RunEvent::Type::RunFinished)
            return;
        if (event.nodeType.startsWith(u"taskloom.internal."))
            return;
        if (!m_nodeEvents && event.type != RunEvent::Type::Log)
            return;
        RunEvent e = event;
        if (!m_prefix.isEmpty())
            e.message = m_prefix + e.message;
        m_parent.emitEvent(std::move(e));
    }

private:
    RunScheduler& m_parent;
    bool m_nodeEvents;
    QString m_prefix;
};

std::shared_ptr<LoopPlan> makeLoopPlan(const Flow& outer, const RunScheduler::Node& loop, const NodeRegistry& registry,
                                       const Object& variables)
{
    auto plan = std::make_shared<LoopPlan>();
    plan->registry = registry;
    plan->registry.add(std::make_shared<LoopEntryNode>());
    plan->registry.add(std::make_shared<LoopExitNode>());
    plan->exitId = exitId;

    Flow& f = plan->flow;
    f.id = outer.id;
    f.name = outer.name;
    f.variables = variables;
    f.settings = outer.settings;
    f.settings.timeoutMs = 0; // the enclosing run's deadline governs
    f.pinData = outer.pinData;
    FlowNode entry;
    entry.id = entryId;
    entry.type = LoopEntryNode::typeId.toString();
    entry.name = entryId;
    f.nodes.push_back(entry);
    for (int i : loop.loopBody)
        f.nodes.push_back(outer.nodes[size_t(i)]);
    FlowNode exit;
    exit.id = exitId;
    exit.type = LoopExitNode::typeId.toString();
    exit.name = exitId;
    f.nodes.push_back(exit);

    const NodeSpec& spec = loop.type->spec();
    const QString& loopId = loop.flowNode->id;
    auto inBody = [&](const QString& id) {
        const qsizetype i = outer.indexOfNode(id);
        return i >= 0 && loop.loopBody.contains(int(i));
    };
    for (const Connection& c : outer.connections) {
        if (c.fromNode == loopId && c.fromPort == spec.loopOutput && inBody(c.toNode))
            f.connections.push_back({entryId, QStringLiteral("out"), c.toNode, c.toPort});
        else if (inBody(c.fromNode) && c.toNode == loopId && c.toPort == spec.loopReturn)
            f.connections.push_back({c.fromNode, c.fromPort, exitId, QStringLiteral("in")});
        else if (inBody(c.fromNode) && inBody(c.toNode))
            f.connections.push_back(c);
    }
    return plan;
}

} // namespace

// A loop body or a sub-flow runs as a nested run on one thread of the same pool, with this run's environment,
// credentials and cancellation, reporting through `forward`; it keeps all of its captured output.
RunOptions RunScheduler::nestedOptions(const ItemList& input, const CancellationToken& token, RunObserver& forward) const
{
    RunOptions o;
    o.runId = m_options.runId;
    o.flowPath = m_options.flowPath;
    o.input = input;
    o.env = m_options.env;
    o.usePinnedData = m_options.usePinnedData;
    o.batchSize = m_options.batchSize;
    o.threads = 1;
    o.cancellation = token;
    o.observers = {&forward};
    o.credentials = m_options.credentials;
    o.tempDirectory = m_options.tempDirectory;
    o.maxCapturedItems = std::numeric_limits<qsizetype>::max();
    o.subflowDepth = m_options.subflowDepth;
    return o;
}

std::expected<ItemList, QString> RunScheduler::runLoopBody(const Node& loop, const ItemList& batch,
                                                           const CancellationToken& token)
{
    // Only the loop node's own (single) call reaches here, so building the plan needs no lock.
    Node& self = *m_nodes[size_t(loop.index)];
    if (self.loopBody.isEmpty())
        return batch; // nothing connected to the loop output: the items pass through
    if (!self.loopPlan)
        self.loopPlan = makeLoopPlan(m_flow, self, m_registry, m_variables);
    const LoopPlan& plan = *self.loopPlan;

    ForwardingObserver forward(*this, true, {});
    RunOptions o = nestedOptions(batch, token, forward);
    o.captureNodes = {plan.exitId};
    o.outerNodeOutput = [this](const QString& name) { return nodeOutput(name); };
    auto nested = std::make_shared<RunScheduler>(plan.registry, m_expressions, m_pool, plan.flow, o, m_redactor);
    RunResult r = nested->run();
    if (r.status != RunStatus::Succeeded)
        return std::unexpected(r.error.isEmpty() ? runStatusName(r.status) : r.error);
    return r.outputs.value(plan.exitId);
}

std::expected<ItemList, QString> RunScheduler::runSubflow(const QString& path, const ItemList& input,
                                                          const CancellationToken& token)
{
    const QString shown = QFileInfo(path).fileName();
    if (m_options.subflowDepth + 1 > Executor::maxSubflowDepth)
        return std::unexpected(QStringLiteral("sub-flow %1: sub-flows nested deeper than %2 levels (does a flow call itself?)")
                                   .arg(shown)
                                   .arg(Executor::maxSubflowDepth));
    FlowReader::Result loaded = FlowReader::load(path, m_registry);
    QList<Problem> problems = loaded.problems;
    if (loaded.flow)
        problems.append(FlowValidator(m_registry, m_expressions).validate(*loaded.flow));
    for (const Problem& p : problems) {
        if (p.isError())
            return std::unexpected(QStringLiteral("sub-flow %1: %2").arg(path, p.toString()));
    }
    ForwardingObserver forward(*this, false, QStringLiteral("[%1] ").arg(shown));
    RunOptions o = nestedOptions(input, token, forward);
    o.flowPath = path;
    o.subflowDepth = m_options.subflowDepth + 1;
    auto nested = std::make_shared<RunScheduler>(m_registry, m_expressions, m_pool, *loaded.flow, o, m_redactor);
    RunResult r = nested->run();
    if (r.status != RunStatus::Succeeded)
        return std::unexpected(QStringLiteral("sub-flow %1: %2").arg(shown, r.error));
    return r.output;
}

} // namespace taskloom::engine
