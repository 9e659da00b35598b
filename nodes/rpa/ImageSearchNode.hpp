#pragma once

#include "RpaNode.hpp"

namespace taskloom::nodes::rpa {

/// "Find image" (look once, report where) and "Wait for image" (until it appears or disappears, or time out).
class ImageSearchNode final : public RpaNode {
public:
    enum class Mode { Find, Wait };
    explicit ImageSearchNode(Mode mode);
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

private:
    Mode m_mode;
    engine::Param<QString> m_picture;
    engine::Param<double> m_score;
    engine::Param<QString> m_until;
    engine::Param<double> m_wait;
    engine::Param<bool> m_failIfMissing;
};

} // namespace taskloom::nodes::rpa
