#pragma once

#include "engine/NodeType.hpp"

namespace taskloom::nodes::connectors {

/// Writes all incoming items to one sheet of a new .xlsx workbook (a header row, then one row per item).
class XlsxWriteNode final : public engine::NodeType {
public:
    XlsxWriteNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

private:
    engine::Param<QString> m_path;
    engine::Param<QString> m_sheet;
    engine::Param<QString> m_columns;
    engine::Param<bool> m_header;
};

} // namespace taskloom::nodes::connectors
