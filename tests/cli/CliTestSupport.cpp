#include "CliTestSupport.hpp"

#include <QCoreApplication>
#ifdef TASKLOOM_TEST_GUI_APP
#include <QGuiApplication>
#endif
#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonParseError>

namespace taskloom::tests {

namespace {

// QProcess wants an application object; gtest_main makes none. Test programs that draw their documents with
// QPainter get a GUI one (offscreen: the test launcher sets QT_QPA_PLATFORM).
class QtEnvironment final : public ::testing::Environment {
public:
    void SetUp() override
    {
        if (QCoreApplication::instance())
            return;
#ifdef TASKLOOM_TEST_GUI_APP
        m_app = std::make_unique<QGuiApplication>(m_argc, m_argv);
#else
        m_app = std::make_unique<QCoreApplication>(m_argc, m_argv);
#endif
    }
    // Before exit() starts tearing down Qt's own globals.
    void TearDown() override { m_app.reset(); }

private:
    int m_argc = 1;
    char m_name[9] = "cli_test";
    char* m_argv[2] = {m_name, nullptr};
    std::unique_ptr<QCoreApplication> m_app;
};

[[maybe_unused]] ::testing::Environment* const qtEnvironment = ::testing::AddGlobalTestEnvironment(new QtEnvironment);

} // namespace

QStringList CliResult::errLines() const
{
    QStringList lines = errText().split(u'\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

std::string CliResult::describe() const
{
    return QStringLiteral("exit %1%2 after %3 ms\n--- stdout ---\n%4\n--- stderr ---\n%5")
        .arg(exitCode)
        .arg(crashed ? QStringLiteral(" (crashed or killed)") : QString())
        .arg(elapsedMs)
        .arg(outText().left(4000), errText().left(4000))
        .toStdString();
}

QJsonDocument parseJson(const QByteArray& text)
{
    QJsonParseError error{};
    QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError)
        << error.errorString().toStdString() << " at offset " << error.offset << " in:\n" << text.left(4000).toStdString();
    return doc;
}

void CliTest::SetUp()
{
    ASSERT_TRUE(m_tmp.isValid());
    ASSERT_TRUE(QFileInfo(QStringLiteral(TASKLOOM_CLI)).isExecutable()) << TASKLOOM_CLI;
    ASSERT_TRUE(QDir().mkpath(path(QStringLiteral("home"))));
    ASSERT_TRUE(QDir().mkpath(path(QStringLiteral("keys"))));
}

QProcessEnvironment CliTest::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TASKLOOM_HOME"), dataDir());
    env.insert(QStringLiteral("TASKLOOM_VAULT_KEY_FILE"), keyFile());
    env.insert(QStringLiteral("HOME"), path(QStringLiteral("home")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), path(QStringLiteral("home/.local/share")));
    env.insert(QStringLiteral("NO_COLOR"), QStringLiteral("1"));
    // Children die with the test program if it crashes.
    env.insert(QStringLiteral("TASKLOOM_DIE_WITH_PARENT"), QStringLiteral("1"));
    // Nothing may reach a real keyring.
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    return env;
}

CliResult CliTest::run(const QStringList& args, const QByteArray& input, int timeoutMs) const
{
    CliResult r;
    QProcess p;
    p.setProcessEnvironment(environment());
    p.setWorkingDirectory(path(QString()));
    QElapsedTimer clock;
    clock.start();
    p.start(QStringLiteral(TASKLOOM_CLI), args);
    if (!p.waitForStarted(10000)) {
        r.crashed = true;
        r.err = p.errorString().toUtf8();
        return r;
    }
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        r.crashed = true;
    }
    r.elapsedMs = clock.elapsed();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    r.crashed = r.crashed || p.exitStatus() != QProcess::NormalExit;
    r.exitCode = r.crashed ? -1 : p.exitCode();
    return r;
}

std::unique_ptr<QProcess> CliTest::start(const QStringList& args) const
{
    auto p = std::make_unique<QProcess>();
    p->setProcessEnvironment(environment());
    p->setWorkingDirectory(path(QString()));
    p->start(QStringLiteral(TASKLOOM_CLI), args);
    p->waitForStarted(10000);
    p->closeWriteChannel();
    return p;
}

bool CliTest::waitForLine(QProcess& process, const QStringList& needles, QByteArray& seen, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    QByteArray pending;
    while (!deadline.hasExpired()) {
        if (process.bytesAvailable() == 0 && !process.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime()))))
            return false;
        const QByteArray chunk = process.readAllStandardOutput();
        seen += chunk;
        pending += chunk;
        qsizetype nl = 0;
        while ((nl = pending.indexOf('\n')) >= 0) {
            const QString line = QString::fromUtf8(pending.left(nl));
            pending.remove(0, nl + 1);
            bool all = true;
            for (const QString& n : needles)
                all = all && line.contains(n);
            if (all)
                return true;
        }
    }
    return false;
}

QString CliTest::writeFile(const QString& relative, const QByteArray& bytes) const
{
    const QString file = path(relative);
    QDir().mkpath(QFileInfo(file).absolutePath());
    QFile f(file);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate)) << file.toStdString();
    f.write(bytes);
    return QFileInfo(file).absoluteFilePath();
}

QString CliTest::writeFlow(const QString& relative, const QStringList& nodes, const QStringList& connections,
                           const QString& extra) const
{
    QStringList all{QStringLiteral(R"({"id": "t", "type": "core.manualTrigger", "typeVersion": 1, "name": "Run", "params": {}})")};
    all += nodes;
    const QString text = QStringLiteral(R"({
  "format": "taskloom-flow", "version": 1,
  "id": "6f1c2a9e-0d4b-4e7a-9c3f-5b8d7e6a1c20", "name": "Test flow",
  "nodes": [
    %1
  ],
  "connections": [%2]%3
}
)")
                             .arg(all.join(QStringLiteral(",\n    ")), connections.join(QStringLiteral(", ")),
                                  extra.isEmpty() ? QString() : QStringLiteral(",\n  ") + extra);
    return writeFile(relative, text.toUtf8());
}

bool CliTest::copyFolder(const QString& from, const QString& to, const QStringList& skip)
{
    const QDir source(from);
    if (!QDir().mkpath(to))
        return false;
    for (const QFileInfo& entry : source.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden)) {
        const QString target = QDir(to).filePath(entry.fileName());
        if (entry.isDir()) {
            if (!skip.contains(entry.fileName()) && !copyFolder(entry.absoluteFilePath(), target, skip))
                return false;
        } else if (!QFile::copy(entry.absoluteFilePath(), target)) {
            return false;
        }
    }
    return true;
}

QStringList CliTest::filesBelow(const QString& folder)
{
    QStringList files;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(QDir(folder).relativeFilePath(it.next()));
    files.sort();
    return files;
}

QJsonArray CliTest::listRuns() const
{
    const CliResult r = run({QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--json")});
    EXPECT_EQ(r.exitCode, 0) << r.describe();
    const QJsonDocument doc = parseJson(r.out);
    EXPECT_TRUE(doc.isArray()) << r.describe();
    return doc.array();
}

QJsonObject CliTest::showRun(const QString& id) const
{
    const CliResult r = run({QStringLiteral("runs"), QStringLiteral("show"), id, QStringLiteral("--json")});
    EXPECT_EQ(r.exitCode, 0) << r.describe();
    const QJsonDocument doc = parseJson(r.out);
    EXPECT_TRUE(doc.isObject()) << r.describe();
    return doc.object();
}

} // namespace taskloom::tests
