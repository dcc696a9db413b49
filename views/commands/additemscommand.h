// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <views/document/document.h>

#include <QUndoCommand>

#include <vector>

namespace nimbus::views {

/// Adds services and connections in one step (a new service from the palette, a new
/// connection, a paste, a duplicate, a template); undo removes exactly them.
class AddItemsCommand final : public QUndoCommand
{
public:
    AddItemsCommand(Document &document, std::vector<model::Node> nodes, std::vector<model::Edge> edges,
                    const QString &text, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    Document &m_document;
    std::vector<model::Node> m_nodes;
    std::vector<model::Edge> m_edges;
};

} // namespace nimbus::views
