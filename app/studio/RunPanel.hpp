#pragma once

#include "engine/Item.hpp"
#include "engine/RunEvent.hpp"

#include <QHash>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableWidget;
class QTabWidget;
class QTreeWidget;

namespace taskloom::studio {

/// The bottom panel: the run's log (levels, filter) and the output of the selected node as a table and as
/// JSON, from the items each node's NodeFinished event carries.
class RunPanel : public QWidget {
    Q_OBJECT
public:
    explicit RunPanel(QWidget* parent = nullptr);

    void clear();
    void addEvent(const engine::RunEvent& event);
    void setSummary(const QString& text, bool failed);
    QString summary() const;
    /// Shows the output of a node (empty: the latest node that produced items).
    void showNode(const QString& nodeId);
    QTableWidget* outputTable() const { return m_table; }
    QTreeWidget* log() const { return m_log; }
    /// Output items a node produced in the last run (first port), as received.
    engine::ItemList outputOf(const QString& nodeId) const;
    /// Output items of every port a node produced in the last run.
    QList<engine::ItemList> outputPortsOf(const QString& nodeId) const { return m_outputs.value(nodeId).ports; }
    /// Whether the last run kept every item a node produced (runs keep a bounded sample per port).
    bool hasCompleteOutput(const QString& nodeId) const;
    /// Whether the shown run has a finished node `nodeId` (with or without items).
    bool hasOutput(const QString& nodeId) const { return m_outputs.contains(nodeId); }
    /// The log lines a node wrote in the shown run (ctx.log, print; warnings and errors prefixed with their level).
    QStringList logOf(const QString& nodeId) const { return m_nodeLogs.value(nodeId); }
    /// The error a node failed with in the shown run, or empty.
    QString errorOf(const QString& nodeId) const { return m_nodeErrors.value(nodeId); }
    qint64 itemsOutOf(const QString& nodeId) const;
    /// A line in the log that no run event carries (a Lua node file that did not reload).
    void addMessage(engine::LogLevel level, const QString& source, const QString& text);
    /// A value as a table cell shows it: a double rounded to 15 significant digits (what a double holds
    /// reliably), so sums such as 7762.140000000001 read 7762.14; the JSON view keeps the exact value.
    static QString displayText(const engine::Value& value);
    /// Items per port the table shows; the run keeps more (for re-running a node on its inputs).
    static constexpr int maxTableItems = 200;

private:
    void fillTable();
    void applyLogFilter();

    struct NodeOutput {
        QString name;
        QList<engine::ItemList> ports;
        qint64 itemsOut = 0;
    };
    QHash<QString, NodeOutput> m_outputs;
    QHash<QString, QStringList> m_nodeLogs;
    QHash<QString, QString> m_nodeErrors;
    QString m_shownNode;
    QTabWidget* m_tabs;
    QTreeWidget* m_log;
    QComboBox* m_level;
    QLineEdit* m_filter;
    QLabel* m_summary;
    QLabel* m_outputTitle;
    QComboBox* m_port;
    QLineEdit* m_search;
    QTableWidget* m_table;
    QPlainTextEdit* m_json;
};

} // namespace taskloom::studio
