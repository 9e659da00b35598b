#include "AtomicFile.hpp"

#include <QSaveFile>

namespace taskloom::engine {

std::expected<void, QString> AtomicFile::write(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return std::unexpected(QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));
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
