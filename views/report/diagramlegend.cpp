// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "diagramlegend.h"

#include "../canvas/connectionitem.h"
#include "../canvas/serviceicons.h"

#include <model/core/architecture.h>
#include <model/core/catalog.h>

#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <set>

namespace nimbus::views {

namespace {

constexpr qreal kRowHeight = 24;
constexpr qreal kIcon = 18;
constexpr qreal kChip = 12;
constexpr qreal kSample = 40; ///< length of a connection's line sample
constexpr qreal kHeadingGap = 22;
constexpr qreal kCategoryGap = 12; ///< extra space before a category
const QColor kText(0x20, 0x24, 0x2c);
const QColor kMuted(0x5a, 0x63, 0x73);
const QColor kGenericColor(0x7d, 0x87, 0x99); // as CanvasScene draws a node of unknown type

QFont legendFont(bool bold)
{
    QFont font;
    font.setPointSizeF(8.5);
    font.setBold(bold);
    return font;
}

qreal textWidth(const QString &text, bool bold)
{
    return QFontMetricsF(legendFont(bold), &diagramMetricsDevice()).horizontalAdvance(text);
}

} // namespace

const QPaintDevice &diagramMetricsDevice()
{
    static const QImage device = [] {
        QImage image(1, 1, QImage::Format_ARGB32_Premultiplied);
        image.setDotsPerMeterX(3780); // 96 dpi
        image.setDotsPerMeterY(3780);
        return image;
    }();
    return device;
}

DiagramLegend::DiagramLegend(const model::Catalog &catalog, const model::Architecture &architecture)
{
    addServices(catalog, architecture);
    addConnections(architecture);
}

QString DiagramLegend::kindLabel(model::ConnectionKind kind)
{
    switch (kind) {
    case model::ConnectionKind::SyncInvoke:
        return tr("Synchronous call");
    case model::ConnectionKind::AsyncInvoke:
        return tr("Asynchronous invoke");
    case model::ConnectionKind::Poll:
        return tr("Polling");
    case model::ConnectionKind::Stream:
        return tr("Stream");
    case model::ConnectionKind::Publish:
        return tr("Publish");
    case model::ConnectionKind::Subscribe:
        return tr("Subscription");
    case model::ConnectionKind::Read:
        return tr("Read");
    case model::ConnectionKind::Write:
        return tr("Write");
    case model::ConnectionKind::Trigger:
        return tr("Trigger");
    }
    return QString::fromUtf8(model::connectionKindName(kind).data());
}

void DiagramLegend::add(EntryKind kind, const QString &text, const QColor &color,
                        const std::string &typeId, model::ConnectionKind connection)
{
    Entry entry;
    entry.kind = kind;
    entry.text = text;
    entry.color = color;
    entry.typeId = typeId;
    entry.connection = connection;
    switch (kind) {
    case EntryKind::Heading:
        entry.width = textWidth(entry.text, true);
        break;
    case EntryKind::Category:
        entry.width = kChip + 6 + textWidth(entry.text, true) + 10;
        break;
    case EntryKind::Service:
        entry.width = kIcon + 5 + textWidth(entry.text, false) + 16;
        break;
    case EntryKind::Connection:
        entry.width = kSample + 7 + textWidth(entry.text, false) + 18;
        break;
    }
    m_entries.push_back(std::move(entry));
}

void DiagramLegend::addServices(const model::Catalog &catalog,
                                const model::Architecture &architecture)
{
    std::set<std::string> usedTypes;
    bool generic = false;
    for (const model::Node &node : architecture.nodes()) {
        if (catalog.type(node.type))
            usedTypes.insert(node.type);
        else
            generic = true;
    }
    if (usedTypes.empty() && !generic)
        return;
    add(EntryKind::Heading, tr("Services"));
    // Catalog order: categories as the palette lists them, types as the catalog lists them.
    for (const model::Category &category : catalog.categories()) {
        bool first = true;
        for (const model::ServiceType &type : catalog.types()) {
            if (type.category != category.id || !usedTypes.contains(type.id))
                continue;
            if (first)
                add(EntryKind::Category, QString::fromStdString(category.name),
                    QColor(QString::fromStdString(category.color)));
            first = false;
            add(EntryKind::Service, QString::fromStdString(type.name), {}, type.id);
        }
    }
    if (generic) {
        add(EntryKind::Category, tr("Other"), kGenericColor);
        add(EntryKind::Service, tr("Resource without a Nimbus type"), {}, "generic");
    }
}

void DiagramLegend::addConnections(const model::Architecture &architecture)
{
    std::set<model::ConnectionKind> used;
    for (const model::Edge &edge : architecture.edges())
        used.insert(edge.kind);
    if (used.empty())
        return;
    add(EntryKind::Heading, tr("Connections"));
    for (model::ConnectionKind kind : model::allConnectionKinds()) {
        if (used.contains(kind))
            add(EntryKind::Connection, kindLabel(kind), {}, {}, kind);
    }
}

qreal DiagramLegend::naturalWidth() const
{
    qreal indent = 0;
    for (const Entry &e : m_entries) {
        if (e.kind == EntryKind::Heading)
            indent = std::max(indent, e.width + kHeadingGap);
    }
    qreal widest = 0;
    qreal row = 0;
    for (const Entry &e : m_entries) {
        if (e.kind == EntryKind::Heading) {
            row = indent;
            continue;
        }
        row += e.width + (e.kind == EntryKind::Category ? kCategoryGap : 0);
        widest = std::max(widest, row);
    }
    return widest;
}

qreal DiagramLegend::heightFor(qreal width) const
{
    return flow(QPointF(0, 0), width, nullptr);
}

void DiagramLegend::paint(QPainter &painter, const QRectF &rect) const
{
    flow(rect.topLeft(), rect.width(), &painter);
}

qreal DiagramLegend::flow(const QPointF &origin, qreal width, QPainter *painter) const
{
    if (m_entries.empty())
        return 0;
    qreal indent = 0;
    for (const Entry &e : m_entries) {
        if (e.kind == EntryKind::Heading)
            indent = std::max(indent, e.width + kHeadingGap);
    }
    qreal x = indent;
    qreal y = -kRowHeight;
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        const Entry &e = m_entries[i];
        if (e.kind == EntryKind::Heading) {
            y += kRowHeight + (y < 0 ? 0 : 6); // sections apart a little more than rows
            x = indent;
            if (painter)
                paintEntry(*painter, e, origin + QPointF(0, y));
            continue;
        }
        // A category keeps its first service on its row.
        qreal needed = e.width;
        if (e.kind == EntryKind::Category && i + 1 < m_entries.size())
            needed += m_entries[i + 1].width;
        const qreal gap = (e.kind == EntryKind::Category && x > indent) ? kCategoryGap : 0;
        if (x > indent && x + gap + needed > width) {
            y += kRowHeight;
            x = indent;
        } else {
            x += gap;
        }
        if (painter)
            paintEntry(*painter, e, origin + QPointF(x, y));
        x += e.width;
    }
    return y + kRowHeight;
}

void DiagramLegend::paintEntry(QPainter &painter, const Entry &entry, const QPointF &topLeft) const
{
    const qreal mid = topLeft.y() + kRowHeight / 2;
    const auto text = [&](qreal left, bool bold, const QColor &color) {
        painter.setFont(legendFont(bold));
        painter.setPen(color);
        painter.drawText(QRectF(left, topLeft.y(), entry.width, kRowHeight),
                         Qt::AlignLeft | Qt::AlignVCenter, entry.text);
    };
    painter.save();
    switch (entry.kind) {
    case EntryKind::Heading:
        text(topLeft.x(), true, kMuted);
        break;
    case EntryKind::Category:
        painter.setPen(QPen(entry.color.darker(115), 1));
        painter.setBrush(entry.color);
        painter.drawRoundedRect(QRectF(topLeft.x(), mid - kChip / 2, kChip, kChip), 3, 3);
        text(topLeft.x() + kChip + 6, true, kText);
        break;
    case EntryKind::Service:
        paintServiceIcon(painter, QRectF(topLeft.x(), mid - kIcon / 2, kIcon, kIcon), entry.typeId);
        text(topLeft.x() + kIcon + 5, false, kText);
        break;
    case EntryKind::Connection: {
        // The canvas's own connection item, so the sample matches the diagram exactly.
        ConnectionItem sample(QString(), entry.connection);
        const QPointF from(topLeft.x(), mid);
        const QPointF to(topLeft.x() + kSample, mid);
        sample.setEnds(QRectF(from, QSizeF(0, 0)), QRectF(to, QSizeF(0, 0)));
        const QStyleOptionGraphicsItem option;
        sample.paint(&painter, &option, nullptr);
        text(topLeft.x() + kSample + 7, false, kText);
        break;
    }
    }
    painter.restore();
}

} // namespace nimbus::views
