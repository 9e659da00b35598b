#pragma once

#include <QString>

namespace taskloom::app {

/// Where Taskloom keeps runs, credentials and settings: `--data-dir`, else $TASKLOOM_HOME, else the XDG data
/// folder (~/.local/share/taskloom).
QString resolveDataDir(const QString& override);

} // namespace taskloom::app
