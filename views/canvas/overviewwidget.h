// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <QGraphicsView>

namespace nimbus::views {

/// A small, non-interactive view on the same scene as `mainView`, scaled to show the whole
/// diagram, with the main view's visible area drawn as a rectangle. Pressing or dragging
/// in it centres the main view on that point. View state only: it never changes the document.
class OverviewWidget final : public QGraphicsView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverviewWidget)

public:
    explicit OverviewWidget(QGraphicsView *mainView, QWidget *parent = nullptr);

    /// The part of the scene the main view shows, in scene coordinates.
    QRectF visibleSceneRect() const;
    QSize sizeHint() const override { return {240, 160}; }

protected:
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    void refit();
    void moveMainViewTo(const QPoint &pos);

    QGraphicsView *m_main;
    bool m_dragging = false;
};

} // namespace nimbus::views
