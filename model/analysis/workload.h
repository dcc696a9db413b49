// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/core/ids.h>

#include <vector>

namespace nimbus::model {

class Architecture;
class ArchitectureGraph;
class Catalog;
struct Edge;
struct Node;

/// Traffic at one node or on one edge.
struct Load
{
    double requestsPerMonth = 0;
    double peakRps = 0;
    double payloadKb = 0; ///< largest payload arriving (nodes) or carried (edges)
};

/// Traffic everywhere in a design, propagated from its entry points. Loads are stored by
/// node and edge index of the architecture they were computed for, which must outlive
/// the id-based accessors.
struct Workload
{
    const Architecture *architecture = nullptr;
    std::vector<Load> nodes; ///< by node index
    std::vector<Load> edges; ///< by edge index
    /// By node index: read requests arriving at S3 buckets and DynamoDB tables. They are
    /// priced (on their edges) but are not part of the store's own traffic, because only
    /// changes raise its events (notifications, streams).
    std::vector<double> reads;

    /// The load at a node or edge; zero when nothing reaches it or the id is unknown.
    Load node(const NodeId &id) const;
    Load edge(const EdgeId &id) const;
};

/// Propagates traffic from entry points (nodes whose type is an entry point: clients,
/// devices, schedules...) along edges in topological order of the strongly connected
/// components: each edge carries its source's volume times its multiplier (the edge's
/// `multiplier`, else the connection rule's default, else 1) times its `fraction`.
/// Rules and pipes pass on only the share their pattern matches (matchRatio), a CDN only
/// its cache misses. Failure and dead-letter edges carry nothing; reads reaching a bucket or
/// a table are counted in `reads`, not in the store's traffic. Edges inside a cycle add nothing, so a
/// cycle (reported by validation) cannot make propagation loop.
///
/// Every entry point's traffic is multiplied by the design's Settings::trafficMultiplier
/// (a scenario's, see withScenario()). `entryScale`, when given, multiplies each entry point's own traffic (by node index):
/// the traffic sweep and the Monte Carlo run scale entries this way.
Workload propagateWorkload(const Architecture &architecture, const Catalog &catalog,
                           const ArchitectureGraph &graph,
                           const std::vector<double> *entryScale = nullptr);

/// The effective multiplier of an edge between two nodes, as propagation uses it
/// (multiplier × fraction; 0 for failure and dead-letter edges).
double edgeFactor(const Catalog &catalog, const Edge &edge, const Node &source, const Node &target);

} // namespace nimbus::model
