#pragma once

#include "KeySource.hpp"
#include "VaultKey.hpp"
#include "VaultOptions.hpp"

#include <QString>

#include <expected>

namespace taskloom::vault {

struct ResolvedKey {
    VaultKey key;
    KeySource source;
};

/// Finds (or, for a new vault, makes) the key of the vault in a data directory. In order:
///  1. a key file named by VaultOptions::keyFile, else by TASKLOOM_VAULT_KEY_FILE (created when missing and the
///     vault is new), else <dataDir>/vault.key when it exists;
///  2. the OS keyring (unless disabled), entry keyringEntry(dataDir) of service VaultOptions::keyringService;
///     a new vault stores a new key there;
///  3. a new vault whose keyring is unavailable gets a new <dataDir>/vault.key.
/// A vault that exists is never given a new key: that would lock its credentials away for good.
class KeyResolver {
public:
    static constexpr const char* keyFileVariable = "TASKLOOM_VAULT_KEY_FILE";

    static std::expected<ResolvedKey, QString> resolve(const QString& dataDir, bool vaultExists,
                                                       const VaultOptions& options);

    /// "vault:<absolute data dir>": one key per data directory, so two installations never share a key.
    static QString keyringEntry(const QString& dataDir);
    static QString defaultKeyFile(const QString& dataDir);
};

} // namespace taskloom::vault
