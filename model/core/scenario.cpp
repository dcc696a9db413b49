// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "scenario.h"

#include "architecture.h"
#include "catalog.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace nimbus::model {

namespace {

void setOnType(Architecture &design, const char *type, const char *key, const std::string &value)
{
    for (const Node &n : design.nodes()) {
        if (n.type == type)
            design.node(n.id)->properties[key] = value;
    }
}

std::string upper(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
    return text;
}

template<std::size_t N>
bool oneOf(const std::string &value, const std::string_view (&choices)[N])
{
    return std::find(std::begin(choices), std::end(choices), value) != std::end(choices);
}

} // namespace

Architecture withScenario(const Architecture &design, const Scenario &scenario)
{
    Architecture result = design;
    Settings &settings = result.settings();
    if (std::isfinite(scenario.trafficMultiplier) && scenario.trafficMultiplier >= 0)
        settings.trafficMultiplier *= scenario.trafficMultiplier;
    if (scenario.region && !scenario.region->empty())
        settings.region = *scenario.region;
    if (scenario.freeTier)
        settings.freeTier = *scenario.freeTier;
    if (scenario.architecture && oneOf(*scenario.architecture, kScenarioArchitectures)) {
        setOnType(result, "lambda-function", "architecture", *scenario.architecture);
        setOnType(result, "fargate-service", "architecture", upper(*scenario.architecture));
    }
    if (scenario.capacityMode && oneOf(*scenario.capacityMode, kScenarioCapacityModes)) {
        const bool provisioned = *scenario.capacityMode == "provisioned";
        setOnType(result, "dynamodb-table", "capacityMode", provisioned ? "PROVISIONED" : "PAY_PER_REQUEST");
    }
    for (const PropertyOverride &o : scenario.overrides) {
        if (Node *node = result.node(o.node))
            node->properties[o.property] = o.value;
    }
    return result;
}

const Scenario *findScenario(const Architecture &design, std::string_view name)
{
    const auto &all = design.scenarios();
    auto it = std::find_if(all.begin(), all.end(), [&](const Scenario &s) { return s.name == name; });
    return it == all.end() ? nullptr : &*it;
}

Diagnostics checkScenario(const Architecture &design, const Scenario &scenario, const Catalog &catalog,
                          const std::string &file)
{
    Diagnostics problems;
    const std::string who = "scenario '" + scenario.name + "'";
    auto warn = [&](std::string message, Severity severity = Severity::Warning) {
        problems.push_back({severity, file, 0, 0, std::move(message)});
    };
    if (!std::isfinite(scenario.trafficMultiplier) || scenario.trafficMultiplier <= 0)
        warn(who + ": the traffic multiplier must be a number above 0", Severity::Error);
    if (scenario.architecture && !oneOf(*scenario.architecture, kScenarioArchitectures))
        warn(who + ": unknown architecture '" + *scenario.architecture + "' (arm64 or x86_64); it is ignored");
    if (scenario.capacityMode && !oneOf(*scenario.capacityMode, kScenarioCapacityModes))
        warn(who + ": unknown capacity mode '" + *scenario.capacityMode
             + "' (provisioned or on-demand); it is ignored");
    for (const PropertyOverride &o : scenario.overrides) {
        const Node *node = design.node(o.node);
        if (!node) {
            warn(who + " overrides '" + o.property + "' of service '" + o.node.str()
                 + "', which the design does not have; the override is ignored");
            continue;
        }
        const ServiceType *type = catalog.type(node->type);
        const PropertyDef *def = type ? type->property(o.property) : nullptr;
        if (type && !def) {
            warn(who + ": '" + type->name + "' '" + node->name + "' has no property '" + o.property + "'");
        } else if (def) {
            if (auto why = checkPropertyValue(*def, o.value))
                warn(who + ": " + def->label + " of '" + node->name + "' " + *why);
        }
    }
    return problems;
}

std::string uniqueScenarioName(const Architecture &design, const std::string &base)
{
    if (!findScenario(design, base))
        return base;
    for (int n = 2;; ++n) {
        std::string candidate = base + " " + std::to_string(n);
        if (!findScenario(design, candidate))
            return candidate;
    }
}

} // namespace nimbus::model
