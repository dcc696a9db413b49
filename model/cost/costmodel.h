// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include "estimate.h"

#include <functional>
#include <string>
#include <vector>

namespace nimbus::model {

class Architecture;
class Catalog;

/// The serverless monthly cost as a fast function of traffic, duration and payload
/// multipliers, for the traffic sweep and Monte Carlo, which need it thousands of times.
///
/// Built from two estimates (traffic x1 and x2): every usage quantity is linear in the
/// traffic reaching its node (fixed part + part per unit of traffic), and each node's
/// traffic is a known mix of the entry points' traffic (one propagation per entry point).
/// Free tiers and tiers are applied to the account totals exactly as in estimate(), so
/// evaluating the model with every multiplier at 1 gives the estimate's total.
class CostModel
{
public:
    static CostModel build(const Architecture &architecture, const Catalog &catalog,
                           const PriceList &prices, const EstimateOptions &options);

    /// Node indices of the entry points and of the nodes with a duration (functions,
    /// Express state machines, inference endpoints), in the order inputs use.
    const std::vector<std::size_t> &entries() const { return m_entries; }
    const std::vector<std::size_t> &durationNodes() const { return m_durationNodes; }

    struct Inputs
    {
        std::vector<double> traffic;  ///< by entry, 1 = as designed
        std::vector<double> duration; ///< by duration node
        std::vector<double> payload;  ///< by entry
    };
    Inputs unitInputs() const;

    /// Monthly cost for the given multipliers; `keep`, when set, restricts it to the price
    /// keys it accepts (the server comparison uses this for the services both sides share).
    double monthly(const Inputs &inputs, const std::function<bool(const std::string &)> &keep = {}) const;
    /// Monthly cost with every entry's traffic multiplied by `scale`.
    double monthlyAtScale(double scale, const std::function<bool(const std::string &)> &keep = {}) const;

private:
    struct Term
    {
        std::size_t key = 0;  ///< index into m_keys
        std::size_t node = 0; ///< node index
        double fixed = 0;
        double perTraffic = 0;
        bool scalesWithDuration = false;
        bool scalesWithPayload = false;
    };
    struct Key
    {
        std::string name;
        const Price *price = nullptr;
        std::size_t pool = 0;
    };

    std::vector<Term> m_terms;
    std::vector<Key> m_keys;
    std::vector<double> m_poolAllowance;
    std::vector<std::size_t> m_entries;
    std::vector<std::size_t> m_durationNodes;
    std::vector<std::vector<std::pair<std::size_t, double>>> m_entryShares; ///< by node: (entry, share)
    std::vector<std::ptrdiff_t> m_durationIndex; ///< by node: index into inputs.duration or -1
    double m_keep = 1;
};

} // namespace nimbus::model
