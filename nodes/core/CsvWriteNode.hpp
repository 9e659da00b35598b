#pragma once

#include "CsvDialect.hpp"
#include "CsvWriter.hpp"

#include "engine/NodeType.hpp"

namespace taskloom::nodes::core {

/// Writes the items it receives as rows of one CSV file, batch by batch, and emits one item {path, rows,
/// columns} when the input ends. The rows go to a temporary file that replaces the target only then, so a run
/// that fails or is cancelled leaves no half-written CSV behind.
class CsvWriteNode final : public engine::NodeType {
public:
    struct Settings {
        QString pathValue;
        CsvDialect dialect;
        CsvWriter::Quoting quoting = CsvWriter::Quoting::Needed;
        bool header = true;
        QStringList columns; ///< empty: the first item's fields
        QString lineEnding;
        QString encoding;
        bool bom = false;
        QString mode;
        bool createFolders = true;
    };

    CsvWriteNode();
    std::unique_ptr<engine::NodeInstance> instantiate() const override;
    QList<std::pair<QString, QString>> checkParams(const engine::Object& params) const override;

    /// Read once, with the first item (so the file name may come from it).
    Settings settings(engine::ExecutionContext& ctx, const engine::Item& first) const;

private:
    engine::Param<QString> m_path;
    engine::Param<QString> m_delimiter;
    engine::Param<QString> m_customDelimiter;
    engine::Param<QString> m_quote;
    engine::Param<QString> m_quoting;
    engine::Param<bool> m_header;
    engine::Param<QString> m_columns;
    engine::Param<QString> m_lineEnding;
    engine::Param<QString> m_encoding;
    engine::Param<bool> m_bom;
    engine::Param<QString> m_mode;
    engine::Param<bool> m_createFolders;
};

} // namespace taskloom::nodes::core
