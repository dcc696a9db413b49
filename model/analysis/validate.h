// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include "finding.h"

#include <vector>

namespace nimbus::model {

class Architecture;
class ArchitectureGraph;
class Catalog;
struct Workload;

/// Checks a design against the catalog and returns every finding, sorted by severity
/// (errors first), then rule id, then the first node id, so that output is stable.
/// A pure function of its arguments.
std::vector<Finding> validate(const Architecture &architecture, const Catalog &catalog);

/// The same, reusing a graph view and a propagated workload the caller already has.
std::vector<Finding> validate(const Architecture &architecture, const Catalog &catalog,
                              const ArchitectureGraph &graph, const Workload &workload);

/// Every rule validate() can report, in documentation order: the built-in rules and the
/// property conditions of the catalog's connection rules.
std::vector<RuleInfo> validationRules(const Catalog &catalog);

} // namespace nimbus::model
