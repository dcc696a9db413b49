// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/analysis/finding.h>
#include <model/analysis/propertyaccess.h>
#include <model/analysis/workload.h>
#include <model/core/architecture.h>
#include <model/core/catalog.h>
#include <model/graph/architecturegraph.h>

#include <string>
#include <vector>

namespace nimbus::model {

/// Everything a validation rule reads, computed once per validate() call. Rules are free
/// functions `void check(const RuleContext &)` that append findings through add().
class RuleContext
{
public:
    RuleContext(const Architecture &architecture, const Catalog &catalog,
                const ArchitectureGraph &graph, const Workload &workload,
                std::vector<Finding> &findings);

    const Architecture &architecture;
    const Catalog &catalog;
    const ArchitectureGraph &graph;
    const Workload &workload;

    // Nodes and edges passed in must belong to `architecture` (indices are used).

    /// The node's service type, or nullptr for generic and unknown types.
    const ServiceType *type(const Node &node) const { return m_types[architecture.indexOf(node)]; }
    bool isType(const Node &node, const char *typeId) const { return node.type == typeId; }
    /// "'Create order' (Lambda function)", for messages.
    std::string label(const Node &node) const;
    /// The edges into or out of a node, as a range of `const Edge *`.
    struct EdgeRange
    {
        const Edge *const *first;
        const Edge *const *last;
        const Edge *const *begin() const { return first; }
        const Edge *const *end() const { return last; }
        bool empty() const { return first == last; }
        std::size_t size() const { return static_cast<std::size_t>(last - first); }
    };
    EdgeRange incoming(const Node &node) const { return range(m_in, architecture.indexOf(node)); }
    EdgeRange outgoing(const Node &node) const { return range(m_out, architecture.indexOf(node)); }
    const Node &source(const Edge &edge) const
    {
        return architecture.nodes()[graph.sourceIndex(architecture.indexOf(edge))];
    }
    const Node &target(const Edge &edge) const
    {
        return architecture.nodes()[graph.targetIndex(architecture.indexOf(edge))];
    }
    const Load &load(const Node &node) const { return workload.nodes[architecture.indexOf(node)]; }
    const Load &load(const Edge &edge) const { return workload.edges[architecture.indexOf(edge)]; }

    /// A node property as a number or text, with the catalog default (0 / "" when the
    /// node has no catalog type).
    double number(const Node &node, std::string_view key, double fallback = 0) const;
    std::string text(const Node &node, std::string_view key) const;
    bool isSet(const Node &node, std::string_view key) const;
    /// The catalog limit of the node's type, or `fallback`.
    double limit(const Node &node, std::string_view key, double fallback) const;

    void add(Finding finding) const { m_findings.push_back(std::move(finding)); }

private:
    std::vector<Finding> &m_findings;
    std::vector<const ServiceType *> m_types;       ///< by node index
    /// Adjacency in compressed form: the edges of node v are edges[offset[v], offset[v+1]).
    struct Adjacency
    {
        std::vector<std::size_t> offset;
        std::vector<const Edge *> edges;
    };
    static EdgeRange range(const Adjacency &a, std::size_t v)
    {
        return {a.edges.data() + a.offset[v], a.edges.data() + a.offset[v + 1]};
    }
    static Adjacency build(const Architecture &architecture, bool incoming);
    Adjacency m_in;
    Adjacency m_out;
};

/// Read and write request units per second a DynamoDB table needs at peak: one write unit
/// per started KB of item, one (strongly consistent) read unit per started 4 KB.
struct TableDemand
{
    double reads = 0;
    double writes = 0;
};
TableDemand tableDemand(const RuleContext &context, const Node &table);


// The rule families; each documents its rules in ruleregistry.cpp.
void checkWiring(const RuleContext &context);
void checkLoops(const RuleContext &context);
void checkTimeouts(const RuleContext &context);
void checkPayloads(const RuleContext &context);
void checkThroughput(const RuleContext &context);
void checkReliability(const RuleContext &context);
void checkSecurity(const RuleContext &context);
void checkEnvironment(const RuleContext &context);
void checkCostTraps(const RuleContext &context);
void checkProperties(const RuleContext &context);

} // namespace nimbus::model
