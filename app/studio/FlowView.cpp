#include "FlowView.hpp"

#include "FlowScene.hpp"
#include "Minimap.hpp"
#include "NodeItem.hpp"

#include <QGestureEvent>
#include <QKeyEvent>
#include <QMimeData>
#include <QPainter>
#include <QScrollBar>
#include <QTimer>
#include <QVariantAnimation>
#include <QWheelEvent>

#include <cmath>

namespace taskloom::studio {

FlowView::FlowView(FlowScene* scene, QWidget* parent)
    : QGraphicsView(scene, parent), m_scene(scene), m_minimap(new Minimap(this)),
      m_zoomAnimation(new QVariantAnimation(this)), m_cacheResume(new QTimer(this))
{
    m_cacheResume->setSingleShot(true);
    m_cacheResume->setInterval(250);
    connect(m_cacheResume, &QTimer::timeout, this, [this] { setNodeCaching(true); });
    setRenderHint(QPainter::Antialiasing);
    setRenderHint(QPainter::TextAntialiasing);
    setViewportUpdateMode(SmartViewportUpdate);
    setOptimizationFlags(DontSavePainterState | DontAdjustForAntialiasing);
    setCacheMode(CacheBackground);
    setDragMode(RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setTransformationAnchor(NoAnchor);
    setResizeAnchor(AnchorViewCenter);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setAcceptDrops(true);
    setFrameShape(NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    viewport()->grabGesture(Qt::PinchGesture);
    // A huge scene rect lets the user pan past the content, as on any canvas.
    setSceneRect(-50000, -50000, 100000, 100000);

    m_zoomAnimation->setDuration(120);
    m_zoomAnimation->setEasingCurve(QEasingCurve::OutCubic);
    connect(m_zoomAnimation, &QVariantAnimation::valueChanged, this,
            [this](const QVariant& v) { applyZoom(v.toDouble(), m_zoomAnchor); });
    m_minimap->setView(this);
    placeMinimap();
}

double FlowView::zoom() const
{
    return transform().m11();
}

void FlowView::applyZoom(double z, QPointF anchor)
{
    z = std::clamp(z, minZoom, maxZoom);
    if (!qFuzzyCompare(z, zoom())) {
        setNodeCaching(false);
        m_cacheResume->start();
    }
    const QPointF before = mapToScene(anchor.toPoint());
    setTransform(QTransform::fromScale(z, z));
    const QPointF after = mapToScene(anchor.toPoint());
    const QPointF delta = after - before;
    // Keep the point under the anchor fixed.
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() - int(std::round(delta.x() * z)));
    verticalScrollBar()->setValue(verticalScrollBar()->value() - int(std::round(delta.y() * z)));
    m_minimap->update();
    Q_EMIT zoomChanged(z);
}

void FlowView::setNodeCaching(bool on)
{
    if (on == m_nodeCaching)
        return;
    m_nodeCaching = on;
    for (QGraphicsItem* item : m_scene->items()) {
        if (item->type() == NodeItem::Type)
            item->setCacheMode(on ? QGraphicsItem::DeviceCoordinateCache : QGraphicsItem::NoCache);
    }
}

void FlowView::zoomBy(double factor, QPointF anchor, bool animate)
{
    if (anchor.isNull())
        anchor = viewport()->rect().center();
    const double from = zoom();
    const double base = m_zoomAnimation->state() == QAbstractAnimation::Running ? m_targetZoom : from;
    m_targetZoom = std::clamp(base * factor, minZoom, maxZoom);
    m_zoomAnchor = anchor;
    m_zoomAnimation->stop();
    if (!animate) {
        applyZoom(m_targetZoom, anchor);
        return;
    }
    m_zoomAnimation->setStartValue(from);
    m_zoomAnimation->setEndValue(m_targetZoom);
    m_zoomAnimation->start();
}

void FlowView::setZoom(double z)
{
    m_zoomAnimation->stop();
    applyZoom(z, viewport()->rect().center());
}

void FlowView::fitToView()
{
    m_zoomAnimation->stop();
    const QRectF content = m_scene->contentRect();
    const QRectF vp = viewport()->rect();
    const double z = std::clamp(std::min(vp.width() / content.width(), vp.height() / content.height()), minZoom, 1.0);
    setTransform(QTransform::fromScale(z, z));
    centerOn(content.center());
    m_minimap->update();
    Q_EMIT zoomChanged(z);
}

void FlowView::setMinimapVisible(bool visible)
{
    m_minimap->setVisible(visible);
}

QPointF FlowView::cursorScenePos() const
{
    const QPoint p = viewport()->mapFromGlobal(QCursor::pos());
    return mapToScene(viewport()->rect().contains(p) ? p : viewport()->rect().center());
}

void FlowView::wheelEvent(QWheelEvent* event)
{
    if (event->modifiers() & Qt::ShiftModifier) {
        QGraphicsView::wheelEvent(event); // scroll sideways
        return;
    }
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0)
        return;
    zoomBy(std::pow(1.2, steps), event->position());
    event->accept();
}

bool FlowView::viewportEvent(QEvent* event)
{
    if (event->type() == QEvent::Gesture) {
        auto* g = static_cast<QGestureEvent*>(event);
        if (auto* pinch = static_cast<QPinchGesture*>(g->gesture(Qt::PinchGesture))) {
            zoomBy(pinch->scaleFactor(), viewport()->mapFromGlobal(pinch->centerPoint().toPoint()), false);
            return true;
        }
    }
    return QGraphicsView::viewportEvent(event);
}

void FlowView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && m_spaceHeld)) {
        m_panning = true;
        m_panLast = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void FlowView::mouseMoveEvent(QMouseEvent* event)
{
    if (m_panning) {
        const QPoint d = event->position().toPoint() - m_panLast;
        m_panLast = event->position().toPoint();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - d.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - d.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void FlowView::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_panning && (event->button() == Qt::MiddleButton || event->button() == Qt::LeftButton)) {
        m_panning = false;
        viewport()->setCursor(m_spaceHeld ? Qt::OpenHandCursor : Qt::ArrowCursor);
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void FlowView::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = true;
        viewport()->setCursor(Qt::OpenHandCursor);
        setDragMode(NoDrag);
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Tab && event->modifiers() == Qt::NoModifier) {
        Q_EMIT quickAddRequested(cursorScenePos());
        event->accept();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void FlowView::keyReleaseEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        m_panning = false;
        viewport()->setCursor(Qt::ArrowCursor);
        setDragMode(RubberBandDrag);
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void FlowView::drawBackground(QPainter* p, const QRectF& rect)
{
    p->fillRect(rect, QColor(0x1B, 0x1E, 0x24));
    const double z = zoom();
    if (z < 0.35)
        return; // a grid finer than a few pixels is noise, and thousands of points cost frames
    const double step = 24;
    const double left = std::floor(rect.left() / step) * step;
    const double top = std::floor(rect.top() / step) * step;
    QVector<QPointF> dots;
    dots.reserve(int((rect.width() / step + 2) * (rect.height() / step + 2)));
    for (double x = left; x < rect.right(); x += step) {
        for (double y = top; y < rect.bottom(); y += step)
            dots.append(QPointF(x, y));
    }
    QPen pen(QColor(0x33, 0x38, 0x42), 2.0);
    pen.setCosmetic(true);
    p->setPen(pen);
    p->drawPoints(dots.constData(), int(dots.size()));
}

void FlowView::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    placeMinimap();
}

void FlowView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    m_minimap->update();
}

void FlowView::placeMinimap()
{
    const QSize s(220, 140);
    m_minimap->setGeometry(width() - s.width() - 12, height() - s.height() - 12, s.width(), s.height());
}

void FlowView::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasFormat(nodeMimeType()))
        event->acceptProposedAction();
    else
        QGraphicsView::dragEnterEvent(event);
}

void FlowView::dragMoveEvent(QDragMoveEvent* event)
{
    if (event->mimeData()->hasFormat(nodeMimeType()))
        event->acceptProposedAction();
    else
        QGraphicsView::dragMoveEvent(event);
}

void FlowView::dropEvent(QDropEvent* event)
{
    if (!event->mimeData()->hasFormat(nodeMimeType())) {
        QGraphicsView::dropEvent(event);
        return;
    }
    const QString type = QString::fromUtf8(event->mimeData()->data(nodeMimeType()));
    Q_EMIT nodeTypeDropped(type, mapToScene(event->position().toPoint()));
    event->acceptProposedAction();
}

} // namespace taskloom::studio
