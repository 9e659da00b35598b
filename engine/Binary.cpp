#include "Binary.hpp"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

namespace taskloom::engine {

std::expected<BinaryRef, QString> Binary::fromBytes(QByteArray data, QString mimeType, QString fileName,
                                                    const QString& spillDirectory, qint64 spillThreshold)
{
    std::shared_ptr<Binary> b(new Binary);
    b->m_mimeType = mimeType.isEmpty() ? mimeTypeForFileName(fileName) : std::move(mimeType);
    b->m_fileName = std::move(fileName);
    b->m_size = data.size();
    if (spillDirectory.isEmpty() || data.size() <= spillThreshold) {
        b->m_data = std::move(data);
        return b;
    }
    if (!QDir().mkpath(spillDirectory))
        return std::unexpected(QStringLiteral("cannot create spill directory %1").arg(spillDirectory));
    QTemporaryFile file(spillDirectory + QStringLiteral("/binary-XXXXXX"));
    file.setAutoRemove(false);
    if (!file.open())
        return std::unexpected(QStringLiteral("cannot create a spill file in %1: %2").arg(spillDirectory, file.errorString()));
    if (file.write(data) != data.size() || !file.flush()) {
        const QString err = file.errorString();
        file.remove();
        return std::unexpected(QStringLiteral("cannot write spill file %1: %2").arg(file.fileName(), err));
    }
    b->m_path = file.fileName();
    b->m_ownsFile = true;
    return b;
}

std::expected<BinaryRef, QString> Binary::fromFile(const QString& path, QString mimeType, QString fileName)
{
    const QFileInfo info(path);
    if (!info.isFile())
        return std::unexpected(QStringLiteral("%1: no such file").arg(path));
    std::shared_ptr<Binary> b(new Binary);
    b->m_fileName = fileName.isEmpty() ? info.fileName() : std::move(fileName);
    b->m_mimeType = mimeType.isEmpty() ? mimeTypeForFileName(b->m_fileName) : std::move(mimeType);
    b->m_size = info.size();
    b->m_path = info.absoluteFilePath();
    return b;
}

Binary::~Binary()
{
    if (m_ownsFile)
        QFile::remove(m_path);
}

std::expected<QByteArray, QString> Binary::bytes() const
{
    if (isInMemory())
        return m_data;
    QFile f(m_path);
    if (!f.open(QIODevice::ReadOnly))
        return std::unexpected(QStringLiteral("%1: %2").arg(m_path, f.errorString()));
    return f.readAll();
}

Object Binary::metadata() const
{
    return Object{{QStringLiteral("mimeType"), m_mimeType},
                  {QStringLiteral("fileName"), m_fileName},
                  {QStringLiteral("size"), m_size}};
}

QString Binary::mimeTypeForFileName(const QString& fileName)
{
    static const QHash<QString, QString> types = {
        {QStringLiteral("txt"), QStringLiteral("text/plain")},
        {QStringLiteral("csv"), QStringLiteral("text/csv")},
        {QStringLiteral("json"), QStringLiteral("application/json")},
        {QStringLiteral("html"), QStringLiteral("text/html")},
        {QStringLiteral("htm"), QStringLiteral("text/html")},
        {QStringLiteral("xml"), QStringLiteral("application/xml")},
        {QStringLiteral("pdf"), QStringLiteral("application/pdf")},
        {QStringLiteral("png"), QStringLiteral("image/png")},
        {QStringLiteral("jpg"), QStringLiteral("image/jpeg")},
        {QStringLiteral("jpeg"), QStringLiteral("image/jpeg")},
        {QStringLiteral("gif"), QStringLiteral("image/gif")},
        {QStringLiteral("bmp"), QStringLiteral("image/bmp")},
        {QStringLiteral("tif"), QStringLiteral("image/tiff")},
        {QStringLiteral("tiff"), QStringLiteral("image/tiff")},
        {QStringLiteral("webp"), QStringLiteral("image/webp")},
        {QStringLiteral("zip"), QStringLiteral("application/zip")},
        {QStringLiteral("xlsx"), QStringLiteral("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")},
        {QStringLiteral("lua"), QStringLiteral("text/x-lua")},
        {QStringLiteral("md"), QStringLiteral("text/markdown")},
    };
    const QString ext = QFileInfo(fileName).suffix().toLower();
    return types.value(ext, QStringLiteral("application/octet-stream"));
}

} // namespace taskloom::engine
