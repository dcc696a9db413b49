// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/core/architecture.h>
#include <model/core/catalog.h>

#include <vector>

namespace nimbus::tests {

/// Designs that together use every connection rule of the catalog once (source and target
/// of the rule's types, joined by the rule's default kind), `rulesPerDesign` rules each,
/// plus one design with the reliability wirings (failure destinations, dead-letter queues,
/// redrive). Names are "rules-01", "rules-02", ..., "reliability".
std::vector<model::Architecture> everyRuleDesigns(const model::Catalog &catalog, std::size_t rulesPerDesign = 16);

/// A large design of repeated service motifs (API + functions + table + queue, event
/// pipelines, streams, schedules) with cross links, about `services` nodes.
model::Architecture motifDesign(int services);

} // namespace nimbus::tests
