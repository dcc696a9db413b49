// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// Properties: node types the catalog does not know, values outside what the service
// accepts (type, range, choices), and properties a type does not have.

#include "rulecontext.h"

#include <algorithm>

namespace nimbus::model {

namespace {

void checkNodeType(const RuleContext &c, const Node &node)
{
    if (c.type(node) || isGenericResourceType(node.type))
        return;
    const std::string hint = c.catalog.closestTypeId(node.type);
    c.add({"catalog/unknown-type", Severity::Error,
           "'" + node.name + "' has service type '" + node.type + "', which the catalog does not know",
           {node.id}, {},
           hint.empty() ? "Replace the node with a service from the palette."
                        : "Did you mean '" + hint + "'? Change the node's type.",
           ""});
}

/// `owner` is called only when there is something to report, so that the common case
/// (every value fine) builds no text.
template<typename Owner>
void checkValues(const RuleContext &c, const PropertyMap &properties,
                 const std::vector<PropertyDef> &defs, const Owner &owner,
                 const std::string &typeName, const std::vector<NodeId> &nodes,
                 const std::vector<EdgeId> &edges, const std::string &docs)
{
    for (const auto &entry : properties) {
        // Named references, not a structured binding: clang before 16 cannot capture those.
        const std::string &key = entry.first;
        const PropertyValue &value = entry.second;
        auto found = std::find_if(defs.begin(), defs.end(), [&](const PropertyDef &d) { return d.key == key; });
        if (found == defs.end()) {
            c.add({"properties/unknown", Severity::Warning,
                   owner() + " sets '" + key + "', which is not a property of " + typeName,
                   nodes, edges, "Remove the property or check its spelling.", docs});
            continue;
        }
        if (auto problem = checkPropertyValue(*found, value))
            c.add({"properties/invalid-value", Severity::Error,
                   found->label + " of " + owner() + " " + *problem, nodes, edges,
                   "Set " + found->label + " to a value the service accepts.", docs});
    }
}

} // namespace

void checkProperties(const RuleContext &c)
{
    for (const Node &node : c.architecture.nodes()) {
        checkNodeType(c, node);
        const ServiceType *type = c.type(node);
        if (type && !node.properties.empty())
            checkValues(c, node.properties, type->properties,
                        [&] { return "'" + node.name + "' (" + type->name + ")"; }, type->name,
                        {node.id}, {}, type->docs);
    }
    for (const Edge &edge : c.architecture.edges()) {
        if (edge.properties.empty())
            continue;
        checkValues(c, edge.properties, c.catalog.edgeProperties(),
                    [&] { return "connection '" + c.source(edge).name + "' -> '" + c.target(edge).name + "'"; },
                    "a connection", {edge.source, edge.target}, {edge.id}, "");
    }
}

} // namespace nimbus::model
