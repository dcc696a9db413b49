// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "architecturegraph.h"

#include <model/core/architecture.h>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/graph/topological_sort.hpp>

#include <algorithm>
#include <unordered_map>

namespace nimbus::model {

namespace {

using Directed = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;
using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
using Vertex = Directed::vertex_descriptor;

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

} // namespace

struct ArchitectureGraph::Impl
{
    Directed graph;
    std::vector<NodeId> ids; ///< vertex descriptor -> node id
    std::unordered_map<NodeId, Vertex> vertices;
    std::vector<bool> selfLoop;
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
    for (const Edge &e : architecture.edges()) {
        const Vertex s = m_impl->vertices.at(e.source);
        const Vertex t = m_impl->vertices.at(e.target);
        boost::add_edge(s, t, m_impl->graph);
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
    const std::size_t n = nodeCount();
    std::vector<int> component(n);
    const int count = n == 0 ? 0 : boost::strong_components(m_impl->graph, component.data());
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
