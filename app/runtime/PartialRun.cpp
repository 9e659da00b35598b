#include "PartialRun.hpp"

#include "engine/NodeRegistry.hpp"
#include "engine/NodeType.hpp"

namespace taskloom::app {

using namespace engine;

namespace {

const QString triggerType = QStringLiteral("core.manualTrigger");
const QString triggerOutput = QStringLiteral("out");

Array itemsJson(const ItemList& items)
{
    Array a;
    a.reserve(items.size());
    for (const Item& item : items)
        a.append(item.json());
    return a;
}

/// The index of output `port` of `node`, or -1.
int outputIndex(const FlowNode& node, const QString& port, const NodeRegistry& registry)
{
    const NodeType* type = node.placeholder ? nullptr : registry.find(node.type);
    return type ? int(type->ports(node.params, node.settings).outputIndex(port)) : -1;
}

} // namespace

QSet<QString> upstreamOf(const Flow& flow, const QString& nodeId)
{
    QHash<QString, QStringList> sources; // node -> nodes feeding it
    for (const Connection& c : flow.connections)
        sources[c.toNode].append(c.fromNode);
    QSet<QString> seen;
    QStringList pending = sources.value(nodeId);
    while (!pending.isEmpty()) {
        const QString id = pending.takeLast();
        if (id == nodeId || seen.contains(id))
            continue; // a loop's return path leads back here: stop, the node is not its own dependency
        seen.insert(id);
        pending.append(sources.value(id));
    }
    return seen;
}

std::expected<Flow, QString> flowUpTo(const Flow& flow, const QString& nodeId)
{
    if (!flow.nodeById(nodeId))
        return std::unexpected(QStringLiteral("no node with id \"%1\" in the flow").arg(nodeId));
    QSet<QString> keep = upstreamOf(flow, nodeId);
    keep.insert(nodeId);
    Flow out = flow;
    std::erase_if(out.nodes, [&](const FlowNode& n) { return !keep.contains(n.id); });
    std::erase_if(
        out.connections, [&](const Connection& c) { return !keep.contains(c.fromNode) || !keep.contains(c.toNode); });
    for (const QString& id : out.pinData.keys()) {
        if (!keep.contains(id))
            out.pinData.remove(id);
    }
    return out;
}

std::expected<Flow, QString> flowForRerun(const Flow& flow, const QString& nodeId,
    const QHash<QString, NodeOutput>& lastOutputs, const NodeRegistry& registry)
{
    const FlowNode* target = flow.nodeById(nodeId);
    if (!target)
        return std::unexpected(QStringLiteral("no node with id \"%1\" in the flow").arg(nodeId));
    const QSet<QString> upstream = upstreamOf(flow, nodeId);

    // Which output of each direct source feeds the target.
    QHash<QString, QString> feedingPort;
    for (const Connection& c : flow.connections) {
        if (c.toNode != nodeId || !upstream.contains(c.fromNode))
            continue;
        const QString previous = feedingPort.value(c.fromNode);
        if (!previous.isEmpty() && previous != c.fromPort)
            return std::unexpected(QStringLiteral("node \"%1\" feeds \"%2\" through two outputs (\"%3\" and \"%4\"): "
                                                  "re-running it alone cannot replay both; run up to it instead")
                                       .arg(flow.nodeById(c.fromNode)->name, target->name, previous, c.fromPort));
        feedingPort.insert(c.fromNode, c.fromPort);
    }

    Flow out = flow;
    out.nodes.clear();
    out.connections.clear();
    out.pinData = Object();
    for (const FlowNode& n : flow.nodes) {
        if (n.id == nodeId) {
            out.nodes.push_back(n);
            continue;
        }
        if (!upstream.contains(n.id))
            continue;
        const auto last = lastOutputs.constFind(n.id);
        if (last == lastOutputs.constEnd())
            return std::unexpected(QStringLiteral("node \"%1\" has no output from the last run: run the flow (or up to "
                                                  "\"%2\") first")
                                       .arg(n.name, target->name));
        if (!last->complete)
            return std::unexpected(QStringLiteral("the last run kept only part of the output of node \"%1\": run up to "
                                                  "\"%2\" instead")
                                       .arg(n.name, target->name));
        int port = 0;
        if (feedingPort.contains(n.id)) {
            port = outputIndex(n, feedingPort.value(n.id), registry);
            if (port < 0)
                return std::unexpected(
                    QStringLiteral("node \"%1\" has no output \"%2\"").arg(n.name, feedingPort.value(n.id)));
        }
        FlowNode source;
        source.id = n.id;
        source.name = n.name;
        source.type = triggerType;
        source.position = n.position;
        out.nodes.push_back(std::move(source));
        out.pinData.insert(n.id, itemsJson(port < last->ports.size() ? last->ports.at(port) : ItemList()));
    }
    for (const Connection& c : flow.connections) {
        if (c.toNode == nodeId && upstream.contains(c.fromNode))
            out.connections.push_back({c.fromNode, triggerOutput, c.toNode, c.toPort});
    }
    return out;
}

} // namespace taskloom::app
