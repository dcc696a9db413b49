// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include "finding.h"

#include <vector>

namespace nimbus::model {

class Architecture;
class Catalog;

/// Checks a design against the catalog and returns every finding, sorted by severity
/// (errors first), then rule id, then the first node id, so that output is stable.
/// A pure function of its arguments.
std::vector<Finding> validate(const Architecture &architecture, const Catalog &catalog);

/// Every rule validate() can report, in documentation order.
const std::vector<RuleInfo> &validationRules();

} // namespace nimbus::model
