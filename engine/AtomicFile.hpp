#pragma once

#include <QByteArray>
#include <QString>

#include <expected>

namespace taskloom::engine {

/// All-or-nothing file writes: the bytes go to a temporary file beside the target, which is renamed over the
/// target only when every byte is written and flushed. A failure leaves the old file (or no file) behind.
class AtomicFile {
public:
    static std::expected<void, QString> write(const QString& path, const QByteArray& bytes);
};

} // namespace taskloom::engine
