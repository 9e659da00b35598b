#include "RunHistoryPanel.hpp"

#include "app/runtime/Runtime.hpp"
#include "engine/RunStore.hpp"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace taskloom::studio {

using namespace engine;

namespace {

constexpr int runIdRole = Qt::UserRole + 1;

QColor statusColor(RunStatus s)
{
    switch (s) {
    case RunStatus::Succeeded:
        return QColor(0x3F, 0xB9, 0x50);
    case RunStatus::Running:
        return QColor(0x58, 0xA6, 0xFF);
    case RunStatus::Failed:
    case RunStatus::TimedOut:
        return QColor(0xF8, 0x51, 0x49);
    case RunStatus::Cancelled:
    case RunStatus::Interrupted:
        return QColor(0xE6, 0x9F, 0x1E);
    }
    return {};
}

QString duration(qint64 ms)
{
    if (ms < 0)
        return QString();
    if (ms < 10000)
        return RunHistoryPanel::tr("%1 ms").arg(ms);
    return RunHistoryPanel::tr("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
}

} // namespace

RunHistoryPanel::RunHistoryPanel(app::Runtime& runtime, QWidget* parent)
    : QWidget(parent)
    , m_runtime(runtime)
    , m_status(new QLabel(this))
    , m_open(new QPushButton(tr("Open run"), this))
    , m_list(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("runHistory"));
    auto* refreshButton = new QPushButton(tr("Refresh"), this);
    auto* bar = new QHBoxLayout;
    bar->addWidget(m_status, 1);
    bar->addWidget(refreshButton);
    bar->addWidget(m_open);
    m_list->setColumnCount(6);
    m_list->setHeaderLabels({tr("Started"), tr("Status"), tr("Duration"), tr("Trigger"), tr("Run"), tr("Error")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->header()->setStretchLastSection(true);
    m_list->setColumnWidth(0, 150);
    m_list->setColumnWidth(1, 90);
    m_list->setColumnWidth(2, 80);
    m_list->setColumnWidth(3, 80);
    m_list->setColumnWidth(4, 80);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(bar);
    layout->addWidget(m_list);
    connect(refreshButton, &QPushButton::clicked, this, &RunHistoryPanel::refresh);
    connect(m_open, &QPushButton::clicked, this, &RunHistoryPanel::openSelected);
    connect(m_list, &QTreeWidget::itemActivated, this, &RunHistoryPanel::openSelected);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this,
        [this] { m_open->setEnabled(m_list->currentItem() != nullptr); });
    m_open->setEnabled(false);
    refresh();
}

void RunHistoryPanel::setFlowId(const QString& flowId)
{
    if (flowId == m_flowId)
        return;
    m_flowId = flowId;
    refresh();
}

QString RunHistoryPanel::statusText() const
{
    return m_status->text();
}

void RunHistoryPanel::refresh()
{
    const QString selected = m_list->currentItem() ? m_list->currentItem()->data(0, runIdRole).toString() : QString();
    m_list->clear();
    m_open->setEnabled(false);
    if (m_flowId.isEmpty()) {
        m_status->setText(tr("Runs of this flow appear here."));
        return;
    }
    auto store = m_runtime.store();
    if (!store) {
        m_status->setText(tr("The run history cannot be read: %1").arg(store.error()));
        return;
    }
    RunFilter filter;
    filter.flowId = m_flowId;
    filter.limit = maxRuns;
    auto runs = (*store)->listRuns(filter);
    if (!runs) {
        m_status->setText(tr("The run history cannot be read: %1").arg(runs.error().message));
        return;
    }
    for (const RunSummary& r : *runs) {
        QString error = r.errorMessage;
        if (!r.failedNodeName.isEmpty())
            error = tr("%1: %2").arg(r.failedNodeName, error);
        auto* item = new QTreeWidgetItem(m_list,
            {r.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), runStatusName(r.status),
                duration(r.durationMs), r.trigger, r.id.left(8), error});
        item->setData(0, runIdRole, r.id);
        item->setForeground(1, statusColor(r.status));
        item->setToolTip(5, error);
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        if (r.id == selected)
            m_list->setCurrentItem(item);
    }
    m_status->setText(runs->isEmpty()
            ? tr("No runs of this flow yet.")
            : tr("%n run(s); double-click one to see it on the canvas.", nullptr, int(runs->size())));
}

bool RunHistoryPanel::openRun(const QString& runId)
{
    auto store = m_runtime.store();
    if (!store) {
        m_status->setText(tr("The run history cannot be read: %1").arg(store.error()));
        return false;
    }
    auto detail = (*store)->runDetail(runId);
    if (!detail) {
        m_status->setText(tr("Run %1 cannot be opened: %2").arg(runId, detail.error().message));
        return false;
    }
    Q_EMIT runOpened(*detail);
    return true;
}

void RunHistoryPanel::openSelected()
{
    if (QTreeWidgetItem* item = m_list->currentItem())
        openRun(item->data(0, runIdRole).toString());
}

} // namespace taskloom::studio
