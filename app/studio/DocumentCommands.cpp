#include "DocumentCommands.hpp"

#include <algorithm>

namespace taskloom::studio {

using namespace engine;

FragmentCommand::FragmentCommand(FlowDocument& doc, FlowFragment fragment, Mode mode, const QString& text)
    : QUndoCommand(text), m_doc(doc), m_mode(mode)
{
    const Flow& flow = doc.flow();
    qsizetype nextNode = qsizetype(flow.nodes.size());
    qsizetype nextConnection = qsizetype(flow.connections.size());
    qsizetype nextNote = qsizetype(flow.notes.size());
    for (FlowNode& n : fragment.nodes) {
        if (mode == Remove && flow.pinData.contains(n.id))
            m_pins.insert(n.id, flow.pinData.value(n.id));
        m_nodes.emplace_back(mode == Add ? nextNode++ : doc.nodeIndex(n.id), std::move(n));
    }
    for (Connection& c : fragment.connections)
        m_connections.emplace_back(mode == Add ? nextConnection++ : doc.connectionIndex(c), std::move(c));
    for (StickyNote& n : fragment.notes)
        m_notes.emplace_back(mode == Add ? nextNote++ : doc.noteIndex(n.id), std::move(n));
    // Re-inserting in ascending index order puts every piece back exactly where it was.
    const auto byIndex = [](const auto& a, const auto& b) { return a.first < b.first; };
    std::sort(m_nodes.begin(), m_nodes.end(), byIndex);
    std::sort(m_connections.begin(), m_connections.end(), byIndex);
    std::sort(m_notes.begin(), m_notes.end(), byIndex);
}

void FragmentCommand::redo()
{
    m_mode == Add ? insert() : erase();
}

void FragmentCommand::undo()
{
    m_mode == Add ? erase() : insert();
}

void FragmentCommand::insert()
{
    m_doc.insertNodes(m_nodes);
    for (const auto& [id, items] : m_pins)
        m_doc.setPinData(id, items);
    m_doc.insertNotes(m_notes);
    m_doc.insertConnections(m_connections);
}

void FragmentCommand::erase()
{
    std::vector<Connection> connections;
    for (const auto& [i, c] : m_connections)
        connections.push_back(c);
    m_doc.eraseConnections(connections);
    QStringList nodes, notes;
    for (const auto& [i, n] : m_nodes)
        nodes.append(n.id);
    for (const auto& [i, n] : m_notes)
        notes.append(n.id);
    m_doc.eraseNotes(notes);
    for (const auto& [id, items] : m_pins)
        m_doc.setPinData(id, std::nullopt);
    m_doc.eraseNodes(nodes);
}

MoveCommand::MoveCommand(FlowDocument& doc, Positions oldNodes, Positions newNodes, Positions oldNotes,
                         Positions newNotes, const QString& text)
    : QUndoCommand(text), m_doc(doc), m_oldNodes(std::move(oldNodes)), m_newNodes(std::move(newNodes)),
      m_oldNotes(std::move(oldNotes)), m_newNotes(std::move(newNotes))
{}

void MoveCommand::redo()
{
    m_doc.setPositions(m_newNodes, m_newNotes);
}

void MoveCommand::undo()
{
    m_doc.setPositions(m_oldNodes, m_oldNotes);
}

NodeChangeCommand::NodeChangeCommand(FlowDocument& doc, std::vector<FlowNode> before, std::vector<FlowNode> after,
                                     const QString& text, QString mergeKey)
    : QUndoCommand(text), m_doc(doc), m_before(std::move(before)), m_after(std::move(after)),
      m_mergeKey(std::move(mergeKey))
{}

void NodeChangeCommand::redo()
{
    for (const FlowNode& n : m_after)
        m_doc.replaceNode(n);
}

void NodeChangeCommand::undo()
{
    for (const FlowNode& n : m_before)
        m_doc.replaceNode(n);
}

bool NodeChangeCommand::mergeWith(const QUndoCommand* other)
{
    const auto* o = static_cast<const NodeChangeCommand*>(other);
    if (o->m_mergeKey != m_mergeKey || m_mergeKey.endsWith(u'/') || m_after.size() != 1 || o->m_after.size() != 1)
        return false;
    m_after = o->m_after;
    return true;
}

NoteChangeCommand::NoteChangeCommand(FlowDocument& doc, StickyNote before, StickyNote after, const QString& text)
    : QUndoCommand(text), m_doc(doc), m_before(std::move(before)), m_after(std::move(after))
{}

bool NoteChangeCommand::mergeWith(const QUndoCommand* other)
{
    const auto* o = static_cast<const NoteChangeCommand*>(other);
    if (o->m_after.id != m_after.id || o->text() != text())
        return false;
    m_after = o->m_after;
    return true;
}

} // namespace taskloom::studio
