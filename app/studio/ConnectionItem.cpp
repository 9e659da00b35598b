#include "ConnectionItem.hpp"

#include "NodeItem.hpp"

#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>
#include <QVarLengthArray>

namespace taskloom::studio {

ConnectionItem::ConnectionItem(NodeItem* from, NodeItem* to, engine::Connection connection)
    : m_from(from), m_to(to), m_connection(std::move(connection))
{
    setFlag(ItemIsSelectable);
    // exposedRect in paint(): only the visible part of the curve is stroked.
    setFlag(ItemUsesExtendedStyleOption);
    setZValue(0);
    m_errorPort = m_connection.fromPort == u"error";
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
    const QPainterPath p = curve(m_from->portScenePos(m_connection.fromPort, true), m_to->portScenePos(m_connection.toPort, false));
    setPath(p);
    // Flattened at 4x, so at the largest zoom (3x) the segments stay shorter than the flattening tolerance.
    const QList<QPolygonF> polygons = p.toSubpathPolygons(QTransform::fromScale(4, 4));
    m_polyline = polygons.isEmpty() ? QPolygonF() : QTransform::fromScale(0.25, 0.25).map(polygons.first());
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
    if (m_errorPort)
        c = QColor(0xF8, 0x51, 0x49);
    if (m_active)
        c = QColor(0x4C, 0xA3, 0xFF);
    if (isSelected())
        c = QColor(0xFF, 0xC8, 0x4C);
    if (lod >= 0.3)
        p->setRenderHint(QPainter::Antialiasing);
    // Far out: a 1-pixel cosmetic line (the raster engine's fast path; a thicker one is outlined and filled).
    QPen pen(c, isSelected() || m_active ? 3 : lod < 0.3 ? 1 : 2);
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
    // Runs of consecutive points whose segments touch the exposed area (grown by the pen), each one polyline.
    const QRectF visible = option->exposedRect.adjusted(-4, -4, 4, 4);
    const QPointF* pts = m_polyline.constData();
    const qsizetype n = m_polyline.size();
    QVarLengthArray<std::pair<qsizetype, qsizetype>, 4> runs;
    qsizetype runStart = -1;
    for (qsizetype i = 0; i + 1 < n; ++i) {
        const QRectF seg = QRectF(pts[i], pts[i + 1]).normalized();
        const bool inside = seg.right() >= visible.left() && seg.left() <= visible.right() && seg.bottom() >= visible.top()
                         && seg.top() <= visible.bottom();
        if (inside && runStart < 0)
            runStart = i;
        if (!inside && runStart >= 0) {
            runs.append({runStart, i - runStart + 1});
            runStart = -1;
        }
    }
    if (runStart >= 0)
        runs.append({runStart, n - runStart});
    if (!isSelected() && !m_active) {
        // A plain link: two 1-pixel cosmetic strokes, the second offset by under a pixel, look like a 2-pixel
        // line and take the raster engine's fast path for thin lines; a 2-pixel stroke is outlined and filled,
        // several times the cost, and a large flow has hundreds of links on screen.
        QPen thin(c, 1.0);
        thin.setCosmetic(true);
        p->setPen(thin);
        // Zoomed out (hundreds of links on screen, nodes without text) one pixel is thick enough.
        const int passes = lod < 0.6 ? 1 : 2;
        const double offset = 0.7 / std::max(lod, 0.01);
        for (int pass = 0; pass < passes; ++pass) {
            for (const auto& [start, count] : runs)
                p->drawPolyline(pts + start, int(count));
            p->translate(offset, offset);
        }
        p->translate(-passes * offset, -passes * offset);
        return;
    }
    for (const auto& [start, count] : runs)
        p->drawPolyline(pts + start, int(count));
}

} // namespace taskloom::studio
