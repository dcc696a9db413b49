// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "scenariocomparison.h"

#include "servercomparison.h"

#include <model/analysis/validate.h>
#include <model/core/architecture.h>
#include <model/core/propertyvalue.h>

namespace nimbus::model {

namespace {

const std::string kNoPrices = "no price list for region";

} // namespace

bool VariantSummary::priced() const
{
    return unknownPrices.empty() || unknownPrices.front().rfind(kNoPrices, 0) != 0;
}

std::string VariantSummary::breakEvenText(const std::string &times) const
{
    if (tooLargeToCompare)
        return "too large to compare";
    if (breakEven > 0)
        return times + formatAmount(breakEven);
    return serverlessCheaperThroughout ? "> " + times + "100" : "< " + times + "0.01";
}

VariantSummary summariseVariant(const std::string &name, const Architecture &design, const Catalog &catalog,
                                const PriceLookup &prices, const EstimateOptions &options)
{
    VariantSummary summary;
    summary.name = name;
    summary.region = design.settings().region;
    const FindingSummary findings = summarise(validate(design, catalog));
    summary.errors = findings.errors;
    summary.warnings = findings.warnings;
    const PriceList *list = prices ? prices(summary.region) : nullptr;
    if (!list) {
        summary.unknownPrices.push_back(kNoPrices + " '" + summary.region + "'");
        return summary;
    }
    EstimateOptions used = options;
    used.freeTier = options.freeTier && design.settings().freeTier;
    used.explain = false;
    const Estimate monthly = estimate(design, catalog, *list, used);
    summary.monthly = monthly.total;
    summary.unknownPrices = monthly.unknownPrices;
    const Comparison comparison = compareWithServers(design, catalog, *list, used);
    summary.serversMonthly = comparison.servers.total();
    summary.breakEven = comparison.breakEven;
    summary.serverlessCheaperThroughout = comparison.serverlessCheaperThroughout;
    summary.tooLargeToCompare = comparison.tooLargeToCompare;
    summary.tco3Serverless = comparison.tco3Serverless;
    summary.tco3Servers = comparison.tco3Servers;
    return summary;
}

std::vector<VariantSummary> compareScenarios(const Architecture &design, const Catalog &catalog,
                                             const PriceLookup &prices, const EstimateOptions &options)
{
    std::vector<VariantSummary> rows;
    rows.push_back(summariseVariant(kAsDesigned, design, catalog, prices, options));
    for (const Scenario &scenario : design.scenarios()) {
        VariantSummary row = summariseVariant(scenario.name, withScenario(design, scenario), catalog, prices, options);
        for (const Diagnostic &d : checkScenario(design, scenario, catalog))
            ++(d.severity == Severity::Error ? row.errors : row.warnings);
        rows.push_back(std::move(row));
    }
    return rows;
}

} // namespace nimbus::model
