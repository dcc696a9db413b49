// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <QGraphicsView>

namespace nimbus::views {

class CanvasScene;

/// The view on the diagram: wheel zoom (towards the cursor), zoom to fit and 100%,
/// panning with the middle button or space + drag, rubber-band selection, and drops of
/// service types from the palette (MIME type kServiceTypeMime, the type id as data).
class CanvasView final : public QGraphicsView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CanvasView)

public:
    static constexpr const char *kServiceTypeMime = "application/x-nimbus-service-type";

    explicit CanvasView(CanvasScene *scene, QWidget *parent = nullptr);

    void zoomToFit();
    void zoomTo100();
    void zoomBy(qreal factor);
    qreal zoom() const { return transform().m11(); }
    /// Centres the view on the given items' bounding box (findings panel).
    void centreOn(const QRectF &sceneRect);
    /// The dotted grid behind the diagram (Preferences); shown by default.
    void setGridVisible(bool visible);
    bool gridVisible() const { return m_gridVisible; }

Q_SIGNALS:
    void zoomChanged(qreal zoom);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;

private:
    CanvasScene *m_scene;
    bool m_spaceHeld = false;
    bool m_gridVisible = true;
    bool m_panning = false;
    QPoint m_panStart;
};

} // namespace nimbus::views
