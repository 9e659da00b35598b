#pragma once

#include "ConnectionRules.hpp"
#include "NodeItem.hpp"

#include "engine/Flow.hpp"

#include <QGraphicsScene>
#include <QHash>

#include <optional>

class QGraphicsPathItem;
class QGraphicsSimpleTextItem;

namespace taskloom::studio {

class ConnectionItem;
class FlowDocument;
class NoteItem;

/// The canvas's model side: one item per node, connection and note of a FlowDocument, kept in step with the
/// document's signals. Drags that end (moves, new connections) become document edits, so undo covers them.
class FlowScene : public QGraphicsScene {
    Q_OBJECT
public:
    explicit FlowScene(FlowDocument& doc, QObject* parent = nullptr);
    ~FlowScene() override;

    FlowDocument& document() const { return m_doc; }
    NodeItem* nodeItem(const QString& id) const { return m_nodes.value(id); }
    NoteItem* noteItem(const QString& id) const { return m_notes.value(id); }
    ConnectionItem* connectionItem(const engine::Connection& c) const;
    qsizetype connectionCount() const { return m_connections.size(); }
    QList<NodeItem*> nodeItems() const { return m_nodes.values(); }
    QList<NoteItem*> noteItems() const { return m_notes.values(); }

    QStringList selectedNodeIds() const;
    QStringList selectedNoteIds() const;
    std::vector<engine::Connection> selectedConnections() const;
    void selectOnly(const QStringList& nodeIds, const QStringList& noteIds = {});
    /// The bounding box of everything, with a margin.
    QRectF contentRect() const;

    void setRunState(const QString& nodeId, NodeRunState state, const QString& text);
    void clearRunStates();
    void clearActiveConnections();
    /// Highlights the connections leading into a node (data on its way in).
    void setIncomingActive(const QString& nodeId, bool active);

    /// Aligns or distributes the selected nodes: "left", "right", "top", "bottom", "hcenter", "vcenter",
    /// "hdistribute", "vdistribute". One undo step.
    void alignSelection(const QString& how);

    // Drawing a connection by hand (also driven by tests).
    void beginConnection(const PortRef& from, const QPointF& scenePos);
    void updateConnection(const QPointF& scenePos);
    /// Finishes the drag: connects, refuses with a reason, or reports a drop on empty canvas.
    void endConnection(const QPointF& scenePos);
    bool isConnecting() const { return m_dragFrom.has_value(); }

Q_SIGNALS:
    void message(const QString& text);
    /// A connection was refused; `reason` says why.
    void connectionRefused(const QString& reason);
    /// A connection dragged from `from` was dropped on empty canvas: offer quick-add and connect the new node.
    void connectionDroppedOnEmpty(const PortRef& from, const QPointF& scenePos);
    void quickAddRequested(const QPointF& scenePos);
    void noteEditRequested(const QString& noteId);
    void nodeActivated(const QString& nodeId);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) override;

private:
    void rebuild();
    void addNodeItem(const QString& id);
    void removeNodeItem(const QString& id);
    void addConnectionItem(const engine::Connection& c);
    void removeConnectionItem(const engine::Connection& c);
    void addNoteItem(const QString& id);
    void updateProblems();
    std::optional<PortRef> portAt(const QPointF& scenePos) const;
    static QString key(const engine::Connection& c);

    FlowDocument& m_doc;
    QHash<QString, NodeItem*> m_nodes;
    QHash<QString, ConnectionItem*> m_connections;
    QHash<QString, NoteItem*> m_notes;
    QHash<QGraphicsItem*, QPointF> m_pressPositions;
    std::optional<PortRef> m_dragFrom;
    QGraphicsPathItem* m_dragPath = nullptr;
    QGraphicsSimpleTextItem* m_dragLabel = nullptr;
};

} // namespace taskloom::studio
