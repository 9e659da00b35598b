#pragma once

#include "engine/NodeType.hpp"

namespace taskloom::nodes::connectors {

/// Reads an RSS or Atom feed, from a URL or from an item's text or binary, and emits one item per entry.
class FeedReadNode final : public engine::NodeType {
public:
    FeedReadNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

private:
    void readItem(engine::ExecutionContext& ctx, const engine::Item& item, qsizetype index, engine::Outputs& out) const;

    engine::Param<QString> m_source;
    engine::Param<QString> m_url;
    engine::Param<QString> m_sourceField;
    engine::Param<QString> m_sourceBinary;
    engine::Param<qint64> m_maxEntries;
    engine::Param<double> m_timeout;
};

} // namespace taskloom::nodes::connectors
