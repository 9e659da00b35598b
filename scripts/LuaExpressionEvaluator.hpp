#pragma once

#include "LuaSandbox.hpp"

#include "engine/ExpressionEngine.hpp"

#include <QHash>
#include <QList>

namespace taskloom::scripts {

class LuaItemListProxy;
class LuaProxy;

struct LuaExpressionLimits {
    std::size_t memoryLimit = LuaSandbox::defaultMemoryLimit;
    qint64 instructionBudget = LuaSandbox::defaultExpressionBudget; ///< per evaluation
    std::chrono::milliseconds timeLimit{10'000};                    ///< per evaluation; see LuaSandbox::setTimeLimit
};

/// Evaluates {{ }} expressions in Lua for one node instance. It owns one sandboxed state for its whole life:
/// compile() caches functions, and evaluate() only points a few long-lived proxies at the scope and calls
/// the function, so an expression over one item costs microseconds, not a state.
///
/// An expression sees `item` (nil without an item), `items`, `index` (1-based, nil without an item), `vars`,
/// `node["Name"]` (.items, .json), `env`, the helpers (json, date, str) and the safe standard library.
/// It cannot create globals, so one evaluation cannot leak into the next.
class LuaExpressionEvaluator final : public engine::ExpressionEvaluator {
public:
    explicit LuaExpressionEvaluator(const LuaExpressionLimits& limits = {});
    ~LuaExpressionEvaluator() override;

    std::expected<int, QString> compile(const QString& expression) override;
    std::expected<engine::Value, QString> evaluate(int handle, const engine::ExpressionScope& scope) override;

    /// Compiles `expression` as `return <expression>`, else as a statement block (`local x = 2; return x`),
    /// and pushes the function; on failure pushes nothing and returns the error. Runs nothing.
    static QString load(lua_State* L, const QString& expression);

private:
    static int nodeOutput(lua_State* L);
    static int assignGlobal(lua_State* L);

    LuaSandbox m_sandbox;
    qint64 m_budget;
    QHash<QString, int> m_handles;
    QList<int> m_functions; // handle - 1 -> registry reference

    // Long-lived scope objects, repointed for each evaluation (registry references and their proxies).
    int m_itemRef = -1;
    int m_itemsRef = -1;
    int m_varsRef = -1;
    int m_envRef = -1;
    int m_nodeRef = -1;
    LuaProxy* m_item = nullptr;
    LuaItemListProxy* m_items = nullptr;
    LuaProxy* m_vars = nullptr;
    LuaProxy* m_env = nullptr;
    const engine::ExpressionScope* m_scope = nullptr; // during evaluate(), for node["Name"]
};

} // namespace taskloom::scripts
