#pragma once

#include "ParamSpec.hpp"
#include "Value.hpp"

#include <QList>
#include <QString>
#include <QStringList>

namespace taskloom::engine {

struct PortSpec {
    QString name;
    QString title;
    QString description;
};

/// An error a node can raise, declared so users can decide per node what happens when it does.
struct ErrorSpec {
    QString code;
    QString description;
    bool retryable = false;
};

/// Where a node's work runs.
enum class Affinity {
    Any,     ///< a thread-pool thread
    Gui,     ///< the main thread (QtWebEngine, dialogs)
    Desktop, ///< exclusive: one mouse and one keyboard, so desktop steps never overlap
};

/// How a node receives its input.
enum class InputMode {
    Collect, ///< once, with every item of every input port
    Stream,  ///< once per batch as batches arrive (single input port), then finish(); keeps memory bounded
};

struct RetryPolicy {
    int maxRetries = 0;        ///< retries after the first attempt
    int backoffMs = 1000;      ///< delay before the first retry
    double backoffFactor = 2;  ///< each further retry waits this much longer
    int maxBackoffMs = 60000;
};

/// A node type's declaration as data. See ARCHITECTURE.md, "One node, declared in one place".
struct NodeSpec {
    QString type;          ///< "core.csvRead": pack, dot, camel-case name
    int version = 1;       ///< bumped when parameters change meaning; NodeType::migrate upgrades old flows
    QString title;
    QString category;      ///< palette group, e.g. "Flow", "Transform", "Files"
    QString description;
    QStringList aliases;   ///< extra words the palette search matches
    QString icon;          ///< a theme icon name
    QList<PortSpec> inputs;
    QList<PortSpec> outputs;
    QList<ParamSpec> params;
    QStringList credentialTypes;
    QList<ErrorSpec> errors;
    Affinity affinity = Affinity::Any;
    QStringList requirements; ///< "display", "browser", "network"
    InputMode inputMode = InputMode::Collect;
    bool trigger = false;   ///< starts a flow; has no inputs
    RetryPolicy defaultRetry;
    /// A loop node names the output that starts its body and the input the body returns to; the executor
    /// allows the cycle through that input and runs the body once per batch (ExecutionContext::runLoopBody).
    QString loopOutput;
    QString loopReturn;

    bool isLoop() const { return !loopOutput.isEmpty() && !loopReturn.isEmpty(); }

    const ParamSpec* param(QStringView name) const;
    Value toValue() const;
};

} // namespace taskloom::engine
