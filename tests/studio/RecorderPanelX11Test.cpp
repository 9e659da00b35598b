// The recorder panel on a private Xvfb: the panel's Record button records XTest clicks and typing on the target
// app, Stop lists the steps; Replay (from the panel, on a worker thread) clicks the same widgets of a target
// opened elsewhere, highlighting the steps in order, and every step succeeds.

#include "StudioTestSupport.hpp"
#include "XvfbSession.hpp"

#include "app/studio/MacroStepModel.hpp"
#include "app/studio/RecorderController.hpp"
#include "app/studio/RecorderPanel.hpp"
#include "recorder/Desktop.hpp"
#include "recorder/MacroFile.hpp"

#include <QAction>
#include <QCheckBox>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <iostream>

using namespace taskloom;
using namespace taskloom::studio;
using recorder::MacroStep;
using tests::TargetApp;
using tests::XvfbSession;

namespace {

/// Runs the event loop (the panel polls the recorder and receives replay results through it).
void pump(int ms)
{
    QDeadlineTimer t(ms);
    while (!t.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(10);
    }
}

bool waitUntil(const std::function<bool()>& pred, int timeoutMs)
{
    QDeadlineTimer t(timeoutMs);
    while (!pred()) {
        if (t.hasExpired())
            return false;
        pump(20);
    }
    return true;
}

/// Someone at the desktop, played with XTest from a connection of its own.
class Person {
public:
    Person(recorder::Desktop& d, const TargetApp& app) : m_d(d), m_app(app) {}
    void click(const QString& name)
    {
        const TargetApp::Widget w = m_app.widget(name);
        const int before = int(m_app.actions().size());
        ASSERT_TRUE(m_d.moveMouse({w.centerX(), w.centerY()}));
        pump(250);
        ASSERT_TRUE(m_d.button(1, true));
        pump(60);
        ASSERT_TRUE(m_d.button(1, false));
        const bool field = name == u"name" || name == u"email";
        EXPECT_TRUE(m_app.waitFor([&](const QStringList& a) {
            return field ? m_app.hasFocus(name) : a.mid(before).contains(QStringLiteral("click ") + name);
        })) << name.toStdString();
        pump(300);
    }
    void type(const QString& text)
    {
        ASSERT_TRUE(m_d.typeText(text, 25));
        pump(250);
    }

private:
    recorder::Desktop& m_d;
    const TargetApp& m_app;
};

QList<MacroStep::Kind> kinds(const MacroStepModel& m)
{
    QList<MacroStep::Kind> k;
    for (int i = 0; i < m.rowCount(); ++i)
        if (m.step(i).kind != MacroStep::Kind::Wait)
            k.append(m.step(i).kind);
    return k;
}

} // namespace

TEST(RecorderPanelX11, RecordThenReplayFromThePanel)
{
    test::runtime();
    XvfbSession x({});
    ASSERT_TRUE(x.ok()) << x.error().toStdString();
    QTemporaryDir dir;
    dir.setAutoRemove(qEnvironmentVariableIsEmpty("TASKLOOM_KEEP_TEST_DIR"));

    RecorderPanel panel;
    RecorderController& c = *panel.controller();
    MacroStepModel& model = *panel.model();
    c.setDisplay(x.display());
    c.setStartDelayMs(150);
    QSignalSpy minimize(&panel, &RecorderPanel::minimizeRequested);
    QSignalSpy restore(&panel, &RecorderPanel::restoreRequested);

    QStringList recordedActions;
    {
        TargetApp app(x, dir.filePath(QStringLiteral("record.log")), {QStringLiteral("--pos"), QStringLiteral("60,60")});
        ASSERT_TRUE(app.waitReady());
        auto driver = recorder::Desktop::open(x.display());
        ASSERT_TRUE(driver) << driver.error().toStdString();

        panel.action(QStringLiteral("record"))->trigger();
        EXPECT_EQ(minimize.count(), 1) << "the studio gets out of the way while recording";
        ASSERT_TRUE(waitUntil([&] { return c.state() == RecorderController::State::Recording; }, 10000))
            << panel.statusText().toStdString();
        EXPECT_TRUE(panel.action(QStringLiteral("stop"))->isEnabled());
        EXPECT_FALSE(panel.action(QStringLiteral("replay"))->isEnabled());
        pump(300);
        Person p(**driver, app);
        p.click(QStringLiteral("name"));
        p.type(QStringLiteral("Hello panel"));
        p.click(QStringLiteral("beta"));
        // Paused input is not recorded.
        panel.action(QStringLiteral("pause"))->trigger();
        EXPECT_EQ(c.state(), RecorderController::State::Paused);
        p.click(QStringLiteral("gamma"));
        panel.action(QStringLiteral("pause"))->trigger();
        EXPECT_EQ(c.state(), RecorderController::State::Recording);
        p.click(QStringLiteral("email"));
        p.type(QStringLiteral("ann@example.org"));
        p.click(QStringLiteral("alpha"));
        // The list fills while recording.
        EXPECT_TRUE(waitUntil([&] { return model.rowCount() >= 5; }, 5000)) << model.rowCount();
        panel.action(QStringLiteral("stop"))->trigger();
        EXPECT_EQ(c.state(), RecorderController::State::Idle);
        EXPECT_EQ(restore.count(), 1);
        recordedActions = app.actions();
        recordedActions.removeAll(QStringLiteral("click gamma"));
    }
    using K = MacroStep::Kind;
    ASSERT_EQ(kinds(model), (QList<K>{K::Click, K::Type, K::Click, K::Click, K::Type, K::Click}))
        << panel.statusText().toStdString();
    EXPECT_TRUE(model.isDirty());
    EXPECT_FALSE(model.thumbnail(0).isNull()) << "clicks carry anchor images";
    EXPECT_TRUE(panel.statusText().contains(QStringLiteral("recorded"))) << panel.statusText().toStdString();
    const QString macroPath = dir.filePath(QStringLiteral("panel.macro.json"));
    ASSERT_TRUE(panel.saveMacro(macroPath));

    // Replay on a target that opened somewhere else.
    TargetApp moved(x, dir.filePath(QStringLiteral("replay.log")), {QStringLiteral("--pos"), QStringLiteral("380,240")});
    ASSERT_TRUE(moved.waitReady());
    QSignalSpy current(&c, &RecorderController::currentStepChanged);
    QSignalSpy finished(&c, &RecorderController::replayFinished);
    panel.setSpeed(2.0);
    panel.action(QStringLiteral("replay"))->trigger();
    EXPECT_EQ(c.state(), RecorderController::State::Replaying) << panel.statusText().toStdString();
    ASSERT_TRUE(waitUntil([&] { return finished.count() == 1; }, 120000)) << panel.statusText().toStdString();
    EXPECT_TRUE(finished.first().at(0).toBool()) << finished.first().at(1).toString().toStdString();
    QList<int> highlighted;
    for (const QList<QVariant>& args : current)
        highlighted.append(args.at(0).toInt());
    QList<int> expected;
    for (int i = 0; i < model.rowCount(); ++i)
        expected.append(i);
    EXPECT_EQ(highlighted, expected) << "the highlight follows the steps in order";
    for (int i = 0; i < model.rowCount(); ++i) {
        const auto r = model.result(i);
        ASSERT_TRUE(r) << "step " << i + 1;
        EXPECT_TRUE(r->ok) << "step " << i + 1 << ": " << r->error.toStdString();
        if (model.step(i).kind == K::Click) {
            EXPECT_EQ(r->strategy, u"image") << "step " << i + 1;
        }
    }
    EXPECT_EQ(model.currentStep(), -1) << "no highlight once finished";
    EXPECT_EQ(c.state(), RecorderController::State::Idle);
    EXPECT_TRUE(moved.waitFor([&](const QStringList& a) { return a == recordedActions; }))
        << "recorded:\n" << recordedActions.join(u'\n').toStdString() << "\nreplayed:\n"
        << moved.actions().join(u'\n').toStdString();

    // Step by step: the replay waits before each step until Next step; Stop aborts it while it waits.
    QSignalSpy waiting(&c, &RecorderController::waitingForStep);
    finished.clear();
    auto* stepByStep = panel.findChild<QCheckBox*>();
    ASSERT_TRUE(stepByStep);
    stepByStep->setChecked(true);
    panel.action(QStringLiteral("replay"))->trigger();
    ASSERT_TRUE(waitUntil([&] { return waiting.count() == 1; }, 20000)) << panel.statusText().toStdString();
    EXPECT_EQ(waiting.first().at(0).toInt(), 0);
    pump(700);
    EXPECT_FALSE(model.result(0)) << "nothing runs before Next step";
    EXPECT_EQ(model.currentStep(), 0);
    ASSERT_TRUE(panel.action(QStringLiteral("nextStep"))->isEnabled());
    panel.action(QStringLiteral("nextStep"))->trigger();
    ASSERT_TRUE(waitUntil([&] { return waiting.count() == 2; }, 30000)) << panel.statusText().toStdString();
    ASSERT_TRUE(model.result(0));
    EXPECT_TRUE(model.result(0)->ok);
    panel.action(QStringLiteral("stop"))->trigger();
    ASSERT_TRUE(waitUntil([&] { return finished.count() == 1; }, 30000)) << panel.statusText().toStdString();
    EXPECT_FALSE(finished.first().at(0).toBool());
    EXPECT_FALSE(model.result(1)) << "the step it waited before never ran";
    EXPECT_EQ(c.state(), RecorderController::State::Idle);
    EXPECT_TRUE(panel.statusText().startsWith(QStringLiteral("Replay stopped"))) << panel.statusText().toStdString();
    if (!dir.autoRemove())
        std::cerr << "kept " << dir.path().toStdString() << "\n";
}

TEST(RecorderPanelX11, F9StartsAndF10StopsARecording)
{
    test::runtime();
    XvfbSession x({});
    ASSERT_TRUE(x.ok()) << x.error().toStdString();
    RecorderPanel panel;
    RecorderController& c = *panel.controller();
    c.setDisplay(x.display());
    c.setStartDelayMs(100);
    c.setHotkeysEnabled(true);
    EXPECT_TRUE(c.hotkeysActive()) << panel.statusText().toStdString();
    auto keyboard = recorder::Desktop::open(x.display());
    ASSERT_TRUE(keyboard) << keyboard.error().toStdString();
    const auto tap = [&](const char* key) {
        ASSERT_TRUE((*keyboard)->key(QString::fromLatin1(key), true));
        ASSERT_TRUE((*keyboard)->key(QString::fromLatin1(key), false));
    };
    tap("F9");
    ASSERT_TRUE(waitUntil([&] { return c.state() == RecorderController::State::Recording; }, 15000))
        << panel.statusText().toStdString();
    EXPECT_FALSE(c.hotkeysActive()) << "the recorder grabs its own keys while recording";
    pump(300);
    tap("F10");
    ASSERT_TRUE(waitUntil([&] { return c.state() == RecorderController::State::Idle; }, 15000))
        << panel.statusText().toStdString();
    EXPECT_EQ(panel.model()->rowCount(), 0) << "the hotkeys themselves are not steps";
    EXPECT_TRUE(panel.statusText().startsWith(QStringLiteral("Nothing was recorded"))) << panel.statusText().toStdString();
    EXPECT_TRUE(c.hotkeysActive()) << "F9 is armed again after the recording";
    c.setHotkeysEnabled(false);
    EXPECT_FALSE(c.hotkeysActive());
}
