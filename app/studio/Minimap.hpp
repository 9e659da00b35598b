#pragma once

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
    void setView(FlowView* view) { m_view = view; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    QTransform sceneToMap(const QRectF& content) const;
    void centerAt(const QPointF& widgetPos);

    FlowView* m_view = nullptr;
};

} // namespace taskloom::studio
