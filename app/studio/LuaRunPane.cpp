#include "LuaRunPane.hpp"

#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace taskloom::studio {

LuaRunPane::LuaRunPane(QWidget* parent)
    : QWidget(parent), m_run(new QPushButton(tr("▶ Run this node"), this)), m_status(new QLabel(this)),
      m_output(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("luaRunPane"));
    m_run->setObjectName(QStringLiteral("runThisNode"));
    m_run->setToolTip(tr("Runs only this node on the inputs it had in the last run (or, without a last run, the "
                         "nodes it needs and then this one), and shows its log below"));
    m_status->setObjectName(QStringLiteral("luaRunStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_output->setObjectName(QStringLiteral("luaOutput"));
    m_output->setReadOnly(true);
    m_output->setPlaceholderText(tr("ctx.log and print output of this node appears here after a run."));
    m_output->setMaximumHeight(130);
    m_output->setLineWrapMode(QPlainTextEdit::WidgetWidth); // errors and tracebacks are long single lines
    QFont mono = m_output->font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_output->setFont(mono);

    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_run);
    row->addWidget(m_status, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 6);
    layout->setSpacing(4);
    layout->addLayout(row);
    layout->addWidget(m_output);
    connect(m_run, &QPushButton::clicked, this, [this] {
        setRunning();
        Q_EMIT runRequested();
    });
}

void LuaRunPane::setRunning()
{
    m_run->setEnabled(false);
    m_status->setStyleSheet({});
    m_status->setText(tr("Running…"));
}

void LuaRunPane::setNotRun(const QString& reason)
{
    m_run->setEnabled(true);
    m_status->setStyleSheet(QStringLiteral("color:#F85149"));
    m_status->setText(reason);
}

void LuaRunPane::setResult(const Result& r)
{
    m_run->setEnabled(true);
    QStringList lines = r.log;
    if (!r.ran) {
        m_status->setStyleSheet({});
        m_status->setText(tr("Not run yet."));
    } else if (r.failed) {
        m_status->setStyleSheet(QStringLiteral("color:#F85149"));
        m_status->setText(tr("Failed: %1").arg(r.error));
        lines.append(tr("error: %1").arg(r.error));
    } else {
        m_status->setStyleSheet(QStringLiteral("color:#3FB950"));
        m_status->setText(tr("%n item(s) out", nullptr, int(r.itemsOut)));
    }
    m_output->setPlainText(lines.join(u'\n'));
    m_output->moveCursor(QTextCursor::End);
}

QString LuaRunPane::status() const
{
    return m_status->text();
}

} // namespace taskloom::studio
