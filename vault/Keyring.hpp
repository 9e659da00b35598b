#pragma once

#include "VaultKey.hpp"

#include <QString>

#include <expected>
#include <optional>

namespace taskloom::vault {

/// The OS keyring (Secret Service, KWallet, macOS Keychain, Windows Credential Store) through qtkeychain,
/// made synchronous and bounded in time.
///
/// qtkeychain's jobs need an event loop, and some of its steps block (connecting to the session bus waits up to
/// 25 s for a bus that accepts but never answers). So every job runs on one keyring thread owned by this class,
/// and the caller waits at most `timeoutMs`; a job that overruns is abandoned, finishes later on that thread, and
/// its result is dropped. On Linux the session bus is probed first (SessionBusProbe), so a bus that never answers
/// costs the timeout and nothing more. Needs a QCoreApplication (for the thread's event loop); without one the
/// keyring counts as unavailable.
class Keyring {
public:
    /// The key stored under service/entry; nullopt when the keyring works but holds no such entry; an error
    /// (the reason, one line) when the keyring is unavailable, timed out or refused.
    static std::expected<std::optional<VaultKey>, QString> read(const QString& service, const QString& entry,
                                                                int timeoutMs);
    /// Stores key under service/entry and reads it back, so a keyring that accepts writes but keeps nothing
    /// (a session-only collection) is caught before a vault depends on it.
    static std::expected<void, QString> write(const QString& service, const QString& entry, const VaultKey& key,
                                              int timeoutMs);
};

} // namespace taskloom::vault
