// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/core/connectionkind.h>

#include <QGraphicsPathItem>
#include <QString>

namespace nimbus::views {

/// One connection: a line from the source box to the target box with an arrow head;
/// solid for synchronous calls and data access, dashed for asynchronous delivery, dotted
/// for polling and streams.
class ConnectionItem final : public QGraphicsPathItem
{
public:
    enum { Type = UserType + 2 };

    ConnectionItem(const QString &id, model::ConnectionKind kind);

    int type() const override { return Type; }
    QString id() const { return m_id; }
    void setKind(model::ConnectionKind kind);
    /// Redraws the line between two boxes given by their scene rectangles.
    void setEnds(const QRectF &source, const QRectF &target);
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QString m_id;
    model::ConnectionKind m_kind;
    QPolygonF m_head;
};

} // namespace nimbus::views
