// The daemon's flows: scanning the flows folder, reading each flow's triggers and settings, and starting and
// stopping their watchers.

#include "Daemon.hpp"

#include "FileWatcher.hpp"

#include "app/runtime/Runtime.hpp"
#include "engine/Json.hpp"
#include "nodes/core/FileWatchTriggerNode.hpp"
#include "nodes/core/ScheduleTriggerNode.hpp"
#include "nodes/core/WebhookTriggerNode.hpp"

#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QTimer>

namespace taskloom::daemon {

using namespace engine;
using nodes::core::FileWatchTriggerNode;
using nodes::core::ScheduleTriggerNode;
using nodes::core::WebhookTriggerNode;

namespace {

// {"path": [size, modified ms since the epoch], ...}
QByteArray snapshotToJson(const FileWatcher::Snapshot& s)
{
    Object o;
    for (auto it = s.cbegin(); it != s.cend(); ++it)
        o.insert(it.key(), Array{it->size, it->modified.toMSecsSinceEpoch()});
    return Json::serialize(Value(o));
}

FileWatcher::Snapshot snapshotFromJson(const QByteArray& json)
{
    FileWatcher::Snapshot s;
    const auto v = Json::parse(json);
    if (!v || !v->isObject())
        return s;
    for (const auto& [path, entry] : v->objectRef()) {
        const Array a = entry.toArray();
        if (a.size() == 2)
            s.insert(path, {qint64(a.at(0).toInt()), QDateTime::fromMSecsSinceEpoch(a.at(1).toInt())});
    }
    return s;
}

} // namespace

bool Daemon::isTriggerType(const QString& type)
{
    return type == QLatin1StringView(ScheduleTriggerNode::typeName) || type == QLatin1StringView(FileWatchTriggerNode::typeName)
           || type == QLatin1StringView(WebhookTriggerNode::typeName);
}

void Daemon::reloadFlows()
{
    const QFileInfoList files = QDir(m_options.flowsDir).entryInfoList({QStringLiteral("*.flow.json")}, QDir::Files, QDir::Name);
    QSet<QString> present;
    QHash<QString, DaemonFlow> fresh;
    for (const QFileInfo& f : files) {
        const QString path = f.absoluteFilePath();
        present.insert(path);
        const QString id = m_flowIdByPath.value(path);
        auto old = m_flows.find(id);
        const bool unchanged = old != m_flows.end() && old->fileSize == f.size()
                               && old->fileModifiedMs == f.lastModified().toMSecsSinceEpoch();
        if (unchanged) {
            // Still re-read the enable override: `taskloom schedule enable|disable` writes it.
            auto o = m_state->enabledOverride(old->id);
            const bool enabled = o && o->has_value() ? **o : old->policy.enabled;
            if (enabled != old->enabled) {
                deactivate(*old);
                old->enabled = enabled;
                activate(*old);
                logLine(QStringLiteral("%1: %2").arg(old->name, enabled ? QStringLiteral("enabled") : QStringLiteral("disabled")));
            }
            continue;
        }
        DaemonFlow loaded;
        loadFlow(path, loaded);
        if (old != m_flows.end()) {
            loaded.active = old->active;
            deactivate(*old);
            m_flows.erase(old);
            m_flowIdByPath.remove(path);
            logLine(QStringLiteral("%1: reloaded %2").arg(loaded.name, path));
        }
        if (loaded.triggers.isEmpty() && loaded.problem.isEmpty())
            continue; // nothing here for the daemon (a flow with only a manual trigger)
        if (m_flows.contains(loaded.id)) {
            logLine(QStringLiteral("error: %1: the flow id %2 is also used by %3; this file is ignored")
                        .arg(path, loaded.id, m_flows.value(loaded.id).path));
            continue;
        }
        fresh.insert(loaded.id, loaded);
    }
    // Files that are gone: their flows stop (runs going now finish).
    for (auto it = m_flows.begin(); it != m_flows.end();) {
        if (present.contains(it->path)) {
            ++it;
            continue;
        }
        logLine(QStringLiteral("%1: removed (%2 is gone)").arg(it->name, it->path));
        deactivate(*it);
        m_flowIdByPath.remove(it->path);
        it = m_flows.erase(it);
    }
    for (auto it = fresh.begin(); it != fresh.end(); ++it) {
        DaemonFlow& f = m_flows[it.key()] = *it;
        m_flowIdByPath.insert(f.path, f.id);
        activate(f);
        if (m_flowsWatcher && !m_flowsWatcher->files().contains(f.path))
            m_flowsWatcher->addPath(f.path);
    }
    if (m_timer)
        tick();
}

void Daemon::loadFlow(const QString& path, DaemonFlow& out)
{
    const QFileInfo info(path);
    out.path = path;
    out.name = info.fileName();
    out.id = path; // until the file says otherwise
    out.fileSize = info.size();
    out.fileModifiedMs = info.lastModified().toMSecsSinceEpoch();
    const app::LoadedFlow loaded = m_runtime.loadFlow(path);
    if (loaded.flow) {
        out.id = loaded.flow->id.isEmpty() ? path : loaded.flow->id;
        if (!loaded.flow->name.isEmpty())
            out.name = loaded.flow->name;
    }
    for (const Problem& p : loaded.problems) {
        if (p.isError()) {
            out.problem = QStringLiteral("invalid flow: %1").arg(loaded.describe(p));
            logLine(QStringLiteral("error: %1: %2").arg(path, out.problem));
            return;
        }
    }
    if (!loaded.flow)
        return;
    const Flow& flow = *loaded.flow;
    auto policy = FlowPolicy::parse(flow.settings.extra.value(u"daemon"));
    if (!policy) {
        out.problem = policy.error();
        logLine(QStringLiteral("error: %1: %2").arg(path, out.problem));
        return;
    }
    out.policy = *policy;
    const NodeRegistry& registry = m_runtime.registry();
    for (const FlowNode& n : flow.nodes) {
        const NodeType* type = registry.find(n.type);
        if (!type)
            continue;
        const NodeSpec& spec = type->spec();
        if (spec.affinity == Affinity::Desktop || spec.requirements.contains(QStringLiteral("display")))
            out.desktop = true;
        if (n.settings.disabled || !isTriggerType(n.type))
            continue;
        DaemonTrigger t;
        t.nodeId = n.id;
        t.nodeName = n.name;
        t.type = n.type;
        QString problem;
        if (n.type == QLatin1StringView(ScheduleTriggerNode::typeName)) {
            auto s = static_cast<const ScheduleTriggerNode*>(type)->schedule(n.params);
            if (s)
                t.schedule = *s;
            else
                problem = s.error();
        } else if (n.type == QLatin1StringView(WebhookTriggerNode::typeName)) {
            auto s = static_cast<const WebhookTriggerNode*>(type)->settings(n.params);
            if (s) {
                t.webhookPath = s->path;
                t.webhook = *s;
            }
            else
                problem = s.error();
        } else {
            auto s = static_cast<const FileWatchTriggerNode*>(type)->settings(n.params, info.absolutePath());
            if (s)
                t.fileWatch = *s;
            else
                problem = s.error();
        }
        if (!problem.isEmpty()) {
            out.problem = QStringLiteral("node \"%1\": %2").arg(n.name, problem);
            logLine(QStringLiteral("error: %1: %2").arg(path, out.problem));
            return;
        }
        out.triggers.append(t);
    }
    auto o = m_state->enabledOverride(out.id);
    out.enabled = o && o->has_value() ? **o : out.policy.enabled;
    if (out.desktop && out.enabled && !m_desktop) {
        out.problem = QStringLiteral("a desktop flow cannot be enabled here: %1").arg(m_desktop.error());
        logLine(QStringLiteral("error: %1: %2").arg(path, out.problem));
    }
}

void Daemon::activate(DaemonFlow& flow)
{
    if (!flow.problem.isEmpty())
        return;
    const qint64 now = m_clock.nowMs();
    for (DaemonTrigger& t : flow.triggers) {
        if (t.schedule) {
            auto last = m_state->lastDue(flow.id, t.nodeId);
            qint64 from = now;
            if (last && last->has_value()) {
                from = **last;
            } else if (!m_options.inspectOnly) {
                // A new schedule starts from now: nothing before it was "missed".
                if (auto r = m_state->recordFires(flow.id, t.nodeId, now, {}); !r)
                    logLine(QStringLiteral("error: %1: %2").arg(flow.name, r.error()));
            }
            const auto n = t.schedule->next(from / 1000);
            t.nextDueMs = n ? *n * 1000 : -1;
        }
        if (!flow.enabled || m_options.inspectOnly)
            continue;
        if (!t.webhookPath.isEmpty()) {
            const auto existing = m_webhooks.value(t.webhookPath);
            if (!existing.first.isEmpty() && existing.first != flow.id) {
                flow.problem = QStringLiteral("node \"%1\": the webhook path \"%2\" is already used by %3")
                                   .arg(t.nodeName, t.webhookPath, m_flows.value(existing.first).path);
                logLine(QStringLiteral("error: %1: %2").arg(flow.path, flow.problem));
                deactivate(flow);
                return;
            }
            m_webhooks.insert(t.webhookPath, {flow.id, t.nodeId});
        }
        if (t.fileWatch) {
            const QString flowId = flow.id;
            const QString nodeId = t.nodeId;
            const FileWatchTriggerNode::Settings settings = *t.fileWatch;
            auto* w = new FileWatcher(settings.folder, settings.patterns, settings.debounceMs,
                                      [this, flowId, nodeId, settings](const FileWatcher::Event& e) {
                                          if ((e.kind == u"new" && settings.onNew) || (e.kind == u"changed" && settings.onChanged)
                                              || (e.kind == u"deleted" && settings.onDeleted))
                                              fileEvent(flowId, nodeId, e.kind, e.path, e.size, e.modified);
                                      },
                                      this);
            // Files that came, changed or went while the daemon was down are news too, unless catch-up is off.
            if (flow.policy.catchUp != FlowPolicy::CatchUp::Skip) {
                if (auto saved = m_state->fileWatchState(flowId, nodeId); saved && *saved)
                    w->setBaseline(snapshotFromJson(**saved));
                else if (!saved)
                    logLine(QStringLiteral("error: %1: file-watch state not read: %2").arg(flow.path, saved.error()));
            }
            w->setSnapshotCallback([this, flowId, nodeId, path = flow.path](const FileWatcher::Snapshot& s) {
                if (auto r = m_state->saveFileWatchState(flowId, nodeId, snapshotToJson(s)); !r)
                    logLine(QStringLiteral("error: %1: file-watch state not saved: %2").arg(path, r.error()));
            });
            QString error;
            if (!w->start(&error)) {
                delete w;
                flow.problem = QStringLiteral("node \"%1\": %2").arg(t.nodeName, error);
                logLine(QStringLiteral("error: %1: %2").arg(flow.path, flow.problem));
                deactivate(flow);
                return;
            }
            t.watcher = w;
        }
    }
}

void Daemon::deactivate(DaemonFlow& flow)
{
    for (DaemonTrigger& t : flow.triggers) {
        if (t.watcher)
            delete t.watcher.data();
        t.watcher = nullptr;
        if (!t.webhookPath.isEmpty() && m_webhooks.value(t.webhookPath).first == flow.id)
            m_webhooks.remove(t.webhookPath);
    }
}

void Daemon::fileEvent(const QString& flowId, const QString& nodeId, const QString& kind, const QString& path,
                       qint64 size, const QDateTime& modified)
{
    Object data{{QStringLiteral("event"), kind},
                {QStringLiteral("path"), path},
                {QStringLiteral("name"), QFileInfo(path).fileName()},
                {QStringLiteral("size"), size}};
    if (modified.isValid())
        data.insert(QStringLiteral("modifiedAt"), modified.toUTC().toString(Qt::ISODateWithMs));
    auto r = runNow(flowId, QStringLiteral("file"), data, nodeId);
    const DaemonFlow* f = flow(flowId);
    if (!r)
        logLine(QStringLiteral("%1: file %2 %3 not run: %4").arg(f ? f->name : flowId, path, kind, r.error()));
}

} // namespace taskloom::daemon
