#pragma once

#include "engine/NodeType.hpp"

namespace taskloom::nodes::core {

/// Keeps the first N items (passing batches on as they come and dropping the rest without copying them) or the
/// last N (held in a window of N items until the input ends).
class LimitNode final : public engine::NodeType {
public:
    LimitNode();
    std::unique_ptr<engine::NodeInstance> instantiate() const override;

private:
    friend class LimitInstance;
    engine::Param<qint64> m_count;
    engine::Param<QString> m_keep;
};

} // namespace taskloom::nodes::core
