#pragma once

#include <QGraphicsView>

class QTimer;
class QVariantAnimation;

namespace taskloom::studio {

class FlowScene;
class Minimap;

/// The canvas view: smooth wheel / pinch zoom around the cursor, pan with the middle button or space + drag,
/// rubber-band selection, fit-to-view, a minimap in the corner, and drops from the palette.
class FlowView : public QGraphicsView {
    Q_OBJECT
public:
    static constexpr double minZoom = 0.05;
    static constexpr double maxZoom = 3.0;
    /// MIME type of a node type dragged from the palette (the data is the type id).
    static QString nodeMimeType() { return QStringLiteral("application/x-taskloom-node-type"); }

    explicit FlowView(FlowScene* scene, QWidget* parent = nullptr);

    FlowScene* flowScene() const { return m_scene; }
    double zoom() const;
    /// Zooms by `factor` around a viewport point (animated when `animate`).
    void zoomBy(double factor, QPointF viewportAnchor = {}, bool animate = true);
    void setZoom(double zoom);
    void fitToView();
    void setMinimapVisible(bool visible);
    /// The scene position under the mouse (or the view's centre when the mouse is elsewhere).
    QPointF cursorScenePos() const;

Q_SIGNALS:
    void zoomChanged(double zoom);
    /// A node type was dropped from the palette at a scene position.
    void nodeTypeDropped(const QString& type, const QPointF& scenePos);
    void quickAddRequested(const QPointF& scenePos);

protected:
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;
    bool viewportEvent(QEvent* event) override;
    void drawBackground(QPainter* painter, const QRectF& rect) override;
    void resizeEvent(QResizeEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void applyZoom(double zoom, QPointF viewportAnchor);
    void placeMinimap();
    /// Node pixmap caches pay off while panning (a blit per node) but are redrawn on every zoom step on top of
    /// the painting: while the zoom changes nodes paint directly; caching resumes once it has settled.
    void setNodeCaching(bool on);

    FlowScene* m_scene;
    Minimap* m_minimap;
    QVariantAnimation* m_zoomAnimation;
    QTimer* m_cacheResume;
    bool m_nodeCaching = true;
    double m_targetZoom = 1;
    QPointF m_zoomAnchor;
    bool m_spaceHeld = false;
    bool m_panning = false;
    QPoint m_panLast;
};

} // namespace taskloom::studio
