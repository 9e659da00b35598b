// `taskloom record` / `replay` and the RPA nodes, end to end: the real binary against a private Xvfb and the
// target app. A recording converted with --as-flow runs as an ordinary flow and does what was recorded.

#include "CliTestSupport.hpp"
#include "XvfbSession.hpp"

#include "recorder/Desktop.hpp"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFile>
#include <QThread>

using namespace taskloom;
using namespace taskloom::tests;

namespace {

class RpaCli : public CliTest {
protected:
    void SetUp() override
    {
        CliTest::SetUp();
        ASSERT_TRUE(m_x.ok()) << m_x.error().toStdString();
        auto d = recorder::Desktop::open(m_x.display());
        ASSERT_TRUE(d) << d.error().toStdString();
        m_driver = std::move(*d);
    }
    QProcessEnvironment displayEnv() const
    {
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("DISPLAY"), m_x.display());
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        return env;
    }
    CliResult runOn(const QStringList& args, const QProcessEnvironment& env, int timeoutMs = 120000) const
    {
        QProcess p;
        p.setProcessEnvironment(env);
        QElapsedTimer t;
        t.start();
        p.start(QStringLiteral(TASKLOOM_CLI), args);
        p.closeWriteChannel();
        CliResult r;
        r.crashed = !p.waitForFinished(timeoutMs) || p.exitStatus() != QProcess::NormalExit;
        r.exitCode = p.exitCode();
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        r.elapsedMs = t.elapsed();
        return r;
    }
    void clickAt(const TargetApp::Widget& w)
    {
        ASSERT_TRUE(m_driver->moveMouse({w.centerX(), w.centerY()}));
        QThread::msleep(250);
        ASSERT_TRUE(m_driver->button(1, true));
        ASSERT_TRUE(m_driver->button(1, false));
        QThread::msleep(400);
    }

    XvfbSession m_x{{}};
    std::unique_ptr<recorder::Desktop> m_driver;
};

} // namespace

TEST_F(RpaCli, RecordAsFlowThenRunTheFlowOnAMovedWindow)
{
    TargetApp app(m_x, path(QStringLiteral("rec.log")));
    ASSERT_TRUE(app.waitReady());
    const QString flow = path(QStringLiteral("fill.flow.json"));
    QProcess rec;
    rec.setProcessEnvironment(displayEnv());
    rec.start(QStringLiteral(TASKLOOM_CLI), {QStringLiteral("record"), QStringLiteral("--out"), flow, QStringLiteral("--as-flow")});
    QByteArray err;
    QElapsedTimer t;
    t.start();
    while (!err.contains("Recording") && t.elapsed() < 30000 && rec.state() != QProcess::NotRunning) {
        rec.waitForReadyRead(100);
        err += rec.readAllStandardError();
    }
    ASSERT_TRUE(err.contains("Recording")) << err.toStdString();
    clickAt(app.widget(QStringLiteral("name")));
    ASSERT_TRUE(m_driver->typeText(QStringLiteral("Row één"), 25));
    QThread::msleep(300);
    clickAt(app.widget(QStringLiteral("beta")));
    ASSERT_TRUE(m_driver->key(QStringLiteral("F10"), true));
    ASSERT_TRUE(m_driver->key(QStringLiteral("F10"), false));
    ASSERT_TRUE(rec.waitForFinished(60000));
    err += rec.readAllStandardError();
    ASSERT_EQ(rec.exitCode(), 0) << err.toStdString();
    EXPECT_TRUE(err.contains("3 steps recorded")) << err.toStdString();
    const QStringList recorded = app.actions();
    app.stop();

    const CliResult validate = run({QStringLiteral("validate"), flow});
    ASSERT_EQ(validate.exitCode, 0) << validate.describe();
    QFile f(flow);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray json = f.readAll();
    EXPECT_TRUE(json.contains("\"rpa.click\"") && json.contains("\"rpa.typeText\"") && json.contains("fill.anchors/step-001.png"));

    TargetApp moved(m_x, path(QStringLiteral("run.log")), {QStringLiteral("--pos"), QStringLiteral("511,333")});
    ASSERT_TRUE(moved.waitReady());
    const CliResult r = runOn({QStringLiteral("run"), flow}, displayEnv());
    ASSERT_EQ(r.exitCode, 0) << r.describe();
    EXPECT_TRUE(r.outText().contains(QStringLiteral("\"strategy\": \"image\""))) << r.describe();
    EXPECT_TRUE(moved.waitFor([&](const QStringList& a) { return a == recorded; }))
        << "recorded:\n" << recorded.join(u'\n').toStdString() << "\nran:\n" << moved.actions().join(u'\n').toStdString();
}

TEST_F(RpaCli, ReplayFailureNamesTheStepAndSavesAScreenshot)
{
    const QString macro = writeFile(QStringLiteral("m.macro.json"), R"({"format": "taskloom-macro", "version": 1,
        "screen": {"width": 1280, "height": 800},
        "steps": [
          {"kind": "keys", "keys": "Escape"},
          {"kind": "click", "window": {"title": "Gone", "class": "gone-app"},
           "find": [{"by": "window", "title": "Gone", "class": "gone-app", "offset": [10, 10]},
                    {"by": "absolute", "x": 100, "y": 100}]}]})");
    const QString report = path(QStringLiteral("report.json"));
    const CliResult r = runOn({QStringLiteral("replay"), macro, QStringLiteral("--report"), report, QStringLiteral("--screenshots"),
                               path(QStringLiteral("shots"))}, displayEnv());
    EXPECT_EQ(r.exitCode, 1) << r.describe();
    EXPECT_TRUE(r.errText().contains(QStringLiteral("m.macro.json: step 2 (click): target not found: no window \"Gone\""))) << r.describe();
    EXPECT_TRUE(r.errText().contains(QStringLiteral("(screenshot: ") + path(QStringLiteral("shots/taskloom-replay-step-2-"))))
        << r.describe();
    const QJsonObject doc = parseJson([&] { QFile f(report); f.open(QIODevice::ReadOnly); return f.readAll(); }()).object();
    EXPECT_FALSE(doc.value(QStringLiteral("ok")).toBool());
    ASSERT_EQ(doc.value(QStringLiteral("steps")).toArray().size(), 2);
    EXPECT_TRUE(doc.value(QStringLiteral("steps")).toArray().at(0).toObject().value(QStringLiteral("ok")).toBool());
    EXPECT_TRUE(QFile::exists(doc.value(QStringLiteral("steps")).toArray().at(1).toObject().value(QStringLiteral("screenshot")).toString()));
}

TEST_F(RpaCli, BadMacrosAndMissingDisplaysExitWithTwo)
{
    const QString truncated = writeFile(QStringLiteral("t.macro.json"), R"({"format": "taskloom-macro", "version": 1, "steps": [{"kind": "cli)");
    CliResult r = runOn({QStringLiteral("replay"), truncated}, displayEnv());
    EXPECT_EQ(r.exitCode, 2) << r.describe();
    EXPECT_TRUE(r.errText().contains(truncated + QStringLiteral(": not valid JSON"))) << r.describe();

    const QString ok = writeFile(QStringLiteral("ok.macro.json"), R"({"format": "taskloom-macro", "version": 1, "steps": []})");
    QProcessEnvironment noX = environment();
    noX.insert(QStringLiteral("DISPLAY"), QStringLiteral(":987"));
    r = runOn({QStringLiteral("replay"), ok}, noX);
    EXPECT_EQ(r.exitCode, 2) << r.describe();
    EXPECT_TRUE(r.errText().contains(QStringLiteral("cannot open X display \":987\""))) << r.describe();

    QProcessEnvironment wayland = environment();
    wayland.remove(QStringLiteral("DISPLAY"));
    wayland.insert(QStringLiteral("WAYLAND_DISPLAY"), QStringLiteral("wayland-0"));
    r = runOn({QStringLiteral("record"), QStringLiteral("--out"), path(QStringLiteral("x.macro.json"))}, wayland);
    EXPECT_EQ(r.exitCode, 2) << r.describe();
    EXPECT_TRUE(r.errText().contains(QStringLiteral("Wayland session"))) << r.describe();
    EXPECT_FALSE(QFile::exists(path(QStringLiteral("x.macro.json"))));
}

TEST_F(RpaCli, TextOnTheScreenIsReadWaitedForAndClicked)
{
    TargetApp app(m_x, path(QStringLiteral("text.log")), {QStringLiteral("--pos"), QStringLiteral("377,211")});
    ASSERT_TRUE(app.waitReady());
    const QString flow = writeFlow(
        QStringLiteral("text.flow.json"),
        {QStringLiteral(R"({"id": "w", "type": "rpa.waitForText", "typeVersion": 1, "name": "Wait",
             "params": {"text": "Gamma", "title": "^Taskloom Target$", "timeout": 20}})"),
         QStringLiteral(R"({"id": "c", "type": "rpa.click", "typeVersion": 1, "name": "Click",
             "params": {"text": "gamma", "fallback": false, "timeout": 20}})"),
         QStringLiteral(R"({"id": "r", "type": "rpa.readText", "typeVersion": 1, "name": "Read",
             "params": {"title": "^Taskloom Target$"}})")},
        {QStringLiteral(R"({"from": "t", "to": "w"})"), QStringLiteral(R"({"from": "w", "to": "c"})"),
         QStringLiteral(R"({"from": "c", "to": "r"})")});
    const CliResult r = runOn({QStringLiteral("run"), flow, QStringLiteral("--no-store")}, displayEnv());
    ASSERT_EQ(r.exitCode, 0) << r.describe();
    EXPECT_TRUE(r.outText().contains(QStringLiteral("\"strategy\": \"text\""))) << r.describe();
    EXPECT_TRUE(app.waitFor([](const QStringList& a) { return a.contains(QStringLiteral("click gamma")); }))
        << app.actions().join(u'\n').toStdString();
    // The found box lies on the Gamma button, and the whole window's text was read.
    const TargetApp::Widget gamma = app.widget(QStringLiteral("gamma"));
    const QJsonArray items = QJsonDocument::fromJson(r.out).array();
    ASSERT_EQ(items.size(), 1) << r.describe();
    const QJsonObject found = items[0].toObject().value(QStringLiteral("found")).toObject();
    const int cx = found.value(QStringLiteral("x")).toInt() + found.value(QStringLiteral("width")).toInt() / 2;
    const int cy = found.value(QStringLiteral("y")).toInt() + found.value(QStringLiteral("height")).toInt() / 2;
    EXPECT_TRUE(cx > gamma.x && cx < gamma.x + gamma.width && cy > gamma.y && cy < gamma.y + gamma.height) << r.describe();
    const QString text = items[0].toObject().value(QStringLiteral("screenText")).toObject().value(QStringLiteral("text")).toString();
    for (const char* word : {"Name", "Email", "Alpha", "Beta"})
        EXPECT_TRUE(text.contains(QLatin1String(word))) << word << " in:\n" << text.toStdString();

    // Words that never appear: a timeout naming the text and the window.
    const QString missing = writeFlow(
        QStringLiteral("missing.flow.json"),
        {QStringLiteral(R"({"id": "w", "type": "rpa.waitForText", "typeVersion": 1, "name": "Wait",
             "params": {"text": "Delta", "title": "^Taskloom Target$", "timeout": 1}})")},
        {QStringLiteral(R"({"from": "t", "to": "w"})")});
    const CliResult m = runOn({QStringLiteral("run"), missing, QStringLiteral("--no-store")}, displayEnv());
    EXPECT_EQ(m.exitCode, 1) << m.describe();
    EXPECT_TRUE(m.errText().contains(QStringLiteral("\"Delta\" did not appear on window \"Taskloom Target\" within 1 s"))) << m.describe();
}

TEST_F(RpaCli, TheAbortKeyStopsAReplay)
{
    const QString macro = writeFile(QStringLiteral("wait.macro.json"), R"({"format": "taskloom-macro", "version": 1,
        "steps": [{"kind": "wait", "ms": 60000}, {"kind": "keys", "keys": "Escape"}]})");
    QProcess replay;
    replay.setProcessEnvironment(displayEnv());
    QElapsedTimer t;
    t.start();
    replay.start(QStringLiteral(TASKLOOM_CLI), {QStringLiteral("replay"), macro, QStringLiteral("--abort-key"), QStringLiteral("F7")});
    QByteArray err;
    while (!err.contains("press F7 to stop") && t.elapsed() < 30000 && replay.state() != QProcess::NotRunning) {
        replay.waitForReadyRead(100);
        err += replay.readAllStandardError();
    }
    ASSERT_TRUE(err.contains("press F7 to stop")) << err.toStdString();
    ASSERT_TRUE(m_driver->key(QStringLiteral("F7"), true));
    ASSERT_TRUE(m_driver->key(QStringLiteral("F7"), false));
    ASSERT_TRUE(replay.waitForFinished(20000)) << "still replaying after the abort key";
    err += replay.readAllStandardError();
    EXPECT_EQ(replay.exitCode(), 3) << err.toStdString();
    EXPECT_LT(t.elapsed(), 40000) << "stopped in the 60 s wait, not after it";
}

TEST_F(RpaCli, ADialogWithoutADisplayFailsNamingTheNode)
{
    // `taskloom run` starts a widgets application (offscreen, as there is no display), and the dialog node refuses
    // to wait for an answer nobody could give.
    const QString flow = writeFlow(QStringLiteral("dialog.flow.json"),
                                   {QStringLiteral(R"({"id": "a", "type": "rpa.inputDialog", "typeVersion": 1, "name": "Ask",
                                        "params": {"message": "Anyone?"}})")},
                                   {QStringLiteral(R"({"from": "t", "to": "a"})")});
    QProcessEnvironment headless = environment();
    headless.remove(QStringLiteral("DISPLAY"));
    headless.remove(QStringLiteral("WAYLAND_DISPLAY"));
    headless.remove(QStringLiteral("QT_QPA_PLATFORM"));
    const CliResult r = runOn({QStringLiteral("run"), flow, QStringLiteral("--no-store")}, headless);
    EXPECT_EQ(r.exitCode, 1) << r.describe();
    EXPECT_TRUE(r.errText().contains(QStringLiteral("Ask"))) << r.describe();
    EXPECT_TRUE(r.errText().contains(QStringLiteral("no display to show the dialog on"))) << r.describe();
}
