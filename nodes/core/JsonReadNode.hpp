#pragma once

#include "engine/NodeType.hpp"

namespace taskloom::nodes::core {

/// Reads a JSON file for every input item: an array of objects becomes one item per object, a single object one
/// item; JSON Lines files (one value per line) stream line by line in bounded memory.
class JsonReadNode final : public engine::NodeType {
public:
    struct Settings {
        QString pathValue;
        QString path;
        bool lines = false;
        QString itemsPath;
    };

    JsonReadNode();
    std::unique_ptr<engine::NodeInstance> instantiate() const override;

    Settings settings(engine::ExecutionContext& ctx, const engine::Item& item, qsizetype index) const;

private:
    engine::Param<QString> m_path;
    engine::Param<QString> m_format;
    engine::Param<QString> m_itemsPath;
};

} // namespace taskloom::nodes::core
