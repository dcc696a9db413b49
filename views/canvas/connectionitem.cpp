// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "connectionitem.h"

#include "canvasscene.h"

#include <QPainter>
#include <QPainterPathStroker>
#include <QtMath>

namespace nimbus::views {

namespace {

/// Where the line from the centre of `box` towards `towards` leaves the box.
QPointF exitPoint(const QRectF &box, const QPointF &towards)
{
    const QPointF c = box.center();
    const QPointF d = towards - c;
    if (qFuzzyIsNull(d.x()) && qFuzzyIsNull(d.y()))
        return c;
    const qreal sx = qFuzzyIsNull(d.x()) ? 1e9 : (box.width() / 2) / qAbs(d.x());
    const qreal sy = qFuzzyIsNull(d.y()) ? 1e9 : (box.height() / 2) / qAbs(d.y());
    return c + d * qMin(sx, sy);
}

Qt::PenStyle styleOf(model::ConnectionKind kind)
{
    switch (kind) {
    case model::ConnectionKind::SyncInvoke:
    case model::ConnectionKind::Read:
    case model::ConnectionKind::Write:
        return Qt::SolidLine;
    case model::ConnectionKind::Poll:
    case model::ConnectionKind::Stream:
        return Qt::DotLine;
    default:
        return Qt::DashLine;
    }
}

} // namespace

ConnectionItem::ConnectionItem(const QString &id, model::ConnectionKind kind)
    : m_id(id)
    , m_kind(kind)
{
    setFlag(ItemIsSelectable);
    setZValue(0);
    setKind(kind);
}

void ConnectionItem::setKind(model::ConnectionKind kind)
{
    m_kind = kind;
    setToolTip(QString::fromUtf8(model::connectionKindName(kind).data()));
    update();
}

void ConnectionItem::setEnds(const QRectF &source, const QRectF &target)
{
    const QPointF from = exitPoint(source, target.center());
    const QPointF to = exitPoint(target, source.center());
    QPainterPath path(from);
    path.lineTo(to);
    const qreal angle = qAtan2(to.y() - from.y(), to.x() - from.x());
    const qreal size = 9;
    m_head = QPolygonF() << to << to - QPointF(qCos(angle - 0.42) * size, qSin(angle - 0.42) * size)
                         << to - QPointF(qCos(angle + 0.42) * size, qSin(angle + 0.42) * size);
    path.addPolygon(m_head);
    setPath(path);
}

QPainterPath ConnectionItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(10); // easy to click
    return stroker.createStroke(path());
}

void ConnectionItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const auto *canvas = qobject_cast<const CanvasScene *>(scene());
    const CanvasColours colours = canvas ? canvas->colours() : CanvasColours::light();
    const QColor color = isSelected() ? colours.selection : colours.connection;
    painter->setRenderHint(QPainter::Antialiasing);
    QPen pen(color, isSelected() ? 2.4 : 1.6, styleOf(m_kind));
    painter->setPen(pen);
    const QPainterPath p = path();
    if (p.elementCount() >= 2)
        painter->drawLine(QPointF(p.elementAt(0).x, p.elementAt(0).y), m_head.value(0));
    painter->setPen(QPen(color, 1));
    painter->setBrush(color);
    painter->drawPolygon(m_head);
}

} // namespace nimbus::views
