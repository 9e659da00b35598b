#pragma once

#include "engine/NodeType.hpp"

namespace taskloom::nodes::core {

/// Drops items that repeat an earlier item: compared on all fields, on chosen fields, or on all but some. The
/// first of each kind goes on. Streams: it remembers a 128-bit digest per distinct item, never the items.
class RemoveDuplicatesNode final : public engine::NodeType {
public:
    RemoveDuplicatesNode();
    std::unique_ptr<engine::NodeInstance> instantiate() const override;

private:
    friend class RemoveDuplicatesInstance;
    engine::Param<QString> m_compare;
    engine::Param<engine::Array> m_fields;
};

} // namespace taskloom::nodes::core
