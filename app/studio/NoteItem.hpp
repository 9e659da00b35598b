#pragma once

#include "engine/Flow.hpp"

#include <QGraphicsItem>

namespace taskloom::studio {

/// A sticky note on the canvas; movable and selectable like a node, edited by double-clicking.
class NoteItem : public QGraphicsItem {
public:
    enum { Type = UserType + 3 };

    explicit NoteItem(const engine::StickyNote& note);
    int type() const override { return Type; }
    const QString& noteId() const { return m_note.id; }
    void setNote(const engine::StickyNote& note);

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    engine::StickyNote m_note;
};

} // namespace taskloom::studio
