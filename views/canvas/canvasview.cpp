// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "canvasview.h"

#include "canvasscene.h"
#include "serviceitem.h"

#include <QMimeData>
#include <QScrollBar>
#include <QWheelEvent>

#include <cmath>

namespace nimbus::views {

CanvasView::CanvasView(CanvasScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
    , m_scene(scene)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setTransformationAnchor(AnchorUnderMouse);
    setViewportUpdateMode(SmartViewportUpdate);
    setOptimizationFlags(DontSavePainterState);
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
}

void CanvasView::zoomBy(qreal factor)
{
    const qreal target = std::clamp(zoom() * factor, 0.05, 4.0);
    scale(target / zoom(), target / zoom());
    Q_EMIT zoomChanged(zoom());
}

void CanvasView::zoomToFit()
{
    const QRectF items = m_scene->itemsBoundingRect().adjusted(-40, -40, 40, 40);
    if (items.isEmpty())
        return;
    resetTransform();
    fitInView(items, Qt::KeepAspectRatio);
    if (zoom() > 1.0) {
        resetTransform(); // a small design is shown at 100%, not blown up
        centerOn(items.center());
    }
    Q_EMIT zoomChanged(zoom());
}

void CanvasView::zoomTo100()
{
    resetTransform();
    Q_EMIT zoomChanged(zoom());
}

void CanvasView::centreOn(const QRectF &sceneRect)
{
    if (!mapToScene(viewport()->rect()).boundingRect().contains(sceneRect))
        centerOn(sceneRect.center());
}

void CanvasView::wheelEvent(QWheelEvent *event)
{
    const qreal steps = event->angleDelta().y() / 120.0;
    if (steps == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    zoomBy(std::pow(1.15, steps));
    event->accept();
}

void CanvasView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && m_spaceHeld)) {
        m_panning = true;
        m_panStart = event->pos();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void CanvasView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const QPoint delta = event->pos() - m_panStart;
        m_panStart = event->pos();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void CanvasView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning) {
        m_panning = false;
        viewport()->setCursor(m_spaceHeld ? Qt::OpenHandCursor : Qt::ArrowCursor);
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void CanvasView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = true;
        viewport()->setCursor(Qt::OpenHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void CanvasView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        viewport()->setCursor(Qt::ArrowCursor);
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void CanvasView::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasFormat(kServiceTypeMime))
        event->acceptProposedAction();
    else
        QGraphicsView::dragEnterEvent(event);
}

void CanvasView::dragMoveEvent(QDragMoveEvent *event)
{
    if (event->mimeData()->hasFormat(kServiceTypeMime))
        event->acceptProposedAction();
    else
        QGraphicsView::dragMoveEvent(event);
}

void CanvasView::dropEvent(QDropEvent *event)
{
    if (!event->mimeData()->hasFormat(kServiceTypeMime)) {
        QGraphicsView::dropEvent(event);
        return;
    }
    const QString type = QString::fromUtf8(event->mimeData()->data(kServiceTypeMime));
    m_scene->addService(type, mapToScene(event->position().toPoint()) - QPointF(ServiceItem::kWidth / 2, ServiceItem::kHeight / 2));
    event->acceptProposedAction();
}

void CanvasView::setGridVisible(bool visible)
{
    if (visible == m_gridVisible)
        return;
    m_gridVisible = visible;
    resetCachedContent();
    viewport()->update();
}

void CanvasView::drawBackground(QPainter *painter, const QRectF &rect)
{
    QGraphicsView::drawBackground(painter, rect);
    if (!m_gridVisible || zoom() < 0.5)
        return; // the dots would be noise
    const qreal grid = CanvasScene::kGrid * 2;
    const auto *canvas = qobject_cast<const CanvasScene *>(scene());
    painter->setPen(QPen(canvas ? canvas->colours().grid : CanvasColours::light().grid, 0));
    const qreal left = std::floor(rect.left() / grid) * grid;
    const qreal top = std::floor(rect.top() / grid) * grid;
    QVector<QPointF> dots;
    for (qreal x = left; x < rect.right(); x += grid) {
        for (qreal y = top; y < rect.bottom(); y += grid)
            dots << QPointF(x, y);
    }
    painter->drawPoints(dots.data(), static_cast<int>(dots.size()));
}

} // namespace nimbus::views
