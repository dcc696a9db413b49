// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include "clioptions.h"

#include <model/cost/scenariocomparison.h>

#include <iosfwd>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace nimbus::app {

/// `nimbus scenarios FILE`: the design as drawn and each of its scenarios side by side.
int runScenarios(const CliOptions &options, std::ostream &out, std::ostream &err);

/// `nimbus compare A.nimbus B.nimbus`: two designs side by side, in the same table.
int runCompare(const CliOptions &options, std::ostream &out, std::ostream &err);

/// The bundled price list of each region, read once when first asked for; nullptr for a
/// region Nimbus has no prices for. Problems reading a list go to `err`.
class BundledPrices
{
public:
    explicit BundledPrices(std::ostream &err)
        : m_err(err)
    {}
    const model::PriceList *operator()(const std::string &region);

private:
    std::ostream &m_err;
    std::map<std::string, std::unique_ptr<model::PriceList>> m_lists;
};

/// The regions Nimbus has bundled price lists for ("eu-central-1", "eu-west-1", ...), sorted.
std::vector<std::string> bundledRegions();

/// The comparison table: variant, region, monthly cost, servers, break-even, 3-year saving
/// and findings, one row per variant; then the prices each variant lacks.
void writeVariantTable(const std::vector<model::VariantSummary> &rows, std::ostream &out);
void writeVariantJson(const std::vector<model::VariantSummary> &rows, std::ostream &out);

} // namespace nimbus::app
