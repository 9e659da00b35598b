#pragma once

#include "RpaNode.hpp"

namespace taskloom::nodes::rpa {

/// Types text into whatever has the keyboard focus; any character, whatever the keyboard layout.
class TypeTextNode final : public RpaNode {
public:
    TypeTextNode();
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

private:
    engine::Param<QString> m_text;
    engine::Param<bool> m_paste;
};

} // namespace taskloom::nodes::rpa
