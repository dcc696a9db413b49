// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include "estimate.h"

#include <cstdint>
#include <string>
#include <vector>

namespace nimbus::model {

class Architecture;
class Catalog;

enum class Distribution { Triangular, Pert };

struct MonteCarloOptions
{
    int samples = 10000;
    std::uint64_t seed = 1;
    Distribution distribution = Distribution::Triangular;
    int threads = 0; ///< 0: one per core
    int bins = 24;   ///< histogram bins
};

/// One uncertain input: a node property with a low and a high value around the design's.
struct UncertainInput
{
    NodeId node;
    std::string property; ///< "requestsPerMonth", "averageDurationMs", "payloadKb"
    double low = 0;
    double expected = 0;
    double high = 0;
};

struct MonteCarloResult
{
    int samples = 0;
    double deterministic = 0; ///< the estimate with every input as designed
    double mean = 0;
    double p10 = 0, p50 = 0, p90 = 0;
    double minimum = 0, maximum = 0;
    /// The histogram of the samples that could be priced: bins + 1 edges from the smallest
    /// to the largest finite sample; both empty when every sample is too large to price.
    std::vector<double> binEdges;
    std::vector<int> binCounts;
    int tooLarge = 0; ///< samples too large to price (infinite), left out of the histogram
    std::vector<UncertainInput> inputs;
};

/// Samples the monthly serverless cost over the uncertain inputs of the design: the traffic
/// of entry points (`requestsPerMonthLow/High`, or `invocationsPerMonthLow/High` for
/// schedules), their payload (`payloadKbLow/High`) and the duration of functions
/// (`averageDurationMsLow/High`), each drawn from a triangular or PERT distribution
/// between low, expected and high. Samples are drawn in fixed blocks, each with its own
/// generator seeded from `seed` and the block number, so the result depends only on the
/// seed and the sample count, not on the number of threads that computed it.
MonteCarloResult runMonteCarlo(const Architecture &architecture, const Catalog &catalog,
                               const PriceList &prices, const EstimateOptions &options,
                               const MonteCarloOptions &monteCarlo);

} // namespace nimbus::model
