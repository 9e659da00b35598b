#pragma once

#include "KeySource.hpp"
#include "VaultKey.hpp"
#include "VaultOptions.hpp"

#include "engine/CredentialStore.hpp"

#include <QMap>
#include <QMutex>
#include <QString>

#include <expected>
#include <memory>

namespace taskloom::vault {

/// The credentials store: every credential (name, type, fields) in one file, <dataDir>/credentials.vault,
/// encrypted with a 32-byte key (see VaultCipher for the format, KeyResolver for where the key comes from).
///
/// Writes are atomic (temporary file + rename, mode 0600) and serialised across processes by a lock file, and
/// each write re-reads the file first, so the CLI and the studio editing the same vault lose nothing. Reads notice
/// a file changed by another process and reload it. Safe to call from several threads.
class Vault final : public engine::CredentialStore {
public:
    using Options = VaultOptions;

    static constexpr qsizetype maxNameLength = 128;

    /// Opens the vault in dataDir, creating the directory (0700) and a key when there is no vault yet; the vault
    /// file itself appears with the first put. Needs no prompt.
    static std::expected<std::unique_ptr<Vault>, QString> open(const QString& dataDir, const Options& options = {});

    ~Vault() override;

    std::expected<engine::Credential, QString> get(const QString& name) const override;
    /// Sorted by name.
    std::expected<QList<Entry>, QString> list() const override;
    /// Adds, or replaces the credential with the same name.
    std::expected<void, QString> put(const engine::Credential& credential) override;
    /// A missing name is an error that names it.
    std::expected<void, QString> remove(const QString& name) override;

    QString filePath() const { return m_path; }
    const KeySource& keySource() const { return m_keySource; }

    /// Writes this vault's key to a new key file (0600; never over an existing file), so a vault made with the OS
    /// keyring can also run unattended: point TASKLOOM_VAULT_KEY_FILE at the file.
    std::expected<void, QString> exportKeyFile(const QString& path) const;

    /// Non-empty, at most maxNameLength characters, printable: names show up in flow files, logs and menus.
    static std::expected<void, QString> validateName(const QString& name);
    static QString fileName() { return QStringLiteral("credentials.vault"); }

private:
    using Credentials = QMap<QString, engine::Credential>;

    /// What identifies one version of the file: a rename gives a new inode, any write a new mtime.
    struct FileStamp {
        bool exists = false;
        qint64 size = 0;
        qint64 modifiedNs = 0;
        quint64 inode = 0;
        bool operator==(const FileStamp&) const = default;
    };

    Vault(QString path, VaultKey key, KeySource source);

    static FileStamp stampOf(const QString& path);
    std::expected<void, QString> reloadIfChanged() const;
    std::expected<void, QString> write(const Credentials& next);
    template<typename Change>
    std::expected<void, QString> modify(Change change);

    const QString m_path;
    const VaultKey m_key;
    const KeySource m_keySource;

    mutable QMutex m_mutex;
    mutable Credentials m_credentials;
    mutable FileStamp m_stamp;
};

} // namespace taskloom::vault
