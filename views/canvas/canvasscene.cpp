// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "canvasscene.h"

#include "../document/document.h"

#include <QBrush>
#include <QFont>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QHash>
#include <QPainterPath>
#include <QPen>
#include <QtMath>

namespace nimbus::views {

namespace {

QColor categoryColor(const model::Catalog &catalog, const std::string &typeId)
{
    if (const model::ServiceType *type = catalog.type(typeId)) {
        if (const model::Category *category = catalog.category(type->category))
            return QColor(QString::fromStdString(category->color));
    }
    return QColor(0x7d, 0x87, 0x99);
}

QPointF nodeCentre(const model::Node &node)
{
    return {node.position.x + CanvasScene::kNodeWidth / 2, node.position.y + CanvasScene::kNodeHeight / 2};
}

/// The point where the line from the box centre towards `towards` leaves the box.
QPointF boxExit(const QPointF &centre, const QPointF &towards)
{
    const QPointF d = towards - centre;
    if (qFuzzyIsNull(d.x()) && qFuzzyIsNull(d.y()))
        return centre;
    const qreal sx = d.x() == 0 ? 1e9 : (CanvasScene::kNodeWidth / 2) / qAbs(d.x());
    const qreal sy = d.y() == 0 ? 1e9 : (CanvasScene::kNodeHeight / 2) / qAbs(d.y());
    return centre + d * qMin(sx, sy);
}

void addArrow(QGraphicsScene &scene, const QPointF &from, const QPointF &to, bool dashed)
{
    QPen pen(QColor(0x55, 0x5f, 0x70), 1.6);
    if (dashed)
        pen.setStyle(Qt::DashLine);
    scene.addLine(QLineF(from, to), pen);
    const qreal angle = qAtan2(to.y() - from.y(), to.x() - from.x());
    const qreal size = 9;
    QPolygonF head;
    head << to << to - QPointF(qCos(angle - 0.4) * size, qSin(angle - 0.4) * size)
         << to - QPointF(qCos(angle + 0.4) * size, qSin(angle + 0.4) * size);
    scene.addPolygon(head, QPen(pen.color()), QBrush(pen.color()));
}

} // namespace

void CanvasScene::addGroupBoxes(const model::Architecture &arch)
{
    QFont titleFont;
    titleFont.setPointSizeF(9);
    titleFont.setBold(true);
    for (const model::Group &group : arch.groups()) {
        QRectF bounds;
        for (const model::Node &node : arch.nodes()) {
            if (node.group == group.id)
                bounds |= QRectF(node.position.x, node.position.y, kNodeWidth, kNodeHeight);
        }
        if (bounds.isNull())
            continue;
        bounds.adjust(-kGroupPadding, -kGroupPadding - kGroupTitleHeight, kGroupPadding,
                      kGroupPadding);
        QPainterPath path;
        path.addRoundedRect(bounds, 10, 10);
        auto *box = addPath(path, QPen(QColor(0x9a, 0xa5, 0xb8), 1.2, Qt::DashLine),
                            QBrush(QColor(0xee, 0xf1, 0xf6)));
        box->setZValue(-10);
        auto *title = addSimpleText(QString::fromStdString(group.name), titleFont);
        title->setBrush(QColor(0x3c, 0x46, 0x57));
        title->setPos(bounds.left() + 12, bounds.top() + 8);
        title->setZValue(-9);
    }
}

CanvasScene::CanvasScene(const Document &document, QObject *parent)
    : QGraphicsScene(parent)
    , m_document(document)
{
    setBackgroundBrush(QColor(0xf7, 0xf8, 0xfa));
    connect(&document, &Document::documentReset, this, &CanvasScene::onDocumentReset);
    onDocumentReset();
}

void CanvasScene::onDocumentReset()
{
    clear();
    const model::Architecture &arch = m_document.architecture();
    const model::Catalog &catalog = m_document.catalog();
    for (const model::Edge &edge : arch.edges()) {
        const model::Node *s = arch.node(edge.source);
        const model::Node *t = arch.node(edge.target);
        const QPointF a = nodeCentre(*s);
        const QPointF b = nodeCentre(*t);
        const bool async = edge.kind != model::ConnectionKind::SyncInvoke
                           && edge.kind != model::ConnectionKind::Read
                           && edge.kind != model::ConnectionKind::Write;
        addArrow(*this, boxExit(a, b), boxExit(b, a), async);
    }
    QFont nameFont;
    nameFont.setPointSizeF(9.5);
    nameFont.setBold(true);
    QFont typeFont;
    typeFont.setPointSizeF(8);
    for (const model::Node &node : arch.nodes()) {
        const QColor color = categoryColor(catalog, node.type);
        auto *box = addRect(0, 0, kNodeWidth, kNodeHeight, QPen(color.darker(120), 1.4),
                            QBrush(Qt::white));
        box->setPos(node.position.x, node.position.y);
        box->setData(0, QString::fromStdString(node.id.str()));
        auto *stripe = new QGraphicsRectItem(0, 0, 8, kNodeHeight, box);
        stripe->setBrush(color);
        stripe->setPen(Qt::NoPen);
        auto *name = new QGraphicsSimpleTextItem(QString::fromStdString(node.name), box);
        name->setFont(nameFont);
        name->setPos(16, 9);
        const model::ServiceType *type = catalog.type(node.type);
        auto *typeLabel = new QGraphicsSimpleTextItem(
            QString::fromStdString(type ? type->name : node.type), box);
        typeLabel->setFont(typeFont);
        typeLabel->setBrush(QColor(0x5a, 0x63, 0x73));
        typeLabel->setPos(16, 31);
    }
    addGroupBoxes(arch);
    for (const model::Note &note : arch.notes()) {
        auto *text = addSimpleText(QString::fromStdString(note.text));
        text->setPos(note.position.x, note.position.y);
        text->setBrush(QColor(0x44, 0x44, 0x44));
    }
    setSceneRect(itemsBoundingRect().adjusted(-60, -60, 60, 60));
}

} // namespace nimbus::views
