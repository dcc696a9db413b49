// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/analysis/finding.h>
#include <model/cost/estimate.h>

#include <optional>
#include <vector>

namespace nimbus::views {

/// What the app derived from the current design: the validation findings and, when a price
/// list was available, the monthly estimate. The app computes it (coalesced after changes)
/// and hands it to the findings and cost panels, which only display it; it is never stored
/// in the document or undone.
struct Analysis
{
    std::vector<model::Finding> findings;
    std::optional<model::Estimate> estimate;
};

} // namespace nimbus::views
