#pragma once

#include <QByteArray>

#include <array>
#include <cstddef>
#include <optional>

namespace taskloom::vault {

/// The 32-byte symmetric key of a vault. Move-only, and wiped from memory when it dies, so copies of the key do
/// not linger in freed heap blocks.
class VaultKey {
public:
    static constexpr std::size_t size = 32;

    /// Fresh random bytes from libsodium (sodium_init must have succeeded).
    static VaultKey generate();
    /// nullopt unless bytes holds exactly `size` bytes.
    static std::optional<VaultKey> fromBytes(QByteArrayView bytes);

    VaultKey(const VaultKey&) = delete;
    VaultKey& operator=(const VaultKey&) = delete;
    VaultKey(VaultKey&& other) noexcept;
    VaultKey& operator=(VaultKey&& other) noexcept;
    ~VaultKey();

    const unsigned char* data() const { return m_bytes.data(); }
    /// A copy for APIs that want a QByteArray (the keyring); the caller wipes it.
    QByteArray toByteArray() const;
    bool operator==(const VaultKey& other) const;

private:
    VaultKey() = default;
    std::array<unsigned char, size> m_bytes{};
};

/// Wipes a buffer that held key material or plaintext; detaches it first, so only our copy is touched.
void wipe(QByteArray& bytes);

} // namespace taskloom::vault
