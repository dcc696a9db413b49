// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace nimbus::model {

/// One step of a tiered price: units up to `upTo` (cumulative over the month, for the
/// whole account) cost `price` per `per` units; the last tier has no upper bound.
struct PriceTier
{
    std::optional<double> upTo;
    double price = 0;
};

/// The price of one dimension ("lambda.requests") in one region, with where it comes from.
struct Price
{
    std::string key;
    std::string unit; ///< "request", "GB-second", ...
    double per = 1;   ///< prices are per this many units
    std::vector<PriceTier> tiers; ///< one tier for a flat price
    double freeTier = 0;          ///< units free each month, for the whole account
    std::string freeTierPool;     ///< keys naming the same pool share one allowance
    std::string freeTierNote;
    std::string sourceAddress;
    std::string sourceDate;
    std::string status; ///< verified-primary, verified-secondary, single-source, unverified

    /// Cost of `quantity` units billed after `alreadyBilled` units this month (tiers apply
    /// to the running total), before any discount. A quantity that overflowed (infinite or
    /// NaN) costs infinity when its last tier has a price, never NaN.
    double cost(double quantity, double alreadyBilled = 0) const;
    /// The price per unit of the last (unbounded) tier.
    double lastUnitPrice() const { return tiers.empty() ? 0 : tiers.back().price / per; }
    /// The flat price per unit of the first tier.
    double firstUnitPrice() const { return tiers.empty() ? 0 : tiers.front().price / per; }
    bool isTiered() const { return tiers.size() > 1; }
};

/// The part of a free-tier allowance that goes to `usage` when a pool shares `allowance`
/// among a total `poolUsage`, in proportion to usage. An overflowed (infinite) pool gives
/// the whole allowance to the infinite usages and nothing to the finite ones, never NaN.
double freeShare(double allowance, double poolUsage, double usage);

/// The prices of one region. A dimension it lacks is unknown, never zero.
class PriceList
{
public:
    std::string region;
    std::string name;
    std::string currency = "USD";

    const Price *price(const std::string &key) const;
    const std::map<std::string, Price> &prices() const { return m_prices; }
    void set(Price price);
    /// Replaces or adds every price of `overrides` (a user's partial or whole price list).
    void overlay(const PriceList &overrides);
    /// The oldest date any price was read, for the UI ("prices read 2026-11-28").
    std::string oldestSourceDate() const;

private:
    std::map<std::string, Price> m_prices;
};

} // namespace nimbus::model
