#pragma once

#include "Flow.hpp"

#include <QByteArray>

#include <expected>

namespace taskloom::engine {

/// Writes `*.flow.json` deterministically (fixed key order, connections in node order, default settings
/// omitted) so that saving an unchanged flow gives the same bytes and flows diff well in git. Placeholder nodes
/// are written back exactly as they were read.
class FlowWriter {
public:
    static Object toObject(const Flow& flow);
    static QByteArray serialize(const Flow& flow);
    /// Writes to a temporary file beside `path` and renames it over `path`: readers never see half a flow, and
    /// a failed save leaves the old file untouched.
    static std::expected<void, QString> save(const Flow& flow, const QString& path);
};

} // namespace taskloom::engine
