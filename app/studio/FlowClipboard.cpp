#include "FlowClipboard.hpp"

#include "NodeRenamer.hpp"

#include "engine/FlowReader.hpp"
#include "engine/FlowWriter.hpp"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <limits>

namespace taskloom::studio {

using namespace engine;

QByteArray FlowClipboard::serialize(const FlowDocument& doc, const QStringList& nodeIds, const QStringList& noteIds)
{
    const QSet<QString> ids(nodeIds.begin(), nodeIds.end());
    Flow part;
    part.id = doc.flow().id;
    part.name = doc.flow().name;
    for (const FlowNode& n : doc.flow().nodes) {
        if (ids.contains(n.id))
            part.nodes.push_back(n);
    }
    for (const Connection& c : doc.flow().connections) {
        if (ids.contains(c.fromNode) && ids.contains(c.toNode))
            part.connections.push_back(c);
    }
    for (const StickyNote& n : doc.flow().notes) {
        if (noteIds.contains(n.id))
            part.notes.push_back(n);
    }
    for (const QString& id : ids) {
        if (const Value* pinned = doc.flow().pinData.find(id))
            part.pinData.insert(id, *pinned);
    }
    return FlowWriter::serialize(part);
}

std::expected<FlowFragment, QString> FlowClipboard::parse(const QByteArray& json, const FlowDocument& doc)
{
    const auto tr = [](const char* s) { return QCoreApplication::translate("taskloom::studio::FlowClipboard", s); };
    if (json.trimmed().isEmpty())
        return std::unexpected(tr("the clipboard is empty"));
    FlowReader::Result r = FlowReader::parse(json, doc.registry());
    if (!r.flow) {
        const QString first = r.problems.isEmpty() ? QString() : r.problems.first().toString();
        return std::unexpected(tr("the clipboard holds no flow JSON (%1)").arg(first));
    }
    FlowFragment f;
    f.nodes = std::move(r.flow->nodes);
    f.connections = std::move(r.flow->connections);
    f.notes = std::move(r.flow->notes);
    if (f.isEmpty())
        return std::unexpected(tr("the flow JSON on the clipboard has no nodes or notes"));
    return f;
}

FlowFragment FlowClipboard::prepareForPaste(FlowFragment f, const FlowDocument& doc, Position at)
{
    double minX = std::numeric_limits<double>::max(), minY = std::numeric_limits<double>::max();
    for (const FlowNode& n : f.nodes) {
        minX = std::min(minX, n.position.x);
        minY = std::min(minY, n.position.y);
    }
    for (const StickyNote& n : f.notes) {
        minX = std::min(minX, n.position.x);
        minY = std::min(minY, n.position.y);
    }
    const double dx = at.x - minX, dy = at.y - minY;

    QHash<QString, QString> newIds;
    QSet<QString> takenIds;
    QSet<QString> takenNames;
    QList<std::pair<QString, QString>> renames;
    const auto freshId = [&] {
        QString id;
        do
            id = doc.newId();
        while (takenIds.contains(id));
        takenIds.insert(id);
        return id;
    };
    for (FlowNode& n : f.nodes) {
        const QString id = freshId();
        newIds.insert(n.id, id);
        n.id = id;
        if (n.placeholder)
            n.raw.insert(QStringLiteral("id"), id);
        const QString name = doc.uniqueName(n.name, takenNames);
        if (name != n.name)
            renames.append({n.name, name});
        n.name = name;
        takenNames.insert(name);
        n.position = {n.position.x + dx, n.position.y + dy};
    }
    // Copies of nodes that read each other's output keep reading each other, not the originals.
    for (FlowNode& n : f.nodes) {
        for (const auto& [from, to] : renames)
            NodeRenamer::rewrite(n.params, from, to);
    }
    std::vector<Connection> kept;
    for (Connection c : f.connections) {
        if (!newIds.contains(c.fromNode) || !newIds.contains(c.toNode))
            continue;
        c.fromNode = newIds.value(c.fromNode);
        c.toNode = newIds.value(c.toNode);
        kept.push_back(c);
    }
    f.connections = std::move(kept);
    for (StickyNote& n : f.notes) {
        n.id = freshId();
        n.position = {n.position.x + dx, n.position.y + dy};
    }
    return f;
}

} // namespace taskloom::studio
