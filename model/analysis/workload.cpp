// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "workload.h"

#include "propertyaccess.h"

#include <model/core/architecture.h>
#include <model/core/catalog.h>
#include <model/graph/architecturegraph.h>

#include <algorithm>

namespace nimbus::model {

namespace {

constexpr double kSecondsPerMonth = 30.0 * 24 * 3600; // the 730-hour month, rounded to 30 days

/// Traffic a node starts by itself: entry points carry the user's workload inputs.
Load entryLoad(const Node &node, const ServiceType &type)
{
    Load load;
    const PropertyDef *monthly = type.property("requestsPerMonth");
    if (!monthly)
        monthly = type.property("invocationsPerMonth");
    if (monthly)
        load.requestsPerMonth = numberProperty(node, type, monthly->key, 0);
    load.peakRps = numberProperty(node, type, "peakRps", load.requestsPerMonth / kSecondsPerMonth);
    load.payloadKb = numberProperty(node, type, "payloadKb", 1);
    return load;
}

/// What a node passes on: most services forward what they receive, but some emit an
/// event of their own size (an S3 notification describes the object; a stream record
/// holds the item).
double outgoingPayloadKb(const Node &node, const ServiceType *type, double incomingKb)
{
    if (!type)
        return incomingKb;
    if (type->id == "s3-bucket")
        return 2; // an S3 event notification is a small JSON document, about 1-2 KB
    if (type->id == "dynamodb-table")
        return numberProperty(node, *type, "itemSizeKb", incomingKb);
    return incomingKb;
}

/// Stores whose outgoing events (S3 notifications, DynamoDB streams) follow the changes
/// made to them, not the reads.
bool emitsChanges(const std::string &type)
{
    return type == "s3-bucket" || type == "dynamodb-table";
}

/// Share of a node's traffic that goes on downstream: rules and pipes pass only the events
/// their pattern matches; a CDN sends only cache misses to its origin.
double passedOn(const Node &node, const ServiceType *type)
{
    if (!type)
        return 1;
    if (type->property("matchRatio"))
        return std::clamp(numberProperty(node, *type, "matchRatio", 1), 0.0, 1.0);
    if (type->property("filterMatchRatio"))
        return std::clamp(numberProperty(node, *type, "filterMatchRatio", 1), 0.0, 1.0);
    if (type->property("cacheHitRatio"))
        return 1 - std::clamp(numberProperty(node, *type, "cacheHitRatio", 0), 0.0, 1.0);
    return 1;
}

/// Volume times factor, where no traffic (a factor of 0) stays none even when the volume
/// overflowed to infinity (infinity times 0 would be NaN).
double carry(double volume, double factor)
{
    return factor == 0 ? 0 : volume * factor;
}

} // namespace

Load Workload::node(const NodeId &id) const
{
    const Node *n = architecture ? architecture->node(id) : nullptr;
    return n ? nodes[architecture->indexOf(*n)] : Load{};
}

Load Workload::edge(const EdgeId &id) const
{
    const Edge *e = architecture ? architecture->edge(id) : nullptr;
    return e ? edges[architecture->indexOf(*e)] : Load{};
}

double edgeFactor(const Catalog &catalog, const Edge &edge, const Node &source, const Node &target)
{
    if (edgePurpose(edge) != "data")
        return 0; // failure and dead-letter paths carry no regular traffic
    double multiplier = 1;
    if (auto it = edge.properties.find("multiplier"); it != edge.properties.end()) {
        multiplier = toNumber(it->second).value_or(1);
    } else if (const ConnectionRule *rule = catalog.connections().rule(source.type, target.type)) {
        multiplier = rule->multiplier;
    }
    double fraction = 1;
    if (auto it = edge.properties.find("fraction"); it != edge.properties.end())
        fraction = toNumber(it->second).value_or(1);
    return std::max(0.0, multiplier) * std::clamp(fraction, 0.0, 1.0);
}

Workload propagateWorkload(const Architecture &architecture, const Catalog &catalog,
                           const ArchitectureGraph &graph, const std::vector<double> *entryScale)
{
    const auto &nodes = architecture.nodes();
    const auto &edges = architecture.edges();
    Workload workload;
    workload.architecture = &architecture;
    workload.nodes.assign(nodes.size(), Load{});
    workload.edges.assign(edges.size(), Load{});
    workload.reads.assign(nodes.size(), 0);
    // Outgoing edges by node, in compressed form (offsets into one array).
    std::vector<std::size_t> first(nodes.size() + 1, 0);
    for (std::size_t e = 0; e < edges.size(); ++e)
        ++first[graph.sourceIndex(e) + 1];
    for (std::size_t v = 1; v < first.size(); ++v)
        first[v] += first[v - 1];
    std::vector<std::size_t> outgoing(edges.size());
    std::vector<std::size_t> fill(first.begin(), first.end() - 1);
    for (std::size_t e = 0; e < edges.size(); ++e)
        outgoing[fill[graph.sourceIndex(e)]++] = e;

    // A scenario's traffic multiplier (1 in a design as drawn) scales every entry point.
    const double trafficMultiplier = std::max(0.0, architecture.settings().trafficMultiplier);
    const ArchitectureGraph::Condensation condensation = graph.condensation();
    for (std::size_t v : condensation.order) {
        const Node &node = nodes[v];
        const ServiceType *type = catalog.type(node.type);
        Load &load = workload.nodes[v];
        if (type && type->entryPoint) {
            const Load own = entryLoad(node, *type);
            const double scale = (entryScale ? (*entryScale)[v] : 1.0) * trafficMultiplier;
            load.requestsPerMonth += carry(own.requestsPerMonth, scale);
            load.peakRps += carry(own.peakRps, scale);
            load.payloadKb = std::max(load.payloadKb, own.payloadKb);
        }
        const double payload = outgoingPayloadKb(node, type, load.payloadKb);
        const double passed = passedOn(node, type);
        for (std::size_t i = first[v]; i < first[v + 1]; ++i) {
            const std::size_t e = outgoing[i];
            const std::size_t t = graph.targetIndex(e);
            const double factor = edgeFactor(catalog, edges[e], node, nodes[t]) * passed;
            const Load carried{carry(load.requestsPerMonth, factor), carry(load.peakRps, factor),
                               payload};
            workload.edges[e] = carried;
            if (condensation.component[t] == condensation.component[v])
                continue; // inside a cycle: reported by validation, not propagated
            if (edges[e].kind == ConnectionKind::Read && emitsChanges(nodes[t].type)) {
                workload.reads[t] += carried.requestsPerMonth; // priced on the edge; only changes raise events
                continue;
            }
            Load &target = workload.nodes[t];
            target.requestsPerMonth += carried.requestsPerMonth;
            target.peakRps += carried.peakRps;
            target.payloadKb = std::max(target.payloadKb, carried.payloadKb);
        }
    }
    return workload;
}

} // namespace nimbus::model
