#include "VaultKey.hpp"

#include <sodium.h>

namespace taskloom::vault {

VaultKey VaultKey::generate()
{
    VaultKey key;
    randombytes_buf(key.m_bytes.data(), key.m_bytes.size());
    return key;
}

std::optional<VaultKey> VaultKey::fromBytes(QByteArrayView bytes)
{
    if (std::size_t(bytes.size()) != size)
        return std::nullopt;
    VaultKey key;
    std::copy(bytes.begin(), bytes.end(), key.m_bytes.begin());
    return key;
}

VaultKey::VaultKey(VaultKey&& other) noexcept : m_bytes(other.m_bytes)
{
    sodium_memzero(other.m_bytes.data(), other.m_bytes.size());
}

VaultKey& VaultKey::operator=(VaultKey&& other) noexcept
{
    if (this != &other) {
        m_bytes = other.m_bytes;
        sodium_memzero(other.m_bytes.data(), other.m_bytes.size());
    }
    return *this;
}

VaultKey::~VaultKey()
{
    sodium_memzero(m_bytes.data(), m_bytes.size());
}

QByteArray VaultKey::toByteArray() const
{
    return QByteArray(reinterpret_cast<const char*>(m_bytes.data()), qsizetype(m_bytes.size()));
}

bool VaultKey::operator==(const VaultKey& other) const
{
    // Constant time: cheap, and a habit worth keeping for anything that compares secrets.
    return sodium_memcmp(m_bytes.data(), other.m_bytes.data(), size) == 0;
}

void wipe(QByteArray& bytes)
{
    if (!bytes.isEmpty())
        sodium_memzero(bytes.data(), size_t(bytes.size()));
    bytes.clear();
}

} // namespace taskloom::vault
