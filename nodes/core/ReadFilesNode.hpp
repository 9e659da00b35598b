#pragma once

#include "engine/NodeType.hpp"

namespace taskloom::nodes::core {

/// Reads the files a path or pattern names (`invoices/*.pdf`, `data/**/*.csv`), one item per file with
/// {path, fileName, size, modified} and the content as text or as a binary attachment. Lazy: a batch of files is
/// read per call, so a folder of thousands of scans is not loaded at once.
class ReadFilesNode final : public engine::NodeType {
public:
    struct Settings {
        QString pathValue;
        QString path;
        bool text = false;
        QString encoding;
        QString binaryField;
    };

    ReadFilesNode();
    std::unique_ptr<engine::NodeInstance> instantiate() const override;
    QList<std::pair<QString, QString>> checkParams(const engine::Object& params) const override;

    Settings settings(engine::ExecutionContext& ctx, const engine::Item& item, qsizetype index) const;

private:
    engine::Param<QString> m_path;
    engine::Param<QString> m_mode;
    engine::Param<QString> m_encoding;
    engine::Param<QString> m_binaryField;
};

} // namespace taskloom::nodes::core
