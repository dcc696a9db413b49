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

/// A read-only Boost.Graph view of one state of an Architecture, built once per analysis.
/// Boost types stay inside model/graph/: callers speak in NodeIds, or, on hot paths, in
/// indices (vertex i is architecture.nodes()[i], edge i is architecture.edges()[i]). The
/// view refers to the architecture, which must outlive it and not change meanwhile.
class ArchitectureGraph
{
public:
    explicit ArchitectureGraph(const Architecture &architecture);
    explicit ArchitectureGraph(Architecture &&) = delete; // would dangle
    ~ArchitectureGraph();
    ArchitectureGraph(const ArchitectureGraph &) = delete;
    ArchitectureGraph &operator=(const ArchitectureGraph &) = delete;

    std::size_t nodeCount() const;
    std::size_t edgeCount() const;
    std::size_t sourceIndex(std::size_t edge) const;
    std::size_t targetIndex(std::size_t edge) const;

    /// Groups of nodes that reach each other (strongly connected components with more than
    /// one node, or a node with an edge to itself); each group sorted by id.
    std::vector<std::vector<NodeId>> cycles() const;

    /// One cycle through a strongly connected component (as from cycles()): nodes and
    /// edges in path order, starting and ending at the component's first node.
    struct Cycle
    {
        std::vector<NodeId> nodes; ///< first node repeated at the end
        std::vector<EdgeId> edges;
    };
    Cycle cycleThrough(const std::vector<NodeId> &component) const;

    /// Nodes ordered so that every edge points forward; nullopt when there is a cycle.
    std::optional<std::vector<NodeId>> topologicalOrder() const;

    /// Strongly connected components and an order of the nodes in which every edge between
    /// two different components points forward (topological order of the condensation).
    struct Condensation
    {
        std::vector<int> component;     ///< by node index
        std::vector<std::size_t> order; ///< node indices
    };
    Condensation condensation() const;

    /// Groups of nodes joined by edges in either direction (islands).
    struct Islands
    {
        std::vector<int> islandOf;      ///< by node index
        std::vector<std::size_t> sizes; ///< by island
        int largest = -1;               ///< the biggest island (the lowest number among equals)
    };
    Islands islandIndex() const;
    /// The same as ids: islands largest first, each sorted by id.
    std::vector<std::vector<NodeId>> islands() const;

    /// Every node reachable from `starts` along edge directions (breadth-first), starts
    /// included, in visiting order.
    std::vector<NodeId> reachableFrom(const std::vector<NodeId> &starts) const;

    /// Heaviest paths over the edges accepted by `follow` (by edge index), where entering
    /// a node adds `weight` (by node index): for every node, the heaviest path that starts
    /// there, its own weight included. One pass in reverse topological order (Boost's
    /// topological_sort on the followed edges): O(nodes + edges) for all nodes together.
    struct Path
    {
        double total = 0;
        std::vector<NodeId> nodes;
        std::vector<EdgeId> edges;
    };
    class HeaviestPaths
    {
    public:
        Path from(std::size_t node) const;
        double total(std::size_t node) const { return m_total[node]; }

    private:
        friend class ArchitectureGraph;
        const ArchitectureGraph *m_graph = nullptr;
        std::vector<double> m_total;
        std::vector<std::ptrdiff_t> m_next; ///< edge index taken from each node, -1 at the end
    };
    /// nullopt when the followed edges contain a cycle.
    std::optional<HeaviestPaths> heaviestPaths(const std::function<bool(std::size_t)> &follow,
                                               const std::function<double(std::size_t)> &weight) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace nimbus::model
