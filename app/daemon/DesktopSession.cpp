#include "DesktopSession.hpp"

#include <QFileInfo>
#include <QRegularExpression>

namespace taskloom::daemon {

std::expected<QProcessEnvironment, QString> DesktopSession::detect(const QProcessEnvironment& env)
{
    const QString display = env.value(QStringLiteral("DISPLAY"));
    const QString session = env.value(QStringLiteral("XDG_SESSION_TYPE"));
    if (session == u"wayland" || (display.isEmpty() && env.contains(QStringLiteral("WAYLAND_DISPLAY"))))
        return std::unexpected(QStringLiteral("this is a Wayland session; desktop flows need an X11 session (log in "
                                              "to an X11 session, or run the daemon in a dedicated Xvfb session, see "
                                              "docs/scheduling.md)"));
    if (display.isEmpty())
        return std::unexpected(QStringLiteral("no X11 display (DISPLAY is not set); desktop flows need a logged-in "
                                              "X11 session or a dedicated Xvfb session (docs/scheduling.md)"));
    // A local display ":N" must have its socket; remote displays are taken on trust.
    static const QRegularExpression local(QStringLiteral("^(unix)?:(\\d+)(\\.\\d+)?$"));
    const auto m = local.match(display);
    if (m.hasMatch() && !QFileInfo::exists(QStringLiteral("/tmp/.X11-unix/X%1").arg(m.captured(2))))
        return std::unexpected(QStringLiteral("DISPLAY=%1 but no X server listens on /tmp/.X11-unix/X%2")
                                   .arg(display, m.captured(2)));
    QProcessEnvironment out;
    out.insert(QStringLiteral("DISPLAY"), display);
    if (env.contains(QStringLiteral("XAUTHORITY")))
        out.insert(QStringLiteral("XAUTHORITY"), env.value(QStringLiteral("XAUTHORITY")));
    return out;
}

} // namespace taskloom::daemon
