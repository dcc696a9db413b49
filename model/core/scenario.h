// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include "diagnostic.h"
#include "ids.h"
#include "propertyvalue.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nimbus::model {

class Architecture;
class Catalog;

/// One property of one node set to another value in a scenario.
struct PropertyOverride
{
    NodeId node;
    std::string property;
    PropertyValue value;
    friend bool operator==(const PropertyOverride &, const PropertyOverride &) = default;
};

/// A named variant of a design ("launch", "peak season", "5x growth"): the same services
/// and wiring under other workload numbers and settings. Scenarios are kept in the design
/// (Architecture::scenarios()) and saved in the project file; their names are unique.
struct Scenario
{
    std::string name;
    std::string description;
    double trafficMultiplier = 1;            ///< every entry point's traffic
    std::optional<std::string> region;
    std::optional<bool> freeTier;
    std::optional<std::string> architecture; ///< "arm64" | "x86_64" for every function
    std::optional<std::string> capacityMode; ///< "provisioned" | "on-demand" for tables
    std::vector<PropertyOverride> overrides; ///< workload numbers and settings of single nodes
    friend bool operator==(const Scenario &, const Scenario &) = default;
};

/// The values Scenario::architecture and Scenario::capacityMode accept.
inline constexpr std::string_view kScenarioArchitectures[] = {"arm64", "x86_64"};
inline constexpr std::string_view kScenarioCapacityModes[] = {"provisioned", "on-demand"};

/// The design as the scenario sees it, a copy with:
/// - Settings::trafficMultiplier multiplied by the scenario's, which workload propagation
///   applies to every entry point's requests and peak rate (and so, consistently, to the
///   Monte Carlo low/high ranges, the traffic sweep, the server sizing and validation);
/// - the region and free tier, when the scenario sets them, in Settings;
/// - `architecture` on every Lambda function ("arm64"/"x86_64") and Fargate service
///   ("ARM64"/"X86_64");
/// - `capacityMode` on every DynamoDB table (PROVISIONED or PAY_PER_REQUEST); a table
///   switched to provisioned without capacity numbers is priced at its peak demand (see
///   the usage model);
/// - then the per-node overrides. Overrides give a node's values as designed: the traffic
///   multiplier applies on top of an overridden requestsPerMonth.
/// An override of a node the design lacks is skipped (checkScenario() reports it). Never
/// throws.
Architecture withScenario(const Architecture &design, const Scenario &scenario);

/// The scenario of that name, or nullptr.
const Scenario *findScenario(const Architecture &design, std::string_view name);

/// What is wrong with a scenario of `design`, as warnings (errors for a non-positive
/// traffic multiplier): overrides of missing nodes, of properties the node's type does not
/// have, or with values the property does not accept; unknown architecture or capacity
/// mode. `file` names where the scenario comes from in the messages.
Diagnostics checkScenario(const Architecture &design, const Scenario &scenario,
                          const Catalog &catalog, const std::string &file = {});

/// A name not used by any scenario of `design`: `base`, else "base 2", "base 3"...
std::string uniqueScenarioName(const Architecture &design, const std::string &base);

} // namespace nimbus::model
