// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/core/architecture.h>

#include <cstdint>

namespace nimbus::bench {

/// A synthetic design with a realistic mix of services: entry actors feeding APIs, APIs
/// feeding functions, functions writing to tables, queues, topics and buckets, queues and
/// streams polled by functions. `services` nodes and about twice as many edges; the same
/// seed gives the same design.
model::Architecture syntheticDesign(int services, std::uint32_t seed = 42);

/// The worst case for work per node: one function triggered by `services / 2` queues and
/// writing to as many tables, all of them with the same name.
model::Architecture hubDesign(int services);

} // namespace nimbus::bench
