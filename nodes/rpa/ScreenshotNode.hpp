#pragma once

#include "RpaNode.hpp"

namespace taskloom::nodes::rpa {

/// Takes a PNG screenshot of the screen or a region, attached to the item and optionally saved to a file.
class ScreenshotNode final : public RpaNode {
public:
    ScreenshotNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

private:
    engine::Param<qint64> m_left;
    engine::Param<qint64> m_top;
    engine::Param<qint64> m_width;
    engine::Param<qint64> m_height;
    engine::Param<QString> m_path;
    engine::Param<QString> m_binary;
};

} // namespace taskloom::nodes::rpa
