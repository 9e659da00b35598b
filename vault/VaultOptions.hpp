#pragma once

#include <QString>

namespace taskloom::vault {

/// How Vault::open finds its key. The defaults suit a desktop; servers, CI and tests set useKeyring = false.
struct VaultOptions {
    /// A key file that wins over TASKLOOM_VAULT_KEY_FILE and <dataDir>/vault.key. Created (0600) when it does
    /// not exist and no vault exists yet.
    QString keyFile;
    /// false: never touch the OS keyring; the key lives in a key file ("key-file mode").
    bool useKeyring = true;
    /// How long to wait for the keyring before falling back: a headless machine may have a session bus that never
    /// answers, and a run must not hang on it.
    int keyringTimeoutMs = 3000;
    QString keyringService = QStringLiteral("taskloom");
};

} // namespace taskloom::vault
