// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "montecarlo.h"

#include "costmodel.h"

#include <model/analysis/propertyaccess.h>
#include <model/core/architecture.h>
#include <model/core/catalog.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <random>
#include <thread>

namespace nimbus::model {

namespace {

constexpr std::size_t kBlock = 1024;

std::uint64_t splitMix(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

/// A draw between low and high with the given mode, as a multiple of the mode.
class Sampler
{
public:
    Sampler(double low, double mode, double high, Distribution distribution)
        : m_low(low), m_mode(mode), m_high(high), m_distribution(distribution)
    {
        if (m_distribution == Distribution::Pert && high > low) {
            m_alpha = 1 + 4 * (mode - low) / (high - low);
            m_beta = 1 + 4 * (high - mode) / (high - low);
        }
    }

    double operator()(std::mt19937_64 &rng) const
    {
        if (m_high <= m_low || m_mode <= 0)
            return 1;
        double value;
        if (m_distribution == Distribution::Pert) {
            std::gamma_distribution<double> a(m_alpha, 1.0);
            std::gamma_distribution<double> b(m_beta, 1.0);
            const double x = a(rng);
            const double y = b(rng);
            value = m_low + (x / (x + y)) * (m_high - m_low);
        } else {
            // Inverse of the triangular distribution's CDF.
            const double u = std::uniform_real_distribution<double>(0, 1)(rng);
            const double split = (m_mode - m_low) / (m_high - m_low);
            value = u < split ? m_low + std::sqrt(u * (m_high - m_low) * (m_mode - m_low))
                              : m_high - std::sqrt((1 - u) * (m_high - m_low) * (m_high - m_mode));
        }
        return value / m_mode;
    }

private:
    double m_low, m_mode, m_high;
    Distribution m_distribution;
    double m_alpha = 1, m_beta = 1;
};

/// The node's expected value and its range, if the design gives one.
std::optional<UncertainInput> rangeOf(const Node &node, const ServiceType &type, const std::string &property)
{
    auto number = [&](const std::string &key) { return optionalNumber(node, type, key); };
    const auto expected = number(property);
    const auto low = number(property + "Low");
    const auto high = number(property + "High");
    if (!expected || (!low && !high))
        return std::nullopt;
    UncertainInput input{node.id, property, low.value_or(*expected), *expected, high.value_or(*expected)};
    input.low = std::min(input.low, input.expected);
    input.high = std::max(input.high, input.expected);
    return input;
}

double percentile(const std::vector<double> &sorted, double p)
{
    if (sorted.empty())
        return 0;
    const double position = p * static_cast<double>(sorted.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(position));
    const auto above = std::min(sorted.size() - 1, below + 1);
    const double fraction = position - static_cast<double>(below);
    if (fraction == 0 || !std::isfinite(sorted[above])) // infinity minus infinity is no step
        return fraction == 0 ? sorted[below] : sorted[above];
    return sorted[below] + fraction * (sorted[above] - sorted[below]);
}

/// Counts the finite samples (sorted, infinite ones last) into `bins` equal bins between
/// the smallest and the largest finite sample; the infinite ones in `tooLarge`.
void fillHistogram(const std::vector<double> &sorted, int bins, MonteCarloResult &result)
{
    const auto finiteEnd =
        std::find_if(sorted.begin(), sorted.end(), [](double s) { return !std::isfinite(s); });
    result.tooLarge = static_cast<int>(sorted.end() - finiteEnd);
    if (finiteEnd == sorted.begin())
        return; // nothing to draw: every sample is too large to price
    const double low = sorted.front();
    const double high = *(finiteEnd - 1);
    const double width = high / bins - low / bins; // no overflow, even between ±1.7e308
    for (int b = 0; b <= bins; ++b)
        result.binEdges.push_back(b == bins ? high : low + width * b);
    result.binCounts.assign(static_cast<std::size_t>(bins), 0);
    for (auto s = sorted.begin(); s != finiteEnd; ++s) {
        const double at = width > 0 ? std::clamp((*s - low) / width, 0.0, bins - 1.0) : 0;
        ++result.binCounts[static_cast<std::size_t>(at)];
    }
}

} // namespace

MonteCarloResult runMonteCarlo(const Architecture &architecture, const Catalog &catalog,
                               const PriceList &prices, const EstimateOptions &options,
                               const MonteCarloOptions &mc)
{
    MonteCarloResult result;
    const CostModel model = CostModel::build(architecture, catalog, prices, options);
    const auto &nodes = architecture.nodes();
    struct Slot
    {
        int kind; // 0 traffic, 1 payload, 2 duration
        std::size_t index;
        Sampler sampler;
    };
    std::vector<Slot> slots;
    for (std::size_t e = 0; e < model.entries().size(); ++e) {
        const Node &node = nodes[model.entries()[e]];
        const ServiceType &type = *catalog.type(node.type);
        const std::string volume = type.property("requestsPerMonth") ? "requestsPerMonth" : "invocationsPerMonth";
        for (const auto &[kind, property] : {std::pair{0, volume}, std::pair{1, std::string("payloadKb")}}) {
            if (auto range = rangeOf(node, type, property)) {
                slots.push_back({kind, e, Sampler(range->low, range->expected, range->high, mc.distribution)});
                result.inputs.push_back(*range);
            }
        }
    }
    for (std::size_t d = 0; d < model.durationNodes().size(); ++d) {
        const Node &node = nodes[model.durationNodes()[d]];
        const ServiceType *type = catalog.type(node.type);
        if (!type)
            continue;
        if (auto range = rangeOf(node, *type, "averageDurationMs")) {
            slots.push_back({2, d, Sampler(range->low, range->expected, range->high, mc.distribution)});
            result.inputs.push_back(*range);
        }
    }

    const std::size_t total = static_cast<std::size_t>(std::max(1, mc.samples));
    std::vector<double> samples(total);
    const std::size_t blocks = (total + kBlock - 1) / kBlock;
    auto runBlocks = [&](std::size_t first, std::size_t step) {
        CostModel::Inputs inputs = model.unitInputs();
        for (std::size_t block = first; block < blocks; block += step) {
            std::mt19937_64 rng(splitMix(mc.seed ^ splitMix(block)));
            const std::size_t end = std::min(total, (block + 1) * kBlock);
            for (std::size_t i = block * kBlock; i < end; ++i) {
                for (const Slot &slot : slots) {
                    const double draw = slot.sampler(rng);
                    (slot.kind == 0 ? inputs.traffic : slot.kind == 1 ? inputs.payload : inputs.duration)[slot.index] = draw;
                }
                const double monthly = model.monthly(inputs);
                // NaN (an overflow) as infinity, so that the samples sort.
                samples[i] =
                    std::isnan(monthly) ? std::numeric_limits<double>::infinity() : monthly;
            }
        }
    };
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t threads = std::min<std::size_t>(blocks, mc.threads > 0 ? static_cast<std::size_t>(mc.threads) : cores);
    std::vector<std::thread> workers;
    for (std::size_t t = 1; t < threads; ++t)
        workers.emplace_back(runBlocks, t, threads);
    runBlocks(0, std::max<std::size_t>(1, threads));
    for (std::thread &w : workers)
        w.join();

    result.samples = static_cast<int>(total);
    result.deterministic = model.monthly(model.unitInputs());
    double sum = 0;
    for (double s : samples)
        sum += s;
    result.mean = sum / static_cast<double>(total);
    std::sort(samples.begin(), samples.end());
    result.minimum = samples.front();
    result.maximum = samples.back();
    result.p10 = percentile(samples, 0.10);
    result.p50 = percentile(samples, 0.50);
    result.p90 = percentile(samples, 0.90);
    fillHistogram(samples, std::max(1, mc.bins), result);
    return result;
}

} // namespace nimbus::model
