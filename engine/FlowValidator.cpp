#include "FlowValidator.hpp"

#include "ExpressionEngine.hpp"
#include "NodeRegistry.hpp"
#include "Template.hpp"

#include <QHash>

#include <algorithm>
#include <cmath>

namespace taskloom::engine {

namespace {

QString quoted(const Value& v)
{
    QString t = v.isString() ? QStringLiteral("\"%1\"").arg(v.stringRef()) : v.toText();
    return t.size() > 60 ? t.left(57) + QStringLiteral("...") : t;
}

bool isBlank(const Value* v)
{
    return !v || v->isNull() || (v->isString() && v->stringRef().trimmed().isEmpty());
}

QString portNames(const QList<PortSpec>& ports)
{
    QStringList names;
    for (const PortSpec& p : ports)
        names.append(p.name);
    return names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", "));
}

} // namespace

QList<Problem> FlowValidator::validate(const Flow& flow) const
{
    QList<Problem> out;
    for (size_t i = 0; i < flow.nodes.size(); ++i) {
        const FlowNode& node = flow.nodes[i];
        const QString path = QStringLiteral("nodes[%1]").arg(i);
        if (node.placeholder) {
            out.append({Problem::Severity::Error, path + QStringLiteral(".type"),
                        QStringLiteral("unknown node type \"%1\" (node \"%2\")").arg(node.type, node.name)});
            continue;
        }
        checkParams(node, path, out);
    }
    checkConnections(flow, out);
    checkLoopsAndCycles(flow, out);
    return out;
}

void FlowValidator::checkParams(const FlowNode& node, const QString& path, QList<Problem>& out) const
{
    const NodeType* type = m_registry.find(node.type);
    if (!type)
        return;
    const NodeSpec& spec = type->spec();
    for (const auto& [key, value] : node.params) {
        if (!spec.param(key))
            out.append({Problem::Severity::Warning, path + QStringLiteral(".params.") + key,
                        QStringLiteral("%1 has no parameter \"%2\" (kept, unused)").arg(spec.type, key)});
    }
    for (const ParamSpec& p : spec.params) {
        const Value* v = node.params.find(p.name);
        const QString ppath = path + QStringLiteral(".params.") + p.name;
        if (isBlank(v)) {
            if (p.isRequired && p.isVisible(node.params, spec.params))
                out.append({Problem::Severity::Error, ppath, QStringLiteral("required parameter missing")});
            continue;
        }
        checkValue(p, *v, ppath, out);
    }
    for (const auto& [param, problem] : type->checkParams(node.params))
        out.append({Problem::Severity::Error, path + QStringLiteral(".params.") + param, problem});
}

void FlowValidator::checkValue(const ParamSpec& spec, const Value& v, const QString& path, QList<Problem>& out) const
{
    auto fail = [&](const QString& msg) { out.append({Problem::Severity::Error, path, msg}); };
    if (v.isString() && Template::containsExpression(v.stringRef()) && spec.expressions) {
        checkExpressions(v, path, out);
        return;
    }
    switch (spec.type) {
    case ParamType::String:
    case ParamType::Text:
    case ParamType::File:
    case ParamType::Folder:
    case ParamType::Code:
    case ParamType::Credential:
        if (v.isArray() || v.isObject())
            fail(QStringLiteral("expected text, found %1").arg(v.typeName()));
        break;
    case ParamType::Number:
    case ParamType::Integer: {
        double d = v.toDouble(std::nan(""));
        if (v.isBool() || std::isnan(d)) {
            fail(QStringLiteral("expected a number, found %1").arg(quoted(v)));
            break;
        }
        if (spec.type == ParamType::Integer && std::floor(d) != d) {
            fail(QStringLiteral("expected a whole number, found %1").arg(quoted(v)));
            break;
        }
        if ((spec.min && d < *spec.min) || (spec.max && d > *spec.max)) {
            // Value::toText, not QString::number: a limit of 2678400 reads as such, not as 2.6784e+06.
            const QString lo = spec.min ? Value(*spec.min).toText() : QStringLiteral("-∞");
            const QString hi = spec.max ? Value(*spec.max).toText() : QStringLiteral("∞");
            fail(QStringLiteral("%1 is outside the range %2 to %3").arg(v.toText(), lo, hi));
        }
        break;
    }
    case ParamType::Boolean:
        if (!v.isBool())
            fail(QStringLiteral("expected true or false, found %1").arg(quoted(v)));
        break;
    case ParamType::Options: {
        bool found = false;
        QStringList allowed;
        for (const ParamOption& o : spec.options) {
            allowed.append(QStringLiteral("\"%1\"").arg(o.value));
            found = found || o.value == v.toText();
        }
        if (!found)
            fail(QStringLiteral("%1 is not one of %2").arg(quoted(v), allowed.join(QStringLiteral(", "))));
        break;
    }
    case ParamType::Json:
        if (spec.expressions)
            checkExpressions(v, path, out);
        break;
    case ParamType::List: {
        if (!v.isArray()) {
            fail(QStringLiteral("expected a list, found %1").arg(v.typeName()));
            break;
        }
        qsizetype row = 0;
        for (const Value& rv : v.arrayRef()) {
            const QString rpath = QStringLiteral("%1[%2]").arg(path).arg(row++);
            if (!rv.isObject()) {
                out.append({Problem::Severity::Error, rpath, QStringLiteral("expected an object, found %1").arg(rv.typeName())});
                continue;
            }
            const Object& ro = rv.objectRef();
            for (const ParamSpec& f : spec.fields) {
                const Value* fv = ro.find(f.name);
                if (isBlank(fv)) {
                    if (f.isRequired && f.isVisible(ro, spec.fields))
                        out.append({Problem::Severity::Error, rpath + u'.' + f.name, QStringLiteral("required field missing")});
                    continue;
                }
                checkValue(f, *fv, rpath + u'.' + f.name, out);
            }
        }
        break;
    }
    }
    if (v.isString() && spec.expressions && spec.type != ParamType::Options)
        checkExpressions(v, path, out);
}

void FlowValidator::checkExpressions(const Value& v, const QString& path, QList<Problem>& out) const
{
    if (v.isArray()) {
        qsizetype i = 0;
        for (const Value& e : v.arrayRef())
            checkExpressions(e, QStringLiteral("%1[%2]").arg(path).arg(i++), out);
        return;
    }
    if (v.isObject()) {
        for (const auto& [k, e] : v.objectRef())
            checkExpressions(e, path + u'.' + k, out);
        return;
    }
    if (!v.isString() || !Template::containsExpression(v.stringRef()))
        return;
    const auto t = Template::parse(v.stringRef());
    if (!t) {
        out.append({Problem::Severity::Error, path, QStringLiteral("expression: %1").arg(t.error())});
        return;
    }
    if (!m_expressions)
        return;
    for (const Template::Part& part : t->parts()) {
        if (!part.isExpression)
            continue;
        const QString err = m_expressions->checkSyntax(part.text);
        if (!err.isEmpty())
            out.append({Problem::Severity::Error, path, QStringLiteral("expression {{ %1 }}: %2").arg(part.text, err)});
    }
}

void FlowValidator::checkConnections(const Flow& flow, QList<Problem>& out) const
{
    QHash<QString, qsizetype> seen;
    for (size_t i = 0; i < flow.connections.size(); ++i) {
        const Connection& c = flow.connections[i];
        const QString path = QStringLiteral("connections[%1]").arg(i);
        const FlowNode* from = flow.nodeById(c.fromNode);
        const FlowNode* to = flow.nodeById(c.toNode);
        if (!from)
            out.append({Problem::Severity::Error, path + QStringLiteral(".from"), QStringLiteral("no node with id \"%1\"").arg(c.fromNode)});
        if (!to)
            out.append({Problem::Severity::Error, path + QStringLiteral(".to"), QStringLiteral("no node with id \"%1\"").arg(c.toNode)});
        if (!from || !to)
            continue;
        if (from == to) {
            out.append({Problem::Severity::Error, path, QStringLiteral("node \"%1\" is connected to itself").arg(from->name)});
            continue;
        }
        const QString key = c.fromNode + u'\x1f' + c.fromPort + u'\x1f' + c.toNode + u'\x1f' + c.toPort;
        if (seen.contains(key))
            out.append({Problem::Severity::Warning, path, QStringLiteral("duplicate of connections[%1]").arg(seen.value(key))});
        seen.insert(key, qsizetype(i));
        if (!from->placeholder) {
            const NodeType* t = m_registry.find(from->type);
            const Ports ports = t->ports(from->params, from->settings);
            if (ports.outputIndex(c.fromPort) < 0)
                out.append({Problem::Severity::Error, path + QStringLiteral(".output"),
                            QStringLiteral("node \"%1\" has no output \"%2\" (outputs: %3)")
                                .arg(from->name, c.fromPort, portNames(ports.outputs))});
        }
        if (!to->placeholder) {
            const NodeType* t = m_registry.find(to->type);
            const Ports ports = t->ports(to->params, to->settings);
            if (ports.inputIndex(c.toPort) < 0)
                out.append({Problem::Severity::Error, path + QStringLiteral(".input"),
                            QStringLiteral("node \"%1\" has no input \"%2\" (inputs: %3)")
                                .arg(to->name, c.toPort, portNames(ports.inputs))});
        }
    }
}

QSet<qsizetype> FlowValidator::loopBody(const Flow& flow, qsizetype loopIndex, const QString& loopOutput)
{
    const QString& loopId = flow.nodes[size_t(loopIndex)].id;
    QSet<qsizetype> body;
    QList<qsizetype> queue;
    for (const Connection& c : flow.connections) {
        if (c.fromNode == loopId && c.fromPort == loopOutput) {
            const qsizetype to = flow.indexOfNode(c.toNode);
            if (to >= 0 && to != loopIndex && !body.contains(to)) {
                body.insert(to);
                queue.append(to);
            }
        }
    }
    while (!queue.isEmpty()) {
        const QString& id = flow.nodes[size_t(queue.takeFirst())].id;
        for (const Connection& c : flow.connections) {
            if (c.fromNode != id)
                continue;
            const qsizetype to = flow.indexOfNode(c.toNode);
            if (to >= 0 && to != loopIndex && !body.contains(to)) {
                body.insert(to);
                queue.append(to);
            }
        }
    }
    return body;
}

void FlowValidator::checkLoopsAndCycles(const Flow& flow, QList<Problem>& out) const
{
    // Edges into a loop node's return input close the loop on purpose; they are not cycles.
    QSet<qsizetype> backEdges;
    for (size_t li = 0; li < flow.nodes.size(); ++li) {
        const FlowNode& loop = flow.nodes[li];
        const NodeType* t = loop.placeholder ? nullptr : m_registry.find(loop.type);
        if (!t || !t->spec().isLoop())
            continue;
        const NodeSpec& spec = t->spec();
        const QSet<qsizetype> body = loopBody(flow, qsizetype(li), spec.loopOutput);
        for (size_t ci = 0; ci < flow.connections.size(); ++ci) {
            const Connection& c = flow.connections[ci];
            const qsizetype from = flow.indexOfNode(c.fromNode);
            const qsizetype to = flow.indexOfNode(c.toNode);
            if (from < 0 || to < 0)
                continue;
            const QString path = QStringLiteral("connections[%1]").arg(ci);
            const bool fromBody = body.contains(from);
            const bool toBody = body.contains(to);
            if (to == qsizetype(li) && c.toPort == spec.loopReturn) {
                if (fromBody)
                    backEdges.insert(qsizetype(ci));
                else
                    out.append({Problem::Severity::Error, path,
                                QStringLiteral("only nodes inside the loop body of \"%1\" can connect to its \"%2\" input")
                                    .arg(loop.name, spec.loopReturn)});
            } else if (fromBody && !toBody) {
                out.append({Problem::Severity::Error, path,
                            QStringLiteral("\"%1\" is inside the loop body of \"%2\" and cannot connect to \"%3\" outside it; "
                                           "use the loop's other output for what comes after the loop")
                                .arg(flow.nodes[size_t(from)].name, loop.name, flow.nodes[size_t(to)].name)});
            } else if (!fromBody && toBody && from == qsizetype(li) && c.fromPort != spec.loopOutput) {
                // The executor runs body nodes only from the loop output: this connection would never deliver.
                out.append({Problem::Severity::Error, path,
                            QStringLiteral("\"%1\" is inside the loop body of \"%2\" (it is reached from the \"%3\" output) "
                                           "and cannot also take its \"%4\" output; connect the end of the body to \"%5\"")
                                .arg(flow.nodes[size_t(to)].name, loop.name, spec.loopOutput, c.fromPort, spec.loopReturn)});
            } else if (!fromBody && toBody && from != qsizetype(li)) {
                out.append({Problem::Severity::Error, path,
                            QStringLiteral("\"%1\" is outside the loop body of \"%2\" and cannot feed \"%3\" inside it")
                                .arg(flow.nodes[size_t(from)].name, loop.name, flow.nodes[size_t(to)].name)});
            }
        }
    }

    // Kahn's algorithm over the remaining edges: whatever is left has a cycle.
    const size_t n = flow.nodes.size();
    std::vector<int> indegree(n, 0);
    std::vector<QList<qsizetype>> next(n);
    for (size_t ci = 0; ci < flow.connections.size(); ++ci) {
        if (backEdges.contains(qsizetype(ci)))
            continue;
        const qsizetype from = flow.indexOfNode(flow.connections[ci].fromNode);
        const qsizetype to = flow.indexOfNode(flow.connections[ci].toNode);
        if (from < 0 || to < 0 || from == to)
            continue;
        next[size_t(from)].append(to);
        ++indegree[size_t(to)];
    }
    QList<qsizetype> ready;
    for (size_t i = 0; i < n; ++i) {
        if (indegree[i] == 0)
            ready.append(qsizetype(i));
    }
    size_t visited = 0;
    while (!ready.isEmpty()) {
        const qsizetype i = ready.takeLast();
        ++visited;
        for (qsizetype j : next[size_t(i)]) {
            if (--indegree[size_t(j)] == 0)
                ready.append(j);
        }
    }
    if (visited < n) {
        // What Kahn leaves is the cycles and everything downstream of them. Peel off the nodes that lead back to
        // none of the rest, so the message names the nodes on the cycle rather than those after it.
        std::vector<bool> left(n);
        for (size_t i = 0; i < n; ++i)
            left[i] = indegree[i] > 0;
        for (bool peeled = true; peeled;) {
            peeled = false;
            for (size_t i = 0; i < n; ++i) {
                if (left[i] && std::none_of(next[i].cbegin(), next[i].cend(), [&](qsizetype j) { return left[size_t(j)]; })) {
                    left[i] = false;
                    peeled = true;
                }
            }
        }
        QStringList names;
        for (size_t i = 0; i < n; ++i) {
            if (left[i])
                names.append(QStringLiteral("\"%1\"").arg(flow.nodes[i].name));
        }
        out.append({Problem::Severity::Error, QStringLiteral("connections"),
                    QStringLiteral("cycle through %1 (cycles are allowed only through a loop node's return input)")
                        .arg(names.join(QStringLiteral(", ")))});
    }
}

} // namespace taskloom::engine
