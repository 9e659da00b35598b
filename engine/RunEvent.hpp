#pragma once

#include "Item.hpp"

#include <QDateTime>
#include <QList>
#include <QString>

namespace taskloom::engine {

enum class RunStatus { Running, Succeeded, Failed, Cancelled, TimedOut, Interrupted };
enum class NodeStatus { Succeeded, Failed, Skipped };
enum class LogLevel { Debug, Info, Warning, Error };

QString runStatusName(RunStatus s);
std::optional<RunStatus> runStatusFromName(QStringView name);
QString nodeStatusName(NodeStatus s);
QString logLevelName(LogLevel l);

/// One thing that happened in a run, as observers (CLI printer, run store, studio) receive it. Strings in
/// events have secret values already redacted.
struct RunEvent {
    enum class Type { RunStarted, RunFinished, NodeStarted, NodeFinished, NodeRetry, Log, Progress };

    Type type = Type::Log;
    QString runId;
    QString flowId;
    QString flowName;
    QDateTime time;            ///< UTC
    QString nodeId;            ///< RunFinished: the node that failed the run, if one did
    QString nodeName;
    QString nodeType;
    RunStatus runStatus = RunStatus::Running;   ///< RunFinished
    NodeStatus nodeStatus = NodeStatus::Succeeded; ///< NodeFinished
    qint64 itemsIn = 0;
    qint64 itemsOut = 0;
    qint64 durationMs = 0;
    int attempt = 0;           ///< NodeRetry: the attempt about to start; NodeFinished: attempts made
    LogLevel level = LogLevel::Info;
    QString message;           ///< log line, error message, progress text
    Object data;               ///< Log: structured details kept beside the line (an LLM call's model, tokens, latency)
    QString errorCode;
    double progress = -1;      ///< 0..1 for Progress
    /// NodeFinished: the first items of each output port, for the run store ("store item data" = full).
    QList<ItemList> outputSample;

    static QString typeName(Type t);
    /// The event as one JSON object (for --json-events); binaries as metadata.
    Object toJson() const;
};

/// Receives run events. Calls are serialised by the executor (one event at a time, in order), but may come
/// from any thread: an observer that touches a GUI queues the event onto its own thread.
class RunObserver {
public:
    virtual ~RunObserver() = default;
    virtual void onEvent(const RunEvent& event) = 0;
};

} // namespace taskloom::engine
