// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

namespace nimbus::model {

class Catalog;
struct Estimate;

/// One part of a monthly estimate: a service (node) or a catalog category.
struct CostShare
{
    std::string key;   ///< node id, or category id ("" for types the catalog lacks)
    std::string label; ///< node name, or category name
    double cost = 0;   ///< monthly, US dollars, known prices only
    /// cost / Estimate::total (0 when the total is 0); when the total is too large to price
    /// (infinite), the infinite shares split it equally. Never NaN.
    double fraction = 0;
};

/// The estimate's known costs per node, largest first (ties by label). Line items whose
/// price is unknown are left out, as they are of `Estimate::total`, so the costs add up to
/// the total; nodes that cost nothing are left out too.
std::vector<CostShare> costByService(const Estimate &estimate);

/// The same per catalog category (`ServiceType::category`, labelled with `Category::name`),
/// largest first. A service the catalog does not know is counted under "Other".
std::vector<CostShare> costByCategory(const Estimate &estimate, const Catalog &catalog);

} // namespace nimbus::model
