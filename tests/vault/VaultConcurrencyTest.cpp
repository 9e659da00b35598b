// The vault under concurrency and failure: gets from many threads, two instances (or processes) on one file,
// first opens racing, and writes that fail half-way.

#include "VaultTestSupport.hpp"

#include "vault/KeyResolver.hpp"

#include <QDir>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <atomic>
#include <csignal>
#include <sys/resource.h>
#include <thread>
#include <unistd.h>

namespace taskloom::vault {
namespace {

using namespace test;

class VaultConcurrencyTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_tmp.isValid());
        qunsetenv(KeyResolver::keyFileVariable);
        m_options.useKeyring = false;
    }

    std::unique_ptr<Vault> openVault()
    {
        auto vault = Vault::open(m_dataDir, m_options);
        EXPECT_TRUE(vault.has_value()) << (vault ? "" : vault.error().toStdString());
        return vault ? std::move(*vault) : nullptr;
    }
    QString vaultPath() const { return m_dataDir + QStringLiteral("/credentials.vault"); }

    QTemporaryDir m_tmp;
    QString m_dataDir = m_tmp.path() + QStringLiteral("/data");
    VaultOptions m_options;
};

TEST_F(VaultConcurrencyTest, GetsFromManyThreadsWhileAnotherWrites)
{
    auto vault = openVault();
    ASSERT_TRUE(vault);
    const QStringList names{QStringLiteral("one"), QStringLiteral("two"), QStringLiteral("three")};
    for (const QString& name : names)
        ASSERT_TRUE(vault->put(credential(name, QStringLiteral("user-") + name, QStringLiteral("pw-") + name)));

    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 1500; ++i) {
                const QString& name = names[(i + t) % names.size()];
                auto c = vault->get(name);
                if (!c || c->field(u"password") != QStringLiteral("pw-") + name)
                    ++failures;
                if (i % 100 == 0 && (!vault->list() || vault->list()->size() < names.size()))
                    ++failures;
            }
        });
    }
    threads.emplace_back([&] {
        for (int i = 0; i < 40; ++i) {
            if (!vault->put(credential(QStringLiteral("churn"), QStringLiteral("u"), QString::number(i))))
                ++failures;
        }
    });
    for (std::thread& thread : threads)
        thread.join();
    EXPECT_EQ(failures.load(), 0);
    auto churn = vault->get(QStringLiteral("churn"));
    ASSERT_TRUE(churn);
    EXPECT_EQ(churn->field(u"password"), QStringLiteral("39"));
}

TEST_F(VaultConcurrencyTest, TwoInstancesSeeEachOthersWritesAndLoseNothing)
{
    // Stands for the studio and `taskloom credentials put` holding the same vault at once.
    auto a = openVault();
    auto b = openVault();
    ASSERT_TRUE(a && b);
    ASSERT_TRUE(a->put(credential(QStringLiteral("from-a"), QStringLiteral("u"), QStringLiteral("pa"))));
    auto seen = b->get(QStringLiteral("from-a"));
    ASSERT_TRUE(seen) << "b reloads the file a changed";
    EXPECT_EQ(seen->field(u"password"), QStringLiteral("pa"));

    ASSERT_TRUE(b->put(credential(QStringLiteral("from-b"), QStringLiteral("u"), QStringLiteral("pb"))));
    ASSERT_TRUE(a->put(credential(QStringLiteral("from-a2"), QStringLiteral("u"), QStringLiteral("pa2"))));
    auto entries = b->list();
    ASSERT_TRUE(entries);
    EXPECT_EQ(entries->size(), 3) << "a's second put kept b's credential";

    ASSERT_TRUE(b->remove(QStringLiteral("from-a")));
    EXPECT_FALSE(a->get(QStringLiteral("from-a")));
}

TEST_F(VaultConcurrencyTest, RacingFirstOpensAgreeOnOneKey)
{
    std::vector<std::unique_ptr<Vault>> vaults(4);
    std::vector<QString> errors(vaults.size());
    std::vector<std::thread> threads;
    for (size_t i = 0; i < vaults.size(); ++i) {
        threads.emplace_back([&, i] {
            auto vault = Vault::open(m_dataDir, m_options);
            if (vault)
                vaults[i] = std::move(*vault);
            else
                errors[i] = vault.error();
        });
    }
    for (std::thread& thread : threads)
        thread.join();
    for (size_t i = 0; i < vaults.size(); ++i) {
        ASSERT_TRUE(vaults[i]) << errors[i].toStdString();
        ASSERT_TRUE(vaults[i]->put(credential(QStringLiteral("v%1").arg(i), QStringLiteral("u"), QStringLiteral("p"))));
    }
    for (const auto& vault : vaults) {
        auto entries = vault->list();
        ASSERT_TRUE(entries) << entries.error().toStdString();
        EXPECT_EQ(entries->size(), qsizetype(vaults.size()));
    }
    int created = 0;
    for (const auto& vault : vaults)
        created += vault->keySource().created ? 1 : 0;
    EXPECT_EQ(created, 1);
}

// A write that fails half-way (the file size limit stands in for a full disk; it stops root too, unlike a
// read-only directory) leaves the previous vault whole, both on disk and in the open instance.
TEST_F(VaultConcurrencyTest, FailedWriteLeavesTheOldVault)
{
    auto vault = openVault();
    ASSERT_TRUE(vault);
    ASSERT_TRUE(vault->put(credential(QStringLiteral("kept"), QStringLiteral("u"), QStringLiteral("old"))));
    const QByteArray before = readAll(vaultPath());
    ASSERT_LT(before.size(), 4096);

    const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN); // EFBIG instead of death
    rlimit previous{};
    ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &previous), 0);
    rlimit small = previous;
    small.rlim_cur = 4096;
    ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
    auto big = vault->put(credential(QStringLiteral("big"), QStringLiteral("u"), QString(64 * 1024, QLatin1Char('x'))));
    auto replaced = vault->put(credential(QStringLiteral("kept"), QStringLiteral("u"), QString(64 * 1024, QLatin1Char('y'))));
    ::setrlimit(RLIMIT_FSIZE, &previous);
    std::signal(SIGXFSZ, previousHandler);

    ASSERT_FALSE(big);
    EXPECT_TRUE(big.error().contains(vaultPath())) << big.error().toStdString();
    EXPECT_FALSE(replaced);
    EXPECT_EQ(readAll(vaultPath()), before);
    EXPECT_FALSE(vault->get(QStringLiteral("big")));
    auto kept = vault->get(QStringLiteral("kept"));
    ASSERT_TRUE(kept);
    EXPECT_EQ(kept->field(u"password"), QStringLiteral("old"));

    vault.reset();
    auto reopened = openVault();
    ASSERT_TRUE(reopened);
    EXPECT_EQ(reopened->list()->size(), 1);
    EXPECT_EQ(QDir(m_dataDir).entryList(QDir::Files | QDir::Hidden),
              (QStringList{QStringLiteral("credentials.vault"), QStringLiteral("vault.key")}))
        << "no temporary or lock files left behind";
}

TEST_F(VaultConcurrencyTest, ReadOnlyDirectoryKeepsTheOldVaultReadable)
{
    auto vault = openVault();
    ASSERT_TRUE(vault);
    ASSERT_TRUE(vault->put(credential(QStringLiteral("kept"), QStringLiteral("u"), QStringLiteral("old"))));
    const QByteArray before = readAll(vaultPath());
    ASSERT_EQ(::chmod(QFile::encodeName(m_dataDir).constData(), 0500), 0);
    const bool writable = ::access(QFile::encodeName(m_dataDir).constData(), W_OK) == 0;
    if (writable) {
        ::chmod(QFile::encodeName(m_dataDir).constData(), 0700);
        GTEST_SKIP() << "running as root, where a read-only directory stops no write; FailedWriteLeavesTheOldVault "
                        "covers the failed write";
    }
    auto put = vault->put(credential(QStringLiteral("kept"), QStringLiteral("u"), QStringLiteral("new")));
    ::chmod(QFile::encodeName(m_dataDir).constData(), 0700);
    ASSERT_FALSE(put);
    EXPECT_EQ(readAll(vaultPath()), before);
    auto kept = vault->get(QStringLiteral("kept"));
    ASSERT_TRUE(kept);
    EXPECT_EQ(kept->field(u"password"), QStringLiteral("old"));
}

} // namespace
} // namespace taskloom::vault
