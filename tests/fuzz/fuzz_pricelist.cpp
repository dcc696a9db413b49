// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// readPriceList on any bytes never crashes, hangs or trips a sanitizer, and neither does
// pricing a few quantities with every price of a list it accepts (tiers, free tier, "per").
#include "fuzzsupport.h"

#include <model/io/pricelistreader.h>

using namespace nimbus;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const model::PriceListLoadResult result =
        model::readPriceList(fuzz::textOf(data, size), "fuzz-prices.yaml");
    if (!result.ok())
        return 0;
    volatile double sink = 0; // keeps the calls from being optimised away
    for (const auto &[key, price] : result.prices.prices()) {
        sink = sink + price.firstUnitPrice();
        for (double quantity : {0.0, 1.0, 1e6, 1e12})
            sink = sink + price.cost(quantity) + price.cost(quantity, quantity);
    }
    sink = sink + result.prices.oldestSourceDate().size();
    return 0;
}
