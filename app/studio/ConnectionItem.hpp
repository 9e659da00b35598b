#pragma once

#include "engine/Flow.hpp"

#include <QGraphicsPathItem>

namespace taskloom::studio {

class NodeItem;

/// A connection drawn as a horizontal bezier from an output port to an input port. Selectable (Delete removes
/// it); highlighted while data flows through it during a run.
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
};

} // namespace taskloom::studio
