#include "Minimap.hpp"

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

void Minimap::paintEvent(QPaintEvent*)
{
    if (!m_view)
        return;
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QColor(0x45, 0x4B, 0x56));
    p.setBrush(QColor(0x22, 0x26, 0x2D, 230));
    p.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
    const QRectF visible = m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
    const QRectF content = m_view->flowScene()->contentRect().united(visible);
    const QTransform t = sceneToMap(content);
    p.setPen(Qt::NoPen);
    for (QGraphicsItem* item : m_view->flowScene()->items()) {
        if (item->type() == NodeItem::Type)
            p.setBrush(QColor(0x8B, 0x93, 0x9F));
        else if (item->type() == NoteItem::Type)
            p.setBrush(QColor(0xF5, 0xE2, 0x7A, 160));
        else
            continue;
        p.drawRect(t.mapRect(item->sceneBoundingRect()));
    }
    p.setBrush(QColor(0x4C, 0xA3, 0xFF, 40));
    p.setPen(QPen(QColor(0x4C, 0xA3, 0xFF), 1.2));
    p.drawRect(t.mapRect(visible));
}

void Minimap::centerAt(const QPointF& pos)
{
    const QRectF visible = m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
    const QRectF content = m_view->flowScene()->contentRect().united(visible);
    m_view->centerOn(sceneToMap(content).inverted().map(pos));
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
