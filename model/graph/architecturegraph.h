// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/core/ids.h>

#include <functional>
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

    /// Strongly connected components in topological order of the condensation: every edge
    /// between two different components points from an earlier to a later one. A node
    /// outside any cycle is a component of its own. Each component is sorted by id.
    std::vector<std::vector<NodeId>> componentsInTopologicalOrder() const;

    /// One cycle through the given strongly connected component (as from cycles()): the
    /// nodes and edges in path order, starting and ending at the component's first node.
    struct Cycle
    {
        std::vector<NodeId> nodes; ///< first node repeated at the end
        std::vector<EdgeId> edges;
    };
    Cycle cycleThrough(const std::vector<NodeId> &component) const;

    /// The heaviest path from `start` that follows only edges accepted by `follow`, where
    /// entering a node (the start included) adds `weight(node)`. Uses Boost's DAG shortest
    /// paths on negated weights; nullopt when the followed edges contain a cycle.
    struct Path
    {
        double total = 0;
        std::vector<NodeId> nodes;
        std::vector<EdgeId> edges;
    };
    std::optional<Path> heaviestPath(const NodeId &start,
                                     const std::function<bool(const EdgeId &)> &follow,
                                     const std::function<double(const NodeId &)> &weight) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace nimbus::model
