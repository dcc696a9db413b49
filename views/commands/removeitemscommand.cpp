// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "removeitemscommand.h"

#include <views/document/documenteditor_p.h>

#include <QCoreApplication>

namespace nimbus::views {

RemoveItemsCommand::RemoveItemsCommand(Document &document, std::vector<model::NodeId> nodes,
                                       std::vector<model::EdgeId> edges, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_nodeIds(std::move(nodes))
    , m_edgeIds(std::move(edges))
{
    const int services = static_cast<int>(m_nodeIds.size());
    const int connections = static_cast<int>(m_edgeIds.size());
    if (services > 0)
        setText(QCoreApplication::translate("RemoveItemsCommand", "Delete %n service(s)", nullptr, services));
    else
        setText(QCoreApplication::translate("RemoveItemsCommand", "Delete %n connection(s)", nullptr, connections));
    if (services == 0 && connections == 0)
        setObsolete(true);
}

void RemoveItemsCommand::redo()
{
    m_removedNodes.clear();
    m_removedEdges.clear();
    for (const model::EdgeId &id : m_edgeIds) {
        if (auto edge = DocumentEditor::removeEdge(m_document, id))
            m_removedEdges.push_back(std::move(*edge));
    }
    for (const model::NodeId &id : m_nodeIds) {
        if (auto removed = DocumentEditor::removeNode(m_document, id)) {
            m_removedNodes.push_back(std::move(removed->first));
            for (model::Edge &e : removed->second)
                m_removedEdges.push_back(std::move(e));
        }
    }
}

void RemoveItemsCommand::undo()
{
    // Nodes first, so that every edge finds both ends again.
    for (const model::Node &node : m_removedNodes)
        DocumentEditor::addNode(m_document, node);
    for (const model::Edge &edge : m_removedEdges)
        DocumentEditor::addEdge(m_document, edge);
}

} // namespace nimbus::views
