// The X11 backend against a private Xvfb: windows, typing any character, clipboard, capture of other programs'
// input but not of our own replay, and the Wayland message.

#include "XvfbSession.hpp"

#include "recorder/Desktop.hpp"
#include "recorder/Hotkeys.hpp"
#include "recorder/Recorder.hpp"
#include "recorder/ReplayGuard.hpp"
#include "recorder/Replayer.hpp"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>

using namespace taskloom;
using namespace taskloom::recorder;
using tests::TargetApp;
using tests::XvfbSession;

namespace {

class X11Desktop : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_x.ok()) << m_x.error().toStdString();
        auto d = Desktop::open(m_x.display());
        ASSERT_TRUE(d) << d.error().toStdString();
        m_desktop = std::move(*d);
    }
    XvfbSession m_x{{}};
    std::unique_ptr<Desktop> m_desktop;
    QTemporaryDir m_dir;
};

/// Restores an environment variable when the test ends.
class EnvGuard {
public:
    explicit EnvGuard(const char* name) : m_name(name), m_had(qEnvironmentVariableIsSet(name)), m_value(qgetenv(name)) {}
    ~EnvGuard()
    {
        if (m_had)
            qputenv(m_name, m_value);
        else
            qunsetenv(m_name);
    }

private:
    const char* m_name;
    bool m_had;
    QByteArray m_value;
};

} // namespace

TEST_F(X11Desktop, ScreenAndWindows)
{
    EXPECT_EQ(m_desktop->screenGeometry(), (Rect{0, 0, 1280, 800}));
    TargetApp app(m_x, m_dir.filePath(QStringLiteral("a.log")), {QStringLiteral("--title"), QStringLiteral("Orders — 주문")});
    ASSERT_TRUE(app.waitReady());
    std::optional<WindowInfo> target;
    for (const WindowInfo& w : m_desktop->windows())
        if (w.title == u"Orders — 주문")
            target = w;
    ASSERT_TRUE(target) << "the target window is listed with its UTF-8 title";
    EXPECT_EQ(target->className, QStringLiteral("taskloom-target-app"));
    EXPECT_GT(target->pid, 0);
    const auto at = m_desktop->windowAt({app.widget(QStringLiteral("alpha")).centerX(), app.widget(QStringLiteral("alpha")).centerY()});
    ASSERT_TRUE(at);
    EXPECT_EQ(at->id, target->id);
    auto shot = m_desktop->grabScreen();
    ASSERT_TRUE(shot);
    EXPECT_EQ(shot->width(), 1280);

    ASSERT_TRUE(m_desktop->moveWindow(target->id, {500, 300}));
    QElapsedTimer t;
    t.start();
    std::optional<WindowInfo> moved;
    while (t.elapsed() < 5000 && (!moved || moved->geometry.x != 500)) {
        moved = m_desktop->windowAt({520, 320});
        QThread::msleep(50);
    }
    ASSERT_TRUE(moved);
    EXPECT_EQ(moved->id, target->id);

    ASSERT_TRUE(m_desktop->close(target->id));
    t.restart();
    bool gone = false;
    while (!gone && t.elapsed() < 10000) {
        gone = true;
        for (const WindowInfo& w : m_desktop->windows())
            gone = gone && w.id != target->id;
        QThread::msleep(50);
    }
    EXPECT_TRUE(gone) << "closing asks the window to close, as its close button would";
}

TEST_F(X11Desktop, TypesCharactersThatAreNotOnTheKeymap)
{
    TargetApp app(m_x, m_dir.filePath(QStringLiteral("t.log")));
    ASSERT_TRUE(app.waitReady());
    const auto field = app.widget(QStringLiteral("name"));
    ASSERT_TRUE(m_desktop->moveMouse({field.centerX(), field.centerY()}));
    ASSERT_TRUE(m_desktop->button(1, true));
    ASSERT_TRUE(m_desktop->button(1, false));
    QThread::msleep(300);
    const QString text = QStringLiteral("Aé~ 가ж€!");
    ASSERT_TRUE(m_desktop->typeText(text, 20));
    EXPECT_TRUE(app.waitFor([&](const QStringList&) { return app.text(QStringLiteral("name")) == text; }))
        << "got: " << app.text(QStringLiteral("name")).toStdString();
}

TEST_F(X11Desktop, ClipboardRoundTripAndPaste)
{
    ASSERT_TRUE(m_desktop->setClipboardText(QStringLiteral("안녕 clipboard")));
    auto other = Desktop::open(m_x.display());
    ASSERT_TRUE(other);
    auto text = (*other)->clipboardText(3000);
    ASSERT_TRUE(text) << text.error().toStdString();
    EXPECT_EQ(*text, QStringLiteral("안녕 clipboard"));

    // Paste mode types through the clipboard, for text an input method would intercept.
    TargetApp app(m_x, m_dir.filePath(QStringLiteral("p.log")));
    ASSERT_TRUE(app.waitReady());
    Macro m;
    MacroStep click;
    click.kind = MacroStep::Kind::Click;
    Locator abs;
    abs.point = {app.widget(QStringLiteral("email")).centerX(), app.widget(QStringLiteral("email")).centerY()};
    click.target.locators = {abs};
    MacroStep paste;
    paste.kind = MacroStep::Kind::Type;
    paste.text = QStringLiteral("한국어 텍스트");
    paste.paste = true;
    m.steps = {click, paste};
    const ReplayReport report = Replayer::run(*m_desktop, m, {});
    ASSERT_TRUE(report.ok) << report.error.toStdString();
    EXPECT_TRUE(app.waitFor([&](const QStringList&) { return app.text(QStringLiteral("email")) == paste.text; }))
        << app.text(QStringLiteral("email")).toStdString();
}

TEST_F(X11Desktop, RecordsOtherProgramsButNotItsOwnReplay)
{
    TargetApp app(m_x, m_dir.filePath(QStringLiteral("r.log")));
    ASSERT_TRUE(app.waitReady());
    Recorder::Options o;
    o.display = m_x.display();
    o.anchors = false;
    Recorder recorder(o);
    ASSERT_TRUE(recorder.start());
    QThread::msleep(200);
    // Our own replay: not recorded.
    Macro m;
    MacroStep click;
    click.kind = MacroStep::Kind::Click;
    Locator abs;
    abs.point = {app.widget(QStringLiteral("alpha")).centerX(), app.widget(QStringLiteral("alpha")).centerY()};
    click.target.locators = {abs};
    m.steps = {click};
    ASSERT_TRUE(Replayer::run(*m_desktop, m, {}).ok);
    ASSERT_TRUE(app.waitFor([](const QStringList& a) { return a.contains(QStringLiteral("click alpha")); }));
    QThread::msleep(ReplayGuard::graceMs + 200);
    // Another program injecting with XTest (xdotool): recorded.
    QProcess xdotool;
    xdotool.setProcessEnvironment(m_x.environment());
    const auto gamma = app.widget(QStringLiteral("gamma"));
    xdotool.start(QStringLiteral("xdotool"), {QStringLiteral("mousemove"), QString::number(gamma.centerX()), QString::number(gamma.centerY()),
                                              QStringLiteral("sleep"), QStringLiteral("0.3"), QStringLiteral("click"), QStringLiteral("1")});
    ASSERT_TRUE(xdotool.waitForFinished(20000));
    ASSERT_TRUE(app.waitFor([](const QStringList& a) { return a.contains(QStringLiteral("click gamma")); }));
    QThread::msleep(300);
    recorder.stop();
    const Macro recorded = recorder.macro();
    ASSERT_EQ(recorded.steps.size(), 1) << "only xdotool's click";
    EXPECT_EQ(recorded.steps[0].kind, MacroStep::Kind::Click);
    EXPECT_EQ(recorded.steps[0].target.find(Locator::Kind::Absolute)->point, (Point{gamma.centerX(), gamma.centerY()}));
    const Locator* window = recorded.steps[0].target.find(Locator::Kind::Window);
    ASSERT_TRUE(window);
    EXPECT_EQ(window->title, QStringLiteral("Taskloom Target"));
}

TEST(Wayland, SaysSoInsteadOfRecordingNothing)
{
    EnvGuard display("DISPLAY"), wayland("WAYLAND_DISPLAY");
    qunsetenv("DISPLAY");
    qputenv("WAYLAND_DISPLAY", "wayland-0");
    auto d = Desktop::open();
    ASSERT_FALSE(d);
    EXPECT_TRUE(d.error().contains(QStringLiteral("Wayland session"))) << d.error().toStdString();
    EXPECT_TRUE(d.error().contains(QStringLiteral("X11 session")));
    Recorder recorder({});
    auto started = recorder.start();
    ASSERT_FALSE(started);
    EXPECT_TRUE(started.error().contains(QStringLiteral("Wayland")));
}

TEST(Wayland, NoDisplayAtAll)
{
    EnvGuard display("DISPLAY"), wayland("WAYLAND_DISPLAY"), session("XDG_SESSION_TYPE");
    qunsetenv("DISPLAY");
    qunsetenv("WAYLAND_DISPLAY");
    qunsetenv("XDG_SESSION_TYPE");
    auto d = Desktop::open();
    ASSERT_FALSE(d);
    EXPECT_TRUE(d.error().contains(QStringLiteral("DISPLAY is not set"))) << d.error().toStdString();
    d = Desktop::open(QStringLiteral(":987"));
    ASSERT_FALSE(d);
    EXPECT_TRUE(d.error().contains(QStringLiteral("cannot open X display \":987\""))) << d.error().toStdString();
}

TEST_F(X11Desktop, HotkeysAreGrabbedOnceAndFire)
{
    auto first = HotkeyService::open(m_x.display());
    ASSERT_TRUE(first.has_value()) << first.error().toStdString();
    std::atomic<int> pressed{0};
    ASSERT_TRUE((*first)->grab(QStringLiteral("F10"), [&] { ++pressed; }).has_value());
    ASSERT_TRUE((*first)->grab(QStringLiteral("ctrl+alt+r"), [&] { pressed += 100; }).has_value());

    // It fires; another key does not.
    ASSERT_TRUE(m_desktop->key(QStringLiteral("F10"), true));
    ASSERT_TRUE(m_desktop->key(QStringLiteral("F10"), false));
    ASSERT_TRUE(m_desktop->key(QStringLiteral("F9"), true));
    ASSERT_TRUE(m_desktop->key(QStringLiteral("F9"), false));
    QElapsedTimer t;
    t.start();
    while (pressed.load() < 1 && t.elapsed() < 10000)
        QThread::msleep(20);
    QThread::msleep(200);
    EXPECT_EQ(pressed.load(), 1);

    // Held by one service: a second one cannot take it, and says so.
    auto second = HotkeyService::open(m_x.display());
    ASSERT_TRUE(second.has_value()) << second.error().toStdString();
    const auto taken = (*second)->grab(QStringLiteral("F10"), [] {});
    ASSERT_FALSE(taken.has_value());
    EXPECT_TRUE(taken.error().contains(QStringLiteral("\"F10\" is taken by another program"))) << taken.error().toStdString();
    const auto unknown = (*second)->grab(QStringLiteral("F99"), [] {});
    ASSERT_FALSE(unknown.has_value());
    EXPECT_TRUE(unknown.error().contains(QStringLiteral("unknown key \"F99\""))) << unknown.error().toStdString();

    // Released, it can be taken again.
    (*first)->releaseAll();
    EXPECT_TRUE((*second)->grab(QStringLiteral("F10"), [] {}).has_value());
}
