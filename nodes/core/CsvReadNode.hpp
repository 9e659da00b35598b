#pragma once

#include "CsvDialect.hpp"

#include "engine/NodeType.hpp"

namespace taskloom::nodes::core {

/// Reads a CSV file for every input item and emits one item per row, fields in column order. Streams: each call
/// emits one batch of rows read incrementally, so a file of any size flows through in bounded memory.
class CsvReadNode final : public engine::NodeType {
public:
    /// The parameters for one input item, read when the item arrives.
    struct Settings {
        QString pathValue; ///< as written, for messages
        QString path;      ///< resolved
        CsvDialect dialect;
        QString encoding;
        bool header = true;
        bool inferTypes = false;
        bool strict = false;
        qint64 maxRows = 0;
    };

    CsvReadNode();
    std::unique_ptr<engine::NodeInstance> instantiate() const override;
    QList<std::pair<QString, QString>> checkParams(const engine::Object& params) const override;

    Settings settings(engine::ExecutionContext& ctx, const engine::Item& item, qsizetype index) const;

private:
    engine::Param<QString> m_path;
    engine::Param<QString> m_delimiter;
    engine::Param<QString> m_customDelimiter;
    engine::Param<QString> m_quote;
    engine::Param<bool> m_header;
    engine::Param<QString> m_encoding;
    engine::Param<bool> m_skipEmptyLines;
    engine::Param<bool> m_trim;
    engine::Param<bool> m_inferTypes;
    engine::Param<bool> m_strict;
    engine::Param<qint64> m_maxRows;
};

} // namespace taskloom::nodes::core
