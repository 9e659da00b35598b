#pragma once

// Small helpers shared by the vault tests: files, modes, key files.

#include "vault/Vault.hpp"

#include <QByteArray>
#include <QFile>
#include <QRandomGenerator>
#include <QString>

#include <sys/stat.h>

namespace taskloom::vault::test {

inline QByteArray readAll(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

inline bool writeAll(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

/// The permission bits of path (e.g. 0600), or -1 when it does not exist.
inline int modeOf(const QString& path)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

inline QByteArray randomKey()
{
    QByteArray key(32, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32*>(key.data()), key.size() / 4);
    return key;
}

/// A key file as a person would make one: base64 text, with the given mode.
inline bool writeKeyFile(const QString& path, const QByteArray& key, int mode = 0600)
{
    return writeAll(path, key.toBase64() + '\n') && ::chmod(QFile::encodeName(path).constData(), mode_t(mode)) == 0;
}

inline engine::Credential credential(const QString& name, const QString& user, const QString& password)
{
    return engine::Credential{name, QStringLiteral("httpBasic"),
                              engine::Object{{QStringLiteral("user"), user}, {QStringLiteral("password"), password}}};
}

} // namespace taskloom::vault::test
