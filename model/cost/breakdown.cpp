// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "breakdown.h"

#include "estimate.h"

#include <model/core/catalog.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

namespace nimbus::model {

namespace {

/// Adds `cost` to the share keyed `key`, keeping first-seen order for a stable result.
class ShareCollector
{
public:
    void add(const std::string &key, const std::string &label, double cost)
    {
        auto [it, inserted] = m_index.try_emplace(key, m_shares.size());
        if (inserted)
            m_shares.push_back({key, label, 0, 0});
        m_shares[it->second].cost += cost;
    }

    std::vector<CostShare> finish(double total)
    {
        std::erase_if(m_shares, [](const CostShare &s) { return !(s.cost > 0); });
        if (std::isfinite(total)) {
            for (CostShare &s : m_shares)
                s.fraction = total > 0 ? s.cost / total : 0;
        } else {
            shareOverflowedTotal();
        }
        std::stable_sort(m_shares.begin(), m_shares.end(), [](const CostShare &a, const CostShare &b) {
            return a.cost != b.cost ? a.cost > b.cost : a.label < b.label;
        });
        return std::move(m_shares);
    }

private:
    /// Fractions of a total too large to price: the infinite shares split it equally (the
    /// finite ones are nothing next to them); when only the sum overflowed, the fractions
    /// are taken of the costs scaled down by the largest.
    void shareOverflowedTotal()
    {
        const auto infinite = std::count_if(m_shares.begin(), m_shares.end(),
                                            [](const CostShare &s) { return std::isinf(s.cost); });
        double largest = 0;
        for (const CostShare &s : m_shares)
            largest = std::max(largest, s.cost);
        double scaledSum = 0;
        for (const CostShare &s : m_shares)
            scaledSum += infinite ? 0 : s.cost / largest;
        for (CostShare &s : m_shares) {
            if (infinite)
                s.fraction = std::isinf(s.cost) ? 1.0 / static_cast<double>(infinite) : 0;
            else
                s.fraction = scaledSum > 0 ? s.cost / largest / scaledSum : 0;
        }
    }

    std::vector<CostShare> m_shares;
    std::unordered_map<std::string, std::size_t> m_index;
};

} // namespace

std::vector<CostShare> costByService(const Estimate &estimate)
{
    ShareCollector shares;
    for (const LineItem &item : estimate.items) {
        if (!item.unknown)
            shares.add(item.node.str(), item.nodeName, item.cost);
    }
    return shares.finish(estimate.total);
}

std::vector<CostShare> costByCategory(const Estimate &estimate, const Catalog &catalog)
{
    // A line item names its service type by display name (or by id when the catalog lacks it).
    std::map<std::string, const ServiceType *> byName;
    for (const ServiceType &type : catalog.types())
        byName.emplace(type.name, &type);
    ShareCollector shares;
    for (const LineItem &item : estimate.items) {
        if (item.unknown)
            continue;
        const ServiceType *type = catalog.type(item.service);
        if (!type) {
            const auto it = byName.find(item.service);
            type = it == byName.end() ? nullptr : it->second;
        }
        const Category *category = type ? catalog.category(type->category) : nullptr;
        if (category)
            shares.add(category->id, category->name, item.cost);
        else
            shares.add(std::string(), "Other", item.cost);
    }
    return shares.finish(estimate.total);
}

} // namespace nimbus::model
