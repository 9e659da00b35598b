#include "Minimap.hpp"

#include "FlowDocument.hpp"
#include "FlowScene.hpp"
#include "FlowView.hpp"
#include "NoteItem.hpp"

#include <QMouseEvent>
#include <QPainter>

namespace taskloom::studio {

Minimap::Minimap(QWidget* parent) : QWidget(parent)
{
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Overview: click or drag to move there"));
}

QTransform Minimap::sceneToMap(const QRectF& content) const
{
    const QRectF area = QRectF(rect()).adjusted(6, 6, -6, -6);
    const double s = std::min(area.width() / content.width(), area.height() / content.height());
    QTransform t;
    t.translate(area.center().x(), area.center().y());
    t.scale(s, s);
    t.translate(-content.center().x(), -content.center().y());
    return t;
}

void Minimap::setView(FlowView* view)
{
    m_view = view;
    FlowDocument& doc = view->flowScene()->document();
    for (auto signal : {&FlowDocument::flowReset, &FlowDocument::problemsChanged})
        connect(&doc, signal, this, &Minimap::invalidate);
    connect(&doc, &FlowDocument::nodeAdded, this, &Minimap::invalidate);
    connect(&doc, &FlowDocument::nodeRemoved, this, &Minimap::invalidate);
    connect(&doc, &FlowDocument::nodeMoved, this, &Minimap::invalidate);
    connect(&doc, &FlowDocument::noteAdded, this, &Minimap::invalidate);
    connect(&doc, &FlowDocument::noteRemoved, this, &Minimap::invalidate);
    connect(&doc, &FlowDocument::noteChanged, this, &Minimap::invalidate);
}

void Minimap::invalidate()
{
    m_dirty = true;
    update();
}

void Minimap::paintEvent(QPaintEvent*)
{
    if (!m_view)
        return;
    // The nodes are drawn once into a pixmap and redrawn only when the flow changes; panning and zooming only
    // move the frame, so the overview costs next to nothing per frame even with a thousand nodes.
    const qreal dpr = devicePixelRatioF();
    if (m_dirty || m_cache.size() != size() * dpr) {
        m_dirty = false;
        m_content = m_view->flowScene()->contentRect();
        m_cache = QPixmap(size() * dpr);
        m_cache.setDevicePixelRatio(dpr);
        m_cache.fill(Qt::transparent);
        QPainter p(&m_cache);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QColor(0x45, 0x4B, 0x56));
        p.setBrush(QColor(0x22, 0x26, 0x2D, 230));
        p.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
        const QTransform t = sceneToMap(m_content);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0xF5, 0xE2, 0x7A, 160));
        for (NoteItem* item : m_view->flowScene()->noteItems())
            p.drawRect(t.mapRect(item->sceneBoundingRect()));
        p.setBrush(QColor(0x8B, 0x93, 0x9F));
        for (NodeItem* item : m_view->flowScene()->nodeItems())
            p.drawRect(t.mapRect(item->sceneBoundingRect()));
    }
    QPainter p(this);
    p.drawPixmap(0, 0, m_cache);
    const QRectF visible = m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
    p.setClipRect(rect().adjusted(2, 2, -2, -2));
    p.setBrush(QColor(0x4C, 0xA3, 0xFF, 40));
    p.setPen(QPen(QColor(0x4C, 0xA3, 0xFF), 1.2));
    p.drawRect(sceneToMap(m_content).mapRect(visible));
}

void Minimap::centerAt(const QPointF& pos)
{
    m_view->centerOn(sceneToMap(m_content).inverted().map(pos));
    update();
}

void Minimap::mousePressEvent(QMouseEvent* event)
{
    if (m_view)
        centerAt(event->position());
}

void Minimap::mouseMoveEvent(QMouseEvent* event)
{
    if (m_view && (event->buttons() & Qt::LeftButton))
        centerAt(event->position());
}

} // namespace taskloom::studio
