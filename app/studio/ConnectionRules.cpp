#include "ConnectionRules.hpp"

#include "FlowDocument.hpp"

#include "engine/NodeRegistry.hpp"

#include <QCoreApplication>
#include <QSet>

namespace taskloom::studio {

using namespace engine;

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("taskloom::studio::ConnectionRules", text);
}

bool isLoopReturn(const FlowDocument& doc, const Connection& c)
{
    const FlowNode* to = doc.node(c.toNode);
    const NodeType* type = to ? doc.registry().find(to->type) : nullptr;
    return type && type->spec().isLoop() && c.toPort == type->spec().loopReturn;
}

} // namespace

std::optional<Connection> ConnectionRules::resolve(const FlowDocument& doc, const PortRef& a, const PortRef& b,
                                                   QString* reason)
{
    const auto refuse = [&](const QString& why) -> std::optional<Connection> {
        if (reason)
            *reason = why;
        return std::nullopt;
    };
    if (a.output == b.output)
        return refuse(a.output ? tr("Wrong direction: connect an output to an input, not two outputs")
                               : tr("Wrong direction: connect an output to an input, not two inputs"));
    const PortRef& from = a.output ? a : b;
    const PortRef& to = a.output ? b : a;
    Connection c{from.nodeId, from.port, to.nodeId, to.port};
    if (auto why = refusal(doc, c))
        return refuse(*why);
    return c;
}

std::optional<QString> ConnectionRules::refusal(const FlowDocument& doc, const Connection& c)
{
    const FlowNode* from = doc.node(c.fromNode);
    const FlowNode* to = doc.node(c.toNode);
    if (!from || !to)
        return tr("The node no longer exists");
    if (c.fromNode == c.toNode)
        return tr("Cycle: a node cannot feed itself");
    if (doc.ports(*from).outputIndex(c.fromPort) < 0)
        return doc.ports(*from).inputIndex(c.fromPort) >= 0
                   ? tr("Wrong direction: \"%1\" is an input").arg(c.fromPort)
                   : tr("Incompatible: \"%1\" has no output \"%2\"").arg(from->name, c.fromPort);
    if (doc.ports(*to).inputIndex(c.toPort) < 0)
        return doc.ports(*to).outputIndex(c.toPort) >= 0
                   ? tr("Wrong direction: \"%1\" is an output").arg(c.toPort)
                   : tr("Incompatible: \"%1\" has no input \"%2\"").arg(to->name, c.toPort);
    if (to->placeholder || from->placeholder)
        return tr("Incompatible: \"%1\" is a node type this build does not know")
            .arg(to->placeholder ? to->type : from->type);
    if (doc.connectionIndex(c) >= 0)
        return tr("Already connected");
    if (!isLoopReturn(doc, c) && reaches(doc, c.toNode, c.fromNode))
        return tr("Cycle: \"%1\" already feeds \"%2\" (only a loop's return input may close a loop)")
            .arg(to->name, from->name);
    return std::nullopt;
}

bool ConnectionRules::reaches(const FlowDocument& doc, const QString& from, const QString& to)
{
    QHash<QString, QList<QString>> next;
    for (const Connection& c : doc.flow().connections) {
        if (!isLoopReturn(doc, c))
            next[c.fromNode].append(c.toNode);
    }
    QSet<QString> seen{from};
    QList<QString> stack{from};
    while (!stack.isEmpty()) {
        const QString id = stack.takeLast();
        if (id == to)
            return true;
        for (const QString& n : next.value(id)) {
            if (!seen.contains(n)) {
                seen.insert(n);
                stack.append(n);
            }
        }
    }
    return false;
}

} // namespace taskloom::studio
