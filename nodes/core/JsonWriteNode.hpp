#pragma once

#include "engine/NodeType.hpp"

namespace taskloom::nodes::core {

/// Writes the items it receives to one JSON file — an array, or JSON Lines — batch by batch, and emits one item
/// {path, items} at the end. Like Write CSV, the file appears only when complete.
class JsonWriteNode final : public engine::NodeType {
public:
    struct Settings {
        QString pathValue;
        bool lines = false;
        bool pretty = false;
        QString mode;
        bool createFolders = true;
    };

    JsonWriteNode();
    std::unique_ptr<engine::NodeInstance> instantiate() const override;
    QList<std::pair<QString, QString>> checkParams(const engine::Object& params) const override;

    Settings settings(engine::ExecutionContext& ctx, const engine::Item& first) const;

private:
    engine::Param<QString> m_path;
    engine::Param<QString> m_format;
    engine::Param<bool> m_pretty;
    engine::Param<QString> m_mode;
    engine::Param<bool> m_createFolders;
};

} // namespace taskloom::nodes::core
