#include "VaultCipher.hpp"

#include "engine/Json.hpp"

#include <sodium.h>

namespace taskloom::vault {

namespace {

using engine::Object;
using engine::Value;

const QString formatName = QStringLiteral("taskloom-vault");
const QString cipherName = QStringLiteral("xchacha20poly1305-ietf");

QByteArray associatedData(qint64 version)
{
    return QStringLiteral("%1/%2/%3").arg(formatName).arg(version).arg(cipherName).toUtf8();
}

const unsigned char* bytes(const QByteArray& a)
{
    return reinterpret_cast<const unsigned char*>(a.constData());
}

QString damaged(const QString& path, const QString& why)
{
    return QStringLiteral("cannot decrypt %1: damaged file (%2)").arg(path, why);
}

std::expected<QByteArray, QString> base64Field(const Object& envelope, const QString& name, const QString& path)
{
    const Value& value = envelope.value(name);
    if (!value.isString())
        return std::unexpected(damaged(path, QStringLiteral("no \"%1\"").arg(name)));
    auto decoded = QByteArray::fromBase64Encoding(value.stringRef().toLatin1(),
                                                  QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::unexpected(damaged(path, QStringLiteral("\"%1\" is not base64").arg(name)));
    return decoded.decoded;
}

} // namespace

QByteArray VaultCipher::encrypt(const VaultKey& key, const QByteArray& plaintext)
{
    QByteArray nonce(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, Qt::Uninitialized);
    randombytes_buf(nonce.data(), size_t(nonce.size()));
    const QByteArray ad = associatedData(version);

    QByteArray ciphertext(plaintext.size() + qsizetype(crypto_aead_xchacha20poly1305_ietf_ABYTES), Qt::Uninitialized);
    unsigned long long length = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(reinterpret_cast<unsigned char*>(ciphertext.data()), &length,
                                               bytes(plaintext), size_t(plaintext.size()), bytes(ad),
                                               size_t(ad.size()), nullptr, bytes(nonce), key.data());
    ciphertext.truncate(qsizetype(length));

    const Object envelope{{QStringLiteral("format"), formatName},
                          {QStringLiteral("version"), version},
                          {QStringLiteral("cipher"), cipherName},
                          {QStringLiteral("nonce"), QString::fromLatin1(nonce.toBase64())},
                          {QStringLiteral("ciphertext"), QString::fromLatin1(ciphertext.toBase64())}};
    return engine::Json::serialize(envelope, engine::Json::WriteOptions{true, 0}) + '\n';
}

std::expected<QByteArray, QString> VaultCipher::decrypt(const VaultKey& key, const QByteArray& envelopeText,
                                                        const QString& path)
{
    auto parsed = engine::Json::parse(envelopeText);
    if (!parsed || !parsed->isObject())
        return std::unexpected(damaged(path, QStringLiteral("not a vault envelope")));
    const Object& envelope = parsed->objectRef();
    if (envelope.value(QStringLiteral("format")).toString() != formatName)
        return std::unexpected(damaged(path, QStringLiteral("not a Taskloom vault")));
    const Value& fileVersion = envelope.value(QStringLiteral("version"));
    if (!fileVersion.isInt())
        return std::unexpected(damaged(path, QStringLiteral("no \"version\"")));
    if (fileVersion.toInt() != version) {
        return std::unexpected(QStringLiteral("cannot decrypt %1: vault format version %2 is not supported (this "
                                              "Taskloom reads version %3)")
                                   .arg(path)
                                   .arg(fileVersion.toInt())
                                   .arg(version));
    }
    const QString cipher = envelope.value(QStringLiteral("cipher")).toString();
    if (cipher != cipherName)
        return std::unexpected(damaged(path, QStringLiteral("unknown cipher \"%1\"").arg(cipher.left(40))));
    auto nonce = base64Field(envelope, QStringLiteral("nonce"), path);
    if (!nonce)
        return std::unexpected(nonce.error());
    auto ciphertext = base64Field(envelope, QStringLiteral("ciphertext"), path);
    if (!ciphertext)
        return std::unexpected(ciphertext.error());
    if (nonce->size() != qsizetype(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES)
        || ciphertext->size() < qsizetype(crypto_aead_xchacha20poly1305_ietf_ABYTES))
        return std::unexpected(damaged(path, QStringLiteral("truncated")));

    const QByteArray ad = associatedData(version);
    QByteArray plaintext(ciphertext->size() - qsizetype(crypto_aead_xchacha20poly1305_ietf_ABYTES), Qt::Uninitialized);
    unsigned long long length = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(plaintext.data()), &length,
                                                   nullptr, bytes(*ciphertext), size_t(ciphertext->size()), bytes(ad),
                                                   size_t(ad.size()), bytes(*nonce), key.data())
        != 0) {
        // The tag does not tell a wrong key from a changed byte; both read the same to the user.
        return std::unexpected(QStringLiteral("cannot decrypt %1: wrong key or damaged file").arg(path));
    }
    plaintext.truncate(qsizetype(length));
    return plaintext;
}

} // namespace taskloom::vault
