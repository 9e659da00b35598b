#include "KeyResolver.hpp"

#include "KeyFile.hpp"
#include "Keyring.hpp"

#include <QDir>
#include <QFileInfo>

namespace taskloom::vault {

namespace {

std::expected<ResolvedKey, QString> readKeyFile(const QString& path, const QString& reason)
{
    auto key = KeyFile::read(path);
    if (!key)
        return std::unexpected(key.error());
    return ResolvedKey{std::move(*key), KeySource{KeySource::Kind::KeyFile, path, reason, false}};
}

// A new key in a new file; when another process created the file first, its key is the one to use.
std::expected<ResolvedKey, QString> createKeyFile(const QString& path, const QString& reason)
{
    VaultKey key = VaultKey::generate();
    auto created = KeyFile::create(path, key);
    if (!created) {
        if (created.error().error == KeyFile::CreateError::Exists)
            return readKeyFile(path, reason);
        return std::unexpected(created.error().message);
    }
    return ResolvedKey{std::move(key), KeySource{KeySource::Kind::KeyFile, path, reason, true}};
}

std::expected<ResolvedKey, QString> explicitKeyFile(const QString& path, const QString& reason, bool vaultExists,
                                                    const QString& dataDir)
{
    if (QFileInfo::exists(path))
        return readKeyFile(path, reason);
    if (vaultExists) {
        return std::unexpected(QStringLiteral("key file %1 (%2) does not exist, and the vault in %3 can only be "
                                              "opened with the key it was written with")
                                   .arg(path, reason, dataDir));
    }
    return createKeyFile(path, reason);
}

} // namespace

QString KeyResolver::keyringEntry(const QString& dataDir)
{
    const QFileInfo info(dataDir);
    const QString canonical = info.canonicalFilePath();
    return QStringLiteral("vault:") + (canonical.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : canonical);
}

QString KeyResolver::defaultKeyFile(const QString& dataDir)
{
    return QDir(dataDir).absoluteFilePath(QStringLiteral("vault.key"));
}

std::expected<ResolvedKey, QString> KeyResolver::resolve(const QString& dataDir, bool vaultExists,
                                                         const VaultOptions& options)
{
    if (!options.keyFile.isEmpty())
        return explicitKeyFile(QFileInfo(options.keyFile).absoluteFilePath(), QStringLiteral("chosen by the caller"),
                               vaultExists, dataDir);
    const QString fromEnvironment = qEnvironmentVariable(keyFileVariable);
    if (!fromEnvironment.isEmpty())
        return explicitKeyFile(QFileInfo(fromEnvironment).absoluteFilePath(), QString::fromLatin1(keyFileVariable),
                               vaultExists, dataDir);
    const QString keyFile = defaultKeyFile(dataDir);
    if (QFileInfo::exists(keyFile))
        return readKeyFile(keyFile, QString());

    QString keyringProblem = QStringLiteral("OS keyring disabled");
    if (options.useKeyring) {
        const QString entry = keyringEntry(dataDir);
        const QString location = QStringLiteral("\"%1\" / \"%2\"").arg(options.keyringService, entry);
        auto stored = Keyring::read(options.keyringService, entry, options.keyringTimeoutMs);
        if (stored && *stored)
            return ResolvedKey{std::move(**stored), KeySource{KeySource::Kind::Keyring, location, QString(), false}};
        if (stored && vaultExists) {
            return std::unexpected(QStringLiteral("no key for the vault in %1: the OS keyring has no entry %2, and "
                                                  "there is no key file (%3 or %4)")
                                       .arg(dataDir, location, QString::fromLatin1(keyFileVariable), keyFile));
        }
        if (stored) {
            VaultKey key = VaultKey::generate();
            auto written = Keyring::write(options.keyringService, entry, key, options.keyringTimeoutMs);
            if (written)
                return ResolvedKey{std::move(key), KeySource{KeySource::Kind::Keyring, location, QString(), true}};
            keyringProblem = QStringLiteral("OS keyring did not store the key: %1").arg(written.error());
        } else {
            keyringProblem = QStringLiteral("OS keyring unavailable: %1").arg(stored.error());
        }
    }

    if (vaultExists) {
        return std::unexpected(QStringLiteral("no key for the vault in %1: %2, and there is no key file (set %3 or "
                                              "put the key in %4)")
                                   .arg(dataDir, keyringProblem, QString::fromLatin1(keyFileVariable), keyFile));
    }
    return createKeyFile(keyFile, keyringProblem);
}

} // namespace taskloom::vault
