#include "Desktop.hpp"

#include "x11/X11Desktop.hpp"

namespace taskloom::recorder {

QString Desktop::waylandProblem()
{
    const bool wayland = !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") || qgetenv("XDG_SESSION_TYPE") == "wayland";
    if (!wayland || !qEnvironmentVariableIsEmpty("DISPLAY"))
        return {};
    return QStringLiteral("this is a Wayland session without X11 (WAYLAND_DISPLAY is set, DISPLAY is not): Wayland lets no "
                          "program record or inject desktop input; log in with an X11 session (\"GNOME on Xorg\") to record "
                          "and replay, or start the target under XWayland and set DISPLAY");
}

std::expected<std::unique_ptr<Desktop>, QString> Desktop::open(const QString& display)
{
    if (display.isEmpty()) {
        if (const QString problem = waylandProblem(); !problem.isEmpty())
            return std::unexpected(problem);
        if (qEnvironmentVariableIsEmpty("DISPLAY"))
            return std::unexpected(QStringLiteral("no display: DISPLAY is not set (desktop actions need an X11 session, "
                                                  "or a virtual one such as Xvfb)"));
    }
    return x11::X11Desktop::open(display);
}

} // namespace taskloom::recorder
