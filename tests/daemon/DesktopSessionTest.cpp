// Where desktop flows may run: an X11 display the daemon can reach, never Wayland or no display at all.

#include "DaemonTestSupport.hpp"

#include "app/daemon/DesktopSession.hpp"

#include <QDir>
#include <QFile>

using taskloom::daemon::DesktopSession;

namespace {

QProcessEnvironment env(std::initializer_list<std::pair<const char*, const char*>> vars)
{
    QProcessEnvironment e;
    for (const auto& [k, v] : vars)
        e.insert(QString::fromLatin1(k), QString::fromLatin1(v));
    return e;
}

} // namespace

TEST(DesktopSession, RefusesWaylandAndMissingDisplays)
{
    auto wayland = DesktopSession::detect(env({{"XDG_SESSION_TYPE", "wayland"}, {"DISPLAY", ":0"}}));
    ASSERT_FALSE(wayland.has_value());
    EXPECT_TRUE(wayland.error().contains(QStringLiteral("Wayland session"))) << wayland.error().toStdString();
    auto waylandOnly = DesktopSession::detect(env({{"WAYLAND_DISPLAY", "wayland-0"}}));
    EXPECT_FALSE(waylandOnly.has_value());
    auto none = DesktopSession::detect(env({}));
    ASSERT_FALSE(none.has_value());
    EXPECT_TRUE(none.error().contains(QStringLiteral("DISPLAY is not set")));
    auto noServer = DesktopSession::detect(env({{"DISPLAY", ":987"}}));
    ASSERT_FALSE(noServer.has_value());
    EXPECT_TRUE(noServer.error().contains(QStringLiteral("/tmp/.X11-unix/X987"))) << noServer.error().toStdString();
}

TEST(DesktopSession, PassesDisplayAndXauthorityOfAReachableServer)
{
    // A remote display is taken on trust (no local socket to check).
    auto remote = DesktopSession::detect(env({{"DISPLAY", "host:10.0"}, {"XAUTHORITY", "/home/u/.Xauthority"}, {"PATH", "/bin"}}));
    ASSERT_TRUE(remote.has_value()) << remote.error().toStdString();
    EXPECT_EQ(remote->value(QStringLiteral("DISPLAY")), QStringLiteral("host:10.0"));
    EXPECT_EQ(remote->value(QStringLiteral("XAUTHORITY")), QStringLiteral("/home/u/.Xauthority"));
    EXPECT_FALSE(remote->contains(QStringLiteral("PATH")));
}
