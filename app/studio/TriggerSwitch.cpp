#include "TriggerSwitch.hpp"

#include "FlowDocument.hpp"

#include "app/daemon/ScheduleControl.hpp"
#include "app/runtime/Runtime.hpp"
#include "engine/Schedule.hpp"

#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QTimeZone>

namespace taskloom::studio {

TriggerSwitch::TriggerSwitch(app::Runtime& runtime, FlowDocument& document, QObject* parent)
    : QObject(parent), m_runtime(runtime), m_doc(document), m_action(new QAction(tr("Triggers &active"), this))
{
    m_action->setObjectName(QStringLiteral("triggersActive"));
    m_action->setCheckable(true);
    m_action->setToolTip(tr("Let the scheduler (taskloom daemon) fire this flow's schedule, webhook and file-watch "
                            "triggers"));
    connect(m_action, &QAction::triggered, this, [this](bool on) {
        auto r = setActive(on);
        if (r)
            Q_EMIT message(*r);
        else
            Q_EMIT failed(r.error());
    });
    connect(&m_doc, &FlowDocument::pathChanged, this, &TriggerSwitch::refresh);
    connect(&m_doc, &FlowDocument::flowReset, this, &TriggerSwitch::refresh);
    connect(&m_doc, &FlowDocument::dirtyChanged, this, [this](bool dirty) {
        if (!dirty) // saved: the daemon sees the new file
            refresh();
    });
    for (auto signal : {&FlowDocument::nodeAdded, &FlowDocument::nodeRemoved, &FlowDocument::nodeChanged})
        connect(&m_doc, signal, this, &TriggerSwitch::updateEnabled);
    refresh();
}

bool TriggerSwitch::hasTriggers() const
{
    for (const engine::FlowNode& n : m_doc.flow().nodes) {
        if (!n.settings.disabled && daemon::Daemon::isTriggerType(n.type))
            return true;
    }
    return false;
}

void TriggerSwitch::updateEnabled()
{
    m_action->setEnabled(hasTriggers());
}

void TriggerSwitch::refresh()
{
    updateEnabled();
    bool active = false;
    // The daemon's view: the file in its folder, its setting and the enable override in the run store. Reading it
    // loads the folder's flows, so only for a file that is there.
    if (m_action->isEnabled()
        && daemon::ScheduleControl::inFolder(daemon::Daemon::defaultFlowsDir(m_runtime.dataDir()), m_doc.path())) {
        if (auto control = daemon::ScheduleControl::open(m_runtime)) {
            const daemon::DaemonFlow* f = (*control)->flow(m_doc.path());
            active = f && f->enabled && f->problem.isEmpty();
        }
    }
    const QSignalBlocker block(m_action);
    m_action->setChecked(active);
}

QString TriggerSwitch::savePathInFlowsFolder(const QString& flowsDir) const
{
    // The file's own name, or one made from the flow's name; never over another flow.
    QString base = QFileInfo(m_doc.path()).fileName();
    if (base.isEmpty()) {
        base = m_doc.flow().name.trimmed();
        base.replace(QRegularExpression(QStringLiteral(R"([^\w\-. ]+)")), QStringLiteral("-"));
        if (base.isEmpty())
            base = QStringLiteral("flow");
        base += QStringLiteral(".flow.json");
    }
    if (!base.endsWith(QStringLiteral(".flow.json")))
        base = QFileInfo(base).completeBaseName().section(u'.', 0, 0) + QStringLiteral(".flow.json");
    const QDir dir(flowsDir);
    const QString stem = base.chopped(int(qstrlen(".flow.json")));
    QString candidate = dir.filePath(base);
    for (int n = 2; QFileInfo::exists(candidate); ++n)
        candidate = dir.filePath(QStringLiteral("%1-%2.flow.json").arg(stem).arg(n));
    return candidate;
}

std::expected<QString, QString> TriggerSwitch::setActive(bool active)
{
    const auto done = [this](std::expected<QString, QString> r) {
        refresh();
        return r;
    };
    if (!hasTriggers())
        return done(std::unexpected(tr("This flow has no schedule, webhook or file-watch trigger for the scheduler to fire.")));
    auto control = daemon::ScheduleControl::open(m_runtime);
    if (!control)
        return done(std::unexpected(control.error()));
    daemon::ScheduleControl& c = **control;
    QString note;
    if (!c.inFlowsFolder(m_doc.path())) {
        if (!active) // the daemon does not see this file: its triggers are off already
            return done(tr("The scheduler does not run this file; its triggers are inactive."));
        const QString target = savePathInFlowsFolder(c.flowsDir());
        const QString question = tr("The scheduler runs the flows saved in %1.\nSave this flow there as %2 and activate its triggers?")
                                     .arg(QDir::toNativeSeparators(c.flowsDir()), QFileInfo(target).fileName());
        if (!m_confirm || !m_confirm(question))
            return done(std::unexpected(tr("Not activated: the flow was not saved in the scheduler's flows folder.")));
        if (!QDir().mkpath(c.flowsDir()))
            return done(std::unexpected(tr("Cannot create the flows folder %1").arg(c.flowsDir())));
        if (auto r = m_doc.saveAs(target); !r)
            return done(std::unexpected(r.error()));
        note = tr(" (saved as %1)").arg(QDir::toNativeSeparators(target));
    } else if (m_doc.isDirty()) {
        // The daemon runs what is on disk.
        if (auto r = m_doc.save(); !r)
            return done(std::unexpected(r.error()));
        note = tr(" (saved)");
    }
    c.reload();
    const daemon::DaemonFlow* flow = c.flow(m_doc.path());
    if (!flow)
        return done(std::unexpected(tr("The scheduler does not load %1.").arg(m_doc.path())));
    if (active && !flow->problem.isEmpty())
        return done(std::unexpected(flow->problem));
    auto switched = c.setEnabled(flow->id, active);
    if (!switched)
        return done(std::unexpected(switched.error()));
    QString text = active ? tr("Triggers active%1").arg(note) : tr("Triggers inactive%1").arg(note);
    if (active) {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        std::optional<std::pair<qint64, QTimeZone>> first;
        for (const daemon::DaemonTrigger& t : flow->triggers) {
            if (!t.schedule)
                continue;
            if (auto next = t.schedule->next(now); next && (!first || *next < first->first))
                first = std::pair{*next, t.schedule->zone()};
        }
        if (first)
            text += tr("; next run %1").arg(engine::Schedule::isoInZone(first->first, first->second));
    }
    if (!switched->daemonNotified)
        text += tr(". No scheduler is running: start it with `taskloom daemon`.");
    return done(text);
}

} // namespace taskloom::studio
