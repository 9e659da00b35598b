#pragma once

#include "engine/NodeType.hpp"

namespace taskloom::nodes::core {

/// Groups items by fields (none: one group of everything) and emits one item per group with the group's field
/// values and the aggregations (count, sum, average, min, max, ...). Streams: batches are folded into per-group
/// state as they arrive and the groups are emitted, in the order they were first seen, when the input ends, so
/// memory grows with the number of groups, not items.
class AggregateNode final : public engine::NodeType {
public:
    AggregateNode();
    std::unique_ptr<engine::NodeInstance> instantiate() const override;
    QList<std::pair<QString, QString>> checkParams(const engine::Object& params) const override;

private:
    friend class AggregateInstance;
    engine::Param<engine::Array> m_groupBy;
    engine::Param<engine::Array> m_aggregations;
    engine::Param<bool> m_skipNonNumeric;
};

} // namespace taskloom::nodes::core
