#pragma once

#include "RpaNode.hpp"

namespace taskloom::nodes::rpa {

/// Reads the desktop clipboard's text into a field ("Clipboard get"), or puts text on it ("Clipboard set").
class ClipboardNode final : public RpaNode {
public:
    enum class Mode { Get, Set };
    explicit ClipboardNode(Mode mode);
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

private:
    Mode m_mode;
    engine::Param<QString> m_field;
    engine::Param<QString> m_text;
};

} // namespace taskloom::nodes::rpa
