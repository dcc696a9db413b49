// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "rulecontext.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace nimbus::model {

RuleContext::RuleContext(const Architecture &architecture_, const Catalog &catalog_,
                         const ArchitectureGraph &graph_, const Workload &workload_,
                         std::vector<Finding> &findings)
    : architecture(architecture_)
    , catalog(catalog_)
    , graph(graph_)
    , workload(workload_)
    , m_findings(findings)
{
    const auto &nodes = architecture.nodes();
    m_types.reserve(nodes.size());
    for (const Node &n : nodes)
        m_types.push_back(catalog.type(n.type));
    m_in = build(architecture, true);
    m_out = build(architecture, false);
}

RuleContext::Adjacency RuleContext::build(const Architecture &architecture, bool incoming)
{
    const auto &ends = architecture.edgeEnds();
    const auto &edges = architecture.edges();
    Adjacency a;
    a.offset.assign(architecture.nodes().size() + 1, 0);
    for (const auto &end : ends)
        ++a.offset[(incoming ? end.target : end.source) + 1];
    for (std::size_t v = 1; v < a.offset.size(); ++v)
        a.offset[v] += a.offset[v - 1];
    a.edges.resize(edges.size());
    std::vector<std::size_t> fill(a.offset.begin(), a.offset.end() - 1);
    for (std::size_t e = 0; e < edges.size(); ++e)
        a.edges[fill[incoming ? ends[e].target : ends[e].source]++] = &edges[e];
    return a;
}

std::string RuleContext::label(const Node &node) const
{
    const ServiceType *t = type(node);
    return "'" + node.name + "' (" + (t ? t->name : node.type) + ")";
}

double RuleContext::number(const Node &node, std::string_view key, double fallback) const
{
    const ServiceType *t = type(node);
    if (!t) {
        auto it = node.properties.find(key);
        return it == node.properties.end() ? fallback : toNumber(it->second).value_or(fallback);
    }
    return numberProperty(node, *t, key, fallback);
}

std::string RuleContext::text(const Node &node, std::string_view key) const
{
    const ServiceType *t = type(node);
    if (!t) {
        auto it = node.properties.find(key);
        return it == node.properties.end() ? std::string() : toString(it->second);
    }
    return textProperty(node, *t, key);
}

bool RuleContext::isSet(const Node &node, std::string_view key) const
{
    return node.properties.count(key) != 0;
}

double RuleContext::limit(const Node &node, std::string_view key, double fallback) const
{
    const ServiceType *t = type(node);
    return t ? t->limitValue(key, fallback) : fallback;
}

TableDemand tableDemand(const RuleContext &c, const Node &table)
{
    TableDemand demand;
    const double itemKb = std::max(0.001, c.number(table, "itemSizeKb", 1));
    for (const Edge *e : c.incoming(table)) {
        const double rate = c.load(*e).peakRps;
        if (e->kind == ConnectionKind::Write)
            demand.writes += rate * std::ceil(itemKb);
        else if (e->kind == ConnectionKind::Read)
            demand.reads += rate * std::ceil(itemKb / 4);
    }
    return demand;
}

} // namespace nimbus::model
