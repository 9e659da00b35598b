#pragma once

#include "engine/Flow.hpp"
#include "engine/Item.hpp"

#include <QHash>

#include <expected>

namespace taskloom::engine {
class ExpressionEngine;
class NodeRegistry;
} // namespace taskloom::engine

namespace taskloom::studio {

/// What a node saw in the run shown in the run panel: its main input, and every node's first-port output by
/// name (for `node["Name"]` in expressions).
struct PreviewData {
    bool hasRun = false;
    bool expectsInput = false; ///< the node has input ports (a trigger has none)
    engine::ItemList input;
    QHash<QString, engine::ItemList> outputsByName;
    // The node itself in the shown run (the Lua editor's error marker and output pane).
    bool nodeRan = false;
    QString nodeError;
    QStringList nodeLog;
    qint64 nodeItemsOut = 0;
};

/// Evaluates parameter `param` of `node` the way a run does (the engine's ParamResolver with the node's own
/// evaluator), for the first item of `data.input`, with the flow's variables. The error is the run's error text.
std::expected<engine::Value, QString> previewParam(const engine::NodeRegistry& registry,
    const engine::ExpressionEngine* expressions, const engine::FlowNode& node, const QString& param,
    const engine::Object& variables, const PreviewData& data);

/// Whether parameter `param` of `node` holds a {{ }} expression that a run would evaluate.
bool paramHasExpression(const engine::NodeRegistry& registry, const engine::FlowNode& node, const QString& param);

/// A value as the preview line shows it: text as is, everything else as compact JSON, cut at `maxChars`.
QString previewText(const engine::Value& value, int maxChars = 300);

} // namespace taskloom::studio
