// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "validate.h"

#include <model/core/architecture.h>
#include <model/core/catalog.h>

#include <algorithm>
#include <functional>
#include <tuple>

namespace nimbus::model {

namespace {

void checkNodeType(const Node &node, const Catalog &catalog, std::vector<Finding> &out)
{
    if (catalog.type(node.type) || isGenericResourceType(node.type))
        return;
    const std::string hint = catalog.closestTypeId(node.type);
    out.push_back({"catalog/unknown-type", Severity::Error,
                   "'" + node.name + "' has service type '" + node.type
                       + "', which the catalog does not know",
                   {node.id},
                   {},
                   hint.empty() ? "Replace the node with a service from the palette."
                                : "Did you mean '" + hint + "'? Change the node's type.",
                   ""});
}

void checkNodeProperties(const Node &node, const ServiceType &type, std::vector<Finding> &out)
{
    for (const auto &[key, value] : node.properties) {
        const PropertyDef *def = type.property(key);
        if (!def) {
            out.push_back({"properties/unknown", Severity::Warning,
                           "'" + node.name + "' (" + type.name + ") sets '" + key
                               + "', which is not a property of " + type.name,
                           {node.id},
                           {},
                           "Remove the property or check its spelling.",
                           type.docs});
            continue;
        }
        if (auto problem = checkPropertyValue(*def, value)) {
            out.push_back({"properties/invalid-value", Severity::Error,
                           def->label + " of '" + node.name + "' (" + type.name + ") " + *problem,
                           {node.id},
                           {},
                           "Set " + def->label + " to a value the service accepts.",
                           type.docs});
        }
    }
}

int severityRank(Severity s)
{
    return s == Severity::Error ? 0 : s == Severity::Warning ? 1 : 2;
}

} // namespace

FindingSummary summarise(const std::vector<Finding> &findings)
{
    FindingSummary summary;
    for (const Finding &f : findings) {
        if (f.severity == Severity::Error)
            ++summary.errors;
        else if (f.severity == Severity::Warning)
            ++summary.warnings;
        else
            ++summary.infos;
    }
    return summary;
}

std::vector<Finding> validate(const Architecture &architecture, const Catalog &catalog)
{
    std::vector<Finding> findings;
    for (const Node &node : architecture.nodes()) {
        checkNodeType(node, catalog, findings);
        if (const ServiceType *type = catalog.type(node.type))
            checkNodeProperties(node, *type, findings);
    }
    std::stable_sort(findings.begin(), findings.end(), [](const Finding &a, const Finding &b) {
        const std::string na = a.nodes.empty() ? std::string() : a.nodes.front().str();
        const std::string nb = b.nodes.empty() ? std::string() : b.nodes.front().str();
        return std::make_tuple(severityRank(a.severity), std::cref(a.rule), std::cref(na))
               < std::make_tuple(severityRank(b.severity), std::cref(b.rule), std::cref(nb));
    });
    return findings;
}

const std::vector<RuleInfo> &validationRules()
{
    static const std::vector<RuleInfo> rules = {
        {"catalog/unknown-type", Severity::Error, "Unknown service type",
         "A node names a service type that is neither in the catalog nor a CloudFormation "
         "resource type (AWS::..., Custom::...)."},
        {"properties/invalid-value", Severity::Error, "Property value not accepted",
         "A property has a value of the wrong type, outside the range the catalog gives, or "
         "not among its choices."},
        {"properties/unknown", Severity::Warning, "Unknown property",
         "A node sets a property its service type does not have; it is kept but has no "
         "effect."},
    };
    return rules;
}

} // namespace nimbus::model
