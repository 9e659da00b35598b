// End to end: the real taskloom-studio program on its own X server (Xvfb) opens an example flow, runs it, and
// the screen is captured with ImageMagick's `import` as a test artifact (build/test-artifacts/studio-e2e.png).

#include "XvfbSession.hpp"

#include "engine/RunStore.hpp"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

using namespace taskloom;

namespace {

QString copyExample(const QTemporaryDir& dir, const QString& name)
{
    QString flow;
    const QDir src(QStringLiteral(TASKLOOM_SOURCE_DIR "/examples/") + name);
    for (const QFileInfo& f : src.entryInfoList(QDir::Files)) {
        QFile::copy(f.absoluteFilePath(), dir.filePath(f.fileName()));
        if (f.fileName().endsWith(QStringLiteral(".flow.json")))
            flow = dir.filePath(f.fileName());
    }
    return flow;
}

/// The finished runs in a data folder (read the way `taskloom runs list` does, from this process).
QList<engine::RunSummary> finishedRuns(const QString& dataDir)
{
    if (!QFile::exists(engine::RunStore::databasePath(dataDir)))
        return {};
    auto store = engine::RunStore::open(dataDir);
    if (!store)
        return {};
    auto runs = (*store)->listRuns();
    QList<engine::RunSummary> done;
    for (const engine::RunSummary& r : runs ? *runs : QList<engine::RunSummary>{}) {
        if (r.status != engine::RunStatus::Running)
            done.append(r);
    }
    return done;
}

} // namespace

TEST(StudioE2E, OpensRunsAndScreenshotsAnExampleUnderXvfb)
{
    if (QStandardPaths::findExecutable(QStringLiteral("import")).isEmpty())
        GTEST_SKIP() << "ImageMagick's import is not installed (installer/deps-debian.sh installs it)";
    tests::XvfbSession x({1440, 900, true});
    ASSERT_TRUE(x.ok()) << x.error().toStdString();

    QTemporaryDir work;
    const QString flow = copyExample(work, QStringLiteral("orders-report"));
    ASSERT_FALSE(flow.isEmpty());
    const QString dataDir = work.filePath(QStringLiteral("data"));
    QProcessEnvironment env = x.environment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), work.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("TASKLOOM_VAULT_KEY_FILE"), work.filePath(QStringLiteral("vault.key")));

    QProcess studio;
    studio.setProcessEnvironment(env);
    studio.setProcessChannelMode(QProcess::ForwardedChannels);
    studio.start(QStringLiteral(TASKLOOM_STUDIO), {QStringLiteral("--data-dir"), dataDir, QStringLiteral("--lang"),
                                                   QStringLiteral("en"), QStringLiteral("--run"), flow});
    ASSERT_TRUE(studio.waitForStarted(20000));

    // The run is done when the run store says so (the studio records runs like `taskloom run`).
    QElapsedTimer t;
    t.start();
    QList<engine::RunSummary> runs;
    while (runs.isEmpty() && t.elapsed() < 120000 && studio.state() == QProcess::Running) {
        QThread::msleep(250);
        runs = finishedRuns(dataDir);
    }
    ASSERT_EQ(runs.size(), 1) << "the studio finished one run (exit code " << studio.exitCode() << ")";
    EXPECT_EQ(runs.first().status, engine::RunStatus::Succeeded) << runs.first().errorMessage.toStdString();
    EXPECT_EQ(runs.first().trigger, u"studio");
    EXPECT_TRUE(QFile::exists(work.filePath(QStringLiteral("out/revenue-by-region.csv"))));
    QThread::msleep(1500); // the last statuses are painted after the run's final event

    const QString shot = QStringLiteral(TASKLOOM_BINARY_DIR "/test-artifacts/studio-e2e.png");
    QDir().mkpath(QFileInfo(shot).absolutePath());
    QFile::remove(shot);
    QProcess import;
    import.setProcessEnvironment(x.environment());
    import.start(QStringLiteral("import"), {QStringLiteral("-window"), QStringLiteral("root"), shot});
    ASSERT_TRUE(import.waitForFinished(60000));
    EXPECT_EQ(import.exitCode(), 0) << import.readAllStandardError().toStdString();
    EXPECT_EQ(studio.state(), QProcess::Running) << "the studio is still up after its run";
    studio.terminate();
    if (!studio.waitForFinished(10000)) {
        studio.kill();
        studio.waitForFinished(5000);
    }

    ASSERT_TRUE(QFile::exists(shot));
    QImage image(shot);
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), QSize(1440, 900));
    // A real window, not a blank screen: many colours (nodes, text, the green of succeeded statuses).
    QSet<QRgb> colours;
    int green = 0;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x0 = 0; x0 < image.width(); x0 += 2) {
            const QRgb c = image.pixel(x0, y);
            colours.insert(c);
            if (qGreen(c) > 150 && qRed(c) < 100 && qBlue(c) < 120)
                ++green;
        }
    }
    EXPECT_GT(colours.size(), 200);
    EXPECT_GT(green, 20) << "succeeded nodes show their green status";
}
