#pragma once

#include "ConnectionRules.hpp"

#include "engine/Ports.hpp"

#include <QColor>
#include <QGraphicsItem>
#include <QList>

#include <optional>

namespace taskloom::studio {

class ConnectionItem;
class FlowDocument;

/// What the canvas shows about a node during and after a run.
enum class NodeRunState { None, Queued, Running, Succeeded, Failed, Skipped };

/// One node on the canvas: a header in its category colour with glyph and name, input ports on the left and
/// output ports on the right (from the type's ports(params, settings)), a status line, and a problem badge.
/// Painting is cached per device pixel and drops detail when zoomed out, so a thousand nodes stay smooth.
class NodeItem : public QGraphicsItem {
public:
    static constexpr double width = 190;
    static constexpr double headerHeight = 38;
    static constexpr double portSpacing = 22;
    static constexpr double statusHeight = 20;
    static constexpr double portRadius = 5.5;
    enum { Type = UserType + 1 };

    NodeItem(const FlowDocument& doc, const QString& id);

    int type() const override { return Type; }
    const QString& nodeId() const { return m_id; }
    /// Re-reads name, ports and settings from the document.
    void refresh();
    void setProblems(int errors, int warnings, const QString& tooltip);
    void setRunState(NodeRunState state, const QString& text);
    NodeRunState runState() const { return m_runState; }
    /// Whether the flow pins this node's output (it shows a "pinned" tag and does not execute).
    bool isPinned() const { return m_pinned; }

    QPointF portScenePos(const QString& port, bool output) const;
    /// The port under a scene position (with a generous hit area), if any.
    std::optional<PortRef> portAt(const QPointF& scenePos) const;
    void addConnection(ConnectionItem* c) { m_connections.append(c); }
    void removeConnection(ConnectionItem* c) { m_connections.removeAll(c); }
    const QList<ConnectionItem*>& connections() const { return m_connections; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;

private:
    double height() const;
    void paintPorts(QPainter* p, bool labels) const;
    void paintStatus(QPainter* p) const;

    const FlowDocument& m_doc;
    QString m_id;
    QString m_name;
    QString m_subtitle;
    QString m_glyph;
    QColor m_color;
    bool m_disabled = false;
    bool m_placeholder = false;
    bool m_pinned = false;
    engine::Ports m_ports;
    int m_errors = 0;
    int m_warnings = 0;
    NodeRunState m_runState = NodeRunState::None;
    QString m_runText;
    QString m_tip;
    QString m_problemTip;
    QList<ConnectionItem*> m_connections;
};

} // namespace taskloom::studio
