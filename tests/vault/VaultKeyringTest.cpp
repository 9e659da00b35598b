// The vault on a machine without a usable OS keyring: it must fall back to a key file (new vault) or fail with a
// clear message (existing vault), within the keyring timeout, never hanging or crashing.
//
// Run once per kind of broken bus (see CMakeLists.txt): TASKLOOM_TEST_BUS picks the session bus that main() sets
// up before anything touches D-Bus (Qt connects once per process). A QCoreApplication exists, so the keyring
// really is tried.

#include "VaultTestSupport.hpp"

#include "vault/KeyResolver.hpp"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <cstring>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <thread>
#include <vector>

namespace taskloom::vault {
namespace {

using namespace test;

// Margin for a loaded 2-core machine; far below the 25 s a blocking D-Bus call would take.
constexpr qint64 slackMs = 2000;

} // namespace

// Set by main(): which broken bus this run has (TASKLOOM_TEST_BUS), and why it cannot be set up, if it cannot.
QByteArray busKind;
const char* skipReason = nullptr;

namespace {

class VaultKeyringTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (skipReason)
            GTEST_SKIP() << skipReason;
        ASSERT_TRUE(m_tmp.isValid());
        qunsetenv(KeyResolver::keyFileVariable);
        m_options.keyringTimeoutMs = 1000;
        m_options.keyringService = QStringLiteral("taskloom-test");
    }

    QString vaultPath() const { return m_dataDir + QStringLiteral("/credentials.vault"); }
    QString keyPath() const { return m_dataDir + QStringLiteral("/vault.key"); }

    QTemporaryDir m_tmp;
    QString m_dataDir = m_tmp.path() + QStringLiteral("/data");
    VaultOptions m_options;
};

TEST_F(VaultKeyringTest, NewVaultFallsBackToAKeyFileWithinTheTimeout)
{
    QElapsedTimer timer;
    timer.start();
    auto vault = Vault::open(m_dataDir, m_options);
    const qint64 elapsed = timer.elapsed();
    ASSERT_TRUE(vault) << vault.error().toStdString();
    EXPECT_LT(elapsed, m_options.keyringTimeoutMs + slackMs);

    const KeySource& source = (*vault)->keySource();
    EXPECT_EQ(source.kind, KeySource::Kind::KeyFile);
    EXPECT_EQ(source.location, keyPath());
    EXPECT_TRUE(source.created);
    EXPECT_TRUE(source.reason.startsWith(QStringLiteral("OS keyring unavailable: "))) << source.reason.toStdString();
    EXPECT_FALSE(source.describe().contains(QLatin1Char('\n')));
    EXPECT_EQ(modeOf(keyPath()), 0600);
    ASSERT_TRUE((*vault)->put(credential(QStringLiteral("a"), QStringLiteral("u"), QStringLiteral("p"))));
    vault->reset();

    // From now on the key file wins: the keyring is not consulted again, so reopening does not wait for it.
    timer.restart();
    auto reopened = Vault::open(m_dataDir, m_options);
    ASSERT_TRUE(reopened) << reopened.error().toStdString();
    EXPECT_LT(timer.elapsed(), 500);
    EXPECT_FALSE((*reopened)->keySource().created);
    EXPECT_TRUE((*reopened)->get(QStringLiteral("a")));
}

TEST_F(VaultKeyringTest, FallbackReasonNamesTheCause)
{
    auto vault = Vault::open(m_dataDir, m_options);
    ASSERT_TRUE(vault) << vault.error().toStdString();
    const QString reason = (*vault)->keySource().reason;
    const QHash<QByteArray, QString> expected{
        {"unset", QStringLiteral("no session bus (DBUS_SESSION_BUS_ADDRESS is not set)")},
        {"absent", QStringLiteral("cannot connect to session bus")},
        {"silent", QStringLiteral("does not answer")},
        {"wedged", QStringLiteral("no answer within 1000 ms")}, // the bus answered the probe, the keyring did not
        {"empty", QString()},                                   // whatever qtkeychain says; only not a timeout
    };
    ASSERT_TRUE(expected.contains(busKind));
    EXPECT_TRUE(reason.startsWith(QStringLiteral("OS keyring unavailable: ")));
    EXPECT_TRUE(reason.contains(expected.value(busKind))) << busKind.constData() << ": " << reason.toStdString();
    if (busKind == "empty") {
        EXPECT_FALSE(reason.contains(QStringLiteral("no answer"))) << reason.toStdString();
    }
}

TEST_F(VaultKeyringTest, DefaultTimeoutBoundsOpen)
{
    VaultOptions options; // the production defaults, 3 s
    options.keyringService = m_options.keyringService;
    QElapsedTimer timer;
    timer.start();
    auto vault = Vault::open(m_dataDir, options);
    ASSERT_TRUE(vault) << vault.error().toStdString();
    EXPECT_LT(timer.elapsed(), options.keyringTimeoutMs + slackMs);
    EXPECT_EQ((*vault)->keySource().kind, KeySource::Kind::KeyFile);
}

TEST_F(VaultKeyringTest, ExistingVaultWithoutItsKeyFailsClearlyWithinTheTimeout)
{
    {
        VaultOptions keyFileOnly = m_options;
        keyFileOnly.useKeyring = false;
        auto vault = Vault::open(m_dataDir, keyFileOnly);
        ASSERT_TRUE(vault) << vault.error().toStdString();
        ASSERT_TRUE((*vault)->put(credential(QStringLiteral("a"), QStringLiteral("u"), QStringLiteral("p"))));
    }
    const QByteArray before = readAll(vaultPath());
    ASSERT_TRUE(QFile::remove(keyPath()));

    QElapsedTimer timer;
    timer.start();
    auto vault = Vault::open(m_dataDir, m_options);
    EXPECT_LT(timer.elapsed(), m_options.keyringTimeoutMs + slackMs);
    ASSERT_FALSE(vault);
    const QString error = vault.error();
    EXPECT_TRUE(error.contains(QStringLiteral("no key for the vault in %1").arg(m_dataDir))) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("OS keyring unavailable"))) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("TASKLOOM_VAULT_KEY_FILE")));
    EXPECT_FALSE(error.contains(QLatin1Char('\n')));
    EXPECT_FALSE(QFile::exists(keyPath())) << "an existing vault never gets a new key";
    EXPECT_EQ(readAll(vaultPath()), before);
}

TEST_F(VaultKeyringTest, DisabledKeyringIsNotWaitedFor)
{
    m_options.useKeyring = false;
    m_options.keyringTimeoutMs = 60000;
    QElapsedTimer timer;
    timer.start();
    auto vault = Vault::open(m_dataDir, m_options);
    ASSERT_TRUE(vault) << vault.error().toStdString();
    EXPECT_LT(timer.elapsed(), 500);
    EXPECT_EQ((*vault)->keySource().reason, QStringLiteral("OS keyring disabled"));
}

// ---- the session bus of this program ----

/// A Unix socket posing as a session bus that has gone wrong. Silent: connections are queued by the kernel and
/// never accepted, so nothing ever answers. Wedged: the bare "AUTH" of our own probe gets its answer, every other
/// client (libdbus, through qtkeychain) is accepted and then ignored, which blocks libdbus without end. Closing
/// everything at the end lets libdbus fail, so the process can exit.
class FakeBus {
public:
    enum class Mode { Silent, Wedged };

    FakeBus(const QString& path, Mode mode)
    {
        m_listener = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        const QByteArray native = QFile::encodeName(path);
        std::strncpy(address.sun_path, native.constData(), sizeof(address.sun_path) - 1);
        if (m_listener < 0 || ::bind(m_listener, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0
            || ::listen(m_listener, 64) != 0 || ::pipe(m_stop) != 0) {
            std::perror("fake bus");
            std::abort();
        }
        if (mode == Mode::Wedged)
            m_thread = std::thread([this] { serve(); });
    }
    ~FakeBus()
    {
        if (m_thread.joinable()) {
            (void)!::write(m_stop[1], "x", 1);
            m_thread.join();
        }
        for (const int fd : m_clients)
            ::close(fd);
        ::close(m_listener);
        ::close(m_stop[0]);
        ::close(m_stop[1]);
    }

private:
    void serve()
    {
        for (;;) {
            std::vector<pollfd> fds{{m_stop[0], POLLIN, 0}, {m_listener, POLLIN, 0}};
            for (const int fd : m_unread)
                fds.push_back({fd, POLLIN, 0});
            if (::poll(fds.data(), fds.size(), -1) < 0 || fds[0].revents)
                return;
            if (fds[1].revents) {
                const int client = ::accept4(m_listener, nullptr, nullptr, SOCK_CLOEXEC);
                if (client >= 0) {
                    m_clients.push_back(client);
                    m_unread.push_back(client);
                }
            }
            for (size_t i = 2; i < fds.size(); ++i) {
                if (!fds[i].revents)
                    continue;
                char buffer[256];
                const ssize_t n = ::recv(fds[i].fd, buffer, sizeof(buffer), 0);
                if (n == 7 && std::memcmp(buffer, "\0AUTH\r\n", 7) == 0)
                    (void)!::send(fds[i].fd, "REJECTED EXTERNAL\r\n", 19, MSG_NOSIGNAL);
                std::erase(m_unread, fds[i].fd); // answered or ignored: never read again
            }
        }
    }

    int m_listener = -1;
    int m_stop[2] = {-1, -1};
    std::thread m_thread;
    std::vector<int> m_clients; // held open: closing one would let libdbus fail fast
    std::vector<int> m_unread;
};

} // namespace
} // namespace taskloom::vault

int main(int argc, char** argv)
{
    using taskloom::vault::FakeBus;
    // Nothing from the developer's desktop session may leak in: no display to autolaunch a bus from, no desktop
    // hints steering qtkeychain to a particular backend.
    for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION",
                             "KDE_SESSION_VERSION", "GNOME_DESKTOP_SESSION_ID", "DBUS_SESSION_BUS_ADDRESS"})
        qunsetenv(name);
    QTemporaryDir busDir;
    const QString busPath = busDir.path() + QStringLiteral("/bus");
    const QByteArray bus = qEnvironmentVariable("TASKLOOM_TEST_BUS", QStringLiteral("wedged")).toLatin1();
    taskloom::vault::busKind = bus;
    if (bus == "unset") {
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(busDir.path())); // holds no "bus" socket
    } else {
        // For "absent" nothing ever listens there: a machine with no session bus at all.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + QFile::encodeName(busPath));
    }

    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);

    std::unique_ptr<FakeBus> fake;
    QProcess daemon;
    if (bus == "silent" || bus == "wedged") {
        fake = std::make_unique<FakeBus>(busPath, bus == "silent" ? FakeBus::Mode::Silent : FakeBus::Mode::Wedged);
    } else if (bus == "empty" && !GTEST_FLAG_GET(list_tests)) {
        const QString program = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        if (program.isEmpty()) {
            taskloom::vault::skipReason = "no dbus-daemon on this machine (Debian package dbus-daemon)";
        } else {
            daemon.start(program, {QStringLiteral("--session"), QStringLiteral("--nofork"),
                                   QStringLiteral("--nopidfile"), QStringLiteral("--address=unix:path=") + busPath});
            for (int i = 0; i < 100 && !QFile::exists(busPath); ++i)
                QThread::msleep(50);
            if (!QFile::exists(busPath))
                taskloom::vault::skipReason = "dbus-daemon did not start";
        }
    } else if (bus != "absent" && bus != "unset" && bus != "empty") {
        std::fprintf(stderr, "unknown TASKLOOM_TEST_BUS=%s\n", bus.constData());
        return 2;
    }

    const int result = RUN_ALL_TESTS();
    fake.reset();
    if (daemon.state() != QProcess::NotRunning) {
        daemon.kill();
        daemon.waitForFinished(2000);
    }
    return result;
}
