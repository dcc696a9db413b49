// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "serviceitem.h"

#include "canvasscene.h"
#include "displaytext.h"
#include "serviceicons.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QTextDocument>

namespace nimbus::views {

ServiceItem::ServiceItem(const QString &id)
    : m_id(id)
{
    setFlags(ItemIsSelectable | ItemIsMovable | ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
    setZValue(1);
}

QRectF ServiceItem::boundingRect() const
{
    // Room for the handle on the right and the badges above.
    return QRectF(-2, -10, kWidth + kHandleRadius + 4, kHeight + 12);
}

void ServiceItem::setContent(const QString &name, const QString &typeName, const QColor &color, bool generic,
                             const std::string &typeId, const QString &shortTypeName)
{
    m_shortTypeName = shortTypeName;
    m_typeId = generic ? std::string("generic") : typeId;
    m_name = displayText(name);
    m_typeName = displayText(typeName);
    m_color = color;
    m_generic = generic;
    setToolTip(Qt::convertFromPlainText(QStringLiteral("%1\n%2").arg(m_name, m_typeName))); // never HTML
    update();
}

void ServiceItem::setCost(const QString &cost)
{
    if (cost != m_cost) {
        m_cost = cost;
        update();
    }
}

void ServiceItem::setBadges(int errors, int warnings)
{
    if (errors != m_errors || warnings != m_warnings) {
        m_errors = errors;
        m_warnings = warnings;
        update();
    }
}

void ServiceItem::setConnectState(int state)
{
    if (state != m_connectState) {
        m_connectState = state;
        update();
    }
}

bool ServiceItem::isOnHandle(const QPointF &itemPos) const
{
    const QPointF d = itemPos - handleCentre();
    return d.x() * d.x() + d.y() * d.y() <= (kHandleRadius + 3) * (kHandleRadius + 3);
}

void ServiceItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const QRectF box(0, 0, kWidth, kHeight);
    QColor border = isSelected() ? QColor(0x1a, 0x73, 0xe8) : m_color.darker(115);
    if (m_connectState > 0)
        border = QColor(0x1e, 0x8e, 0x3e);
    else if (m_connectState < 0)
        border = QColor(0xc5, 0x22, 0x1f);
    painter->setRenderHint(QPainter::Antialiasing, lod > 0.4);
    painter->setPen(QPen(border, isSelected() || m_connectState ? 2.4 : 1.3, m_generic ? Qt::DashLine : Qt::SolidLine));
    painter->setBrush(m_connectState < 0 ? QColor(0xfd, 0xec, 0xea) : QColor(Qt::white));
    painter->drawRoundedRect(box, 6, 6);
    painter->fillRect(QRectF(0.6, 0.6, 8, kHeight - 1.2), m_color);
    if (lod < 0.35)
        return; // far away: the coloured box is enough, and drawing stays fast
    constexpr qreal icon = 24;
    paintServiceIcon(*painter, QRectF(14, (kHeight - icon) / 2, icon, icon), m_typeId);
    constexpr qreal textLeft = 14 + icon + 7; // text starts right of the icon
    QFont nameFont = painter->font();
    nameFont.setPointSizeF(9.5);
    nameFont.setBold(true);
    painter->setFont(nameFont);
    painter->setPen(QColor(0x20, 0x24, 0x2c));
    // A long name (imported logical ids such as "EsmSqsFilterQueue3") first gets a smaller
    // font, then loses its middle, so that names differing at the end stay apart.
    const qreal nameWidth = kWidth - textLeft - 6;
    Qt::TextElideMode elide = Qt::ElideRight;
    if (QFontMetricsF(nameFont).horizontalAdvance(m_name) > nameWidth) {
        nameFont.setPointSizeF(8.2);
        painter->setFont(nameFont);
        elide = Qt::ElideMiddle;
    }
    const QFontMetricsF nameMetrics(nameFont);
    painter->drawText(QRectF(textLeft, 6, nameWidth, 18), Qt::AlignLeft | Qt::AlignVCenter,
                      nameMetrics.elidedText(m_name, elide, nameWidth));
    QFont small = nameFont;
    small.setBold(false);
    small.setPointSizeF(7.8);
    painter->setFont(small);
    painter->setPen(QColor(0x5a, 0x63, 0x73));
    const QFontMetricsF smallMetrics(small);
    // The service type: in full when it fits, else a little smaller, else its short name
    // ("Step Functions state machine" -> "Step Functions"); the tooltip always has it all.
    const qreal textWidth = kWidth - textLeft - 6;
    QString typeText = m_typeName;
    if (smallMetrics.horizontalAdvance(typeText) > textWidth) {
        QFont smaller = small;
        smaller.setPointSizeF(7.0);
        if (QFontMetricsF(smaller).horizontalAdvance(typeText) <= textWidth)
            painter->setFont(smaller);
        else if (!m_shortTypeName.isEmpty())
            typeText = m_shortTypeName;
    }
    painter->drawText(QRectF(textLeft, 24, textWidth, 14), Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetricsF(painter->font()).elidedText(typeText, Qt::ElideRight, textWidth));
    painter->setFont(small);
    if (!m_cost.isEmpty()) {
        painter->setPen(QColor(0x1e, 0x6e, 0x3a));
        painter->drawText(QRectF(textLeft, 39, kWidth - textLeft - 6, 14), Qt::AlignLeft | Qt::AlignVCenter, m_cost);
    }
    // Finding badges above the top-right corner.
    qreal x = kWidth - 4;
    auto badge = [&](int count, const QColor &color) {
        if (count <= 0)
            return;
        const QString text = QString::number(count);
        const qreal w = std::max<qreal>(16, smallMetrics.horizontalAdvance(text) + 8);
        const QRectF r(x - w, -8, w, 15);
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawRoundedRect(r, 7, 7);
        painter->setPen(Qt::white);
        painter->drawText(r, Qt::AlignCenter, text);
        x -= w + 3;
    };
    badge(m_errors, QColor(0xc5, 0x22, 0x1f));
    badge(m_warnings, QColor(0xd9, 0x7a, 0x00));
    if (m_hovered || isSelected()) {
        painter->setPen(QPen(QColor(0x1a, 0x73, 0xe8), 1.4));
        painter->setBrush(QColor(0xe8, 0xf0, 0xfe));
        painter->drawEllipse(handleCentre(), kHandleRadius, kHandleRadius);
        painter->drawLine(handleCentre() - QPointF(3, 0), handleCentre() + QPointF(3, 0));
        painter->drawLine(handleCentre() - QPointF(0, 3), handleCentre() + QPointF(0, 3));
    }
}

void ServiceItem::hoverEnterEvent(QGraphicsSceneHoverEvent *event)
{
    m_hovered = true;
    update();
    QGraphicsItem::hoverEnterEvent(event);
}

void ServiceItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *event)
{
    m_hovered = false;
    update();
    QGraphicsItem::hoverLeaveEvent(event);
}

QVariant ServiceItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged) {
        if (auto *s = qobject_cast<CanvasScene *>(scene()))
            s->serviceMoved(m_id);
    }
    return QGraphicsItem::itemChange(change, value);
}

} // namespace nimbus::views
