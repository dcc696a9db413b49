// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <views/document/document.h>

#include <QUndoCommand>

#include <vector>

namespace nimbus::views {

/// Moves services to new positions: a mouse drag (pushed once, on release, never merged)
/// or an arrow-key nudge (merged with the previous nudge of the same selection). Undo puts
/// every service back where it was.
class MoveNodesCommand final : public QUndoCommand
{
public:
    struct Move
    {
        model::NodeId id;
        model::Point from;
        model::Point to;
    };
    enum class Gesture { Drag, Nudge };

    MoveNodesCommand(Document &document, std::vector<Move> moves, Gesture gesture,
                     QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    Document &m_document;
    std::vector<Move> m_moves;
    Gesture m_gesture;
};

} // namespace nimbus::views
