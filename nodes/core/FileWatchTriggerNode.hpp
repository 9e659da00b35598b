#pragma once

#include "engine/NodeType.hpp"

#include <QStringList>

namespace taskloom::nodes::core {

/// Starts a flow when a file in a folder matching a glob appears, changes or disappears, once the file has
/// stopped growing (debounced). The daemon watches; a run emits one item: event, path, name, size, modifiedAt.
class FileWatchTriggerNode final : public engine::NodeType {
public:
    static constexpr const char* typeName = "core.fileWatchTrigger";

    struct Settings {
        QString folder;
        QStringList patterns; ///< globs on the file name ("*.csv"); several separated by ';'
        bool onNew = true;
        bool onChanged = false;
        bool onDeleted = false;
        int debounceMs = 1000;
    };

    FileWatchTriggerNode();
    std::unique_ptr<engine::NodeInstance> instantiate() const override;
    QList<std::pair<QString, QString>> checkParams(const engine::Object& params) const override;

    /// The watch these parameters describe; a relative folder is taken against `baseDir` (the flow's folder).
    std::expected<Settings, QString> settings(const engine::Object& params, const QString& baseDir) const;
};

} // namespace taskloom::nodes::core
