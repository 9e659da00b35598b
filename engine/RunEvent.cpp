#include "RunEvent.hpp"

namespace taskloom::engine {

QString runStatusName(RunStatus s)
{
    switch (s) {
    case RunStatus::Running: return QStringLiteral("running");
    case RunStatus::Succeeded: return QStringLiteral("succeeded");
    case RunStatus::Failed: return QStringLiteral("failed");
    case RunStatus::Cancelled: return QStringLiteral("cancelled");
    case RunStatus::TimedOut: return QStringLiteral("timed-out");
    case RunStatus::Interrupted: return QStringLiteral("interrupted");
    }
    return {};
}

std::optional<RunStatus> runStatusFromName(QStringView name)
{
    for (RunStatus s : {RunStatus::Running, RunStatus::Succeeded, RunStatus::Failed, RunStatus::Cancelled,
                        RunStatus::TimedOut, RunStatus::Interrupted}) {
        if (runStatusName(s) == name)
            return s;
    }
    return std::nullopt;
}

QString nodeStatusName(NodeStatus s)
{
    switch (s) {
    case NodeStatus::Succeeded: return QStringLiteral("succeeded");
    case NodeStatus::Failed: return QStringLiteral("failed");
    case NodeStatus::Skipped: return QStringLiteral("skipped");
    }
    return {};
}

QString logLevelName(LogLevel l)
{
    switch (l) {
    case LogLevel::Debug: return QStringLiteral("debug");
    case LogLevel::Info: return QStringLiteral("info");
    case LogLevel::Warning: return QStringLiteral("warning");
    case LogLevel::Error: return QStringLiteral("error");
    }
    return {};
}

QString RunEvent::typeName(Type t)
{
    switch (t) {
    case Type::RunStarted: return QStringLiteral("runStarted");
    case Type::RunFinished: return QStringLiteral("runFinished");
    case Type::NodeStarted: return QStringLiteral("nodeStarted");
    case Type::NodeFinished: return QStringLiteral("nodeFinished");
    case Type::NodeRetry: return QStringLiteral("nodeRetry");
    case Type::Log: return QStringLiteral("log");
    case Type::Progress: return QStringLiteral("progress");
    }
    return {};
}

Object RunEvent::toJson() const
{
    Object o{{QStringLiteral("event"), typeName(type)},
             {QStringLiteral("time"), time.toString(Qt::ISODateWithMs)},
             {QStringLiteral("runId"), runId}};
    if (type == Type::RunStarted || type == Type::RunFinished) {
        o.insert(QStringLiteral("flowId"), flowId);
        o.insert(QStringLiteral("flowName"), flowName);
    }
    if (!nodeId.isEmpty()) {
        o.insert(QStringLiteral("nodeId"), nodeId);
        o.insert(QStringLiteral("node"), nodeName);
        o.insert(QStringLiteral("nodeType"), nodeType);
    }
    switch (type) {
    case Type::RunFinished:
        o.insert(QStringLiteral("status"), runStatusName(runStatus));
        o.insert(QStringLiteral("durationMs"), durationMs);
        break;
    case Type::NodeFinished:
        o.insert(QStringLiteral("status"), nodeStatusName(nodeStatus));
        o.insert(QStringLiteral("itemsIn"), itemsIn);
        o.insert(QStringLiteral("itemsOut"), itemsOut);
        o.insert(QStringLiteral("durationMs"), durationMs);
        break;
    case Type::NodeRetry: o.insert(QStringLiteral("attempt"), attempt); break;
    case Type::Log: o.insert(QStringLiteral("level"), logLevelName(level)); break;
    case Type::Progress: o.insert(QStringLiteral("progress"), progress); break;
    default: break;
    }
    if (!message.isEmpty())
        o.insert(QStringLiteral("message"), message);
    if (!errorCode.isEmpty())
        o.insert(QStringLiteral("errorCode"), errorCode);
    if (!data.isEmpty())
        o.insert(QStringLiteral("data"), data);
    return o;
}

} // namespace taskloom::engine
