#pragma once

#include <QByteArray>
#include <QFileDevice>
#include <QString>

#include <expected>

namespace taskloom::engine {

/// All-or-nothing file writes: the bytes go to a temporary file beside the target, which is renamed over the
/// target only when every byte is written and flushed. A failure leaves the old file (or no file) behind.
class AtomicFile {
public:
    /// `permissions`, when given, apply to the temporary file before any byte is written, so a private file
    /// is never readable by others, not even for a moment.
    static std::expected<void, QString> write(const QString& path, const QByteArray& bytes,
                                              QFileDevice::Permissions permissions = {});
};

} // namespace taskloom::engine
