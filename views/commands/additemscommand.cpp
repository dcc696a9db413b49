// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "additemscommand.h"

#include <views/document/documenteditor_p.h>

namespace nimbus::views {

AddItemsCommand::AddItemsCommand(Document &document, std::vector<model::Node> nodes,
                                 std::vector<model::Edge> edges, const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_nodes(std::move(nodes))
    , m_edges(std::move(edges))
{
    if (m_nodes.empty() && m_edges.empty())
        setObsolete(true);
}

void AddItemsCommand::redo()
{
    for (const model::Node &node : m_nodes)
        DocumentEditor::addNode(m_document, node);
    for (const model::Edge &edge : m_edges)
        DocumentEditor::addEdge(m_document, edge);
}

void AddItemsCommand::undo()
{
    for (auto it = m_edges.rbegin(); it != m_edges.rend(); ++it)
        DocumentEditor::removeEdge(m_document, it->id);
    for (auto it = m_nodes.rbegin(); it != m_nodes.rend(); ++it)
        DocumentEditor::removeNode(m_document, it->id);
}

} // namespace nimbus::views
