// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

namespace nimbus::views {

class Document;

/// Arrange operations on services. Each pushes at most one MoveNodesCommand onto the
/// document's undo stack and nothing at all when no service would move.

enum class Alignment {
    Left,
    Right,
    Top,
    Bottom,
    HorizontalCentres, ///< same centre x (centres on one vertical line)
    VerticalCentres,   ///< same centre y (centres on one horizontal line)
};

/// Aligns the services `nodeIds` (at least two) on the edge or centre line of their
/// bounding box. True if a command was pushed.
bool alignServices(Document &document, const QStringList &nodeIds, Alignment alignment);

/// Spaces the services `nodeIds` (at least three) evenly between the two outermost along
/// x (Qt::Horizontal) or y (Qt::Vertical). True if a command was pushed.
bool distributeServices(Document &document, const QStringList &nodeIds, Qt::Orientation orientation);

/// Lays the whole design out with model::autoLayout (groups as clusters) as one undo step.
/// Returns the layout error in words, or an empty string on success (pushed or unchanged).
QString autoLayoutDesign(Document &document, bool *pushed = nullptr);

} // namespace nimbus::views
