#pragma once

#include <QPixmap>
#include <QWidget>

namespace taskloom::studio {

class FlowView;

/// An overview of the whole flow in the canvas's corner: nodes as coloured dots and the visible area as a
/// frame; click or drag to move the view there. Draws from item rectangles, not by rendering the scene, so it
/// costs little with a thousand nodes.
class Minimap : public QWidget {
    Q_OBJECT
public:
    explicit Minimap(QWidget* parent = nullptr);
    void setView(FlowView* view);
    /// The flow changed: redraw the overview from the items on the next paint.
    void invalidate();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    QTransform sceneToMap(const QRectF& content) const;
    void centerAt(const QPointF& widgetPos);

    FlowView* m_view = nullptr;
    QPixmap m_cache;
    QRectF m_content;
    bool m_dirty = true;
};

} // namespace taskloom::studio
