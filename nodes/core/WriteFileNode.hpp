#pragma once

#include "engine/NodeType.hpp"

namespace taskloom::nodes::core {

/// Writes one file per item, from text (an expression) or from a binary attachment; replacing a file is atomic
/// (temporary file, then rename), appending is all or nothing. The item goes on with {path, size} set.
class WriteFileNode final : public engine::NodeType {
public:
    WriteFileNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;
    QList<std::pair<QString, QString>> checkParams(const engine::Object& params) const override;

private:
    QByteArray content(engine::ExecutionContext& ctx, const engine::Item& item, qsizetype index, bool withBom) const;
    QByteArray binaryContent(engine::ExecutionContext& ctx, const engine::Item& item, qsizetype index) const;

    engine::Param<QString> m_path;
    engine::Param<QString> m_source;
    engine::Param<QString> m_text;
    engine::Param<QString> m_binaryField;
    engine::Param<QString> m_encoding;
    engine::Param<QString> m_mode;
    engine::Param<bool> m_createFolders;
};

} // namespace taskloom::nodes::core
