#pragma once

#include "Value.hpp"

#include <QByteArray>
#include <QString>

#include <expected>
#include <memory>

namespace taskloom::engine {

class Binary;
/// Items hold binaries by handle: copying an item never copies the bytes.
using BinaryRef = std::shared_ptr<const Binary>;

/// Bytes attached to an item: an image, a PDF, a downloaded file. Small payloads stay in memory; above the
/// spill threshold they live in a temporary file (removed with the last handle), so a batch of scans does not
/// fill memory.
class Binary {
public:
    static constexpr qint64 defaultSpillThreshold = 4 * 1024 * 1024;

    /// Keeps `data` in memory, or writes it under `spillDirectory` when it is larger than `spillThreshold`
    /// (an empty directory means never spill). Fails only when spilling fails.
    static std::expected<BinaryRef, QString> fromBytes(QByteArray data, QString mimeType, QString fileName,
                                                       const QString& spillDirectory = {},
                                                       qint64 spillThreshold = defaultSpillThreshold);
    /// Refers to an existing file without reading it; the file is read when the bytes are asked for.
    static std::expected<BinaryRef, QString> fromFile(const QString& path, QString mimeType = {},
                                                      QString fileName = {});

    ~Binary();
    Binary(const Binary&) = delete;
    Binary& operator=(const Binary&) = delete;

    const QString& mimeType() const { return m_mimeType; }
    const QString& fileName() const { return m_fileName; }
    qint64 size() const { return m_size; }
    bool isInMemory() const { return m_path.isEmpty(); }
    /// The file holding the bytes, empty when they are in memory.
    const QString& filePath() const { return m_path; }
    std::expected<QByteArray, QString> bytes() const;
    /// {"mimeType", "fileName", "size"}: how a binary shows up in JSON output and in the run store.
    Object metadata() const;

    /// A guess from the file name's extension; "application/octet-stream" when unknown.
    static QString mimeTypeForFileName(const QString& fileName);

private:
    Binary() = default;

    QString m_mimeType;
    QString m_fileName;
    qint64 m_size = 0;
    QByteArray m_data;
    QString m_path;
    bool m_ownsFile = false;
};

} // namespace taskloom::engine
