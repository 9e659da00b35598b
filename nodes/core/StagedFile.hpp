#pragma once

#include <QByteArrayView>
#include <QString>

#include <expected>
#include <memory>

class QSaveFile;
class QTemporaryFile;

namespace taskloom::nodes::core {

/// All-or-nothing writing of a file that is produced piece by piece (a CSV written batch by batch). The bytes go
/// to a temporary file beside the target; commit() renames it over the target (Replace) or appends it to the
/// target in one go, cutting the target back to its old size if that fails (Append). Destroyed or discarded
/// before commit() — the node failed, the run was cancelled — it removes the temporary file and leaves the target
/// as it was, so no half-written file is ever left behind.
class StagedFile {
public:
    enum class Mode { Replace, Append };

    StagedFile();
    ~StagedFile();
    StagedFile(const StagedFile&) = delete;
    StagedFile& operator=(const StagedFile&) = delete;

    /// Errors are one line without the path (callers name it).
    std::expected<void, QString> open(const QString& target, Mode mode);
    bool isOpen() const;
    const QString& target() const { return m_target; }
    /// The target's size before this write; 0 when it did not exist.
    qint64 originalSize() const { return m_originalSize; }

    std::expected<void, QString> write(QByteArrayView bytes);
    std::expected<void, QString> commit();
    void discard();

private:
    std::expected<void, QString> appendToTarget();

    QString m_target;
    Mode m_mode = Mode::Replace;
    qint64 m_originalSize = 0;
    std::unique_ptr<QSaveFile> m_save;
    std::unique_ptr<QTemporaryFile> m_temp;
};

} // namespace taskloom::nodes::core
