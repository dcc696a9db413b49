// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "overviewwidget.h"

#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>

namespace nimbus::views {

OverviewWidget::OverviewWidget(QGraphicsView *mainView, QWidget *parent)
    : QGraphicsView(mainView->scene(), parent)
    , m_main(mainView)
{
    setObjectName(QStringLiteral("overview"));
    setInteractive(false);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setRenderHint(QPainter::Antialiasing);
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Click or drag to move the view"));
    setMinimumSize(120, 80);
    auto update = [this] { viewport()->update(); };
    connect(m_main->horizontalScrollBar(), &QScrollBar::valueChanged, this, update);
    connect(m_main->verticalScrollBar(), &QScrollBar::valueChanged, this, update);
    connect(m_main->horizontalScrollBar(), &QScrollBar::rangeChanged, this, update);
    connect(m_main->verticalScrollBar(), &QScrollBar::rangeChanged, this, update);
    if (scene()) // items moved, added or removed: keep the whole diagram in view
        connect(scene(), &QGraphicsScene::changed, this, &OverviewWidget::refit);
    refit();
}

QRectF OverviewWidget::visibleSceneRect() const
{
    return m_main->mapToScene(m_main->viewport()->rect()).boundingRect();
}

void OverviewWidget::refit()
{
    if (!scene())
        return;
    const QRectF area = scene()->itemsBoundingRect().adjusted(-20, -20, 20, 20);
    setSceneRect(area);
    fitInView(area, Qt::KeepAspectRatio);
}

void OverviewWidget::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    refit();
}

void OverviewWidget::drawForeground(QPainter *painter, const QRectF &rect)
{
    Q_UNUSED(rect)
    const QRectF visible = visibleSceneRect();
    painter->save();
    painter->setPen(QPen(palette().color(QPalette::Highlight), 0)); // cosmetic
    QColor fill = palette().color(QPalette::Highlight);
    fill.setAlpha(40);
    painter->setBrush(fill);
    painter->drawRect(visible);
    painter->restore();
}

void OverviewWidget::moveMainViewTo(const QPoint &pos)
{
    m_main->centerOn(mapToScene(pos));
    viewport()->update();
}

void OverviewWidget::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    m_dragging = true;
    moveMainViewTo(event->position().toPoint());
    event->accept();
}

void OverviewWidget::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragging)
        moveMainViewTo(event->position().toPoint());
    event->accept();
}

void OverviewWidget::mouseReleaseEvent(QMouseEvent *event)
{
    m_dragging = false;
    event->accept();
}

void OverviewWidget::wheelEvent(QWheelEvent *event)
{
    event->ignore(); // no zooming of the overview itself
}

} // namespace nimbus::views
