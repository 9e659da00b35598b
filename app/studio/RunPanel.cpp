#include "RunPanel.hpp"

#include "engine/Json.hpp"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QFontDatabase>
#include <QSplitter>
#include <QTableWidget>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cmath>

namespace taskloom::studio {

using namespace engine;

namespace {

constexpr int levelRole = Qt::UserRole + 1;

QColor levelColor(LogLevel l)
{
    switch (l) {
    case LogLevel::Debug: return QColor(0x8B, 0x93, 0x9F);
    case LogLevel::Info: return QColor(0xC9, 0xCE, 0xD6);
    case LogLevel::Warning: return QColor(0xE6, 0x9F, 0x1E);
    case LogLevel::Error: return QColor(0xF8, 0x51, 0x49);
    }
    return {};
}

} // namespace

RunPanel::RunPanel(QWidget* parent)
    : QWidget(parent), m_tabs(new QTabWidget(this)), m_log(new QTreeWidget(this)), m_level(new QComboBox(this)),
      m_filter(new QLineEdit(this)), m_summary(new QLabel(this)), m_outputTitle(new QLabel(this)),
      m_port(new QComboBox(this)), m_search(new QLineEdit(this)), m_table(new QTableWidget(this)),
      m_json(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("runPanel"));
    // Log tab
    auto* logPage = new QWidget;
    auto* logBar = new QHBoxLayout;
    m_level->addItem(tr("All levels"), int(LogLevel::Debug));
    m_level->addItem(tr("Info and above"), int(LogLevel::Info));
    m_level->addItem(tr("Warnings and errors"), int(LogLevel::Warning));
    m_level->addItem(tr("Errors"), int(LogLevel::Error));
    m_level->setCurrentIndex(1);
    m_filter->setPlaceholderText(tr("Filter log…"));
    m_filter->setClearButtonEnabled(true);
    m_summary->setObjectName(QStringLiteral("runSummary"));
    logBar->addWidget(m_summary, 1);
    logBar->addWidget(m_level);
    logBar->addWidget(m_filter);
    m_log->setColumnCount(4);
    m_log->setHeaderLabels({tr("Time"), tr("Level"), tr("Node"), tr("Message")});
    m_log->setRootIsDecorated(false);
    m_log->setUniformRowHeights(true);
    m_log->header()->setStretchLastSection(true);
    m_log->setColumnWidth(0, 90);
    m_log->setColumnWidth(1, 70);
    m_log->setColumnWidth(2, 150);
    auto* logLayout = new QVBoxLayout(logPage);
    logLayout->setContentsMargins(6, 6, 6, 6);
    logLayout->addLayout(logBar);
    logLayout->addWidget(m_log);
    connect(m_level, &QComboBox::currentIndexChanged, this, &RunPanel::applyLogFilter);
    connect(m_filter, &QLineEdit::textChanged, this, &RunPanel::applyLogFilter);

    // Output tab
    auto* outPage = new QWidget;
    auto* outBar = new QHBoxLayout;
    m_outputTitle->setObjectName(QStringLiteral("outputTitle"));
    m_search->setPlaceholderText(tr("Search items…"));
    m_search->setClearButtonEnabled(true);
    outBar->addWidget(m_outputTitle, 1);
    outBar->addWidget(m_port);
    outBar->addWidget(m_search);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setDefaultSectionSize(24);
    m_json->setReadOnly(true);
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto* split = new QSplitter(Qt::Horizontal);
    split->addWidget(m_table);
    split->addWidget(m_json);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto* outLayout = new QVBoxLayout(outPage);
    outLayout->setContentsMargins(6, 6, 6, 6);
    outLayout->addLayout(outBar);
    outLayout->addWidget(split);
    connect(m_port, &QComboBox::currentIndexChanged, this, &RunPanel::fillTable);
    connect(m_search, &QLineEdit::textChanged, this, &RunPanel::fillTable);

    m_port->setVisible(false);
    m_tabs->addTab(outPage, tr("Output"));
    m_tabs->addTab(logPage, tr("Log"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    clear();
}

void RunPanel::clear()
{
    m_outputs.clear();
    m_nodeLogs.clear();
    m_nodeErrors.clear();
    m_log->clear();
    m_shownNode.clear();
    m_summary->setText(tr("No run yet: press Run (F5)."));
    fillTable();
}

void RunPanel::addMessage(LogLevel level, const QString& source, const QString& text)
{
    auto* item = new QTreeWidgetItem(m_log, {QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss.zzz")),
                                             logLevelName(level), source, text});
    item->setData(0, levelRole, int(level));
    for (int c = 0; c < 4; ++c)
        item->setForeground(c, levelColor(level));
    item->setToolTip(3, text);
    m_log->scrollToItem(item);
}

QString RunPanel::summary() const
{
    return m_summary->text();
}

qint64 RunPanel::itemsOutOf(const QString& nodeId) const
{
    return m_outputs.value(nodeId).itemsOut;
}

void RunPanel::setSummary(const QString& text, bool failed)
{
    m_summary->setText(text);
    m_summary->setProperty("failed", failed);
    m_summary->setStyleSheet(failed ? QStringLiteral("color:#F85149") : QString());
}

void RunPanel::addEvent(const RunEvent& e)
{
    QString message;
    LogLevel level = LogLevel::Info;
    switch (e.type) {
    case RunEvent::Type::RunStarted: message = tr("Run %1 started").arg(e.runId.left(8)); break;
    case RunEvent::Type::RunFinished:
        message = tr("Run %1: %2").arg(runStatusName(e.runStatus), e.message);
        level = e.runStatus == RunStatus::Succeeded ? LogLevel::Info : LogLevel::Error;
        break;
    case RunEvent::Type::NodeStarted:
        message = tr("started");
        level = LogLevel::Debug;
        m_nodeLogs.remove(e.nodeId); // a re-run of the node replaces what it said before
        m_nodeErrors.remove(e.nodeId);
        break;
    case RunEvent::Type::NodeFinished: {
        message = e.nodeStatus == NodeStatus::Failed
                      ? tr("failed: %1").arg(e.message)
                      : tr("%1: %2 in, %3 out, %4 ms").arg(nodeStatusName(e.nodeStatus)).arg(e.itemsIn).arg(e.itemsOut).arg(e.durationMs);
        level = e.nodeStatus == NodeStatus::Failed ? LogLevel::Error : LogLevel::Info;
        if (e.nodeStatus == NodeStatus::Failed)
            m_nodeErrors.insert(e.nodeId, e.message);
        NodeOutput& out = m_outputs[e.nodeId];
        out.name = e.nodeName;
        out.ports = e.outputSample;
        out.itemsOut = e.itemsOut;
        if (m_shownNode.isEmpty() || m_shownNode == e.nodeId)
            showNode(e.nodeId);
        break;
    }
    case RunEvent::Type::NodeRetry: message = tr("retrying (attempt %1): %2").arg(e.attempt).arg(e.message); level = LogLevel::Warning; break;
    case RunEvent::Type::Log:
        message = e.message;
        level = e.level;
        if (!e.nodeId.isEmpty() && level != LogLevel::Debug)
            m_nodeLogs[e.nodeId].append(level == LogLevel::Info ? message : logLevelName(level) + QStringLiteral(": ") + message);
        break;
    case RunEvent::Type::Progress: return; // shown on the node, too chatty for the log
    }
    auto* item = new QTreeWidgetItem(m_log, {e.time.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz")),
                                             logLevelName(level), e.nodeName, message});
    item->setData(0, levelRole, int(level));
    for (int c = 0; c < 4; ++c)
        item->setForeground(c, levelColor(level));
    item->setToolTip(3, message);
    const bool hidden = int(level) < m_level->currentData().toInt()
                     || (!m_filter->text().isEmpty() && !message.contains(m_filter->text(), Qt::CaseInsensitive)
                         && !e.nodeName.contains(m_filter->text(), Qt::CaseInsensitive));
    item->setHidden(hidden);
    if (!hidden)
        m_log->scrollToItem(item);
}

void RunPanel::applyLogFilter()
{
    const int min = m_level->currentData().toInt();
    const QString f = m_filter->text();
    for (int i = 0; i < m_log->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_log->topLevelItem(i);
        const bool match = f.isEmpty() || item->text(3).contains(f, Qt::CaseInsensitive)
                        || item->text(2).contains(f, Qt::CaseInsensitive);
        item->setHidden(item->data(0, levelRole).toInt() < min || !match);
    }
}

void RunPanel::showNode(const QString& nodeId)
{
    m_shownNode = nodeId;
    const NodeOutput out = m_outputs.value(nodeId);
    const QSignalBlocker block(m_port);
    m_port->clear();
    for (int i = 0; i < out.ports.size(); ++i)
        m_port->addItem(tr("Output %1").arg(i + 1), i);
    m_port->setVisible(out.ports.size() > 1);
    fillTable();
}

bool RunPanel::hasCompleteOutput(const QString& nodeId) const
{
    const auto it = m_outputs.constFind(nodeId);
    if (it == m_outputs.constEnd())
        return false;
    qint64 kept = 0;
    for (const ItemList& port : it->ports)
        kept += port.size();
    return kept >= it->itemsOut;
}

QString RunPanel::displayText(const Value& value)
{
    if (!value.isDouble())
        return value.toText();
    const double d = value.toDouble();
    if (!std::isfinite(d))
        return value.toText();
    // %.15g, then the JSON writer's spelling of that rounded value (no trailing zeros, no exponent noise).
    const double rounded = QString::number(d, 'g', 15).toDouble();
    return Json::formatDouble(rounded);
}

ItemList RunPanel::outputOf(const QString& nodeId) const
{
    const NodeOutput out = m_outputs.value(nodeId);
    return out.ports.isEmpty() ? ItemList() : out.ports.first();
}

void RunPanel::fillTable()
{
    m_table->clear();
    m_table->setRowCount(0);
    m_table->setColumnCount(0);
    if (!m_outputs.contains(m_shownNode)) {
        m_outputTitle->setText(m_shownNode.isEmpty() ? tr("Run the flow to see each node's output here.")
                                                     : tr("This node has no output from the last run."));
        m_json->clear();
        return;
    }
    const NodeOutput& out = m_outputs[m_shownNode];
    const int port = std::max(0, m_port->currentData().toInt());
    const ItemList items = port < out.ports.size() ? out.ports[port] : ItemList();
    const QString query = m_search->text();
    QStringList columns;
    QList<const Item*> shown;
    Array json;
    for (const Item& item : items) {
        if (shown.size() >= maxTableItems)
            break;
        const QByteArray text = Json::serialize(Value(item.toExternalJson()));
        if (!query.isEmpty() && !QString::fromUtf8(text).contains(query, Qt::CaseInsensitive))
            continue;
        shown.append(&item);
        json.append(item.toExternalJson());
        for (const auto& [k, v] : item.json()) {
            if (!columns.contains(k))
                columns.append(k);
        }
    }
    m_outputTitle->setText(tr("<b>%1</b> — %2 items%3")
                               .arg(out.name.toHtmlEscaped())
                               .arg(out.itemsOut)
                               .arg(shown.size() < out.itemsOut && query.isEmpty() ? tr(" (first %1 shown)").arg(shown.size()) : QString()));
    m_table->setColumnCount(int(columns.size()));
    m_table->setHorizontalHeaderLabels(columns);
    m_table->setRowCount(int(shown.size()));
    for (int r = 0; r < shown.size(); ++r) {
        for (int c = 0; c < columns.size(); ++c) {
            const Value* v = shown[r]->json().find(columns[c]);
            auto* cell = new QTableWidgetItem(v ? displayText(*v) : QString());
            if (v && v->isNumber())
                cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (v && v->isDouble() && cell->text() != v->toText())
                cell->setToolTip(tr("Exact value: %1").arg(v->toText()));
            m_table->setItem(r, c, cell);
        }
    }
    m_table->resizeColumnsToContents();
    m_json->setPlainText(QString::fromUtf8(Json::serialize(Value(json), {.indent = true, .inlineWidth = 80})));
}

} // namespace taskloom::studio
