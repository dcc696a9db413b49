// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "architecturegraph.h"

#include <model/core/architecture.h>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/dag_shortest_paths.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/graph/topological_sort.hpp>
#include <boost/property_map/function_property_map.hpp>

#include <algorithm>
#include <limits>
#include <unordered_map>

namespace nimbus::model {

namespace {

struct EdgeData
{
    std::size_t index = 0; ///< position in Impl::edgeIds
};

using Directed = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                       boost::no_property, EdgeData>;
using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
using Vertex = Directed::vertex_descriptor;
using EdgeDescriptor = Directed::edge_descriptor;

std::vector<std::vector<NodeId>> bucket(const std::vector<int> &component, int count,
                                        const std::vector<NodeId> &ids)
{
    std::vector<std::vector<NodeId>> groups(static_cast<std::size_t>(count));
    for (std::size_t v = 0; v < component.size(); ++v)
        groups[static_cast<std::size_t>(component[v])].push_back(ids[v]);
    for (auto &group : groups)
        std::sort(group.begin(), group.end());
    return groups;
}

/// Keeps the edges a caller wants to follow.
struct EdgeFilter
{
    const Directed *graph = nullptr;
    const std::vector<char> *keep = nullptr;
    bool operator()(const EdgeDescriptor &e) const { return (*keep)[(*graph)[e].index] != 0; }
};

/// Keeps the vertices of one component.
struct VertexFilter
{
    const std::vector<char> *keep = nullptr;
    bool operator()(Vertex v) const { return (*keep)[v] != 0; }
};

} // namespace

struct ArchitectureGraph::Impl
{
    Directed graph;
    std::vector<NodeId> ids;  ///< vertex descriptor -> node id
    std::vector<EdgeId> edgeIds;
    std::unordered_map<NodeId, Vertex> vertices;
    std::vector<bool> selfLoop;

    std::vector<int> strongComponents(int &count) const
    {
        std::vector<int> component(ids.size());
        count = ids.empty() ? 0 : boost::strong_components(graph, component.data());
        return component;
    }
};

ArchitectureGraph::ArchitectureGraph(const Architecture &architecture)
    : m_impl(std::make_unique<Impl>())
{
    const auto &nodes = architecture.nodes();
    m_impl->graph = Directed(nodes.size());
    m_impl->ids.reserve(nodes.size());
    m_impl->selfLoop.assign(nodes.size(), false);
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        m_impl->ids.push_back(nodes[i].id);
        m_impl->vertices.emplace(nodes[i].id, i);
    }
    m_impl->edgeIds.reserve(architecture.edges().size());
    for (const Edge &e : architecture.edges()) {
        const Vertex s = m_impl->vertices.at(e.source);
        const Vertex t = m_impl->vertices.at(e.target);
        boost::add_edge(s, t, EdgeData{m_impl->edgeIds.size()}, m_impl->graph);
        m_impl->edgeIds.push_back(e.id);
        if (s == t)
            m_impl->selfLoop[s] = true;
    }
}

ArchitectureGraph::~ArchitectureGraph() = default;

std::size_t ArchitectureGraph::nodeCount() const
{
    return boost::num_vertices(m_impl->graph);
}

std::size_t ArchitectureGraph::edgeCount() const
{
    return boost::num_edges(m_impl->graph);
}

std::vector<std::vector<NodeId>> ArchitectureGraph::cycles() const
{
    int count = 0;
    const std::vector<int> component = m_impl->strongComponents(count);
    std::vector<std::vector<NodeId>> all = bucket(component, count, m_impl->ids);
    std::vector<std::vector<NodeId>> result;
    for (auto &group : all) {
        const bool loop = group.size() > 1
                          || (group.size() == 1 && m_impl->selfLoop[m_impl->vertices.at(group[0])]);
        if (loop)
            result.push_back(std::move(group));
    }
    std::sort(result.begin(), result.end());
    return result;
}

std::optional<std::vector<NodeId>> ArchitectureGraph::topologicalOrder() const
{
    std::vector<Vertex> reversed;
    try {
        boost::topological_sort(m_impl->graph, std::back_inserter(reversed));
    } catch (const boost::not_a_dag &) {
        return std::nullopt;
    }
    std::vector<NodeId> order;
    order.reserve(reversed.size());
    for (auto it = reversed.rbegin(); it != reversed.rend(); ++it)
        order.push_back(m_impl->ids[*it]);
    return order;
}

std::vector<std::vector<NodeId>> ArchitectureGraph::componentsInTopologicalOrder() const
{
    int count = 0;
    const std::vector<int> component = m_impl->strongComponents(count);
    // The condensation: one vertex per component, an edge wherever an edge crosses two.
    Directed condensation(static_cast<std::size_t>(count));
    for (auto [it, end] = boost::edges(m_impl->graph); it != end; ++it) {
        const int from = component[boost::source(*it, m_impl->graph)];
        const int to = component[boost::target(*it, m_impl->graph)];
        if (from != to)
            boost::add_edge(static_cast<Vertex>(from), static_cast<Vertex>(to), condensation);
    }
    std::vector<Vertex> reversed;
    boost::topological_sort(condensation, std::back_inserter(reversed));
    const std::vector<std::vector<NodeId>> groups = bucket(component, count, m_impl->ids);
    std::vector<std::vector<NodeId>> ordered;
    ordered.reserve(groups.size());
    for (auto it = reversed.rbegin(); it != reversed.rend(); ++it)
        ordered.push_back(groups[*it]);
    return ordered;
}

ArchitectureGraph::Cycle ArchitectureGraph::cycleThrough(const std::vector<NodeId> &members) const
{
    Cycle cycle;
    if (members.empty())
        return cycle;
    const Directed &g = m_impl->graph;
    const Vertex start = m_impl->vertices.at(members.front());
    std::vector<char> inComponent(boost::num_vertices(g), 0);
    for (const NodeId &id : members)
        inComponent[m_impl->vertices.at(id)] = 1;

    // Breadth-first search inside the component, recording the edge that reached each
    // vertex; then close the loop with an edge back into the start.
    std::vector<char> keepAll(m_impl->edgeIds.size(), 1);
    boost::filtered_graph<Directed, EdgeFilter, VertexFilter> sub(g, EdgeFilter{&g, &keepAll},
                                                                  VertexFilter{&inComponent});
    std::vector<std::optional<EdgeDescriptor>> reachedBy(boost::num_vertices(g));
    struct Recorder : boost::default_bfs_visitor
    {
        std::vector<std::optional<EdgeDescriptor>> *reachedBy;
        void tree_edge(EdgeDescriptor e, const decltype(sub) &graph) const
        {
            (*reachedBy)[boost::target(e, graph)] = e;
        }
    } recorder;
    recorder.reachedBy = &reachedBy;
    std::vector<boost::default_color_type> colors(boost::num_vertices(g), boost::white_color);
    boost::breadth_first_search(sub, start,
                                boost::visitor(recorder).color_map(boost::make_iterator_property_map(
                                    colors.begin(), boost::get(boost::vertex_index, g))));

    std::optional<EdgeDescriptor> closing;
    for (auto [it, end] = boost::in_edges(start, g); it != end && !closing; ++it) {
        const Vertex from = boost::source(*it, g);
        if (inComponent[from] && (from == start || reachedBy[from]))
            closing = *it;
    }
    if (!closing)
        return cycle;
    std::vector<EdgeDescriptor> path{*closing};
    for (Vertex v = boost::source(*closing, g); v != start; v = boost::source(*reachedBy[v], g))
        path.push_back(*reachedBy[v]);
    std::reverse(path.begin(), path.end());
    cycle.nodes.push_back(m_impl->ids[start]);
    for (const EdgeDescriptor &e : path) {
        cycle.edges.push_back(m_impl->edgeIds[g[e].index]);
        cycle.nodes.push_back(m_impl->ids[boost::target(e, g)]);
    }
    return cycle;
}

std::optional<ArchitectureGraph::Path>
ArchitectureGraph::heaviestPath(const NodeId &startId,
                                const std::function<bool(const EdgeId &)> &follow,
                                const std::function<double(const NodeId &)> &weight) const
{
    const Directed &g = m_impl->graph;
    auto found = m_impl->vertices.find(startId);
    if (found == m_impl->vertices.end())
        return std::nullopt;
    std::vector<char> keep(m_impl->edgeIds.size());
    for (std::size_t i = 0; i < keep.size(); ++i)
        keep[i] = follow(m_impl->edgeIds[i]) ? 1 : 0;
    std::vector<char> allVertices(boost::num_vertices(g), 1);
    boost::filtered_graph<Directed, EdgeFilter, VertexFilter> sub(g, EdgeFilter{&g, &keep},
                                                                  VertexFilter{&allVertices});
    const std::size_t n = boost::num_vertices(g);
    // Negated weights turn the heaviest path into a shortest one; the edge into a node
    // carries that node's weight.
    std::vector<double> edgeWeight(m_impl->edgeIds.size(), 0);
    for (auto [it, end] = boost::edges(g); it != end; ++it)
        edgeWeight[g[*it].index] = -weight(m_impl->ids[boost::target(*it, g)]);
    auto weightMap = boost::make_function_property_map<EdgeDescriptor>(
        [&](const EdgeDescriptor &e) { return edgeWeight[g[e].index]; });
    std::vector<double> distance(n, std::numeric_limits<double>::max());
    std::vector<Vertex> predecessor(n);
    for (std::size_t v = 0; v < n; ++v)
        predecessor[v] = v;
    std::vector<boost::default_color_type> colors(n);
    try {
        // Only the part reachable from the start must be acyclic; dag_shortest_paths
        // explores exactly that part.
        std::vector<Vertex> order;
        boost::topological_sort(sub, std::back_inserter(order),
                                boost::color_map(boost::make_iterator_property_map(
                                    colors.begin(), boost::get(boost::vertex_index, g))));
    } catch (const boost::not_a_dag &) {
        return std::nullopt;
    }
    boost::dag_shortest_paths(
        sub, found->second,
        boost::weight_map(weightMap)
            .distance_map(boost::make_iterator_property_map(distance.begin(),
                                                            boost::get(boost::vertex_index, g)))
            .predecessor_map(boost::make_iterator_property_map(predecessor.begin(),
                                                               boost::get(boost::vertex_index, g))));
    Vertex best = found->second;
    for (std::size_t v = 0; v < n; ++v) {
        if (distance[v] != std::numeric_limits<double>::max() && distance[v] < distance[best])
            best = v;
    }
    Path path;
    path.total = weight(startId) - distance[best];
    for (Vertex v = best;; v = predecessor[v]) {
        path.nodes.push_back(m_impl->ids[v]);
        if (predecessor[v] == v)
            break;
        // The edge used is the heaviest parallel edge the filter kept.
        for (auto [it, end] = boost::in_edges(v, sub); it != end; ++it) {
            if (boost::source(*it, sub) == predecessor[v]) {
                path.edges.push_back(m_impl->edgeIds[g[*it].index]);
                break;
            }
        }
    }
    std::reverse(path.nodes.begin(), path.nodes.end());
    std::reverse(path.edges.begin(), path.edges.end());
    return path;
}

std::vector<std::vector<NodeId>> ArchitectureGraph::islands() const
{
    const std::size_t n = nodeCount();
    Undirected undirected(n);
    for (auto [it, end] = boost::edges(m_impl->graph); it != end; ++it)
        boost::add_edge(boost::source(*it, m_impl->graph), boost::target(*it, m_impl->graph),
                        undirected);
    std::vector<int> component(n);
    const int count = n == 0 ? 0 : boost::connected_components(undirected, component.data());
    std::vector<std::vector<NodeId>> groups = bucket(component, count, m_impl->ids);
    std::stable_sort(groups.begin(), groups.end(), [](const auto &a, const auto &b) {
        return a.size() != b.size() ? a.size() > b.size() : a < b;
    });
    return groups;
}

std::vector<NodeId> ArchitectureGraph::reachableFrom(const std::vector<NodeId> &starts) const
{
    struct Recorder : boost::default_bfs_visitor
    {
        std::vector<Vertex> *order;
        void discover_vertex(Vertex v, const Directed &) const { order->push_back(v); }
    };
    const std::size_t n = nodeCount();
    std::vector<Vertex> order;
    std::vector<boost::default_color_type> colors(n, boost::white_color);
    auto colorMap = boost::make_iterator_property_map(colors.begin(),
                                                      boost::get(boost::vertex_index, m_impl->graph));
    boost::queue<Vertex> queue;
    Recorder recorder;
    recorder.order = &order;
    for (const NodeId &id : starts) {
        auto it = m_impl->vertices.find(id);
        if (it == m_impl->vertices.end() || colors[it->second] != boost::white_color)
            continue;
        boost::breadth_first_visit(m_impl->graph, it->second, queue, recorder, colorMap);
    }
    std::vector<NodeId> result;
    result.reserve(order.size());
    for (Vertex v : order)
        result.push_back(m_impl->ids[v]);
    return result;
}

} // namespace nimbus::model
