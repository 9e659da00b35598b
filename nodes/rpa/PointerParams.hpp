#pragma once

#include "engine/ParamSpec.hpp"

namespace taskloom::nodes::rpa {

/// Parameters the pointer nodes (click, drag, scroll) share, declared once.
class PointerParams {
public:
    static engine::ParamSpec buttonParam();
    static engine::ParamSpec modifiersParam();
    /// 1, 2 or 3; throws naming the parameter.
    static int button(const QString& value, const QString& param);
    /// InputEvent Modifier flags from "ctrl+shift"; throws naming the parameter.
    static unsigned modifiers(const QString& value, const QString& param);
};

} // namespace taskloom::nodes::rpa
