#include "StagedFile.hpp"

#include <QFileInfo>
#include <QSaveFile>
#include <QTemporaryFile>

namespace taskloom::nodes::core {

StagedFile::StagedFile() = default;

// QSaveFile and QTemporaryFile remove their temporary file when destroyed uncommitted.
StagedFile::~StagedFile() = default;

std::expected<void, QString> StagedFile::open(const QString& target, Mode mode)
{
    discard();
    m_target = target;
    const QFileInfo info(target);
    if (info.isDir())
        return std::unexpected(QStringLiteral("is a folder"));
    m_originalSize = info.exists() ? info.size() : 0;
    // Appending to nothing is writing a new file: the rename is cheaper and just as safe.
    m_mode = mode == Mode::Append && m_originalSize > 0 ? Mode::Append : Mode::Replace;
    if (m_mode == Mode::Replace) {
        m_save = std::make_unique<QSaveFile>(target);
        if (!m_save->open(QIODevice::WriteOnly)) {
            const QString error = m_save->errorString();
            m_save.reset();
            return std::unexpected(QStringLiteral("cannot write (%1)").arg(error));
        }
        return {};
    }
    m_temp = std::make_unique<QTemporaryFile>(QStringLiteral("%1/.%2.XXXXXX.part").arg(info.absolutePath(), info.fileName()));
    if (!m_temp->open()) {
        const QString error = m_temp->errorString();
        m_temp.reset();
        return std::unexpected(QStringLiteral("cannot write beside the file (%1)").arg(error));
    }
    return {};
}

bool StagedFile::isOpen() const
{
    return m_save || m_temp;
}

std::expected<void, QString> StagedFile::write(QByteArrayView bytes)
{
    QFileDevice* device = m_save ? static_cast<QFileDevice*>(m_save.get()) : m_temp.get();
    if (!device)
        return std::unexpected(QStringLiteral("not open"));
    if (device->write(bytes.data(), bytes.size()) != bytes.size())
        return std::unexpected(QStringLiteral("cannot write (%1)").arg(device->errorString()));
    return {};
}

std::expected<void, QString> StagedFile::commit()
{
    if (m_save) {
        const bool ok = m_save->commit();
        const QString error = m_save->errorString();
        m_save.reset();
        if (!ok)
            return std::unexpected(QStringLiteral("cannot write (%1)").arg(error));
        return {};
    }
    if (!m_temp)
        return std::unexpected(QStringLiteral("not open"));
    auto appended = appendToTarget();
    m_temp.reset();
    return appended;
}

std::expected<void, QString> StagedFile::appendToTarget()
{
    if (!m_temp->flush() || !m_temp->seek(0))
        return std::unexpected(QStringLiteral("cannot write (%1)").arg(m_temp->errorString()));
    QFile target(m_target);
    if (!target.open(QIODevice::WriteOnly | QIODevice::Append))
        return std::unexpected(QStringLiteral("cannot append (%1)").arg(target.errorString()));
    QByteArray chunk;
    while (!m_temp->atEnd()) {
        chunk = m_temp->read(1 << 20);
        if (chunk.isEmpty() || target.write(chunk) != chunk.size() || !target.flush()) {
            const QString error = chunk.isEmpty() ? m_temp->errorString() : target.errorString();
            target.resize(m_originalSize); // all or nothing: cut the partial append off again
            return std::unexpected(QStringLiteral("cannot append (%1)").arg(error));
        }
    }
    return {};
}

void StagedFile::discard()
{
    m_save.reset();
    m_temp.reset();
}

} // namespace taskloom::nodes::core
