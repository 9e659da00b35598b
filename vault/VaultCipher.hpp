#pragma once

#include "VaultKey.hpp"

#include <QByteArray>
#include <QString>

#include <expected>

namespace taskloom::vault {

/// The vault file's envelope: a small JSON object naming the format, its version and the cipher, with the nonce
/// and the ciphertext in base64. Nothing in it is secret; everything else (names, types, values) is inside the
/// ciphertext.
///
///   {"format":"taskloom-vault","version":1,"cipher":"xchacha20poly1305-ietf","nonce":"...","ciphertext":"..."}
///
/// XChaCha20-Poly1305: its 192-bit nonce is safe to draw at random for every write, and the tag makes any change
/// to the file (or a wrong key) fail to decrypt instead of yielding garbage. The format, version and cipher are
/// bound to the ciphertext as associated data, so they cannot be swapped either.
class VaultCipher {
public:
    static constexpr int version = 1;

    /// A fresh random nonce on every call.
    static QByteArray encrypt(const VaultKey& key, const QByteArray& plaintext);
    /// path only names the file in errors: "cannot decrypt <path>: wrong key or damaged file".
    static std::expected<QByteArray, QString> decrypt(const VaultKey& key, const QByteArray& envelope,
                                                      const QString& path);
};

} // namespace taskloom::vault
