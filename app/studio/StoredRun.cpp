#include "StoredRun.hpp"

#include <algorithm>

namespace taskloom::studio {

using namespace engine;

namespace {

QDateTime timeOf(const Value& v)
{
    return v.isString() ? QDateTime::fromString(v.stringRef(), Qt::ISODateWithMs) : QDateTime();
}

LogLevel levelFromName(const QString& name)
{
    for (LogLevel l : {LogLevel::Debug, LogLevel::Info, LogLevel::Warning, LogLevel::Error}) {
        if (logLevelName(l) == name)
            return l;
    }
    return LogLevel::Info;
}

NodeStatus nodeStatusFromName(const QString& name)
{
    for (NodeStatus s : {NodeStatus::Succeeded, NodeStatus::Failed, NodeStatus::Skipped}) {
        if (nodeStatusName(s) == name)
            return s;
    }
    return NodeStatus::Skipped;
}

/// The stored sample of each output port; ports without items were not stored and stay empty.
QList<ItemList> outputsOf(const Object& node)
{
    QList<ItemList> ports;
    for (const Value& out : node.value(u"outputs").arrayRef()) {
        const Object& o = out.objectRef();
        const qint64 port = o.value(u"port").toInt(-1);
        if (port < 0 || port > 1000)
            continue;
        while (ports.size() <= port)
            ports.append(ItemList());
        ItemList items;
        if (o.value(u"items").isArray()) {
            for (const Value& item : o.value(u"items").arrayRef()) {
                if (item.isObject())
                    items.append(Item(item.toObject()));
            }
        }
        ports[port] = items;
    }
    return ports;
}

} // namespace

QList<RunEvent> eventsFromRunDetail(const Object& detail)
{
    RunEvent base;
    base.runId = detail.value(u"id").toString();
    base.flowId = detail.value(u"flowId").toString();
    base.flowName = detail.value(u"flowName").toString();

    QList<RunEvent> events;
    RunEvent started = base;
    started.type = RunEvent::Type::RunStarted;
    started.time = timeOf(detail.value(u"startedAt"));
    events.append(started);

    QList<RunEvent> middle;
    for (const Value& v : detail.value(u"nodes").arrayRef()) {
        const Object& n = v.objectRef();
        RunEvent e = base;
        e.nodeId = n.value(u"nodeId").toString();
        e.nodeName = n.value(u"node").toString();
        e.nodeType = n.value(u"type").toString();
        e.type = RunEvent::Type::NodeStarted;
        e.time = timeOf(n.value(u"startedAt"));
        middle.append(e);
        const QString status = n.value(u"status").toString();
        if (status == u"running")
            continue; // still going (or interrupted mid-node): it started, nothing more is known
        e.type = RunEvent::Type::NodeFinished;
        e.time = timeOf(n.value(u"finishedAt"));
        e.nodeStatus = nodeStatusFromName(status);
        e.itemsIn = n.value(u"itemsIn").toInt();
        e.itemsOut = n.value(u"itemsOut").toInt();
        e.durationMs = n.value(u"durationMs").toInt();
        e.attempt = int(n.value(u"attempts").toInt());
        e.errorCode = n.value(u"errorCode").toString();
        e.message = n.value(u"errorMessage").toString();
        e.outputSample = outputsOf(n);
        middle.append(e);
    }
    for (const Value& v : detail.value(u"logs").arrayRef()) {
        const Object& l = v.objectRef();
        RunEvent e = base;
        e.type = RunEvent::Type::Log;
        e.time = timeOf(l.value(u"time"));
        e.level = levelFromName(l.value(u"level").toString());
        e.nodeId = l.value(u"nodeId").toString();
        e.nodeName = l.value(u"node").toString();
        e.message = l.value(u"message").toString();
        middle.append(e);
    }
    // Stable: a node's start stays before its logs and its finish when their times are equal.
    const auto key = [](const RunEvent& e) { return e.time.isValid() ? e.time.toMSecsSinceEpoch() : 0; };
    std::stable_sort(
        middle.begin(), middle.end(), [&](const RunEvent& a, const RunEvent& b) { return key(a) < key(b); });
    events.append(middle);

    const auto status = runStatusFromName(detail.value(u"status").toString());
    if (status && *status != RunStatus::Running) {
        RunEvent finished = base;
        finished.type = RunEvent::Type::RunFinished;
        finished.runStatus = *status;
        finished.time = timeOf(detail.value(u"finishedAt"));
        finished.durationMs = detail.value(u"durationMs").toInt();
        const Object& error = detail.value(u"error").objectRef();
        finished.message = error.value(u"message").toString();
        finished.errorCode = error.value(u"code").toString();
        finished.nodeId = error.value(u"nodeId").toString();
        finished.nodeName = error.value(u"node").toString();
        events.append(finished);
    }
    return events;
}

} // namespace taskloom::studio
