// The vault's contract: round trips, encryption at rest, clear errors for wrong keys and damaged files, key-file
// rules and key selection. The keyring is disabled here except where a test says otherwise (see
// VaultKeyringTest.cpp for the keyring itself).

#include "VaultTestSupport.hpp"

#include "vault/KeyResolver.hpp"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cstdlib>

namespace taskloom::vault {
namespace {

using namespace test;

class VaultTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_tmp.isValid());
        qunsetenv(KeyResolver::keyFileVariable);
        m_options.useKeyring = false;
    }
    void TearDown() override { qunsetenv(KeyResolver::keyFileVariable); }

    std::unique_ptr<Vault> openVault() { return openVault(m_options); }
    std::unique_ptr<Vault> openVault(const VaultOptions& options)
    {
        auto vault = Vault::open(m_dataDir, options);
        EXPECT_TRUE(vault.has_value()) << (vault ? "" : vault.error().toStdString());
        return vault ? std::move(*vault) : nullptr;
    }
    QString openError() { return openError(m_options); }
    QString openError(const VaultOptions& options)
    {
        auto vault = Vault::open(m_dataDir, options);
        EXPECT_FALSE(vault.has_value()) << "opened although it should not";
        return vault ? QString() : vault.error();
    }

    QString vaultPath() const { return m_dataDir + QStringLiteral("/credentials.vault"); }
    QString keyPath() const { return m_dataDir + QStringLiteral("/vault.key"); }
    QString decryptError() const
    {
        return QStringLiteral("cannot decrypt %1: wrong key or damaged file").arg(vaultPath());
    }

    QTemporaryDir m_tmp;
    QString m_dataDir = m_tmp.path() + QStringLiteral("/data");
    VaultOptions m_options;
};

TEST_F(VaultTest, RoundTripsAcrossReopen)
{
    {
        auto vault = openVault();
        ASSERT_TRUE(vault);
        ASSERT_TRUE(vault->put(credential(QStringLiteral("zeta-api"), QStringLiteral("zed"), QStringLiteral("pz"))));
        ASSERT_TRUE(vault->put(engine::Credential{QStringLiteral("alpha-db"), QStringLiteral("postgres"),
                                                  engine::Object{{QStringLiteral("host"), QStringLiteral("db1")},
                                                                 {QStringLiteral("password"), QStringLiteral("pa")}}}));
        ASSERT_TRUE(vault->put(credential(QStringLiteral("gone"), QStringLiteral("g"), QStringLiteral("pg"))));
        ASSERT_TRUE(vault->remove(QStringLiteral("gone")));
    }
    auto vault = openVault();
    ASSERT_TRUE(vault);
    auto entries = vault->list();
    ASSERT_TRUE(entries);
    ASSERT_EQ(entries->size(), 2);
    EXPECT_EQ(entries->at(0).name, QStringLiteral("alpha-db"));
    EXPECT_EQ(entries->at(0).type, QStringLiteral("postgres"));
    EXPECT_EQ(entries->at(1).name, QStringLiteral("zeta-api"));
    EXPECT_EQ(entries->at(1).type, QStringLiteral("httpBasic"));

    auto db = vault->get(QStringLiteral("alpha-db"));
    ASSERT_TRUE(db);
    EXPECT_EQ(db->field(u"host"), QStringLiteral("db1"));
    EXPECT_EQ(db->field(u"password"), QStringLiteral("pa"));
    EXPECT_EQ(db->fields.keys(), (QStringList{QStringLiteral("host"), QStringLiteral("password")}));
    auto api = vault->get(QStringLiteral("zeta-api"));
    ASSERT_TRUE(api);
    EXPECT_EQ(api->field(u"password"), QStringLiteral("pz"));
    EXPECT_FALSE(vault->get(QStringLiteral("gone")));
}

TEST_F(VaultTest, PutReplacesAnExistingName)
{
    auto vault = openVault();
    ASSERT_TRUE(vault);
    ASSERT_TRUE(vault->put(credential(QStringLiteral("api"), QStringLiteral("u1"), QStringLiteral("old"))));
    ASSERT_TRUE(vault->put(engine::Credential{QStringLiteral("api"), QStringLiteral("apiKey"),
                                              engine::Object{{QStringLiteral("key"), QStringLiteral("new")}}}));
    vault.reset();
    vault = openVault();
    auto entries = vault->list();
    ASSERT_TRUE(entries);
    ASSERT_EQ(entries->size(), 1);
    EXPECT_EQ(entries->at(0).type, QStringLiteral("apiKey"));
    auto api = vault->get(QStringLiteral("api"));
    ASSERT_TRUE(api);
    EXPECT_EQ(api->field(u"key"), QStringLiteral("new"));
    EXPECT_FALSE(api->fields.contains(u"password")) << "replace, not merge";
}

TEST_F(VaultTest, MissingNamesAreErrorsThatNameThem)
{
    auto vault = openVault();
    ASSERT_TRUE(vault);
    ASSERT_TRUE(vault->put(credential(QStringLiteral("present"), QStringLiteral("u"), QStringLiteral("p"))));
    auto removed = vault->remove(QStringLiteral("no-such-cred"));
    ASSERT_FALSE(removed);
    EXPECT_TRUE(removed.error().contains(QStringLiteral("\"no-such-cred\""))) << removed.error().toStdString();
    auto got = vault->get(QStringLiteral("also-missing"));
    ASSERT_FALSE(got);
    EXPECT_TRUE(got.error().contains(QStringLiteral("\"also-missing\""))) << got.error().toStdString();
    EXPECT_TRUE(vault->get(QStringLiteral("present"))) << "a failed remove changes nothing";
}

TEST_F(VaultTest, NamesAndTypesAreValidated)
{
    auto vault = openVault();
    ASSERT_TRUE(vault);
    const QString longest(Vault::maxNameLength, QLatin1Char('n'));
    for (const QString& bad : {QString(), longest + QLatin1Char('n'), QStringLiteral("tab\there"),
                               QStringLiteral("line\nbreak"), QStringLiteral("del\x7f"), QStringLiteral("sep\u2028")}) {
        auto put = vault->put(credential(bad, QStringLiteral("u"), QStringLiteral("p")));
        EXPECT_FALSE(put) << "accepted " << bad.toStdString();
        if (!put) {
            EXPECT_FALSE(put.error().contains(QLatin1Char('\n'))) << "one-line error";
        }
    }
    EXPECT_FALSE(QFile::exists(vaultPath())) << "rejected puts write nothing";
    EXPECT_TRUE(vault->put(credential(longest, QStringLiteral("u"), QStringLiteral("p"))));
    EXPECT_TRUE(vault->put(credential(QStringLiteral("Konto Ä – 日本 🔑"), QStringLiteral("u"), QStringLiteral("p"))));
    EXPECT_FALSE(vault->put(engine::Credential{QStringLiteral("typeless"), QString(), {}}));
    EXPECT_EQ(vault->list()->size(), 2);
}

TEST_F(VaultTest, FileHoldsNoSecretInClearText)
{
    const QString name = QStringLiteral("billing-api-credential");
    const QString user = QStringLiteral("alice-from-accounting");
    const QString secret = QStringLiteral("s3cr3t-Pa55w0rd-7731-zqx");
    {
        auto vault = openVault();
        ASSERT_TRUE(vault);
        ASSERT_TRUE(vault->put(credential(name, user, secret)));
    }
    const QByteArray raw = readAll(vaultPath());
    ASSERT_FALSE(raw.isEmpty());
    for (const QString& s : {name, user, secret, QStringLiteral("httpBasic"), QStringLiteral("password")}) {
        EXPECT_FALSE(raw.contains(s.toUtf8())) << "clear text in the file: " << s.toStdString();
        const QByteArray utf16(reinterpret_cast<const char*>(s.utf16()), s.size() * 2);
        EXPECT_FALSE(raw.contains(utf16)) << s.toStdString();
        // Merely base64-encoded plaintext would show these: the text's base64 at each of the three alignments,
        // minus the first group (it mixes in the filler) and capped before the padding.
        for (int shift = 0; shift < 3; ++shift) {
            const QByteArray b64 = (QByteArray(shift, 'x') + s.toUtf8()).toBase64();
            EXPECT_FALSE(raw.contains(b64.mid(4, 8))) << "base64 of " << s.toStdString();
        }
    }
    // The envelope: readable JSON with format, version, nonce and ciphertext, and the ciphertext really is one.
    const QJsonObject envelope = QJsonDocument::fromJson(raw).object();
    EXPECT_EQ(envelope.value(QStringLiteral("format")).toString(), QStringLiteral("taskloom-vault"));
    EXPECT_EQ(envelope.value(QStringLiteral("version")).toInt(), 1);
    EXPECT_EQ(QByteArray::fromBase64(envelope.value(QStringLiteral("nonce")).toString().toLatin1()).size(), 24);
    const QByteArray ciphertext = QByteArray::fromBase64(envelope.value(QStringLiteral("ciphertext")).toString().toLatin1());
    EXPECT_GT(ciphertext.size(), secret.size());
    EXPECT_FALSE(ciphertext.contains(secret.toUtf8()));
    EXPECT_FALSE(ciphertext.contains(user.toUtf8()));
}

TEST_F(VaultTest, EveryWriteUsesAFreshNonce)
{
    auto vault = openVault();
    ASSERT_TRUE(vault);
    ASSERT_TRUE(vault->put(credential(QStringLiteral("a"), QStringLiteral("u"), QStringLiteral("p"))));
    const QJsonObject first = QJsonDocument::fromJson(readAll(vaultPath())).object();
    ASSERT_TRUE(vault->put(credential(QStringLiteral("a"), QStringLiteral("u"), QStringLiteral("p"))));
    const QJsonObject second = QJsonDocument::fromJson(readAll(vaultPath())).object();
    EXPECT_NE(first.value(QStringLiteral("nonce")), second.value(QStringLiteral("nonce")));
    EXPECT_NE(first.value(QStringLiteral("ciphertext")), second.value(QStringLiteral("ciphertext")));
}

TEST_F(VaultTest, FilesAndDirectoryArePrivate)
{
    const mode_t previous = ::umask(022); // the usual umask, under which a plain file would be 0644
    auto vault = openVault();
    ASSERT_TRUE(vault);
    ASSERT_TRUE(vault->put(credential(QStringLiteral("a"), QStringLiteral("u"), QStringLiteral("p"))));
    EXPECT_EQ(modeOf(vaultPath()), 0600);
    EXPECT_EQ(modeOf(keyPath()), 0600);
    EXPECT_EQ(modeOf(m_dataDir), 0700);
    ASSERT_EQ(::chmod(QFile::encodeName(vaultPath()).constData(), 0644), 0);
    ASSERT_TRUE(vault->put(credential(QStringLiteral("b"), QStringLiteral("u"), QStringLiteral("p"))));
    EXPECT_EQ(modeOf(vaultPath()), 0600) << "a write makes a loosened vault private again";
    ::umask(previous);
}

TEST_F(VaultTest, WrongKeyIsAClearError)
{
    {
        auto vault = openVault();
        ASSERT_TRUE(vault);
        ASSERT_TRUE(vault->put(credential(QStringLiteral("a"), QStringLiteral("u"), QStringLiteral("p"))));
    }
    const QString otherKey = m_tmp.path() + QStringLiteral("/other.key");
    ASSERT_TRUE(writeKeyFile(otherKey, randomKey()));
    VaultOptions options = m_options;
    options.keyFile = otherKey;
    EXPECT_EQ(openError(options), decryptError());

    qputenv(KeyResolver::keyFileVariable, QFile::encodeName(otherKey));
    EXPECT_EQ(openError(), decryptError()) << "the same through TASKLOOM_VAULT_KEY_FILE";
}

TEST_F(VaultTest, TamperedFileIsAClearError)
{
    auto vault = openVault();
    ASSERT_TRUE(vault);
    ASSERT_TRUE(vault->put(credential(QStringLiteral("a"), QStringLiteral("u"), QStringLiteral("p"))));
    const QByteArray original = readAll(vaultPath());

    for (const QString& field : {QStringLiteral("ciphertext"), QStringLiteral("nonce")}) {
        QJsonObject envelope = QJsonDocument::fromJson(original).object();
        QByteArray bytes = QByteArray::fromBase64(envelope.value(field).toString().toLatin1());
        ASSERT_FALSE(bytes.isEmpty());
        bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x01);
        envelope.insert(field, QString::fromLatin1(bytes.toBase64()));
        ASSERT_TRUE(writeAll(vaultPath(), QJsonDocument(envelope).toJson()));
        EXPECT_EQ(openError(), decryptError()) << "flipped a bit in the " << field.toStdString();
    }
    // An open vault notices the changed file at its next read instead of serving stale or garbage data.
    auto got = vault->get(QStringLiteral("a"));
    ASSERT_FALSE(got);
    EXPECT_EQ(got.error(), decryptError());
    const QByteArray tampered = readAll(vaultPath());
    auto put = vault->put(credential(QStringLiteral("b"), QStringLiteral("u"), QStringLiteral("p")));
    EXPECT_FALSE(put) << "a write never replaces a vault it cannot read";
    EXPECT_EQ(readAll(vaultPath()), tampered);

    ASSERT_TRUE(writeAll(vaultPath(), original));
    EXPECT_TRUE(vault->get(QStringLiteral("a"))) << "restored file reads again";
}

TEST_F(VaultTest, GarbageFileIsAOneLineErrorNamingIt)
{
    ASSERT_TRUE(QDir().mkpath(m_dataDir));
    ASSERT_TRUE(writeKeyFile(keyPath(), randomKey()));
    for (const QByteArray& junk : {QByteArray("hello\nworld\n"), QByteArray(), QByteArray("{\"format\":\"taskloom-vault\","
                                                                                       "\"version\":1}"),
                                   QByteArray("{\"format\":\"taskloom-vault\",\"version\":1,\"cipher\":"
                                              "\"xchacha20poly1305-ietf\",\"nonce\":\"!!\",\"ciphertext\":\"\"}")}) {
        ASSERT_TRUE(writeAll(vaultPath(), junk));
        const QString error = openError();
        EXPECT_TRUE(error.startsWith(QStringLiteral("cannot decrypt %1: ").arg(vaultPath()))) << error.toStdString();
        EXPECT_FALSE(error.contains(QLatin1Char('\n')));
    }
    ASSERT_TRUE(writeAll(vaultPath(), R"({"format":"taskloom-vault","version":7,"cipher":"x","nonce":"","ciphertext":""})"));
    EXPECT_TRUE(openError().contains(QStringLiteral("version 7"))) << "a newer format says so";
}

TEST_F(VaultTest, KeyFileOthersCanReadIsRefused)
{
    {
        auto vault = openVault();
        ASSERT_TRUE(vault);
        ASSERT_TRUE(vault->put(credential(QStringLiteral("a"), QStringLiteral("u"), QStringLiteral("p"))));
    }
    const QByteArray before = readAll(vaultPath());
    for (const int mode : {0644, 0640, 0604, 0620}) {
        ASSERT_EQ(::chmod(QFile::encodeName(keyPath()).constData(), mode_t(mode)), 0);
        const QString error = openError();
        EXPECT_TRUE(error.contains(keyPath())) << error.toStdString();
        EXPECT_TRUE(error.contains(QStringLiteral("0%1").arg(mode, 0, 8))) << error.toStdString();
        EXPECT_TRUE(error.contains(QStringLiteral("chmod 600 %1").arg(keyPath()))) << "says how to fix it";
    }
    EXPECT_EQ(readAll(vaultPath()), before);
    ASSERT_EQ(::chmod(QFile::encodeName(keyPath()).constData(), 0600), 0);
    EXPECT_TRUE(openVault());
}

TEST_F(VaultTest, KeyFileMayHoldRawOrBase64Bytes)
{
    ASSERT_TRUE(QDir().mkpath(m_dataDir));
    const QByteArray key = randomKey();
    ASSERT_TRUE(writeKeyFile(keyPath(), key));
    {
        auto vault = openVault();
        ASSERT_TRUE(vault);
        EXPECT_FALSE(vault->keySource().created);
        ASSERT_TRUE(vault->put(credential(QStringLiteral("a"), QStringLiteral("u"), QStringLiteral("p"))));
    }
    ASSERT_TRUE(writeAll(keyPath(), key)); // the same key as 32 raw bytes
    auto vault = openVault();
    ASSERT_TRUE(vault);
    EXPECT_TRUE(vault->get(QStringLiteral("a")));

    ASSERT_TRUE(writeAll(keyPath(), key.left(31)));
    EXPECT_TRUE(openError().contains(QStringLiteral("holds no vault key")));
    ASSERT_TRUE(writeAll(keyPath(), "not base64 at all\n"));
    EXPECT_TRUE(openError().contains(QStringLiteral("holds no vault key")));
}

TEST_F(VaultTest, KeySelectionOrder)
{
    // TASKLOOM_VAULT_KEY_FILE names a file that does not exist yet: a new vault creates it there, not in dataDir.
    const QString envKey = m_tmp.path() + QStringLiteral("/env.key");
    qputenv(KeyResolver::keyFileVariable, QFile::encodeName(envKey));
    {
        auto vault = openVault();
        ASSERT_TRUE(vault);
        EXPECT_EQ(vault->keySource().kind, KeySource::Kind::KeyFile);
        EXPECT_EQ(vault->keySource().location, envKey);
        EXPECT_TRUE(vault->keySource().created);
        EXPECT_TRUE(vault->keySource().describe().contains(envKey));
        EXPECT_TRUE(vault->keySource().describe().contains(QStringLiteral("TASKLOOM_VAULT_KEY_FILE")));
        ASSERT_TRUE(vault->put(credential(QStringLiteral("a"), QStringLiteral("u"), QStringLiteral("p"))));
    }
    EXPECT_EQ(modeOf(envKey), 0600);
    EXPECT_FALSE(QFile::exists(keyPath()));

    // A <dataDir>/vault.key with another key loses to the environment variable...
    ASSERT_TRUE(writeKeyFile(keyPath(), randomKey()));
    EXPECT_TRUE(openVault());
    // ...and the environment variable loses to an explicit option.
    VaultOptions options = m_options;
    options.keyFile = keyPath();
    EXPECT_EQ(openError(options), decryptError());

    // Without the variable, vault.key is used (and is the wrong key here).
    qunsetenv(KeyResolver::keyFileVariable);
    EXPECT_EQ(openError(), decryptError());
}

TEST_F(VaultTest, ExistingVaultIsNeverGivenANewKey)
{
    {
        auto vault = openVault();
        ASSERT_TRUE(vault);
        ASSERT_TRUE(vault->put(credential(QStringLiteral("a"), QStringLiteral("u"), QStringLiteral("p"))));
    }
    const QByteArray before = readAll(vaultPath());
    ASSERT_TRUE(QFile::remove(keyPath()));

    const QString error = openError();
    EXPECT_TRUE(error.contains(QStringLiteral("no key for the vault"))) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("TASKLOOM_VAULT_KEY_FILE")));
    EXPECT_FALSE(QFile::exists(keyPath())) << "no new key made for an existing vault";

    const QString missing = m_tmp.path() + QStringLiteral("/typo.key");
    qputenv(KeyResolver::keyFileVariable, QFile::encodeName(missing));
    const QString envError = openError();
    EXPECT_TRUE(envError.contains(missing)) << envError.toStdString();
    EXPECT_TRUE(envError.contains(QStringLiteral("does not exist")));
    EXPECT_FALSE(QFile::exists(missing));
    EXPECT_EQ(readAll(vaultPath()), before);
}

TEST_F(VaultTest, ExportedKeyFileOpensTheVault)
{
    auto vault = openVault();
    ASSERT_TRUE(vault);
    ASSERT_TRUE(vault->put(credential(QStringLiteral("a"), QStringLiteral("u"), QStringLiteral("p"))));
    const QString exported = m_tmp.path() + QStringLiteral("/exported.key");
    ASSERT_TRUE(vault->exportKeyFile(exported));
    EXPECT_EQ(modeOf(exported), 0600);
    auto again = vault->exportKeyFile(exported);
    ASSERT_FALSE(again);
    EXPECT_TRUE(again.error().contains(QStringLiteral("already exists")));

    ASSERT_TRUE(QFile::remove(keyPath()));
    VaultOptions options = m_options;
    options.keyFile = exported;
    auto reopened = openVault(options);
    ASSERT_TRUE(reopened);
    EXPECT_TRUE(reopened->get(QStringLiteral("a")));
}

TEST_F(VaultTest, WithoutQCoreApplicationTheKeyringIsSkipped)
{
    ASSERT_EQ(QCoreApplication::instance(), nullptr) << "this program runs without one";
    VaultOptions options; // keyring enabled
    auto vault = openVault(options);
    ASSERT_TRUE(vault);
    EXPECT_EQ(vault->keySource().kind, KeySource::Kind::KeyFile);
    EXPECT_EQ(vault->keySource().location, keyPath());
    EXPECT_TRUE(vault->keySource().created);
    EXPECT_TRUE(vault->keySource().reason.contains(QStringLiteral("QCoreApplication")))
        << vault->keySource().describe().toStdString();
    EXPECT_EQ(modeOf(keyPath()), 0600);
}

TEST_F(VaultTest, EmptyDataDirIsAnError)
{
    auto vault = Vault::open(QString(), m_options);
    EXPECT_FALSE(vault);
}

} // namespace
} // namespace taskloom::vault
