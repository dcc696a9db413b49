// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "pricelist.h"

#include <algorithm>

namespace nimbus::model {

double Price::cost(double quantity, double alreadyBilled) const
{
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
