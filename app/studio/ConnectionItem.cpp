#include "ConnectionItem.hpp"

#include "NodeItem.hpp"

#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

namespace taskloom::studio {

ConnectionItem::ConnectionItem(NodeItem* from, NodeItem* to, engine::Connection connection)
    : m_from(from), m_to(to), m_connection(std::move(connection))
{
    setFlag(ItemIsSelectable);
    setZValue(0);
    m_from->addConnection(this);
    m_to->addConnection(this);
    updatePath();
}

ConnectionItem::~ConnectionItem()
{
    detach();
}

void ConnectionItem::detach()
{
    if (m_from)
        m_from->removeConnection(this);
    if (m_to)
        m_to->removeConnection(this);
    m_from = m_to = nullptr;
}

QPainterPath ConnectionItem::curve(const QPointF& a, const QPointF& b)
{
    QPainterPath path(a);
    // Backward links (a loop's return) bend further out so they do not cut through the nodes they join.
    const double dx = std::max(60.0, std::abs(b.x() - a.x()) * 0.5) + (b.x() < a.x() ? 80.0 : 0.0);
    path.cubicTo(a + QPointF(dx, 0), b - QPointF(dx, 0), b);
    return path;
}

void ConnectionItem::updatePath()
{
    if (!m_from || !m_to)
        return;
    setPath(curve(m_from->portScenePos(m_connection.fromPort, true), m_to->portScenePos(m_connection.toPort, false)));
}

void ConnectionItem::setActive(bool active)
{
    if (active != m_active) {
        m_active = active;
        update();
    }
}

QPainterPath ConnectionItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(12);
    return stroker.createStroke(path());
}

void ConnectionItem::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget*)
{
    const double lod = option->levelOfDetailFromTransform(p->worldTransform());
    QColor c(0x8B, 0x93, 0x9F);
    if (m_connection.fromPort == u"error")
        c = QColor(0xF8, 0x51, 0x49);
    if (m_active)
        c = QColor(0x4C, 0xA3, 0xFF);
    if (isSelected())
        c = QColor(0xFF, 0xC8, 0x4C);
    if (lod >= 0.3)
        p->setRenderHint(QPainter::Antialiasing);
    QPen pen(c, isSelected() || m_active ? 3 : 2);
    pen.setCosmetic(lod < 0.3);
    if (m_active)
        pen.setStyle(Qt::DashLine);
    p->setPen(pen);
    p->setBrush(Qt::NoBrush);
    if (lod < 0.3) {
        // Zoomed far out a curve and a straight line look alike, and a line costs a fraction of a curve.
        p->drawLine(path().elementAt(0), path().currentPosition());
        return;
    }
    p->drawPath(path());
}

} // namespace taskloom::studio
