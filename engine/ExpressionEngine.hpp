#pragma once

#include "Item.hpp"
#include "Value.hpp"

#include <QString>
#include <QStringList>

#include <expected>
#include <functional>
#include <memory>

namespace taskloom::engine {

class CancellationToken;

/// What an expression can see while it is evaluated for one item.
struct ExpressionScope {
    const Item* item = nullptr;        ///< the current item, or null for node-level parameters
    qsizetype index = -1;              ///< the current item's position in `items` (0-based), -1 without an item
    const ItemList* items = nullptr;   ///< the items of the current call
    const Object* variables = nullptr; ///< the flow's variables, after --set overrides
    /// The output of an earlier node by name (first output port), or null if the node is unknown or has
    /// not run.
    std::function<const ItemList*(const QString& nodeName)> nodeOutput;
    /// Environment variables the user allowed expressions to read.
    const Object* env = nullptr;
    const CancellationToken* cancellation = nullptr;
};

/// Evaluates compiled expressions; one per node instance (not thread-safe: one call at a time).
class ExpressionEvaluator {
public:
    virtual ~ExpressionEvaluator() = default;
    /// Compiles an expression (the text between {{ and }}) and returns a handle for evaluate().
    virtual std::expected<int, QString> compile(const QString& expression) = 0;
    virtual std::expected<Value, QString> evaluate(int handle, const ExpressionScope& scope) = 0;
};

/// The expression hook: the engine finds {{ }} in parameters; the language behind them is plugged in here
/// (scripts/ provides Lua). Errors are one line and carry the line number within the expression.
class ExpressionEngine {
public:
    virtual ~ExpressionEngine() = default;
    /// A syntax check without running anything; empty on success.
    virtual QString checkSyntax(const QString& expression) const = 0;
    virtual std::unique_ptr<ExpressionEvaluator> createEvaluator() const = 0;
};

} // namespace taskloom::engine
