#include "KeyFile.hpp"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace taskloom::vault {

namespace {

// Big enough for base64 text with stray whitespace; anything larger is not a key file.
constexpr qint64 maxKeyFileSize = 4096;

std::expected<VaultKey, QString> parse(const QString& path, QByteArray& contents)
{
    if (std::size_t(contents.size()) == VaultKey::size)
        return *VaultKey::fromBytes(contents);
    QByteArray text = contents.trimmed();
    auto decoded = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
    wipe(text);
    std::optional<VaultKey> key;
    if (decoded)
        key = VaultKey::fromBytes(decoded.decoded);
    wipe(decoded.decoded);
    if (!key) {
        return std::unexpected(QStringLiteral("key file %1 holds no vault key (expected %2 random bytes, raw or "
                                              "base64, e.g. from `openssl rand -base64 32`)")
                                   .arg(path)
                                   .arg(VaultKey::size));
    }
    return std::move(*key);
}

#ifdef Q_OS_UNIX
QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

// fstat on the descriptor we read from, not stat on the name, so the file checked is the file read.
std::expected<void, QString> checkPrivate(const QString& path, int fd)
{
    struct stat st {};
    if (::fstat(fd, &st) != 0)
        return std::unexpected(QStringLiteral("cannot read key file %1: %2").arg(path, errnoText()));
    if (!S_ISREG(st.st_mode))
        return std::unexpected(QStringLiteral("key file %1 is not a regular file").arg(path));
    if ((st.st_mode & 077) != 0) {
        return std::unexpected(QStringLiteral("key file %1 is accessible to other users (mode %2); refusing to use "
                                              "it. Allow its owner only: chmod 600 %1")
                                   .arg(path)
                                   .arg(uint(st.st_mode & 0777), 4, 8, QLatin1Char('0')));
    }
    return {};
}

void syncDirectory(const QString& dir)
{
    // Makes the new name durable: a vault written after this must never outlive its key in a crash.
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}
#endif

} // namespace

std::expected<VaultKey, QString> KeyFile::read(const QString& path)
{
    QFile file;
#ifdef Q_OS_UNIX
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return std::unexpected(QStringLiteral("cannot read key file %1: %2").arg(path, errnoText()));
    if (auto ok = checkPrivate(path, fd); !ok) {
        ::close(fd);
        return std::unexpected(ok.error());
    }
    file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle);
#else
    // Windows guards files with ACLs, which Qt does not expose; the user profile directory is private already.
    file.setFileName(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(QStringLiteral("cannot read key file %1: %2").arg(path, file.errorString()));
#endif
    QByteArray contents = file.read(maxKeyFileSize + 1);
    if (contents.size() > maxKeyFileSize) {
        wipe(contents);
        return std::unexpected(QStringLiteral("key file %1 is too large to be a vault key").arg(path));
    }
    auto key = parse(path, contents);
    wipe(contents);
    return key;
}

std::expected<void, KeyFile::CreateFailure> KeyFile::create(const QString& path, const VaultKey& key)
{
    auto failed = [&](const QString& why) {
        return std::unexpected(
            CreateFailure{CreateError::Failed, QStringLiteral("cannot create key file %1: %2").arg(path, why)});
    };
    auto exists = [&] {
        return std::unexpected(
            CreateFailure{CreateError::Exists, QStringLiteral("key file %1 already exists").arg(path)});
    };
    QByteArray raw = key.toByteArray();
    QByteArray text = raw.toBase64() + '\n';
    wipe(raw);

#ifdef Q_OS_UNIX
    // Written to a private temporary file (QTemporaryFile creates 0600) and hard-linked into place: link() never
    // replaces an existing name, and readers never see a half-written key.
    const QFileInfo info(path);
    QTemporaryFile temp(info.absolutePath() + QStringLiteral("/.") + info.fileName() + QStringLiteral(".XXXXXX"));
    if (!temp.open()) {
        wipe(text);
        return failed(temp.errorString());
    }
    const bool written = temp.write(text) == text.size() && temp.flush() && ::fsync(temp.handle()) == 0;
    wipe(text);
    if (!written)
        return failed(temp.errorString());
    if (::link(QFile::encodeName(temp.fileName()).constData(), QFile::encodeName(path).constData()) != 0) {
        if (errno == EEXIST)
            return exists();
        return failed(errnoText());
    }
    syncDirectory(info.absolutePath());
    return {};
#else
    QFile file(path);
    if (file.exists())
        return exists();
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        wipe(text);
        return file.exists() ? exists() : failed(file.errorString());
    }
    const bool written = file.write(text) == text.size() && file.flush();
    wipe(text);
    if (!written) {
        const QString why = file.errorString();
        file.remove();
        return failed(why);
    }
    return {};
#endif
}

} // namespace taskloom::vault
