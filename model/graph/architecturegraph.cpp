// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "architecturegraph.h"

#include <model/core/architecture.h>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/graph/topological_sort.hpp>
#include <boost/property_map/property_map.hpp> // get() on pointers, before disjoint_sets
#include <boost/pending/disjoint_sets.hpp>

#include <algorithm>
#include <numeric>

namespace nimbus::model {

namespace {

struct EdgeData
{
    std::size_t index = 0; ///< position in architecture.edges()
};

// vecS for the edge list too: edges live in one vector, not one allocation each.
using Directed = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                       boost::no_property, EdgeData, boost::no_property,
                                       boost::vecS>;
using Vertex = Directed::vertex_descriptor;
using EdgeDescriptor = Directed::edge_descriptor;

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
    const Architecture &architecture;
    Directed graph;
    std::vector<Vertex> edgeSources; ///< by edge index
    std::vector<Vertex> edgeTargets;
    std::vector<char> selfLoop;      ///< by node index
    /// By edge index: 1 when what arrives over the edge can make its target send something
    /// on. A read fetches data and causes nothing downstream (reading an object raises no
    /// S3 event), so read edges close no loop.
    std::vector<char> flows;

    explicit Impl(const Architecture &a)
        : architecture(a)
        , graph(a.nodes().size())
    {}

    const NodeId &id(std::size_t v) const { return architecture.nodes()[v].id; }
    const EdgeId &edgeId(std::size_t e) const { return architecture.edges()[e].id; }
    std::size_t vertex(const NodeId &id) const
    {
        const Node *node = architecture.node(id);
        return node ? architecture.indexOf(*node) : architecture.nodes().size();
    }

    std::vector<int> strongComponents(int &count) const
    {
        std::vector<int> component(architecture.nodes().size());
        if (component.empty()) {
            count = 0;
            return component;
        }
        const boost::filtered_graph<Directed, EdgeFilter> flowing(graph, EdgeFilter{&graph, &flows});
        count = boost::strong_components(flowing, boost::make_iterator_property_map(
                                                      component.begin(), boost::get(boost::vertex_index, graph)));
        return component;
    }

    std::vector<NodeId> sortedIds(const std::vector<std::size_t> &vertices) const
    {
        std::vector<NodeId> ids;
        ids.reserve(vertices.size());
        for (std::size_t v : vertices)
            ids.push_back(id(v));
        std::sort(ids.begin(), ids.end());
        return ids;
    }
};

ArchitectureGraph::ArchitectureGraph(const Architecture &architecture)
    : m_impl(std::make_unique<Impl>(architecture))
{
    const auto &edges = architecture.edges();
    m_impl->edgeSources.reserve(edges.size());
    m_impl->edgeTargets.reserve(edges.size());
    m_impl->selfLoop.assign(architecture.nodes().size(), 0);
    m_impl->flows.reserve(edges.size());
    for (std::size_t i = 0; i < edges.size(); ++i) {
        const Vertex s = architecture.edgeEnds()[i].source;
        const Vertex t = architecture.edgeEnds()[i].target;
        boost::add_edge(s, t, EdgeData{i}, m_impl->graph);
        m_impl->edgeSources.push_back(s);
        m_impl->edgeTargets.push_back(t);
        const bool flows = edges[i].kind != ConnectionKind::Read;
        m_impl->flows.push_back(flows ? 1 : 0);
        if (s == t && flows)
            m_impl->selfLoop[s] = 1;
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

std::size_t ArchitectureGraph::sourceIndex(std::size_t edge) const
{
    return m_impl->edgeSources[edge];
}

std::size_t ArchitectureGraph::targetIndex(std::size_t edge) const
{
    return m_impl->edgeTargets[edge];
}

std::vector<std::vector<NodeId>> ArchitectureGraph::cycles() const
{
    int count = 0;
    const std::vector<int> component = m_impl->strongComponents(count);
    std::vector<std::vector<std::size_t>> members(static_cast<std::size_t>(count));
    for (std::size_t v = 0; v < component.size(); ++v)
        members[static_cast<std::size_t>(component[v])].push_back(v);
    std::vector<std::vector<NodeId>> result;
    for (const auto &group : members) {
        if (group.size() > 1 || (group.size() == 1 && m_impl->selfLoop[group[0]]))
            result.push_back(m_impl->sortedIds(group));
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
        order.push_back(m_impl->id(*it));
    return order;
}

ArchitectureGraph::Condensation ArchitectureGraph::condensation() const
{
    Condensation result;
    int count = 0;
    result.component = m_impl->strongComponents(count);
    const std::size_t components = static_cast<std::size_t>(count);
    // Tarjan's algorithm, which Boost uses, numbers components as it completes them, which
    // is reverse topological order. That is checked here rather than assumed; if it ever
    // does not hold, the condensation graph is sorted explicitly.
    bool reverseTopological = true;
    for (std::size_t e = 0; e < m_impl->edgeSources.size() && reverseTopological; ++e)
        reverseTopological = !m_impl->flows[e]
                             || result.component[m_impl->edgeSources[e]] >= result.component[m_impl->edgeTargets[e]];
    std::vector<std::size_t> rank(components);
    if (reverseTopological) {
        for (std::size_t c = 0; c < components; ++c)
            rank[c] = components - 1 - c;
    } else {
        Directed condensed(components);
        for (std::size_t e = 0; e < m_impl->edgeSources.size(); ++e) {
            const int from = result.component[m_impl->edgeSources[e]];
            const int to = result.component[m_impl->edgeTargets[e]];
            if (from != to && m_impl->flows[e])
                boost::add_edge(static_cast<Vertex>(from), static_cast<Vertex>(to), condensed);
        }
        std::vector<Vertex> reversed;
        boost::topological_sort(condensed, std::back_inserter(reversed));
        for (std::size_t i = 0; i < reversed.size(); ++i)
            rank[reversed[i]] = reversed.size() - 1 - i;
    }
    // Counting sort of the nodes by the rank of their component.
    std::vector<std::size_t> start(components + 1, 0);
    for (int c : result.component)
        ++start[rank[static_cast<std::size_t>(c)] + 1];
    std::partial_sum(start.begin(), start.end(), start.begin());
    result.order.resize(result.component.size());
    for (std::size_t v = 0; v < result.component.size(); ++v)
        result.order[start[rank[static_cast<std::size_t>(result.component[v])]]++] = v;
    return result;
}

ArchitectureGraph::Cycle ArchitectureGraph::cycleThrough(const std::vector<NodeId> &members) const
{
    Cycle cycle;
    if (members.empty())
        return cycle;
    const Directed &g = m_impl->graph;
    const Vertex start = m_impl->vertex(members.front());
    std::vector<char> inComponent(boost::num_vertices(g), 0);
    for (const NodeId &id : members)
        inComponent[m_impl->vertex(id)] = 1;

    // Breadth-first search inside the component, recording the edge that reached each
    // vertex; then close the loop with an edge back into the start.
    using Sub = boost::filtered_graph<Directed, EdgeFilter, VertexFilter>;
    Sub sub(g, EdgeFilter{&g, &m_impl->flows}, VertexFilter{&inComponent}); // the edges that make loops
    std::vector<std::optional<EdgeDescriptor>> reachedBy(boost::num_vertices(g));
    struct Recorder : boost::default_bfs_visitor
    {
        std::vector<std::optional<EdgeDescriptor>> *reachedBy;
        void tree_edge(EdgeDescriptor e, const Sub &graph) const
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
        if (m_impl->flows[g[*it].index] && inComponent[from] && (from == start || reachedBy[from]))
            closing = *it;
    }
    if (!closing)
        return cycle;
    std::vector<EdgeDescriptor> path{*closing};
    for (Vertex v = boost::source(*closing, g); v != start; v = boost::source(*reachedBy[v], g))
        path.push_back(*reachedBy[v]);
    std::reverse(path.begin(), path.end());
    cycle.nodes.push_back(m_impl->id(start));
    for (const EdgeDescriptor &e : path) {
        cycle.edges.push_back(m_impl->edgeId(g[e].index));
        cycle.nodes.push_back(m_impl->id(boost::target(e, g)));
    }
    return cycle;
}

std::optional<ArchitectureGraph::HeaviestPaths>
ArchitectureGraph::heaviestPaths(const std::function<bool(std::size_t)> &follow,
                                 const std::function<double(std::size_t)> &weight) const
{
    const Directed &g = m_impl->graph;
    const std::size_t n = boost::num_vertices(g);
    std::vector<char> keep(m_impl->edgeSources.size());
    for (std::size_t i = 0; i < keep.size(); ++i)
        keep[i] = follow(i) ? 1 : 0;
    std::vector<char> allVertices(n, 1);
    boost::filtered_graph<Directed, EdgeFilter, VertexFilter> sub(g, EdgeFilter{&g, &keep},
                                                                  VertexFilter{&allVertices});
    std::vector<Vertex> reverseTopological;
    reverseTopological.reserve(n);
    try {
        boost::topological_sort(sub, std::back_inserter(reverseTopological));
    } catch (const boost::not_a_dag &) {
        return std::nullopt;
    }
    HeaviestPaths paths;
    paths.m_graph = this;
    paths.m_total.assign(n, 0);
    paths.m_next.assign(n, -1);
    // topological_sort yields vertices in reverse topological order: every successor of a
    // vertex comes before it, so its best continuation is already known.
    for (Vertex v : reverseTopological) {
        double best = 0;
        for (auto [it, end] = boost::out_edges(v, sub); it != end; ++it) {
            const double candidate = paths.m_total[boost::target(*it, sub)];
            if (paths.m_next[v] < 0 || candidate > best) {
                best = candidate;
                paths.m_next[v] = static_cast<std::ptrdiff_t>(g[*it].index);
            }
        }
        paths.m_total[v] = weight(v) + best;
    }
    return paths;
}

ArchitectureGraph::Path ArchitectureGraph::HeaviestPaths::from(std::size_t node) const
{
    Path path;
    const Impl &impl = *m_graph->m_impl;
    std::size_t v = node;
    path.total = m_total[v];
    path.nodes.push_back(impl.id(v));
    while (m_next[v] >= 0) {
        const std::size_t edge = static_cast<std::size_t>(m_next[v]);
        path.edges.push_back(impl.edgeId(edge));
        v = impl.edgeTargets[edge];
        path.nodes.push_back(impl.id(v));
    }
    return path;
}

ArchitectureGraph::Islands ArchitectureGraph::islandIndex() const
{
    const std::size_t n = nodeCount();
    // Union-find over the edges, ignoring their direction.
    std::vector<std::size_t> rank(n, 0);
    std::vector<std::size_t> parent(n);
    auto rankMap = boost::make_iterator_property_map(rank.begin(), boost::identity_property_map());
    auto parentMap = boost::make_iterator_property_map(parent.begin(), boost::identity_property_map());
    boost::disjoint_sets<decltype(rankMap), decltype(parentMap)> sets(rankMap, parentMap);
    for (std::size_t v = 0; v < n; ++v)
        sets.make_set(v);
    for (std::size_t e = 0; e < m_impl->edgeSources.size(); ++e)
        sets.union_set(m_impl->edgeSources[e], m_impl->edgeTargets[e]);
    Islands islands;
    islands.islandOf.assign(n, -1);
    std::vector<int> numberOfRoot(n, -1);
    for (std::size_t v = 0; v < n; ++v) {
        const std::size_t root = sets.find_set(v);
        if (numberOfRoot[root] < 0) {
            numberOfRoot[root] = static_cast<int>(islands.sizes.size());
            islands.sizes.push_back(0);
        }
        islands.islandOf[v] = numberOfRoot[root];
        ++islands.sizes[static_cast<std::size_t>(numberOfRoot[root])];
    }
    if (!islands.sizes.empty())
        islands.largest = static_cast<int>(std::max_element(islands.sizes.begin(), islands.sizes.end())
                                           - islands.sizes.begin());
    return islands;
}

std::vector<std::vector<NodeId>> ArchitectureGraph::islands() const
{
    const Islands index = islandIndex();
    std::vector<std::vector<std::size_t>> members(index.sizes.size());
    for (std::size_t v = 0; v < index.islandOf.size(); ++v)
        members[static_cast<std::size_t>(index.islandOf[v])].push_back(v);
    std::vector<std::vector<NodeId>> groups;
    for (const auto &m : members)
        groups.push_back(m_impl->sortedIds(m));
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
        const std::size_t v = m_impl->vertex(id);
        if (v >= n || colors[v] != boost::white_color)
            continue;
        boost::breadth_first_visit(m_impl->graph, v, queue, recorder, colorMap);
    }
    std::vector<NodeId> result;
    result.reserve(order.size());
    for (Vertex v : order)
        result.push_back(m_impl->id(v));
    return result;
}

} // namespace nimbus::model
