#pragma once

#include "VaultKey.hpp"

#include <QString>

#include <expected>

namespace taskloom::vault {

/// A vault key kept in a file, for unattended machines with no OS keyring.
///
/// The file holds the 32 key bytes either raw or as base64 text (what `openssl rand -base64 32` prints), and
/// must be readable by its owner only: a key anyone on the machine can read protects nothing.
class KeyFile {
public:
    enum class CreateError { Exists, Failed };
    struct CreateFailure {
        CreateError error;
        QString message;
    };

    /// Refuses a file that its group or others may read or write, naming the chmod that fixes it.
    static std::expected<VaultKey, QString> read(const QString& path);
    /// Writes key as base64 to a new file with mode 0600. Never replaces an existing file (two processes that
    /// create a vault at once must not overwrite each other's key); the file appears whole or not at all.
    static std::expected<void, CreateFailure> create(const QString& path, const VaultKey& key);
};

} // namespace taskloom::vault
