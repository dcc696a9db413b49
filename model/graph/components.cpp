// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "components.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>

namespace nimbus::model {

std::vector<int> strongComponents(const std::vector<std::vector<int>> &out, int &count)
{
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
    Graph graph(out.size());
    for (std::size_t v = 0; v < out.size(); ++v) {
        for (const int w : out[v])
            boost::add_edge(v, static_cast<std::size_t>(w), graph);
    }
    std::vector<int> component(out.size(), -1);
    count = out.empty() ? 0
                        : static_cast<int>(boost::strong_components(
                              graph, boost::make_iterator_property_map(
                                         component.begin(), boost::get(boost::vertex_index, graph))));
    return component;
}

} // namespace nimbus::model
