#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace taskloom::studio {

/// Under the Lua editor in the inspector: a "Run this node" button and what the node did in the run shown
/// (the last run, a re-run of this node, or a past run): its ctx.log / print lines, its error, its item count.
class LuaRunPane : public QWidget {
    Q_OBJECT
public:
    explicit LuaRunPane(QWidget* parent = nullptr);

    struct Result {
        bool ran = false;     ///< the node has a result in the shown run
        bool failed = false;
        QString error;
        QStringList log;
        qint64 itemsOut = 0;
    };
    void setResult(const Result& result);
    /// Shown while the node runs (the button is disabled until the next setResult).
    void setRunning();
    /// Nothing ran: why (a problem in a node it needs, another run in progress).
    void setNotRun(const QString& reason);
    QPushButton* runButton() const { return m_run; }
    QPlainTextEdit* output() const { return m_output; }
    QString status() const;

Q_SIGNALS:
    void runRequested();

private:
    QPushButton* m_run;
    QLabel* m_status;
    QPlainTextEdit* m_output;
};

} // namespace taskloom::studio
