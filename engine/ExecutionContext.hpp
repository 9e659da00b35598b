#pragma once

#include "Binary.hpp"
#include "CancellationToken.hpp"
#include "Credential.hpp"
#include "Flow.hpp"
#include "NodeError.hpp"
#include "NodeIO.hpp"
#include "Param.hpp"
#include "RunEvent.hpp"

#include <expected>

namespace taskloom::engine {

/// Converts a resolved parameter value to the handle's type, or throws NodeError::param naming the value.
template <typename T>
T convertParam(const QString& name, const Value& v);
template <> QString convertParam<QString>(const QString& name, const Value& v);
template <> double convertParam<double>(const QString& name, const Value& v);
template <> qint64 convertParam<qint64>(const QString& name, const Value& v);
template <> bool convertParam<bool>(const QString& name, const Value& v);
template <> Value convertParam<Value>(const QString& name, const Value& v);
template <> Array convertParam<Array>(const QString& name, const Value& v);
template <> Object convertParam<Object>(const QString& name, const Value& v);

/// What a node sees while it runs: its resolved parameters, credentials, cancellation, logging and progress,
/// and the run around it. The executor implements it; one context serves one node call at a time.
class ExecutionContext {
public:
    virtual ~ExecutionContext() = default;

    virtual const FlowNode& node() const = 0;
    virtual const QString& runId() const = 0;

    /// A parameter's value with {{ }} expressions evaluated for `item` (or without an item), the node's
    /// default when unset. Throws NodeError naming the parameter when evaluation or conversion fails.
    template <typename T>
    T param(const Param<T>& p) const
    {
        return convertParam<T>(p.name(), paramValue(p.name(), nullptr, -1));
    }
    template <typename T>
    T param(const Param<T>& p, const Item& item, qsizetype index) const
    {
        return convertParam<T>(p.name(), paramValue(p.name(), &item, index));
    }
    virtual Value paramValue(const QString& name, const Item* item, qsizetype index) const = 0;
    /// A parameter as configured (default filled in), expressions left unevaluated: for list parameters whose
    /// rows mix names (read once) and values (evaluated per item with evaluateText).
    virtual Value rawParamValue(const QString& name) const = 0;
    /// Whether a parameter holds expressions (its value may differ per item).
    virtual bool isDynamic(const QString& name) const = 0;
    /// Evaluates template text found inside a parameter (a Set field's value in a list row); errors name
    /// `paramName`.
    virtual Value evaluateText(const QString& paramName, const QString& text, const Item* item, qsizetype index) const = 0;

    /// Looks a credential up by name; its secret values are redacted from everything the run records.
    virtual Credential credential(const QString& name) const = 0;
    /// Writes a credential the node changed (a refreshed OAuth2 token) back to the store; its new secret values
    /// are redacted like the old ones. Throws NodeError when there is no store or the write fails.
    virtual void updateCredential(const Credential& credential) const = 0;

    /// Items handed to the run (`taskloom run --input`, a sub-flow call); trigger nodes emit them.
    virtual const ItemList& runInput() const = 0;
    /// The event that started the run (`--trigger FILE`), empty for manual runs.
    virtual const Object& triggerData() const = 0;
    virtual const Object& variables() const = 0;
    /// The environment variables the user allowed flows to read (user settings, never the flow file).
    virtual const Object& environment() const = 0;

    virtual const CancellationToken& cancellation() const = 0;
    bool isCancelled() const { return cancellation().isCancelled(); }
    void checkCancelled() const
    {
        if (isCancelled())
            throw Cancelled();
    }

    virtual void log(LogLevel level, const QString& message) = 0;
    /// A log line with structured details the run store keeps beside it (`runs show` prints them under "data").
    virtual void logRecord(LogLevel level, const QString& message, const Object& data) { (void)data; log(level, message); }
    /// fraction in [0, 1], or negative when unknown.
    virtual void progress(double fraction, const QString& message = {}) = 0;

    /// A path from a parameter, resolved against the flow file's folder when relative.
    virtual QString resolvePath(const QString& path) const = 0;
    /// A binary for an output item, spilled to the run's temporary folder when large.
    virtual BinaryRef makeBinary(QByteArray data, const QString& mimeType, const QString& fileName) = 0;
    /// How many items a lazy source should emit per call.
    virtual qsizetype batchSize() const = 0;
    /// 1 for the first attempt, 2 for the first retry, ...
    virtual int attempt() const = 0;

    /// Handles the failure of one item according to the node's on-error setting: rethrows for "stop", or
    /// passes the item on with an "error" field (main output for "continue", "error" output for "route").
    virtual void failItem(const Item& item, const NodeError& error, Outputs& out) = 0;

    /// Loop node: runs the loop body once with `batch` as the loop output; returns what reaches the return input.
    virtual std::expected<ItemList, QString> runLoopBody(const ItemList& batch) = 0;
    /// Sub-flow call: runs another flow file with `input` as its run input; returns its result items.
    virtual std::expected<ItemList, QString> runSubflow(const QString& path, const ItemList& input) = 0;
};

} // namespace taskloom::engine
