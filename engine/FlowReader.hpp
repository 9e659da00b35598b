#pragma once

#include "Flow.hpp"
#include "Problem.hpp"

#include <QByteArrayView>

#include <optional>

namespace taskloom::engine {

class NodeRegistry;

/// Reads `*.flow.json`. Structure problems are collected (every one, each with its JSON path) rather than
/// stopping at the first; a flow whose structure could be read is returned even when it has errors, so the
/// studio can open it and show them. Unknown node types become placeholders that keep their JSON verbatim.
/// Older typeVersions are migrated through NodeType::migrate.
class FlowReader {
public:
    struct Result {
        std::optional<Flow> flow;
        QList<Problem> problems;

        bool ok() const { return flow.has_value() && !Problem::hasErrors(problems); }
    };

    static Result parse(QByteArrayView json, const NodeRegistry& registry);
    /// Reads and parses a file; problems about the file itself have an empty path.
    static Result load(const QString& path, const NodeRegistry& registry);

    static constexpr qint64 maxFileSize = 64 * 1024 * 1024;
};

} // namespace taskloom::engine
