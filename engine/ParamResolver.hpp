#pragma once

#include "ExpressionEngine.hpp"
#include "NodeSpec.hpp"
#include "Template.hpp"

#include <QHash>

#include <memory>

namespace taskloom::engine {

/// A node's parameters ready for a run: defaults filled in from the spec, {{ }} templates parsed once, and
/// evaluation per item through the node's own ExpressionEvaluator (created on first use, so nodes without
/// expressions never start a Lua state). Not thread-safe: one node call at a time.
class ParamResolver {
public:
    ParamResolver(const NodeSpec& spec, const Object& params, const ExpressionEngine* engine);
    ~ParamResolver();

    bool isDynamic(const QString& name) const;
    /// Throws NodeError (code EXPRESSION_ERROR) naming the parameter and the expression when evaluation fails.
    Value resolve(const QString& name, const ExpressionScope& scope);
    /// Evaluates any template text (for values nested in rows, or parameters read by name).
    Value evaluateText(const QString& paramName, const QString& text, const ExpressionScope& scope);
    /// All parameter values as configured (defaults filled, expressions unevaluated).
    const Object& raw() const { return m_values; }

private:
    Value resolveValue(const QString& paramName, const Value& v, const ExpressionScope& scope);
    Value evaluateTemplate(const QString& paramName, const QString& text, const ExpressionScope& scope);
    int compiled(const QString& paramName, const QString& text, const QString& expression);

    const ExpressionEngine* m_engine;
    Object m_values;
    struct Info {
        QString name;
        bool dynamic = false;     // holds expressions
        bool expressions = true;  // may hold expressions
    };
    const Info* info(const QString& name) const;

    QList<Info> m_info; // a node has a handful of parameters: a list beats hashing
    QHash<QString, Template> m_templates;
    QHash<QString, int> m_handles;
    std::unique_ptr<ExpressionEvaluator> m_evaluator;
};

} // namespace taskloom::engine
