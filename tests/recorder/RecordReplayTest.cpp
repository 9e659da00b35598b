// End to end under a private Xvfb, bare and under openbox: drive the target app with XTest while recording,
// save the macro, start the target elsewhere on the screen, replay, and compare what the target received.

#include "XvfbSession.hpp"

#include "recorder/MacroFile.hpp"
#include "recorder/Recorder.hpp"
#include "recorder/Replayer.hpp"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>

#include "engine/Json.hpp"

#include <gtest/gtest.h>

#include <iostream>

using namespace taskloom;
using namespace taskloom::recorder;
using tests::TargetApp;
using tests::XvfbSession;

namespace {

const QString secretValue = QStringLiteral("s3cret!");

/// A person at the desktop, played by XTest from the test process (not replay: the recorder records it).
class Person {
public:
    Person(Desktop& d, const TargetApp& app) : m_d(d), m_app(app) {}
    /// Clicks a widget and waits until the target saw it (a window manager may hold a click back for a while).
    void click(const QString& name)
    {
        const int before = int(m_app.actions().size());
        clickAt(m_app.widget(name));
        const bool field = name == u"name" || name == u"email" || name == u"password";
        EXPECT_TRUE(m_app.waitFor([&](const QStringList& a) {
            return field ? m_app.hasFocus(name) : a.mid(before).contains(QStringLiteral("click ") + name);
        })) << name.toStdString();
    }
    void clickAt(const TargetApp::Widget& w)
    {
        ASSERT_TRUE(m_d.moveMouse({w.centerX(), w.centerY()}));
        QThread::msleep(250);
        ASSERT_TRUE(m_d.button(1, true));
        QThread::msleep(60);
        ASSERT_TRUE(m_d.button(1, false));
        QThread::msleep(300);
    }
    void type(const QString& text)
    {
        ASSERT_TRUE(m_d.typeText(text, 25));
        QThread::msleep(200);
    }
    void tap(const QString& key)
    {
        ASSERT_TRUE(m_d.key(key, true));
        ASSERT_TRUE(m_d.key(key, false));
        QThread::msleep(150);
    }

private:
    Desktop& m_d;
    const TargetApp& m_app;
};

struct Recording {
    Macro macro;
    QStringList actions; ///< what the target received while recording
};

Recording recordSession(const XvfbSession& x, const QString& dir)
{
    Recording out;
    TargetApp app(x, dir + QStringLiteral("/record.log"), {QStringLiteral("--pos"), QStringLiteral("60,60")});
    EXPECT_TRUE(app.waitReady());
    auto driver = Desktop::open(x.display());
    EXPECT_TRUE(driver) << driver.error().toStdString();
    if (!driver)
        return out;
    Recorder::Options options;
    options.display = x.display();
    options.builder.secretCredential = QStringLiteral("target-login");
    Recorder recorder(options);
    auto started = recorder.start();
    EXPECT_TRUE(started) << started.error().toStdString();
    QThread::msleep(300);
    Person p(**driver, app);
    p.click(QStringLiteral("name"));
    p.type(QStringLiteral("Hello Wörld"));
    p.click(QStringLiteral("beta"));
    p.click(QStringLiteral("email"));
    p.type(QStringLiteral("ann@example.org"));
    p.tap(QStringLiteral("F8")); // secret input on
    p.click(QStringLiteral("password"));
    p.type(secretValue);
    p.tap(QStringLiteral("F8"));
    p.click(QStringLiteral("gamma"));
    p.click(QStringLiteral("alpha"));
    p.tap(QStringLiteral("F10"));
    QElapsedTimer t;
    t.start();
    while (!recorder.stopRequested() && t.elapsed() < 10000)
        QThread::msleep(50);
    EXPECT_TRUE(recorder.stopRequested()) << "F10 should stop the recording";
    recorder.stop();
    out.macro = recorder.macro();
    out.actions = app.actions();
    return out;
}

QList<MacroStep::Kind> kinds(const Macro& m)
{
    QList<MacroStep::Kind> k;
    for (const MacroStep& s : m.steps)
        if (s.kind != MacroStep::Kind::Wait)
            k.append(s.kind);
    return k;
}

ReplayOptions replayOptions(const QString& dir)
{
    ReplayOptions o;
    o.failureDir = dir;
    o.findTimeoutMs = 4000;
    o.secret = [](const QString& credential, const QString& field) -> std::expected<QString, QString> {
        if (credential == u"target-login" && field == u"password")
            return secretValue;
        return std::unexpected(QStringLiteral("no credential %1").arg(credential));
    };
    return o;
}

class RecordReplay : public ::testing::TestWithParam<bool> {};

} // namespace

TEST_P(RecordReplay, ReplayFindsTheMovedWindowsWidgets)
{
    XvfbSession x({.windowManager = GetParam()});
    ASSERT_TRUE(x.ok()) << x.error().toStdString();
    QTemporaryDir dir;
    dir.setAutoRemove(qEnvironmentVariableIsEmpty("TASKLOOM_KEEP_TEST_DIR"));
    const Recording rec = recordSession(x, dir.path());
    using K = MacroStep::Kind;
    ASSERT_EQ(kinds(rec.macro), (QList<K>{K::Click, K::Type, K::Click, K::Click, K::Type, K::Click, K::TypeSecret, K::Click, K::Click}));
    EXPECT_TRUE(rec.actions.contains(QStringLiteral("text name Hello Wörld")));
    EXPECT_TRUE(rec.actions.contains(QStringLiteral("text password s3cret!")));

    // Saved and read back; the password is nowhere in the files.
    const QString path = dir.filePath(QStringLiteral("form.macro.json"));
    Macro toSave = rec.macro;
    ASSERT_TRUE(MacroFile::write(toSave, path));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_FALSE(f.readAll().contains(secretValue.toUtf8()));
    auto macro = MacroFile::read(path);
    ASSERT_TRUE(macro) << macro.error().toStdString();

    // The target opens somewhere else; replay must find its widgets there.
    TargetApp moved(x, dir.filePath(QStringLiteral("replay.log")), {QStringLiteral("--pos"), QStringLiteral("433,271")});
    ASSERT_TRUE(moved.waitReady());
    auto desktop = Desktop::open(x.display());
    ASSERT_TRUE(desktop);
    const ReplayReport report = Replayer::run(**desktop, *macro, replayOptions(dir.path()));
    ASSERT_TRUE(report.ok) << report.error.toStdString();
    if (!dir.autoRemove()) {
        QFile r(dir.filePath(QStringLiteral("report.json")));
        r.open(QIODevice::WriteOnly);
        r.write(engine::Json::serialize(report.toObject(), {true, 100}));
        if (auto shot = (*desktop)->grabScreen())
            (void)shot->save(dir.filePath(QStringLiteral("after.png")));
        std::cerr << "kept " << dir.path().toStdString() << "\n";
    }
    for (const StepReport& s : report.steps)
        if (s.kind == u"click") {
            EXPECT_EQ(s.strategy, QStringLiteral("image")) << "step " << s.index + 1;
            EXPECT_GE(s.score, 0.8);
        }
    EXPECT_TRUE(moved.waitFor([&](const QStringList& a) { return a == rec.actions; }))
        << "recorded:\n" << rec.actions.join(u'\n').toStdString() << "\nreplayed:\n" << moved.actions().join(u'\n').toStdString();
}

TEST_P(RecordReplay, ReplayAfterTheTargetIsZoomedTo125Percent)
{
    XvfbSession x({.windowManager = GetParam()});
    ASSERT_TRUE(x.ok()) << x.error().toStdString();
    QTemporaryDir dir;
    dir.setAutoRemove(qEnvironmentVariableIsEmpty("TASKLOOM_KEEP_TEST_DIR"));
    const Recording rec = recordSession(x, dir.path());
    ASSERT_FALSE(rec.macro.steps.isEmpty());
    if (!dir.autoRemove()) {
        Macro kept = rec.macro;
        (void)MacroFile::write(kept, dir.filePath(QStringLiteral("form.macro.json")));
    }

    // The same target at 125 % (Qt scales the whole window: widgets, fonts, frames) and somewhere else.
    QProcessEnvironment zoom;
    zoom.insert(QStringLiteral("QT_SCALE_FACTOR"), QStringLiteral("1.25"));
    TargetApp zoomed(x, dir.filePath(QStringLiteral("zoomed.log")), {QStringLiteral("--pos"), QStringLiteral("380,250")}, zoom);
    ASSERT_TRUE(zoomed.waitReady());
    auto desktop = Desktop::open(x.display());
    ASSERT_TRUE(desktop);
    const ReplayReport report = Replayer::run(**desktop, rec.macro, replayOptions(dir.path()));
    if (!dir.autoRemove()) {
        QFile r(dir.filePath(QStringLiteral("zoomed-report.json")));
        r.open(QIODevice::WriteOnly);
        r.write(engine::Json::serialize(report.toObject(), {true, 100}));
        if (auto shot = (*desktop)->grabScreen())
            (void)shot->save(dir.filePath(QStringLiteral("zoomed.png")));
        std::cerr << "kept " << dir.path().toStdString() << "\n";
    }
    ASSERT_TRUE(report.ok) << report.error.toStdString();
    int clicks = 0;
    for (const StepReport& s : report.steps)
        if (s.kind == u"click") {
            ++clicks;
            EXPECT_EQ(s.strategy, QStringLiteral("image")) << "step " << s.index + 1;
            EXPECT_NEAR(s.scale, 1.25, 0.06) << "step " << s.index + 1;
        }
    EXPECT_EQ(clicks, 6);
    EXPECT_TRUE(zoomed.waitFor([&](const QStringList& a) { return a == rec.actions; }))
        << "recorded:\n" << rec.actions.join(u'\n').toStdString() << "\nreplayed:\n" << zoomed.actions().join(u'\n').toStdString();
}

TEST_P(RecordReplay, WindowRelativeFallbackFollowsTheZoom)
{
    XvfbSession x({.windowManager = GetParam()});
    ASSERT_TRUE(x.ok()) << x.error().toStdString();
    QTemporaryDir dir;
    const Recording rec = recordSession(x, dir.path());
    ASSERT_FALSE(rec.macro.steps.isEmpty());
    // No anchor can match (each is replaced by noise): every click falls back to its window-relative position, in
    // a window that is now 125 % of its recorded size.
    Macro blind = rec.macro;
    QRandomGenerator noise(7);
    for (MacroStep& s : blind.steps)
        for (Locator& l : s.target.locators)
            if (l.kind == Locator::Kind::Image) {
                Image random(l.anchor.width(), l.anchor.height());
                for (int y = 0; y < random.height(); ++y)
                    for (int x = 0; x < random.width() * 4; ++x)
                        random.bits()[y * random.stride() + x] = uchar(noise.bounded(256));
                l.anchor = random;
            }
    QProcessEnvironment zoom;
    zoom.insert(QStringLiteral("QT_SCALE_FACTOR"), QStringLiteral("1.25"));
    TargetApp zoomed(x, dir.filePath(QStringLiteral("blind.log")), {QStringLiteral("--pos"), QStringLiteral("300,220")}, zoom);
    ASSERT_TRUE(zoomed.waitReady());
    auto desktop = Desktop::open(x.display());
    ASSERT_TRUE(desktop);
    ReplayOptions o = replayOptions(dir.path());
    o.findTimeoutMs = 300;
    const ReplayReport report = Replayer::run(**desktop, blind, o);
    ASSERT_TRUE(report.ok) << report.error.toStdString();
    for (const StepReport& s : report.steps) {
        if (s.kind == u"click") {
            EXPECT_EQ(s.strategy, QStringLiteral("window")) << "step " << s.index + 1 << " " << s.strategy.toStdString() << " " << s.score;
        }
    }
    EXPECT_TRUE(zoomed.waitFor([&](const QStringList& a) { return a == rec.actions; }))
        << "recorded:\n" << rec.actions.join(u'\n').toStdString() << "\nreplayed:\n" << zoomed.actions().join(u'\n').toStdString();
}

TEST_P(RecordReplay, FourTimesSpeedAndAMissingTarget)
{
    XvfbSession x({.windowManager = GetParam()});
    ASSERT_TRUE(x.ok()) << x.error().toStdString();
    QTemporaryDir dir;
    const Recording rec = recordSession(x, dir.path());
    ASSERT_FALSE(rec.macro.steps.isEmpty());

    {
        TargetApp moved(x, dir.filePath(QStringLiteral("fast.log")), {QStringLiteral("--pos"), QStringLiteral("300,400")});
        ASSERT_TRUE(moved.waitReady());
        auto desktop = Desktop::open(x.display());
        ASSERT_TRUE(desktop);
        ReplayOptions o = replayOptions(dir.path());
        o.speed = 4;
        const ReplayReport report = Replayer::run(**desktop, rec.macro, o);
        ASSERT_TRUE(report.ok) << report.error.toStdString();
        EXPECT_TRUE(moved.waitFor([&](const QStringList& a) { return a == rec.actions; }))
            << "replayed:\n" << moved.actions().join(u'\n').toStdString();
    }

    // The Beta button is gone (and the window moved, so its old place tells nothing): step 3 must fail, clearly,
    // with a screenshot, and nothing after it may run.
    TargetApp without(x, dir.filePath(QStringLiteral("missing.log")),
                      {QStringLiteral("--pos"), QStringLiteral("500,100"), QStringLiteral("--hide"), QStringLiteral("beta")});
    ASSERT_TRUE(without.waitReady());
    auto desktop = Desktop::open(x.display());
    ASSERT_TRUE(desktop);
    ReplayOptions o = replayOptions(dir.path());
    o.findTimeoutMs = 1500;
    o.fallback = false;
    const ReplayReport report = Replayer::run(**desktop, rec.macro, o);
    ASSERT_FALSE(report.ok);
    // The Beta click is the second click (a wait step may come before it when the machine was slow).
    int betaStep = -1;
    for (int i = 0, clicks = 0; i < rec.macro.steps.size() && betaStep < 0; ++i)
        if (rec.macro.steps[i].kind == MacroStep::Kind::Click && ++clicks == 2)
            betaStep = i;
    const QString expected = QStringLiteral("step %1 (click): image anchor not on the screen").arg(betaStep + 1);
    EXPECT_TRUE(report.error.startsWith(expected)) << report.error.toStdString();
    ASSERT_EQ(report.steps.size(), betaStep + 1);
    EXPECT_FALSE(report.steps.last().screenshot.isEmpty());
    EXPECT_TRUE(QFile::exists(report.steps.last().screenshot));
    EXPECT_TRUE(report.error.contains(report.steps.last().screenshot));
    EXPECT_FALSE(without.actions().contains(QStringLiteral("click gamma")));
}

INSTANTIATE_TEST_SUITE_P(Desktop, RecordReplay, ::testing::Values(false, true),
                         [](const ::testing::TestParamInfo<bool>& info) { return info.param ? "Openbox" : "BareXvfb"; });
