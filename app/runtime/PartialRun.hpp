#pragma once

#include "engine/Flow.hpp"
#include "engine/Item.hpp"

#include <QHash>
#include <QSet>

#include <expected>

namespace taskloom::engine {
class NodeRegistry;
}

namespace taskloom::app {

/// The ids of the nodes `nodeId` depends on through connections (transitively), without `nodeId` itself.
QSet<QString> upstreamOf(const engine::Flow& flow, const QString& nodeId);

/// "Run up to this node": a copy of `flow` holding only `nodeId` and what it depends on, with their connections
/// and pinned data. Nodes after it, and branches it does not need, are left out, so they do not run.
std::expected<engine::Flow, QString> flowUpTo(const engine::Flow& flow, const QString& nodeId);

/// What a node produced in an earlier run: the items of each output port, and whether they are all of them
/// (runs keep a bounded sample per port).
struct NodeOutput {
    QList<engine::ItemList> ports;
    bool complete = true;
};

/// "Re-run this node on its last inputs": a flow in which only `nodeId` executes. Every node it depends on is
/// replaced by a manual trigger with the same id and name, pinned to what that node produced in the earlier run
/// (`lastOutputs`), so expressions that name those nodes see the same items. A node connected to `nodeId`
/// through one of its outputs feeds it the items of that output. `nodeId` runs with its current parameters
/// and without its own pinned data.
///
/// Errors (one line, naming the node): an upstream node without a recorded output (it did not run, or no run
/// happened yet), a recorded output that is incomplete, or an upstream node connected to `nodeId` through two
/// different outputs.
std::expected<engine::Flow, QString> flowForRerun(const engine::Flow& flow, const QString& nodeId,
    const QHash<QString, NodeOutput>& lastOutputs, const engine::NodeRegistry& registry);

} // namespace taskloom::app
