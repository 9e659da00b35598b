#include "DataDir.hpp"

#include <QDir>
#include <QStandardPaths>

namespace taskloom::app {

QString resolveDataDir(const QString& override)
{
    if (!override.isEmpty())
        return QDir(override).absolutePath();
    const QString home = qEnvironmentVariable("TASKLOOM_HOME");
    if (!home.isEmpty())
        return QDir(home).absolutePath();
    const QString xdg = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return QDir(xdg.isEmpty() ? QDir::homePath() + QStringLiteral("/.local/share") : xdg).absoluteFilePath(QStringLiteral("taskloom"));
}

} // namespace taskloom::app
