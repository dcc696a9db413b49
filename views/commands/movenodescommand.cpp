// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "movenodescommand.h"

#include "commandid.h"

#include <views/document/documenteditor_p.h>

#include <QCoreApplication>

#include <algorithm>

namespace nimbus::views {

MoveNodesCommand::MoveNodesCommand(Document &document, std::vector<Move> moves, Gesture gesture,
                                   QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_moves(std::move(moves))
    , m_gesture(gesture)
{
    setText(QCoreApplication::translate("MoveNodesCommand", "Move %n service(s)", nullptr,
                                        static_cast<int>(m_moves.size())));
    const bool anyMoves = std::any_of(m_moves.begin(), m_moves.end(), [](const Move &m) { return !(m.from == m.to); });
    if (!anyMoves)
        setObsolete(true);
}

void MoveNodesCommand::redo()
{
    for (const Move &m : m_moves)
        DocumentEditor::moveNode(m_document, m.id, m.to);
}

void MoveNodesCommand::undo()
{
    for (const Move &m : m_moves)
        DocumentEditor::moveNode(m_document, m.id, m.from);
}

int MoveNodesCommand::id() const
{
    return m_gesture == Gesture::Nudge ? static_cast<int>(CommandId::NudgeNodes) : -1;
}

bool MoveNodesCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const MoveNodesCommand *>(other);
    if (next->m_moves.size() != m_moves.size())
        return false;
    for (std::size_t i = 0; i < m_moves.size(); ++i) {
        if (!(next->m_moves[i].id == m_moves[i].id))
            return false; // a different selection starts a new step
    }
    for (std::size_t i = 0; i < m_moves.size(); ++i)
        m_moves[i].to = next->m_moves[i].to;
    return true;
}

} // namespace nimbus::views
