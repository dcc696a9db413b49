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

/// The headline numbers of one variant of a design (a scenario, or a whole design file),
/// in US dollars, for a side-by-side table.
struct VariantSummary
{
    std::string name;
    std::string region;
    double monthly = 0;        ///< the serverless estimate's total (known prices only)
    double serversMonthly = 0; ///< the server-based equivalent, all in (compareWithServers)
    double breakEven = -1;     ///< traffic multiple where both cost the same; < 0 none
    /// Without a break-even from x0.01 to x100: whether serverless is the cheaper side
    /// throughout (else servers are).
    bool serverlessCheaperThroughout = false;
    bool tooLargeToCompare =
        false; ///< a cost is too large to price (Comparison::tooLargeToCompare)
    double tco3Serverless = 0, tco3Servers = 0;
    int errors = 0, warnings = 0; ///< validation findings, plus scenario problems
    /// Price keys the region's list lacks; "no price list for region 'x'" when it has none
    /// (the money figures are then 0 and mean nothing).
    std::vector<std::string> unknownPrices;

    bool priced() const;
    /// 3-year saving of serverless over servers (negative when servers cost less).
    double saving3y() const { return tco3Servers - tco3Serverless; }
    /// "x3.2", or "> x100" / "< x0.01" when the curves do not cross in the sweep's range,
    /// "too large to compare" when a cost is too large to price; `times` is the
    /// multiplication sign to use ("x" or "×").
    std::string breakEvenText(const std::string &times = "x") const;
};

/// The price list of a region, or nullptr when there is none.
using PriceLookup = std::function<const PriceList *(const std::string &region)>;

/// Estimates, compares with servers and validates `design` as it is. Free tier comes from
/// the design's settings unless `options` turns it off.
VariantSummary summariseVariant(const std::string &name, const Architecture &design, const Catalog &catalog,
                                const PriceLookup &prices, const EstimateOptions &options);

/// "As designed" first, then each scenario of the design in its order (each seen through
/// withScenario(), with checkScenario()'s problems added to its counts).
std::vector<VariantSummary> compareScenarios(const Architecture &design, const Catalog &catalog,
                                             const PriceLookup &prices, const EstimateOptions &options);

/// The name of the first row of compareScenarios().
inline constexpr const char *kAsDesigned = "As designed";

} // namespace nimbus::model
