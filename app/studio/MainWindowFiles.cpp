// MainWindow's crash recovery: restoring the autosaved copy of a flow.

#include "MainWindow.hpp"

#include "Autosave.hpp"
#include "FlowDocument.hpp"

#include "app/runtime/Runtime.hpp"

#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QStatusBar>

namespace taskloom::studio {

bool MainWindow::offerRecovery(const QString& flowPath, RecoveryChoice choice)
{
    QString recoveryPath;
    if (flowPath.isEmpty()) {
        const QStringList untitled = m_autosave->pendingUntitled();
        if (untitled.isEmpty())
            return false;
        recoveryPath = untitled.first();
    } else if (auto pending = m_autosave->pendingFor(flowPath)) {
        recoveryPath = *pending;
    } else {
        return false;
    }
    auto recovery = Autosave::read(recoveryPath, m_runtime.registry());
    if (!recovery) {
        // Unreadable (cut short by the crash it was meant to survive, or not ours): say so and set it aside
        // rather than delete it, in case someone wants to look at it.
        QFile::rename(recoveryPath, recoveryPath + QStringLiteral(".bad"));
        statusBar()->showMessage(tr("Ignored a damaged recovery file: %1").arg(recovery.error()), 10000);
        return false;
    }
    if (choice == RecoveryChoice::Ask) {
        const QString what = flowPath.isEmpty() ? tr("an untitled flow (\"%1\")").arg(recovery->flow.name)
                                                : QFileInfo(flowPath).fileName();
        const auto answer = QMessageBox::question(this, tr("Restore unsaved changes?"),
            tr("Taskloom Studio did not close normally. A recovery copy of %1 from %2 holds changes that were "
               "never saved.\n\nRestore them? (No deletes the copy.)")
                .arg(what, QLocale().toString(recovery->savedAt.toLocalTime(), QLocale::ShortFormat)),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
        choice = answer == QMessageBox::Yes ? RecoveryChoice::Restore : RecoveryChoice::Discard;
    }
    if (choice == RecoveryChoice::Discard) {
        QFile::remove(recoveryPath);
        return false;
    }
    const QString path = flowPath.isEmpty() ? QString() : recovery->flowPath.isEmpty() ? flowPath : recovery->flowPath;
    m_doc->setFlow(std::move(recovery->flow), path);
    m_doc->markModified();
    m_autosave->adopt(recoveryPath);
    // The copy stays until the restored changes are saved or thrown away; a second crash must not lose them.
    statusBar()->showMessage(tr("Restored unsaved changes from %1").arg(recoveryPath), 8000);
    return true;
}

} // namespace taskloom::studio
