#pragma once

#include "engine/Flow.hpp"

#include <QGraphicsPathItem>
#include <QPolygonF>

namespace taskloom::studio {

class NodeItem;

/// A connection drawn as a horizontal bezier from an output port to an input port. Selectable (Delete removes
/// it); highlighted while data flows through it during a run.
///
/// Painting strokes only the part of the curve inside the exposed area: a link between far-apart rows is
/// thousands of pixels long, and stroking all of it (what QPainter does with the whole path, clipped or not)
/// was most of a frame's time when panning a large flow.
class ConnectionItem : public QGraphicsPathItem {
public:
    enum { Type = UserType + 2 };

    ConnectionItem(NodeItem* from, NodeItem* to, engine::Connection connection);
    ~ConnectionItem() override;

    int type() const override { return Type; }
    const engine::Connection& connection() const { return m_connection; }
    void updatePath();
    void setActive(bool active);
    void detach();

    /// The bezier between two scene points (also used for the connection being dragged).
    static QPainterPath curve(const QPointF& from, const QPointF& to);

    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    NodeItem* m_from;
    NodeItem* m_to;
    engine::Connection m_connection;
    bool m_active = false;
    bool m_errorPort = false;
    QPolygonF m_polyline; ///< the curve flattened finely enough for the largest zoom, in item coordinates
};

} // namespace taskloom::studio
