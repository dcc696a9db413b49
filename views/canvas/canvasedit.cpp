// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// CanvasScene's editing actions that are not mouse gestures: adding a service, deleting,
// copy and paste, duplicating, grouping and notes. Each pushes one command.

#include "canvasscene.h"

#include "canvasids.h"

#include "../commands/additemscommand.h"
#include "../commands/groupnotecommands.h"
#include "../commands/removeitemscommand.h"
#include "../document/document.h"

#include <model/core/limits.h>
#include <model/core/propertyvalue.h>
#include <model/io/projectfile.h>

#include <QGraphicsItem>
#include <QUndoStack>

#include <algorithm>
#include <cmath>
#include <map>

namespace nimbus::views {

using canvas::nodeId;
using canvas::q;

namespace {

qreal snapped(qreal value)
{
    return canvas::snapped(value, CanvasScene::kGrid);
}

} // namespace

void CanvasScene::groupSelection(const QString &title)
{
    std::vector<model::NodeId> nodes;
    for (const QString &id : selectedNodeIds())
        nodes.push_back(nodeId(id));
    if (!nodes.empty() && roomFor(0, 0, 1))
        m_document.undoStack()->push(new GroupNodesCommand(m_document, std::move(nodes), title.toStdString()));
}

void CanvasScene::addNote(const QPointF &scenePos, const QString &text)
{
    if (!roomFor(0, 0, 0, 1))
        return;
    model::Note note;
    note.id = model::NoteId(m_document.architecture().uniqueId("note"));
    note.text = text.toStdString();
    note.position = {scenePos.x(), scenePos.y()};
    m_document.undoStack()->push(new AddNoteCommand(m_document, std::move(note)));
}

bool CanvasScene::roomFor(std::size_t nodes, std::size_t edges, std::size_t groups, std::size_t notes)
{
    const model::Architecture &arch = m_document.architecture();
    const struct
    {
        std::size_t have, adding, max;
        const char *what;
    } counts[] = {{arch.nodes().size(), nodes, model::kMaxNodes, "services"},
                  {arch.edges().size(), edges, model::kMaxEdges, "connections"},
                  {arch.groups().size(), groups, model::kMaxGroups, "groups"},
                  {arch.notes().size(), notes, model::kMaxNotes, "notes"}};
    for (const auto &c : counts) {
        if (c.adding > 0 && c.have + c.adding > c.max) {
            Q_EMIT editRefused(tr("A design holds at most %1 %2; this one has %3.")
                                   .arg(q(model::formatAmount(double(c.max))), QString::fromLatin1(c.what),
                                        q(model::formatAmount(double(c.have)))));
            return false;
        }
    }
    return true;
}

void CanvasScene::addService(const QString &typeId, const QPointF &scenePos)
{
    const model::ServiceType *type = m_document.catalog().type(typeId.toStdString());
    if (!type || !roomFor(1, 0))
        return;
    const model::Architecture &arch = m_document.architecture();
    model::Node node;
    node.id = model::NodeId(arch.uniqueId(type->id));
    node.type = type->id;
    // A readable default name: "Lambda function 2" when "Lambda function" is taken.
    std::string name = type->name;
    for (int n = 2; std::any_of(arch.nodes().begin(), arch.nodes().end(),
                                [&](const model::Node &other) { return other.name == name; });
         ++n)
        name = type->name + ' ' + std::to_string(n);
    node.name = name;
    const QPointF at = m_snap ? QPointF(snapped(scenePos.x()), snapped(scenePos.y())) : scenePos;
    node.position = {at.x(), at.y()};
    const QString id = q(node.id.str());
    m_document.undoStack()->push(new AddItemsCommand(m_document, {node}, {}, tr("Add %1").arg(q(type->name))));
    selectItems({id}, {});
}

void CanvasScene::deleteSelection()
{
    std::vector<model::NodeId> nodes;
    std::vector<model::EdgeId> edges;
    for (const QString &id : selectedNodeIds())
        nodes.push_back(nodeId(id));
    for (const QString &id : selectedEdgeIds())
        edges.push_back(model::EdgeId(id.toStdString()));
    QStringList decorations;
    for (QGraphicsItem *item : selectedItems()) {
        const QString key = item->data(0).toString();
        if (!key.isEmpty())
            decorations << key;
    }
    if (nodes.empty() && edges.empty() && decorations.isEmpty())
        return;
    QUndoStack *stack = m_document.undoStack();
    stack->beginMacro(tr("Delete"));
    for (const QString &key : std::as_const(decorations)) {
        if (key.startsWith(QStringLiteral("group:")))
            stack->push(new UngroupCommand(m_document, model::GroupId(key.mid(6).toStdString())));
        else if (key.startsWith(QStringLiteral("note:")))
            stack->push(AddNoteCommand::removal(m_document, model::NoteId(key.mid(5).toStdString())));
    }
    if (!nodes.empty() || !edges.empty())
        stack->push(new RemoveItemsCommand(m_document, std::move(nodes), std::move(edges)));
    stack->endMacro();
}

QByteArray CanvasScene::copySelection() const
{
    const model::Architecture &arch = m_document.architecture();
    model::Architecture part;
    const QStringList ids = selectedNodeIds();
    for (const QString &id : ids) {
        model::Node copy = *arch.node(nodeId(id));
        copy.group.reset(); // groups are not copied; the copy lands outside any group
        part.addNode(std::move(copy));
    }
    for (const model::Edge &e : arch.edges()) {
        if (part.node(e.source) && part.node(e.target))
            part.addEdge(e);
    }
    if (part.nodes().empty())
        return {};
    return QByteArray::fromStdString(model::writeProject(part));
}

bool CanvasScene::paste(const QByteArray &text, const QPointF &offset)
{
    const model::ProjectLoadResult loaded = model::readProject(text.toStdString(), "clipboard", m_document.catalog());
    if (!loaded.ok() || loaded.architecture.nodes().empty())
        return false;
    if (!roomFor(loaded.architecture.nodes().size(), loaded.architecture.edges().size()))
        return true; // it holds services, but they do not fit: editRefused() said why
    const model::Architecture &arch = m_document.architecture();
    // New ids that collide neither with the design nor with each other.
    model::Architecture taken = arch;
    std::map<std::string, model::NodeId> renamed;
    std::vector<model::Node> nodes;
    for (model::Node node : loaded.architecture.nodes()) {
        const std::string fresh = taken.uniqueId(node.type);
        renamed[node.id.str()] = model::NodeId(fresh);
        node.id = model::NodeId(fresh);
        node.position.x += offset.x();
        node.position.y += offset.y();
        taken.addNode(node);
        nodes.push_back(std::move(node));
    }
    std::vector<model::Edge> edges;
    for (model::Edge edge : loaded.architecture.edges()) {
        edge.id = model::EdgeId(taken.uniqueId("e"));
        edge.source = renamed.at(edge.source.str());
        edge.target = renamed.at(edge.target.str());
        taken.addEdge(edge);
        edges.push_back(std::move(edge));
    }
    QStringList ids;
    for (const model::Node &n : nodes)
        ids << q(n.id.str());
    const int count = static_cast<int>(nodes.size());
    m_document.undoStack()->push(new AddItemsCommand(m_document, std::move(nodes), std::move(edges),
                                                     tr("Paste %n service(s)", nullptr, count)));
    selectItems(ids, {});
    return true;
}

void CanvasScene::duplicateSelection()
{
    const QByteArray copy = copySelection();
    if (!copy.isEmpty())
        paste(copy, QPointF(2 * kGrid, 2 * kGrid));
}

} // namespace nimbus::views
