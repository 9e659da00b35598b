#include "FlowDocument.hpp"

#include "ConnectionRules.hpp"
#include "DocumentCommands.hpp"
#include "NodeRenamer.hpp"
#include "StudioTranslation.hpp"

#include "engine/FlowReader.hpp"
#include "engine/FlowValidator.hpp"
#include "engine/FlowWriter.hpp"
#include "engine/NodeRegistry.hpp"

#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QTimer>
#include <QUndoStack>
#include <QUuid>

#include <algorithm>

namespace taskloom::studio {

using namespace engine;

FlowDocument::FlowDocument(const NodeRegistry& registry, const ExpressionEngine* expressions, QObject* parent)
    : QObject(parent), m_registry(registry), m_expressions(expressions), m_undo(new QUndoStack(this))
{
    connect(m_undo, &QUndoStack::cleanChanged, this, [this](bool clean) { Q_EMIT dirtyChanged(!clean); });
    connect(m_undo, &QUndoStack::indexChanged, this, [this] { validateLater(); });
}

FlowDocument::~FlowDocument() = default;

bool FlowDocument::isDirty() const
{
    return !m_undo->isClean();
}

QString FlowDocument::displayName() const
{
    return m_path.isEmpty() ? tr("Untitled") : QFileInfo(m_path).fileName();
}

void FlowDocument::newFlow()
{
    Flow flow;
    flow.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    flow.name = tr("New flow");
    m_flow = std::move(flow);
    if (auto trigger = makeNode(QStringLiteral("core.manualTrigger"), {0, 0}))
        m_flow.nodes.push_back(std::move(*trigger));
    m_path.clear();
    rebuildIndex();
    m_undo->clear();
    m_undo->setClean();
    validate();
    Q_EMIT pathChanged(m_path);
    Q_EMIT flowReset();
}

bool FlowDocument::open(const QString& path, QList<Problem>* problems)
{
    FlowReader::Result r = FlowReader::load(path, m_registry);
    if (problems)
        *problems = r.problems;
    if (!r.flow)
        return false;
    setFlow(std::move(*r.flow), QFileInfo(path).absoluteFilePath());
    return true;
}

void FlowDocument::setFlow(Flow flow, const QString& path)
{
    m_flow = std::move(flow);
    m_path = path;
    rebuildIndex();
    m_undo->clear();
    m_undo->setClean();
    validate();
    Q_EMIT pathChanged(m_path);
    Q_EMIT flowReset();
}

void FlowDocument::markModified()
{
    m_undo->resetClean();
}

std::expected<void, QString> FlowDocument::saveAs(const QString& path)
{
    if (path.isEmpty())
        return std::unexpected(tr("no file name to save to"));
    auto saved = FlowWriter::save(m_flow, path);
    if (!saved)
        return std::unexpected(tr("could not save %1: %2").arg(path, saved.error()));
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (absolute != m_path) {
        m_path = absolute;
        Q_EMIT pathChanged(m_path);
    }
    m_undo->setClean();
    return {};
}

// ---- queries ----

const FlowNode* FlowDocument::node(const QString& id) const
{
    const qsizetype i = nodeIndex(id);
    return i < 0 ? nullptr : &m_flow.nodes[size_t(i)];
}

const StickyNote* FlowDocument::note(const QString& id) const
{
    const qsizetype i = noteIndex(id);
    return i < 0 ? nullptr : &m_flow.notes[size_t(i)];
}

qsizetype FlowDocument::nodeIndex(const QString& id) const
{
    return m_nodeIndex.value(id, -1);
}

qsizetype FlowDocument::noteIndex(const QString& id) const
{
    for (size_t i = 0; i < m_flow.notes.size(); ++i) {
        if (m_flow.notes[i].id == id)
            return qsizetype(i);
    }
    return -1;
}

qsizetype FlowDocument::connectionIndex(const Connection& c) const
{
    const auto it = std::find(m_flow.connections.begin(), m_flow.connections.end(), c);
    return it == m_flow.connections.end() ? -1 : qsizetype(it - m_flow.connections.begin());
}

Ports FlowDocument::ports(const FlowNode& node) const
{
    if (const NodeType* type = node.placeholder ? nullptr : m_registry.find(node.type))
        return type->ports(node.params, node.settings);
    // An unknown type: show the ports its connections use, so nothing it is wired to disappears.
    Ports p;
    for (const Connection& c : m_flow.connections) {
        if (c.toNode == node.id && p.inputIndex(c.toPort) < 0)
            p.inputs.append({c.toPort, c.toPort, {}});
        if (c.fromNode == node.id && p.outputIndex(c.fromPort) < 0)
            p.outputs.append({c.fromPort, c.fromPort, {}});
    }
    return p;
}

QString FlowDocument::uniqueName(const QString& base, const QSet<QString>& alsoTaken) const
{
    QSet<QString> taken = alsoTaken;
    for (const FlowNode& n : m_flow.nodes)
        taken.insert(n.name);
    if (!taken.contains(base))
        return base;
    // "Filter 3" -> stem "Filter", so copies of copies count on instead of growing "Filter 3 2".
    static const QRegularExpression numbered(QStringLiteral("^(.*\\S)\\s+(\\d+)$"));
    const auto m = numbered.match(base);
    const QString stem = m.hasMatch() ? m.captured(1) : base;
    for (int i = 2;; ++i) {
        const QString candidate = QStringLiteral("%1 %2").arg(stem).arg(i);
        if (!taken.contains(candidate))
            return candidate;
    }
}

QString FlowDocument::newId() const
{
    for (;;) {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
        if (!m_nodeIndex.contains(id) && noteIndex(id) < 0)
            return id;
    }
}

std::optional<FlowNode> FlowDocument::makeNode(const QString& type, Position at) const
{
    const NodeType* t = m_registry.find(type);
    if (!t)
        return std::nullopt;
    const NodeSpec& spec = t->spec();
    FlowNode n;
    n.id = newId();
    n.type = spec.type;
    n.typeVersion = spec.version;
    n.name = uniqueName(StudioTranslation::node(spec.title)); // named in the UI's language, like the palette
    n.position = at;
    for (const ParamSpec& p : spec.params) {
        if (!p.defaultValue.isNull())
            n.params.insert(p.name, p.defaultValue);
    }
    return n;
}

std::vector<Connection> FlowDocument::connectionsOf(const QString& nodeId) const
{
    std::vector<Connection> out;
    for (const Connection& c : m_flow.connections) {
        if (c.fromNode == nodeId || c.toNode == nodeId)
            out.push_back(c);
    }
    return out;
}

QList<Problem> FlowDocument::problemsOf(const QString& nodeId) const
{
    const qsizetype index = nodeIndex(nodeId);
    QList<Problem> out;
    if (index < 0)
        return out;
    const QString prefix = QStringLiteral("nodes[%1]").arg(index);
    for (const Problem& p : m_problems) {
        if (p.path == prefix || p.path.startsWith(prefix + u'.') || p.path.startsWith(prefix + u'[')) {
            Problem rel = p;
            rel.path = p.path.mid(prefix.size() + (p.path.size() > prefix.size() && p.path[prefix.size()] == u'.'));
            out.append(rel);
        }
    }
    return out;
}

void FlowDocument::validate()
{
    m_validationPending = false;
    m_problems = FlowValidator(m_registry, m_expressions).validate(m_flow);
    Q_EMIT problemsChanged();
}

void FlowDocument::nodeTypeReloaded(const QString& type)
{
    for (const FlowNode& n : m_flow.nodes) {
        if (n.type == type && !n.placeholder)
            Q_EMIT nodeChanged(n.id);
    }
    validate();
}

void FlowDocument::validateLater()
{
    if (m_validationPending)
        return;
    m_validationPending = true;
    QTimer::singleShot(150, this, [this] {
        if (m_validationPending)
            validate();
    });
}

// ---- edits ----

void FlowDocument::addNode(FlowNode node)
{
    FlowFragment f;
    const QString title = tr("Add \"%1\"").arg(node.name);
    f.nodes.push_back(std::move(node));
    addFragment(std::move(f), title);
}

void FlowDocument::addFragment(FlowFragment fragment, const QString& commandName)
{
    if (fragment.isEmpty())
        return;
    m_undo->push(new FragmentCommand(*this, std::move(fragment), FragmentCommand::Add, commandName));
}

void FlowDocument::removeItems(const QStringList& nodeIds, const std::vector<Connection>& connections,
                               const QStringList& noteIds, const QString& commandName)
{
    FlowFragment f;
    const QSet<QString> ids(nodeIds.begin(), nodeIds.end());
    for (const FlowNode& n : m_flow.nodes) {
        if (ids.contains(n.id))
            f.nodes.push_back(n);
    }
    for (const Connection& c : m_flow.connections) {
        const bool touches = ids.contains(c.fromNode) || ids.contains(c.toNode);
        if (touches || std::find(connections.begin(), connections.end(), c) != connections.end())
            f.connections.push_back(c);
    }
    for (const StickyNote& n : m_flow.notes) {
        if (noteIds.contains(n.id))
            f.notes.push_back(n);
    }
    if (f.isEmpty())
        return;
    m_undo->push(new FragmentCommand(*this, std::move(f), FragmentCommand::Remove, commandName));
}

void FlowDocument::moveItems(const QHash<QString, Position>& nodes, const QHash<QString, Position>& notes,
                             const QString& commandName)
{
    QHash<QString, Position> oldNodes, oldNotes;
    for (auto it = nodes.begin(); it != nodes.end(); ++it) {
        if (const FlowNode* n = node(it.key()))
            oldNodes.insert(it.key(), n->position);
    }
    for (auto it = notes.begin(); it != notes.end(); ++it) {
        if (const StickyNote* n = note(it.key()))
            oldNotes.insert(it.key(), n->position);
    }
    if (oldNodes.isEmpty() && oldNotes.isEmpty())
        return;
    m_undo->push(new MoveCommand(*this, oldNodes, nodes, oldNotes, notes, commandName));
}

std::optional<QString> FlowDocument::connectPorts(const Connection& connection)
{
    if (auto refusal = ConnectionRules::refusal(*this, connection))
        return refusal;
    FlowFragment f;
    f.connections.push_back(connection);
    const FlowNode* from = node(connection.fromNode);
    const FlowNode* to = node(connection.toNode);
    addFragment(std::move(f), tr("Connect \"%1\" to \"%2\"").arg(from->name, to->name));
    return std::nullopt;
}

void FlowDocument::disconnect(const Connection& connection)
{
    if (connectionIndex(connection) < 0)
        return;
    const FlowNode* from = node(connection.fromNode);
    const FlowNode* to = node(connection.toNode);
    removeItems({}, {connection}, {},
                tr("Disconnect \"%1\" from \"%2\"").arg(from ? from->name : connection.fromNode,
                                                          to ? to->name : connection.toNode));
}

void FlowDocument::setParams(const QString& nodeId, const Object& params, const QString& paramName)
{
    const FlowNode* n = node(nodeId);
    if (!n || n->params == params)
        return;
    FlowNode after = *n;
    after.params = params;
    const QString title = paramName.isEmpty() ? tr("Edit \"%1\"").arg(n->name)
                                              : tr("Edit %1 of \"%2\"").arg(paramName, n->name);
    m_undo->push(new NodeChangeCommand(*this, {*n}, {after}, title, nodeId + u'/' + paramName));
}

void FlowDocument::setSettings(const QString& nodeId, const NodeSettings& settings)
{
    const FlowNode* n = node(nodeId);
    if (!n)
        return;
    FlowNode after = *n;
    after.settings = settings;
    m_undo->push(new NodeChangeCommand(*this, {*n}, {after}, tr("Change settings of \"%1\"").arg(n->name),
                                       nodeId + QStringLiteral("/#settings")));
}

std::expected<void, QString> FlowDocument::renameNode(const QString& nodeId, const QString& newName)
{
    const FlowNode* n = node(nodeId);
    if (!n)
        return std::unexpected(tr("no node with id %1").arg(nodeId));
    const QString name = newName.trimmed();
    if (name.isEmpty())
        return std::unexpected(tr("a node needs a name"));
    if (name == n->name)
        return {};
    if (const FlowNode* other = m_flow.nodeByName(name); other && other->id != nodeId)
        return std::unexpected(tr("another node is already called \"%1\"").arg(name));
    const QString oldName = n->name;
    std::vector<FlowNode> before, after;
    for (const FlowNode& candidate : m_flow.nodes) {
        FlowNode changed = candidate;
        bool touched = NodeRenamer::rewrite(changed.params, oldName, name);
        if (candidate.id == nodeId) {
            changed.name = name;
            touched = true;
        }
        if (touched) {
            before.push_back(candidate);
            after.push_back(std::move(changed));
        }
    }
    m_undo->push(new NodeChangeCommand(*this, before, after, tr("Rename \"%1\" to \"%2\"").arg(oldName, name)));
    return {};
}

void FlowDocument::addNote(StickyNote note)
{
    FlowFragment f;
    f.notes.push_back(std::move(note));
    addFragment(std::move(f), tr("Add sticky note"));
}

void FlowDocument::setNote(const StickyNote& updated, const QString& commandName)
{
    const StickyNote* n = note(updated.id);
    if (!n)
        return;
    const StickyNote old = *n;
    if (old.text == updated.text && old.width == updated.width && old.height == updated.height
        && old.color == updated.color && old.position.x == updated.position.x && old.position.y == updated.position.y)
        return;
    m_undo->push(new NoteChangeCommand(*this, old, updated, commandName));
}

// ---- primitives ----

void FlowDocument::rebuildIndex()
{
    m_nodeIndex.clear();
    m_nodeIndex.reserve(qsizetype(m_flow.nodes.size()));
    for (size_t i = 0; i < m_flow.nodes.size(); ++i)
        m_nodeIndex.insert(m_flow.nodes[i].id, qsizetype(i));
}

void FlowDocument::insertNodes(const std::vector<std::pair<qsizetype, FlowNode>>& nodes)
{
    for (const auto& [index, n] : nodes) {
        const qsizetype at = std::clamp<qsizetype>(index, 0, qsizetype(m_flow.nodes.size()));
        m_flow.nodes.insert(m_flow.nodes.begin() + at, n);
    }
    rebuildIndex();
    for (const auto& [index, n] : nodes)
        Q_EMIT nodeAdded(n.id);
}

void FlowDocument::eraseNodes(const QStringList& ids)
{
    const QSet<QString> set(ids.begin(), ids.end());
    std::erase_if(m_flow.nodes, [&](const FlowNode& n) { return set.contains(n.id); });
    for (const QString& id : ids)
        m_flow.pinData.remove(id);
    rebuildIndex();
    for (const QString& id : ids)
        Q_EMIT nodeRemoved(id);
}

void FlowDocument::insertConnections(const std::vector<std::pair<qsizetype, Connection>>& connections)
{
    for (const auto& [index, c] : connections) {
        const qsizetype at = std::clamp<qsizetype>(index, 0, qsizetype(m_flow.connections.size()));
        m_flow.connections.insert(m_flow.connections.begin() + at, c);
    }
    QSet<QString> placeholders;
    for (const auto& [index, c] : connections) {
        Q_EMIT connectionAdded(c);
        for (const QString& id : {c.fromNode, c.toNode}) {
            if (const FlowNode* n = node(id); n && n->placeholder)
                placeholders.insert(id);
        }
    }
    for (const QString& id : placeholders)
        Q_EMIT nodeChanged(id);
}

void FlowDocument::eraseConnections(const std::vector<Connection>& connections)
{
    for (const Connection& c : connections) {
        const qsizetype i = connectionIndex(c);
        if (i >= 0) {
            m_flow.connections.erase(m_flow.connections.begin() + i);
            Q_EMIT connectionRemoved(c);
        }
    }
}

void FlowDocument::insertNotes(const std::vector<std::pair<qsizetype, StickyNote>>& notes)
{
    for (const auto& [index, n] : notes) {
        const qsizetype at = std::clamp<qsizetype>(index, 0, qsizetype(m_flow.notes.size()));
        m_flow.notes.insert(m_flow.notes.begin() + at, n);
    }
    for (const auto& [index, n] : notes)
        Q_EMIT noteAdded(n.id);
}

void FlowDocument::eraseNotes(const QStringList& ids)
{
    const QSet<QString> set(ids.begin(), ids.end());
    std::erase_if(m_flow.notes, [&](const StickyNote& n) { return set.contains(n.id); });
    for (const QString& id : ids)
        Q_EMIT noteRemoved(id);
}

void FlowDocument::pinOutput(const QString& nodeId, const ItemList& items)
{
    const FlowNode* n = node(nodeId);
    if (!n)
        return;
    Array pinned;
    pinned.reserve(items.size());
    for (const Item& item : items)
        pinned.append(item.json());
    std::optional<Value> before;
    if (isPinned(nodeId))
        before = m_flow.pinData.value(nodeId);
    m_undo->push(new PinDataCommand(*this, nodeId, before, Value(std::move(pinned)),
                                    tr("Pin output of \"%1\" (%n item(s))", nullptr, int(items.size())).arg(n->name)));
}

void FlowDocument::unpinOutput(const QString& nodeId)
{
    const FlowNode* n = node(nodeId);
    if (!n || !isPinned(nodeId))
        return;
    m_undo->push(new PinDataCommand(*this, nodeId, m_flow.pinData.value(nodeId), std::nullopt,
                                    tr("Unpin output of \"%1\"").arg(n->name)));
}

void FlowDocument::setPinData(const QString& nodeId, const std::optional<Value>& items)
{
    if (items)
        m_flow.pinData.insert(nodeId, *items);
    else
        m_flow.pinData.remove(nodeId);
    if (node(nodeId))
        Q_EMIT nodeChanged(nodeId);
}

void FlowDocument::replaceNode(const FlowNode& updated)
{
    const qsizetype i = nodeIndex(updated.id);
    if (i < 0)
        return;
    FlowNode& target = m_flow.nodes[size_t(i)];
    if (target.placeholder) {
        // Only the name and position of an unknown node are ours to change; its JSON stays as read.
        target.name = updated.name;
        target.position = updated.position;
    } else {
        target = updated;
    }
    Q_EMIT nodeChanged(updated.id);
}

void FlowDocument::replaceNote(const StickyNote& updated)
{
    const qsizetype i = noteIndex(updated.id);
    if (i < 0)
        return;
    m_flow.notes[size_t(i)] = updated;
    Q_EMIT noteChanged(updated.id);
}

void FlowDocument::setPositions(const QHash<QString, Position>& nodes, const QHash<QString, Position>& notes)
{
    for (auto it = nodes.begin(); it != nodes.end(); ++it) {
        const qsizetype i = nodeIndex(it.key());
        if (i >= 0) {
            m_flow.nodes[size_t(i)].position = it.value();
            Q_EMIT nodeMoved(it.key());
        }
    }
    for (auto it = notes.begin(); it != notes.end(); ++it) {
        const qsizetype i = noteIndex(it.key());
        if (i >= 0) {
            m_flow.notes[size_t(i)].position = it.value();
            Q_EMIT noteChanged(it.key());
        }
    }
}

} // namespace taskloom::studio
