#pragma once

#include "WebNode.hpp"

namespace taskloom::nodes::web {

/// Reads the rendered page with CSS selectors: one item per match of the item selector (an article) with values picked by selectors relative to it, or one item per table row.
class ExtractNode final : public WebNode {
public:
    ExtractNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

private:
    void extract(engine::ExecutionContext& ctx, const engine::Item& item, qsizetype index, engine::Outputs& out) const;

    engine::Param<QString> m_mode;
    engine::Param<QString> m_itemSelector;
    engine::Param<engine::Array> m_extractions;
    engine::Param<QString> m_tableSelector;
    engine::Param<bool> m_header;
    engine::Param<bool> m_keepInputFields;
    engine::Param<QString> m_noMatch;
};

} // namespace taskloom::nodes::web
