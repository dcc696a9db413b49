// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/core/diagnostic.h>
#include <model/cost/pricelist.h>

#include <string>
#include <string_view>

namespace nimbus::model {

struct PriceListLoadResult
{
    PriceList prices;
    Diagnostics diagnostics;
    bool ok() const { return !hasErrors(diagnostics); }
};

/// Reads a price list (resources/pricing/<region>.yaml, or a user's file with the same
/// format, whole or partial). Errors name the file and line: unknown keys, a price with
/// neither `price` nor `tiers`, tiers out of order, negative numbers, unknown sources.
PriceListLoadResult readPriceList(std::string_view text, const std::string &fileName);
PriceListLoadResult readPriceListFile(const std::string &path);

} // namespace nimbus::model
