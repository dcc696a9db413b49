// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include "pricelist.h"

#include <model/core/ids.h>

#include <optional>
#include <string>
#include <vector>

namespace nimbus::model {

class Architecture;
class ArchitectureGraph;
class Catalog;
struct Workload;

struct EstimateOptions
{
    bool freeTier = true;       ///< apply the always-free (and listed 12-month) allowances
    double discountPercent = 0; ///< enterprise discount on every price, 0-100
    bool explain = true;        ///< write each line's formula (off for live updates and models)
    /// Multiplies each entry point's traffic, by node index (empty: 1 everywhere).
    std::vector<double> entryScale;
};

/// One priced dimension of one node.
struct LineItem
{
    NodeId node;
    std::string nodeName;
    std::string service;  ///< service type name ("Lambda function")
    std::string priceKey; ///< "lambda.duration.arm64"
    std::string label;    ///< "Compute"
    double quantity = 0;
    std::string unit;
    double unitPrice = 0; ///< effective price per unit after free tier, tiers and discount
    double cost = 0;      ///< monthly, in the price list's currency
    double freeQuantity = 0;
    bool unknown = false; ///< the price list has no price for this dimension
    std::string priceStatus;
    std::string priceSource;
    std::string explanation; ///< the formula with the numbers filled in
};

/// A monthly cost estimate for a design.
struct Estimate
{
    /// The usage behind the line items (same order), for the models built on an estimate.
    struct Quantity
    {
        std::size_t node = 0; ///< node index
        std::string priceKey;
        double quantity = 0;
    };
    std::vector<Quantity> quantities;
    std::vector<LineItem> items; ///< by node (design order), then dimension
    double total = 0;            ///< known items only
    double freeTierSavings = 0;
    std::vector<std::string> unknownPrices; ///< price keys the list lacks
    std::string region;
    std::string currency;
    std::string pricesDate; ///< oldest date a used price was read

    double nodeTotal(const NodeId &id) const;
};

/// Prices the design: propagates the workload, collects each node's usage, adds usage up
/// per price across the account (free tiers are granted once per account and shared by
/// every node of a dimension; tiers apply to the account's total), then shares each
/// dimension's cost among the nodes in proportion to their usage. A dimension the price
/// list lacks is reported as unknown, never as zero.
Estimate estimate(const Architecture &architecture, const Catalog &catalog,
                  const PriceList &prices, const EstimateOptions &options = {});

/// The same, reusing the graph view and workload the caller already computed for
/// validation (`options.entryScale` is then ignored: the workload is taken as given).
Estimate estimate(const Architecture &architecture, const Catalog &catalog, const PriceList &prices,
                  const EstimateOptions &options, const ArchitectureGraph &graph, const Workload &workload);

/// What every money formatter writes for an amount that overflowed (infinite or NaN).
inline constexpr const char *kTooLargeToPrice = "too large to price";

/// "$1,234.56"; amounts under a cent keep enough digits to be read ("$0.0000166667").
/// From kLargestPlainAmount on, scientific ("$1.23e+17"); kTooLargeToPrice when not finite.
std::string formatMoney(double amount, const std::string &currency = "USD");

/// A unit price with all its significant digits: "$0.125", "$3.50", "$0.0000166667";
/// large and non-finite prices as formatMoney writes them.
std::string formatUnitPrice(double price, const std::string &currency = "USD");

/// The text of an amount formatMoney and the currency formatters do not write in full:
/// kTooLargeToPrice when it is not finite, "-€1.23e+17" from kLargestPlainAmount on;
/// nullopt for an amount they write as usual. `symbol` is written before the digits.
std::optional<std::string> formatOutsidePlainRange(double value, const std::string &symbol);

} // namespace nimbus::model
