// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/core/ids.h>

#include <memory>
#include <optional>
#include <vector>

namespace nimbus::model {

class Architecture;

/// A read-only Boost.Graph view of an Architecture, built once per analysis. Boost types
/// stay inside model/graph/: callers speak in NodeIds. The view copies what it needs, so
/// it stays valid if the architecture changes (it then describes the old state).
class ArchitectureGraph
{
public:
    explicit ArchitectureGraph(const Architecture &architecture);
    ~ArchitectureGraph();
    ArchitectureGraph(const ArchitectureGraph &) = delete;
    ArchitectureGraph &operator=(const ArchitectureGraph &) = delete;

    std::size_t nodeCount() const;
    std::size_t edgeCount() const;

    /// Groups of nodes that reach each other (strongly connected components with more than
    /// one node, or a node with an edge to itself); each group sorted by id.
    std::vector<std::vector<NodeId>> cycles() const;

    /// Nodes ordered so that every edge points forward; nullopt when there is a cycle.
    std::optional<std::vector<NodeId>> topologicalOrder() const;

    /// Groups of nodes joined by edges in either direction (islands), largest first.
    std::vector<std::vector<NodeId>> islands() const;

    /// Every node reachable from `starts` along edge directions (breadth-first), starts
    /// included, in visiting order.
    std::vector<NodeId> reachableFrom(const std::vector<NodeId> &starts) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace nimbus::model
