#pragma once

#include "Flow.hpp"
#include "Problem.hpp"

#include <QSet>

namespace taskloom::engine {

class ExpressionEngine;
class NodeRegistry;

/// Checks a flow against the node specs: parameters (types, required, enums, ranges, visibility, expression
/// syntax), connections (nodes and ports exist), loops and cycles. Reports every problem with its JSON path.
class FlowValidator {
public:
    FlowValidator(const NodeRegistry& registry, const ExpressionEngine* expressions)
        : m_registry(registry), m_expressions(expressions)
    {}

    QList<Problem> validate(const Flow& flow) const;

    /// The nodes of a loop's body: everything reachable from the loop node's loop output without passing
    /// through the loop node itself (indices into flow.nodes).
    static QSet<qsizetype> loopBody(const Flow& flow, qsizetype loopIndex, const QString& loopOutput);

private:
    void checkParams(const FlowNode& node, const QString& path, QList<Problem>& out) const;
    void checkValue(const ParamSpec& spec, const Value& v, const QString& path, QList<Problem>& out) const;
    void checkExpressions(const Value& v, const QString& path, QList<Problem>& out) const;
    void checkConnections(const Flow& flow, QList<Problem>& out) const;
    void checkLoopsAndCycles(const Flow& flow, QList<Problem>& out) const;

    const NodeRegistry& m_registry;
    const ExpressionEngine* m_expressions;
};

} // namespace taskloom::engine
