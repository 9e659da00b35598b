#include "AtomicFile.hpp"

#include <QSaveFile>

#include <sys/stat.h>

namespace taskloom::engine {

namespace {

mode_t toMode(QFileDevice::Permissions p)
{
    mode_t m = 0;
    if (p & QFileDevice::ReadOwner) m |= S_IRUSR;
    if (p & QFileDevice::WriteOwner) m |= S_IWUSR;
    if (p & QFileDevice::ExeOwner) m |= S_IXUSR;
    if (p & QFileDevice::ReadGroup) m |= S_IRGRP;
    if (p & QFileDevice::WriteGroup) m |= S_IWGRP;
    if (p & QFileDevice::ExeGroup) m |= S_IXGRP;
    if (p & QFileDevice::ReadOther) m |= S_IROTH;
    if (p & QFileDevice::WriteOther) m |= S_IWOTH;
    if (p & QFileDevice::ExeOther) m |= S_IXOTH;
    return m;
}

} // namespace

std::expected<void, QString> AtomicFile::write(const QString& path, const QByteArray& bytes, QFileDevice::Permissions permissions)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return std::unexpected(QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));
    if (permissions && ::fchmod(file.handle(), toMode(permissions)) != 0) {
        file.cancelWriting();
        return std::unexpected(QStringLiteral("%1: cannot set permissions").arg(path));
    }
    if (file.write(bytes) != bytes.size()) {
        const QString err = file.errorString();
        file.cancelWriting();
        return std::unexpected(QStringLiteral("%1: cannot write: %2").arg(path, err));
    }
    if (!file.commit())
        return std::unexpected(QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));
    return {};
}

} // namespace taskloom::engine
