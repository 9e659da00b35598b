#pragma once

#include <QString>

namespace taskloom::vault {

/// Where a vault's key came from, for `taskloom credentials list` to print and for support questions.
struct KeySource {
    enum class Kind { KeyFile, Keyring };

    Kind kind = Kind::KeyFile;
    /// The key file's path, or the keyring entry as "service/entry".
    QString location;
    /// Why this source: "TASKLOOM_VAULT_KEY_FILE", "OS keyring unavailable: ...", ...
    QString reason;
    /// The key was made by this open (a new vault).
    bool created = false;

    /// One line, e.g. "key file /home/a/.local/share/taskloom/vault.key (new; OS keyring unavailable: ...)".
    QString describe() const;
};

} // namespace taskloom::vault
