// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/core/architecture.h>

#include <string>
#include <utility>
#include <vector>

namespace nimbus::model {

/// Sizes and spacing for autoLayout(), in scene units (1 unit = 1 Graphviz point).
struct LayoutOptions
{
    double nodeWidth = 172; ///< every node's box, as the canvas draws it
    double nodeHeight = 58;
    double rankSeparation = 90; ///< gap between ranks (columns when leftToRight)
    double nodeSeparation = 40; ///< gap between neighbours within a rank
    double margin = 40;         ///< where the layout's bounding box starts, on both axes
    bool leftToRight = true;    ///< edges point rightwards; otherwise downwards
};

/// The outcome of autoLayout(): one position per node, or an error in words.
struct LayoutResult
{
    /// The top-left corner of each node's box in scene coordinates (y grows downward), in
    /// the order of Architecture::nodes(). Empty when there was an error.
    std::vector<std::pair<NodeId, Point>> positions;
    std::string error; ///< empty on success
    bool ok() const { return error.empty(); }
};

/// Lays the design out with Graphviz `dot` (hierarchical: edges point along the rank
/// direction). Node boxes never overlap. The members of each group stay together in a
/// box of their own that no other node enters, with room on every side for the group's
/// frame and title. The bounding box of the whole layout, group frames included, starts
/// at (margin, margin). Pure and deterministic: the same design and options give the same
/// positions. Nothing in `design` changes; applying the positions is the caller's job (as
/// one undoable command). Never throws for Graphviz problems: if the `dot` engine cannot
/// be loaded, the result carries "Graphviz dot layout engine not available: ...".
/// Thread-safe (calls are serialised, since libgvc is not re-entrant).
LayoutResult autoLayout(const Architecture &design, const LayoutOptions &options = {});

} // namespace nimbus::model
