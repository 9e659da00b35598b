#include "NoteItem.hpp"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace taskloom::studio {

NoteItem::NoteItem(const engine::StickyNote& note)
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges);
    setCacheMode(DeviceCoordinateCache);
    setZValue(-1);
    setNote(note);
}

void NoteItem::setNote(const engine::StickyNote& note)
{
    prepareGeometryChange();
    m_note = note;
    setPos(note.position.x, note.position.y);
    setToolTip(QObject::tr("Sticky note: double-click to edit"));
    update();
}

QRectF NoteItem::boundingRect() const
{
    return QRectF(0, 0, std::max(60.0, m_note.width), std::max(40.0, m_note.height)).adjusted(-2, -2, 2, 2);
}

void NoteItem::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget*)
{
    const QRectF r(0, 0, std::max(60.0, m_note.width), std::max(40.0, m_note.height));
    QColor fill = QColor::fromString(m_note.color.isEmpty() ? QStringLiteral("#F5E27A") : m_note.color);
    if (!fill.isValid())
        fill = QColor(0xF5, 0xE2, 0x7A);
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(QPen(isSelected() ? QColor(0x4C, 0xA3, 0xFF) : fill.darker(130), isSelected() ? 2.5 : 1));
    p->setBrush(fill);
    p->drawRoundedRect(r, 6, 6);
    if (option->levelOfDetailFromTransform(p->worldTransform()) < 0.4)
        return;
    QFont f = p->font();
    f.setPixelSize(12);
    f.setBold(false);
    p->setFont(f);
    p->setPen(QColor(0x3A, 0x32, 0x10));
    p->drawText(r.adjusted(10, 8, -10, -8), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, m_note.text);
}

} // namespace taskloom::studio
