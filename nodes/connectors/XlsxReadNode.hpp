#pragma once

#include "engine/NodeType.hpp"

namespace taskloom::nodes::connectors {

/// Reads a sheet of an .xlsx workbook for every item and emits one item per row (the header row names the fields).
class XlsxReadNode final : public engine::NodeType {
public:
    XlsxReadNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

private:
    engine::Param<QString> m_path;
    engine::Param<QString> m_sheet;
    engine::Param<bool> m_header;
    engine::Param<bool> m_skipEmptyRows;
    engine::Param<qint64> m_maxRows;
};

} // namespace taskloom::nodes::connectors
