#pragma once

#include "engine/NodeType.hpp"

namespace taskloom::nodes::connectors {

/// Extracts values from HTML with CSS selectors, without a browser: from a text field (an HTTP answer's "body")
/// or a binary (a downloaded page). With an item selector, each match becomes one item (one per article of a
/// news page) and the extraction selectors are relative to it.
class HtmlExtractNode final : public engine::NodeType {
public:
    HtmlExtractNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;
    QList<std::pair<QString, QString>> checkParams(const engine::Object& params) const override;

private:
    void extractItem(engine::ExecutionContext& ctx, const engine::Item& item, qsizetype index, engine::Outputs& out) const;

    engine::Param<QString> m_source;
    engine::Param<QString> m_sourceField;
    engine::Param<QString> m_sourceBinary;
    engine::Param<QString> m_itemSelector;
    engine::Param<engine::Array> m_extractions;
    engine::Param<QString> m_baseUrl;
    engine::Param<bool> m_keepInputFields;
    engine::Param<QString> m_noMatch;
};

} // namespace taskloom::nodes::connectors
