// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include "clioptions.h"

#include <model/cost/pricelist.h>

#include <optional>

namespace nimbus::app {

/// `nimbus estimate FILE`: monthly cost per node and price dimension.
int runEstimate(const CliOptions &options, std::ostream &out, std::ostream &err);

/// The bundled price list of `region` with the user's file laid over it; problems are
/// printed to `err`. A region Nimbus has no price list for is an error unless the user's
/// file provides one.
std::optional<model::PriceList> loadPrices(const std::string &region, const std::string &userFile,
                                           std::ostream &err);

} // namespace nimbus::app
