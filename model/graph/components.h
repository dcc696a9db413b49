// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <vector>

namespace nimbus::model {

/// Strongly connected components of a directed graph given as adjacency lists over the
/// vertices 0..n-1 (Boost.Graph's Tarjan). Returns each vertex's component number and sets
/// `count`. Components are numbered in reverse topological order: a component comes after
/// every component it reaches, so dependencies are numbered first.
std::vector<int> strongComponents(const std::vector<std::vector<int>> &out, int &count);

} // namespace nimbus::model
