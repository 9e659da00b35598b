#pragma once

#include "engine/Flow.hpp"
#include "engine/Item.hpp"
#include "engine/Ports.hpp"
#include "engine/Problem.hpp"

#include <QHash>
#include <QObject>
#include <QSet>

#include <expected>
#include <optional>

class QUndoStack;

namespace taskloom::engine {
class ExpressionEngine;
class NodeRegistry;
} // namespace taskloom::engine

namespace taskloom::studio {

/// A piece of a flow: what the clipboard holds, what a paste adds and what a delete removes.
struct FlowFragment {
    std::vector<engine::FlowNode> nodes;
    std::vector<engine::Connection> connections;
    std::vector<engine::StickyNote> notes;

    bool isEmpty() const { return nodes.empty() && connections.empty() && notes.empty(); }
};

/// The studio's open flow: an engine::Flow plus its file, its undo history and its validation problems. The
/// canvas, palette and inspector only read it and listen to its signals; every change goes through one of the
/// edit functions, which push a named QUndoCommand, so everything is undoable and marks the document dirty.
class FlowDocument : public QObject {
    Q_OBJECT
public:
    FlowDocument(const engine::NodeRegistry& registry, const engine::ExpressionEngine* expressions,
                 QObject* parent = nullptr);
    ~FlowDocument() override;

    const engine::Flow& flow() const { return m_flow; }
    const engine::NodeRegistry& registry() const { return m_registry; }
    const engine::ExpressionEngine* expressions() const { return m_expressions; }
    QUndoStack* undoStack() const { return m_undo; }
    const QString& path() const { return m_path; }
    bool isDirty() const;
    /// "orders-report.flow.json", or "Untitled" for a flow never saved.
    QString displayName() const;

    /// An empty flow with a fresh id and a manual trigger.
    void newFlow();
    /// Loads what it can: problems are returned (and kept in problems()); the flow is replaced only when the
    /// file's structure could be read. Returns false when nothing could be loaded.
    bool open(const QString& path, QList<engine::Problem>* problems = nullptr);
    /// Replaces the flow (tests, the benchmark, example gallery); clears the undo history.
    void setFlow(engine::Flow flow, const QString& path = {});
    /// Marks the document as having unsaved changes without an undo step (a restored recovery copy).
    void markModified();
    /// Saves atomically (temporary file + rename) and marks the document clean.
    std::expected<void, QString> saveAs(const QString& path);
    std::expected<void, QString> save() { return saveAs(m_path); }

    // ---- queries ----
    const engine::FlowNode* node(const QString& id) const;
    const engine::StickyNote* note(const QString& id) const;
    /// The node's ports from its type's ports(params, settings); for a placeholder, the ports its connections use.
    engine::Ports ports(const engine::FlowNode& node) const;
    /// `base`, or `base 2`, `base 3`, ... whichever no node has yet.
    QString uniqueName(const QString& base, const QSet<QString>& alsoTaken = {}) const;
    QString newId() const;
    /// A node of `type` with its spec's default parameters, a unique name and a fresh id.
    std::optional<engine::FlowNode> makeNode(const QString& type, engine::Position at) const;
    /// The flow's connections into or out of a node.
    std::vector<engine::Connection> connectionsOf(const QString& nodeId) const;
    /// Validation problems of the current flow (refreshed after every edit).
    const QList<engine::Problem>& problems() const { return m_problems; }
    /// Problems that belong to one node (path "nodes[i]..."), with the path relative to the node.
    QList<engine::Problem> problemsOf(const QString& nodeId) const;
    /// Re-runs the validator now (edits schedule it through validateLater()).
    void validate();
    /// The registry's type `type` was replaced (a Lua node file reloaded): its nodes redraw with the new spec's
    /// ports and parameters, and the flow is validated again. Not an edit: nothing to undo, not dirty.
    void nodeTypeReloaded(const QString& type);

    // ---- edits (each one undoable step) ----
    void addNode(engine::FlowNode node);
    /// Adds nodes, connections and notes as one step ("Paste 3 nodes").
    void addFragment(FlowFragment fragment, const QString& commandName);
    /// Removes nodes (with their connections), connections and notes as one step.
    void removeItems(const QStringList& nodeIds, const std::vector<engine::Connection>& connections,
                     const QStringList& noteIds, const QString& commandName);
    /// Moves nodes and notes; `commandName` "Move 2 nodes", "Auto-layout", "Align left".
    void moveItems(const QHash<QString, engine::Position>& nodes, const QHash<QString, engine::Position>& notes,
                   const QString& commandName);
    /// Connects, or returns why not (see ConnectionRules).
    std::optional<QString> connectPorts(const engine::Connection& connection);
    void disconnect(const engine::Connection& connection);
    void setParams(const QString& nodeId, const engine::Object& params, const QString& paramName = {});
    void setSettings(const QString& nodeId, const engine::NodeSettings& settings);
    /// Renames the node and rewrites every `node["Old"]` reference in the flow, as one step.
    std::expected<void, QString> renameNode(const QString& nodeId, const QString& newName);
    /// Pins a node's output: runs use these items instead of executing it (pinData in the flow file).
    void pinOutput(const QString& nodeId, const engine::ItemList& items);
    void unpinOutput(const QString& nodeId);
    bool isPinned(const QString& nodeId) const { return m_flow.pinData.contains(nodeId); }
    void addNote(engine::StickyNote note);
    void setNote(const engine::StickyNote& note, const QString& commandName);

    // ---- primitives: only the undo commands call these ----
    void insertNodes(const std::vector<std::pair<qsizetype, engine::FlowNode>>& nodes);
    void eraseNodes(const QStringList& ids);
    void insertConnections(const std::vector<std::pair<qsizetype, engine::Connection>>& connections);
    void eraseConnections(const std::vector<engine::Connection>& connections);
    void insertNotes(const std::vector<std::pair<qsizetype, engine::StickyNote>>& notes);
    void eraseNotes(const QStringList& ids);
    void replaceNode(const engine::FlowNode& node);
    void replaceNote(const engine::StickyNote& note);
    /// Sets (a value) or removes (none) a node's pinned items.
    void setPinData(const QString& nodeId, const std::optional<engine::Value>& items);
    void setPositions(const QHash<QString, engine::Position>& nodes, const QHash<QString, engine::Position>& notes);
    qsizetype nodeIndex(const QString& id) const;
    qsizetype connectionIndex(const engine::Connection& c) const;
    qsizetype noteIndex(const QString& id) const;

Q_SIGNALS:
    /// The whole flow was replaced (open, new, setFlow).
    void flowReset();
    void nodeAdded(const QString& id);
    void nodeRemoved(const QString& id);
    /// Name, params, settings or ports changed.
    void nodeChanged(const QString& id);
    void nodeMoved(const QString& id);
    void connectionAdded(const engine::Connection& connection);
    void connectionRemoved(const engine::Connection& connection);
    void noteAdded(const QString& id);
    void noteRemoved(const QString& id);
    void noteChanged(const QString& id);
    void problemsChanged();
    void dirtyChanged(bool dirty);
    void pathChanged(const QString& path);

private:
    void rebuildIndex();
    void validateLater();

    const engine::NodeRegistry& m_registry;
    const engine::ExpressionEngine* m_expressions;
    engine::Flow m_flow;
    QString m_path;
    QUndoStack* m_undo;
    QHash<QString, qsizetype> m_nodeIndex;
    QList<engine::Problem> m_problems;
    bool m_validationPending = false;
};

} // namespace taskloom::studio
