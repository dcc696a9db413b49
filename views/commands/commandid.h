// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

namespace nimbus::views {

/// Merge ids of commands that can merge (QUndoCommand::id()); the rest return -1.
enum class CommandId : int {
    NudgeNodes = 1,      ///< arrow-key moves of the same selection
    SetNodeProperty = 2, ///< typing in one editor session
    SetEdgeProperty = 3,
    EditScenario = 4,    ///< typing in one field of the scenario editor
};

} // namespace nimbus::views
