// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QString>

#include <string>

namespace nimbus::views {

/// One service on the canvas: a rounded box with the category colour, the name, the type,
/// the monthly cost and badges for findings. It mirrors a node of the document by id and
/// never writes to the document; the scene turns gestures into commands.
class ServiceItem final : public QGraphicsItem
{
public:
    enum { Type = UserType + 1 };
    static constexpr qreal kWidth = 172;
    static constexpr qreal kHeight = 58;
    static constexpr qreal kHandleRadius = 7;

    explicit ServiceItem(const QString &id);

    int type() const override { return Type; }
    QString id() const { return m_id; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    /// `shortTypeName` is shown when `typeName` does not fit the box.
    void setContent(const QString &name, const QString &typeName, const QColor &color, bool generic,
                    const std::string &typeId = {}, const QString &shortTypeName = {});
    void setCost(const QString &cost);
    void setBadges(int errors, int warnings);
    /// Highlight while a connection is being drawn: 1 valid target, -1 refused, 0 none.
    void setConnectState(int state);

    /// The connection handle, in item coordinates (right edge, middle).
    QPointF handleCentre() const { return {kWidth, kHeight / 2}; }
    bool isOnHandle(const QPointF &itemPos) const;

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    QString m_id;
    QString m_name;
    QString m_typeName;
    QString m_shortTypeName;
    QString m_cost;
    std::string m_typeId;
    QColor m_color;
    bool m_generic = false;
    bool m_hovered = false;
    int m_errors = 0;
    int m_warnings = 0;
    int m_connectState = 0;
};

} // namespace nimbus::views
