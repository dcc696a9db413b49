// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <views/document/document.h>

#include <QUndoCommand>

#include <vector>

namespace nimbus::views {

/// Deletes services (with every connection touching them) and connections; undo restores
/// them with the same ids, positions and properties.
class RemoveItemsCommand final : public QUndoCommand
{
public:
    RemoveItemsCommand(Document &document, std::vector<model::NodeId> nodes, std::vector<model::EdgeId> edges,
                       QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    Document &m_document;
    std::vector<model::NodeId> m_nodeIds;
    std::vector<model::EdgeId> m_edgeIds;
    std::vector<model::Node> m_removedNodes; ///< in removal order
    std::vector<model::Edge> m_removedEdges;
};

} // namespace nimbus::views
