#pragma once

#include <QProcessEnvironment>
#include <QString>

#include <expected>

namespace taskloom::daemon {

/// Whether desktop flows (nodes that need a display) can run here: an X11 session the daemon can reach.
/// Wayland sessions are refused (desktop automation needs X11 or XWayland's XTest, which does not reach native
/// Wayland windows).
class DesktopSession {
public:
    /// The X11 display to hand to desktop runs (DISPLAY, XAUTHORITY), or why there is none.
    static std::expected<QProcessEnvironment, QString> detect(const QProcessEnvironment& env);
};

} // namespace taskloom::daemon
