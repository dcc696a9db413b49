// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/core/architecture.h>

namespace nimbus::bench {

/// The largest design the limits allow (model/core/limits.h), with its texts at their
/// longest: kMaxNodes services of the synthetic mix and their connections, kMaxGroups
/// groups, kMaxNotes notes and kMaxScenarios scenarios, and names, descriptions, notes and
/// text properties at their length limits as far as the file size limit allows.
model::Architecture longestDesign();

/// kMaxNodes services whose unknown keys (kept and written back) bring the project file
/// close to both kMaxYamlValues values and kMaxFileBytes bytes.
model::Architecture densestDesign();

} // namespace nimbus::bench
