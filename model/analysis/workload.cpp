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

bool carriesTraffic(const Edge &edge)
{
    const auto purpose = edge.properties.find("purpose");
    if (purpose == edge.properties.end())
        return true;
    const auto *text = std::get_if<std::string>(&purpose->second);
    return !text || *text == "data";
}

} // namespace

Load Workload::node(const NodeId &id) const
{
    auto it = nodes.find(id);
    return it == nodes.end() ? Load{} : it->second;
}

Load Workload::edge(const EdgeId &id) const
{
    auto it = edges.find(id);
    return it == edges.end() ? Load{} : it->second;
}

double edgeFactor(const Architecture &architecture, const Catalog &catalog, const EdgeId &id)
{
    const Edge *edge = architecture.edge(id);
    if (!edge || !carriesTraffic(*edge))
        return 0;
    double multiplier = 1;
    if (auto it = edge->properties.find("multiplier"); it != edge->properties.end()) {
        multiplier = toNumber(it->second).value_or(1);
    } else {
        const Node *from = architecture.node(edge->source);
        const Node *to = architecture.node(edge->target);
        if (const ConnectionRule *rule = catalog.connections().rule(from->type, to->type))
            multiplier = rule->multiplier;
    }
    double fraction = 1;
    if (auto it = edge->properties.find("fraction"); it != edge->properties.end())
        fraction = toNumber(it->second).value_or(1);
    return std::max(0.0, multiplier) * std::clamp(fraction, 0.0, 1.0);
}

Workload propagateWorkload(const Architecture &architecture, const Catalog &catalog,
                           const ArchitectureGraph &graph)
{
    Workload workload;
    const auto components = graph.componentsInTopologicalOrder();
    std::unordered_map<NodeId, std::size_t> componentOf;
    for (std::size_t c = 0; c < components.size(); ++c) {
        for (const NodeId &id : components[c])
            componentOf.emplace(id, c);
    }
    std::unordered_map<NodeId, std::vector<const Edge *>> outgoing;
    for (const Edge &e : architecture.edges())
        outgoing[e.source].push_back(&e);

    for (const auto &component : components) {
        for (const NodeId &id : component) {
            const Node *node = architecture.node(id);
            const ServiceType *type = catalog.type(node->type);
            Load &load = workload.nodes[id];
            if (type && type->entryPoint) {
                const Load own = entryLoad(*node, *type);
                load.requestsPerMonth += own.requestsPerMonth;
                load.peakRps += own.peakRps;
                load.payloadKb = std::max(load.payloadKb, own.payloadKb);
            }
            const double payload = outgoingPayloadKb(*node, type, load.payloadKb);
            for (const Edge *e : outgoing[id]) {
                const double factor = edgeFactor(architecture, catalog, e->id);
                const Load carried{load.requestsPerMonth * factor, load.peakRps * factor, payload};
                workload.edges[e->id] = carried;
                if (componentOf[e->target] == componentOf[id])
                    continue; // inside a cycle: reported by validation, not propagated
                Load &target = workload.nodes[e->target];
                target.requestsPerMonth += carried.requestsPerMonth;
                target.peakRps += carried.peakRps;
                target.payloadKb = std::max(target.payloadKb, carried.payloadKb);
            }
        }
    }
    return workload;
}

} // namespace nimbus::model
