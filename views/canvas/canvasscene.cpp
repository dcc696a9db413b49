// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "canvasscene.h"

#include "../commands/additemscommand.h"
#include "../commands/groupnotecommands.h"
#include "../commands/movenodescommand.h"
#include "../commands/removeitemscommand.h"
#include "../document/document.h"
#include "canvasids.h"
#include "connectionitem.h"
#include "displaytext.h"
#include "serviceitem.h"

#include <model/analysis/finding.h>
#include <model/core/connectioncheck.h>
#include <model/io/projectfile.h>

#include <QGraphicsLineItem>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsSimpleTextItem>
#include <QKeyEvent>
#include <QPainterPath>
#include <QUndoStack>

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

namespace nimbus::views {

using canvas::nodeId;
using canvas::q;

namespace {

qreal snapped(qreal value)
{
    return canvas::snapped(value, CanvasScene::kGrid);
}

} // namespace

QString noteDisplayText(const QString &text)
{
    constexpr qsizetype kMaxLines = 40;
    constexpr qsizetype kMaxLineLength = 160;
    const QChar ellipsis(0x2026);
    QStringList lines = text.split(QLatin1Char('\n'));
    const bool cutLines = lines.size() > kMaxLines;
    if (cutLines)
        lines.resize(kMaxLines);
    for (QString &line : lines) {
        if (line.size() > kMaxLineLength)
            line = line.left(kMaxLineLength - 1) + ellipsis;
    }
    if (cutLines)
        lines.back() = ellipsis;
    return lines.join(QLatin1Char('\n'));
}

CanvasScene::CanvasScene(Document &document, QObject *parent)
    : QGraphicsScene(parent)
    , m_document(document)
{
    setBackgroundBrush(m_colours.background);
    setItemIndexMethod(BspTreeIndex);
    connect(&document, &Document::documentReset, this, &CanvasScene::rebuild);
    connect(&document, &Document::nodeAdded, this, [this](const QString &id) {
        addServiceItem(id);
        rebuildDecorations();
    });
    connect(&document, &Document::nodeRemoved, this, [this](const QString &id) {
        delete m_services.take(id);
        m_edgesOfNode.remove(id);
        rebuildDecorations();
    });
    connect(&document, &Document::nodeMoved, this, [this](const QString &id) {
        updateServiceItem(id);
        rebuildDecorations();
    });
    connect(&document, &Document::nodeChanged, this, &CanvasScene::updateServiceItem);
    connect(&document, &Document::decorationsChanged, this, &CanvasScene::rebuildDecorations);
    connect(&document, &Document::edgeAdded, this, &CanvasScene::addConnectionItem);
    connect(&document, &Document::edgeRemoved, this, [this](const QString &id) {
        delete m_connections.take(id);
        for (auto &list : m_edgesOfNode)
            list.removeAll(id);
    });
    connect(this, &QGraphicsScene::selectionChanged, this, [this] {
        Q_EMIT selectionIdsChanged(selectedNodeIds(), selectedEdgeIds());
    });
    rebuild();
}

CanvasScene::~CanvasScene()
{
    disconnect(this, &QGraphicsScene::selectionChanged, this, nullptr);
}

void CanvasScene::rebuild()
{
    clearSelection();
    for (ServiceItem *item : std::as_const(m_services))
        delete item;
    for (ConnectionItem *item : std::as_const(m_connections))
        delete item;
    m_services.clear();
    m_connections.clear();
    m_edgesOfNode.clear();
    const model::Architecture &arch = m_document.architecture();
    for (const model::Node &n : arch.nodes())
        addServiceItem(q(n.id.str()));
    for (const model::Edge &e : arch.edges())
        addConnectionItem(q(e.id.str()));
    rebuildDecorations();
    setSceneRect(itemsBoundingRect().adjusted(-400, -300, 400, 300));
}

void CanvasScene::addServiceItem(const QString &id)
{
    if (m_services.contains(id))
        return;
    auto *item = new ServiceItem(id);
    m_services.insert(id, item);
    addItem(item);
    updateServiceItem(id);
}

void CanvasScene::updateServiceItem(const QString &id)
{
    ServiceItem *item = m_services.value(id);
    const model::Node *node = m_document.architecture().node(nodeId(id));
    if (!item || !node)
        return;
    const model::ServiceType *type = m_document.catalog().type(node->type);
    QColor color(0x7d, 0x87, 0x99);
    if (type) {
        if (const model::Category *c = m_document.catalog().category(type->category))
            color = QColor(q(c->color));
    }
    item->setContent(q(node->name), type ? q(type->name) : q(node->type), color, !type, node->type,
                     type ? q(type->shortName) : QString());
    const QPointF pos(node->position.x, node->position.y);
    if (item->pos() != pos)
        item->setPos(pos);
    updateConnectionsOf(id);
}

void CanvasScene::addConnectionItem(const QString &id)
{
    const model::Edge *edge = m_document.architecture().edge(model::EdgeId(id.toStdString()));
    if (!edge || m_connections.contains(id))
        return;
    auto *item = new ConnectionItem(id, edge->kind);
    m_connections.insert(id, item);
    addItem(item);
    m_edgesOfNode[q(edge->source.str())].append(id);
    m_edgesOfNode[q(edge->target.str())].append(id);
    ServiceItem *from = m_services.value(q(edge->source.str()));
    ServiceItem *to = m_services.value(q(edge->target.str()));
    if (from && to)
        item->setEnds(from->sceneBoundingRect().adjusted(2, 10, -ServiceItem::kHandleRadius - 2, -2),
                      to->sceneBoundingRect().adjusted(2, 10, -ServiceItem::kHandleRadius - 2, -2));
}

void CanvasScene::updateConnectionsOf(const QString &nodeId)
{
    const auto boxOf = [](const ServiceItem *s) {
        return QRectF(s->scenePos(), QSizeF(ServiceItem::kWidth, ServiceItem::kHeight));
    };
    for (const QString &edgeId : m_edgesOfNode.value(nodeId)) {
        const model::Edge *edge = m_document.architecture().edge(model::EdgeId(edgeId.toStdString()));
        ConnectionItem *item = m_connections.value(edgeId);
        ServiceItem *from = edge ? m_services.value(q(edge->source.str())) : nullptr;
        ServiceItem *to = edge ? m_services.value(q(edge->target.str())) : nullptr;
        if (item && from && to)
            item->setEnds(boxOf(from), boxOf(to));
    }
}

void CanvasScene::serviceMoved(const QString &id)
{
    updateConnectionsOf(id);
}

void CanvasScene::setColours(const CanvasColours &colours)
{
    if (colours == m_colours)
        return;
    m_colours = colours;
    setBackgroundBrush(m_colours.background);
    rebuildDecorations();
    update();
}

void CanvasScene::rebuildDecorations()
{
    for (QGraphicsItem *item : std::as_const(m_decorations))
        delete item;
    m_decorations.clear();
    const model::Architecture &arch = m_document.architecture();
    QFont titleFont;
    titleFont.setPointSizeF(9);
    titleFont.setBold(true);
    // Each group's box surrounds its members: one pass over the nodes for all groups.
    std::unordered_map<model::GroupId, QRectF> boundsOf;
    for (const model::Node &node : arch.nodes()) {
        if (node.group)
            boundsOf[*node.group] |= QRectF(node.position.x, node.position.y, ServiceItem::kWidth, ServiceItem::kHeight);
    }
    for (const model::Group &group : arch.groups()) {
        QRectF bounds = boundsOf[group.id];
        if (bounds.isNull())
            continue;
        bounds.adjust(-18, -40, 18, 18);
        QPainterPath path;
        path.addRoundedRect(bounds, 10, 10);
        auto *box = addPath(path, QPen(m_colours.groupBorder, 1.2, Qt::DashLine), QBrush(m_colours.groupFill));
        box->setZValue(-10);
        // Pressing the box selects its members too, so that a drag moves the group with its content.
        box->setFlags(QGraphicsItem::ItemIsSelectable | QGraphicsItem::ItemIsMovable);
        box->setData(0, QStringLiteral("group:") + q(group.id.str()));
        auto *title = new QGraphicsSimpleTextItem(displayText(group.name), box);
        title->setFont(titleFont);
        title->setBrush(m_colours.groupTitle);
        title->setPos(bounds.left() + 12, bounds.top() + 8);
        m_decorations << box;
    }
    for (const model::Note &note : arch.notes()) {
        auto *text = addSimpleText(noteDisplayText(displayText(note.text, true)));
        text->setPos(note.position.x, note.position.y);
        text->setBrush(m_colours.note);
        text->setZValue(-5);
        text->setFlags(QGraphicsItem::ItemIsSelectable | QGraphicsItem::ItemIsMovable);
        text->setData(0, QStringLiteral("note:") + q(note.id.str()));
        text->setToolTip(tr("Double-click to edit the note"));
        m_decorations << text;
    }
}

QGraphicsItem *CanvasScene::decorationItem(const QString &key) const
{
    for (QGraphicsItem *item : m_decorations) {
        if (item->data(0).toString() == key)
            return item;
    }
    return nullptr;
}

void CanvasScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    for (QGraphicsItem *item : items(event->scenePos())) {
        const QString key = item->data(0).toString();
        if (key.startsWith(QStringLiteral("note:"))) {
            Q_EMIT noteEditRequested(key.mid(5));
            event->accept();
            return;
        }
    }
    QGraphicsScene::mouseDoubleClickEvent(event);
}

QStringList CanvasScene::selectedNodeIds() const
{
    QStringList ids;
    for (QGraphicsItem *item : selectedItems()) {
        if (item->type() == ServiceItem::Type)
            ids << static_cast<ServiceItem *>(item)->id();
    }
    ids.sort();
    return ids;
}

QStringList CanvasScene::selectedEdgeIds() const
{
    QStringList ids;
    for (QGraphicsItem *item : selectedItems()) {
        if (item->type() == ConnectionItem::Type)
            ids << static_cast<ConnectionItem *>(item)->id();
    }
    ids.sort();
    return ids;
}

void CanvasScene::selectItems(const QStringList &nodeIds, const QStringList &edgeIds)
{
    {
        // One notification for the whole change, not one per item.
        const QSignalBlocker blocker(this);
        clearSelection();
        for (const QString &id : nodeIds) {
            if (ServiceItem *item = m_services.value(id))
                item->setSelected(true);
        }
        for (const QString &id : edgeIds) {
            if (ConnectionItem *item = m_connections.value(id))
                item->setSelected(true);
        }
    }
    Q_EMIT selectionIdsChanged(selectedNodeIds(), selectedEdgeIds());
}

void CanvasScene::setCosts(const QHash<QString, QString> &costByNode)
{
    for (auto it = m_services.begin(); it != m_services.end(); ++it)
        it.value()->setCost(costByNode.value(it.key()));
}

void CanvasScene::setFindings(const std::vector<model::Finding> &findings)
{
    QHash<QString, QPair<int, int>> counts;
    for (const model::Finding &f : findings) {
        for (const model::NodeId &id : f.nodes) {
            auto &c = counts[q(id.str())];
            if (f.severity == model::Severity::Error)
                ++c.first;
            else if (f.severity == model::Severity::Warning)
                ++c.second;
        }
    }
    for (auto it = m_services.begin(); it != m_services.end(); ++it) {
        const auto c = counts.value(it.key());
        it.value()->setBadges(c.first, c.second);
    }
}

ServiceItem *CanvasScene::serviceAt(const QPointF &scenePos) const
{
    for (QGraphicsItem *item : items(scenePos)) {
        if (item->type() == ServiceItem::Type)
            return static_cast<ServiceItem *>(item);
    }
    return nullptr;
}

void CanvasScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    // Shift-click adds to the selection like Ctrl-click, as in most diagram editors.
    if (event->modifiers() & Qt::ShiftModifier)
        event->setModifiers((event->modifiers() & ~Qt::ShiftModifier) | Qt::ControlModifier);
    if (event->button() == Qt::LeftButton) {
        ServiceItem *item = serviceAt(event->scenePos());
        if (item && item->isOnHandle(item->mapFromScene(event->scenePos()))) {
            m_connectFrom = item->id();
            const QPointF start = item->mapToScene(item->handleCentre());
            m_rubberLine = addLine(QLineF(start, start), QPen(m_colours.selection, 1.6, Qt::DashLine));
            m_rubberLine->setZValue(5);
            event->accept();
            return;
        }
    }
    QGraphicsScene::mousePressEvent(event);
    // A pressed group box brings its members along.
    QGraphicsItem *grabbed = mouseGrabberItem();
    const QString key = grabbed ? grabbed->data(0).toString() : QString();
    if (key.startsWith(QStringLiteral("group:"))) {
        const model::GroupId group(key.mid(6).toStdString());
        for (const model::Node &n : m_document.architecture().nodes()) {
            if (n.group == group)
                m_services.value(q(n.id.str()))->setSelected(true);
        }
    }
    m_pressPositions.clear();
    m_notePressPositions.clear();
    for (QGraphicsItem *selected : selectedItems()) {
        if (selected->type() == ServiceItem::Type)
            m_pressPositions.insert(static_cast<ServiceItem *>(selected)->id(), selected->pos());
        else if (selected->data(0).toString().startsWith(QStringLiteral("note:")))
            m_notePressPositions.insert(selected->data(0).toString().mid(5), selected->pos());
    }
}

void CanvasScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (!m_rubberLine) {
        QGraphicsScene::mouseMoveEvent(event);
        return;
    }
    QLineF line = m_rubberLine->line();
    line.setP2(event->scenePos());
    m_rubberLine->setLine(line);
    ServiceItem *target = serviceAt(event->scenePos());
    if (target && target->id() == m_connectFrom)
        target = nullptr;
    if (m_hoverTarget && m_hoverTarget != target)
        m_hoverTarget->setConnectState(0);
    m_hoverTarget = target;
    delete m_refusalLabel;
    m_refusalLabel = nullptr;
    if (!target)
        return;
    const model::Node *from = m_document.architecture().node(nodeId(m_connectFrom));
    const model::Node *to = m_document.architecture().node(nodeId(target->id()));
    const model::ConnectionCheck check = model::canConnect(m_document.catalog(), *from, *to);
    target->setConnectState(check.allowed ? 1 : -1);
    if (!check.allowed) {
        m_refusalLabel = addSimpleText(q(check.reason));
        m_refusalLabel->setBrush(QColor(0xc5, 0x22, 0x1f));
        m_refusalLabel->setPos(event->scenePos() + QPointF(14, 10));
        m_refusalLabel->setZValue(6);
    }
}

void CanvasScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->modifiers() & Qt::ShiftModifier) // as in mousePressEvent
        event->setModifiers((event->modifiers() & ~Qt::ShiftModifier) | Qt::ControlModifier);
    if (m_rubberLine) {
        finishConnection(event->scenePos());
        event->accept();
        return;
    }
    QGraphicsScene::mouseReleaseEvent(event);
    finishMove();
}

void CanvasScene::finishConnection(const QPointF &scenePos)
{
    delete m_rubberLine;
    m_rubberLine = nullptr;
    delete m_refusalLabel;
    m_refusalLabel = nullptr;
    if (m_hoverTarget)
        m_hoverTarget->setConnectState(0);
    m_hoverTarget = nullptr;
    const QString fromId = std::exchange(m_connectFrom, QString());
    ServiceItem *target = serviceAt(scenePos);
    if (!target || target->id() == fromId)
        return;
    const model::Node *from = m_document.architecture().node(nodeId(fromId));
    const model::Node *to = m_document.architecture().node(nodeId(target->id()));
    const model::ConnectionCheck check = model::canConnect(m_document.catalog(), *from, *to);
    if (!check.allowed) {
        Q_EMIT connectionRefused(q(check.reason));
        return;
    }
    std::optional<model::ConnectionKind> kind = check.kinds.front();
    if (check.kinds.size() > 1 && m_kindChooser)
        kind = m_kindChooser(check.kinds, scenePos);
    if (!kind || !roomFor(0, 1))
        return;
    model::Edge edge;
    edge.id = model::EdgeId(m_document.architecture().uniqueId("e"));
    edge.source = from->id;
    edge.target = to->id;
    edge.kind = *kind;
    m_document.undoStack()->push(new AddItemsCommand(
        m_document, {}, {edge}, tr("Connect %1 to %2").arg(q(from->name), q(to->name))));
}

void CanvasScene::finishMove()
{
    std::vector<MoveNodesCommand::Move> moves;
    for (auto it = m_pressPositions.begin(); it != m_pressPositions.end(); ++it) {
        ServiceItem *item = m_services.value(it.key());
        if (!item || item->pos() == it.value())
            continue;
        QPointF to = item->pos();
        if (m_snap)
            to = QPointF(snapped(to.x()), snapped(to.y()));
        moves.push_back({nodeId(it.key()), {it.value().x(), it.value().y()}, {to.x(), to.y()}});
    }
    m_pressPositions.clear();
    // Moved notes, found by key among the decorations (they are rebuilt after each change).
    std::vector<std::pair<model::NoteId, model::Point>> notes;
    for (auto it = m_notePressPositions.begin(); it != m_notePressPositions.end(); ++it) {
        QGraphicsItem *item = decorationItem(QStringLiteral("note:") + it.key());
        if (item && item->pos() != it.value())
            notes.emplace_back(model::NoteId(it.key().toStdString()), model::Point{item->pos().x(), item->pos().y()});
    }
    m_notePressPositions.clear();
    if (moves.empty() && notes.empty())
        return;
    QUndoStack *stack = m_document.undoStack();
    const bool macro = !notes.empty();
    if (macro)
        stack->beginMacro(tr("Move"));
    if (!moves.empty())
        stack->push(new MoveNodesCommand(m_document, std::move(moves), MoveNodesCommand::Gesture::Drag));
    for (const auto &[id, position] : notes)
        stack->push(new ChangeNoteCommand(m_document, id, m_document.architecture().note(id)->text, position));
    if (macro)
        stack->endMacro();
}

void CanvasScene::nudge(qreal dx, qreal dy)
{
    std::vector<MoveNodesCommand::Move> moves;
    for (const QString &id : selectedNodeIds()) {
        const model::Node *node = m_document.architecture().node(nodeId(id));
        moves.push_back({node->id, node->position, {node->position.x + dx, node->position.y + dy}});
    }
    if (!moves.empty())
        m_document.undoStack()->push(new MoveNodesCommand(m_document, std::move(moves), MoveNodesCommand::Gesture::Nudge));
}

void CanvasScene::keyPressEvent(QKeyEvent *event)
{
    const qreal step = (event->modifiers() & Qt::ShiftModifier) ? 1 : kGrid;
    switch (event->key()) {
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        deleteSelection();
        return;
    case Qt::Key_Left:
        nudge(-step, 0);
        return;
    case Qt::Key_Right:
        nudge(step, 0);
        return;
    case Qt::Key_Up:
        nudge(0, -step);
        return;
    case Qt::Key_Down:
        nudge(0, step);
        return;
    case Qt::Key_Escape:
        if (m_rubberLine) {
            finishConnection(QPointF(-1e9, -1e9));
            return;
        }
        clearSelection();
        return;
    default:
        QGraphicsScene::keyPressEvent(event);
    }
}

} // namespace nimbus::views
