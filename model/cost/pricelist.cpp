// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "pricelist.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace nimbus::model {

namespace {

/// Every bounded tier in full: what an unbounded quantity costs when the last tier is free.
double boundedQuantity(const std::vector<PriceTier> &tiers)
{
    return tiers.size() > 1 && tiers[tiers.size() - 2].upTo ? *tiers[tiers.size() - 2].upTo : 0;
}

} // namespace

double Price::cost(double quantity, double alreadyBilled) const
{
    // NaN only comes from an overflow (infinity minus infinity): it is as large as that.
    if (std::isnan(quantity) || quantity == std::numeric_limits<double>::infinity())
        return tiers.empty() || tiers.back().price <= 0
                   ? cost(boundedQuantity(tiers), alreadyBilled)
                   : std::numeric_limits<double>::infinity();
    double total = 0;
    double position = alreadyBilled;
    double remaining = quantity;
    for (const PriceTier &tier : tiers) {
        if (remaining <= 0)
            break;
        if (tier.upTo && position >= *tier.upTo)
            continue;
        const double room = tier.upTo ? *tier.upTo - position : remaining;
        const double inTier = std::min(room, remaining);
        total += inTier * tier.price / per;
        position += inTier;
        remaining -= inTier;
    }
    return total;
}

double freeShare(double allowance, double poolUsage, double usage)
{
    // NaN only comes from an overflow: count it as infinite.
    constexpr double infinity = std::numeric_limits<double>::infinity();
    poolUsage = std::isnan(poolUsage) ? infinity : poolUsage;
    usage = std::isnan(usage) ? infinity : usage;
    if (!(poolUsage > 0) || !(usage > 0))
        return 0;
    if (std::isinf(poolUsage))
        return std::isinf(usage) ? allowance : 0;
    return std::min(allowance, poolUsage) * (usage / poolUsage); // the share first: no overflow
}

const Price *PriceList::price(const std::string &key) const
{
    auto it = m_prices.find(key);
    return it == m_prices.end() ? nullptr : &it->second;
}

void PriceList::set(Price price)
{
    const std::string key = price.key;
    m_prices[key] = std::move(price);
}

void PriceList::overlay(const PriceList &overrides)
{
    for (const auto &[key, price] : overrides.m_prices)
        m_prices[key] = price;
    if (!overrides.currency.empty())
        currency = overrides.currency;
}

std::string PriceList::oldestSourceDate() const
{
    std::string oldest;
    for (const auto &[key, price] : m_prices) {
        if (!price.sourceDate.empty() && (oldest.empty() || price.sourceDate < oldest))
            oldest = price.sourceDate;
    }
    return oldest;
}

} // namespace nimbus::model
