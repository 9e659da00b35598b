#pragma once

#include "LuaExpressionEvaluator.hpp"

#include "engine/ExpressionEngine.hpp"

namespace taskloom::scripts {

/// The Lua behind {{ }}: `{{ item.total * 1.2 }}`, or a block with a return (`{{ local x = item.a; return x }}`).
/// See LuaExpressionEvaluator for what an expression sees. Thread-safe: every evaluator owns its state.
class LuaExpressionEngine final : public engine::ExpressionEngine {
public:
    LuaExpressionEngine() = default;
    explicit LuaExpressionEngine(LuaExpressionLimits limits) : m_limits(limits) {}

    QString checkSyntax(const QString& expression) const override;
    std::unique_ptr<engine::ExpressionEvaluator> createEvaluator() const override;

private:
    LuaExpressionLimits m_limits;
};

} // namespace taskloom::scripts
