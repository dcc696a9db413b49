// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "connectioncheck.h"

#include "architecture.h"
#include "catalog.h"

namespace nimbus::model {

namespace {

std::string displayName(const Catalog &catalog, const std::string &type)
{
    const ServiceType *t = catalog.type(type);
    return t ? t->name : type;
}

/// The value a node has for a property, as text: its own value or the catalog default.
std::string valueText(const Catalog &catalog, const Node &node, const std::string &key)
{
    if (auto it = node.properties.find(key); it != node.properties.end())
        return toString(it->second);
    if (const ServiceType *type = catalog.type(node.type)) {
        if (const PropertyDef *def = type->property(key); def && def->defaultValue)
            return toString(*def->defaultValue);
    }
    return {};
}

} // namespace

ConnectionCheck canConnect(const Catalog &catalog, const std::string &sourceType,
                           const std::string &targetType)
{
    ConnectionCheck check;
    if (isGenericResourceType(sourceType) || isGenericResourceType(targetType)) {
        check.allowed = true;
        check.kinds = allConnectionKinds();
        return check;
    }
    if (const ConnectionRule *rule = catalog.connections().rule(sourceType, targetType)) {
        check.allowed = true;
        check.kinds = rule->kinds;
        check.multiplier = rule->multiplier;
        check.connection = rule;
        return check;
    }
    check.rule = "wiring/not-supported";
    const std::string from = displayName(catalog, sourceType);
    const std::string to = displayName(catalog, targetType);
    if (const Refusal *refusal = catalog.connections().refusal(sourceType, targetType)) {
        check.reason = from + " cannot connect to " + to + ": " + refusal->reason;
        check.fix = refusal->fix;
    } else {
        check.reason = from + " cannot connect to " + to + " directly: AWS offers no such "
                                                           "integration";
        check.fix = "Put a Lambda function or a queue between them, or reverse the connection "
                    "if the arrow points the wrong way.";
    }
    return check;
}

ConnectionCheck canConnect(const Catalog &catalog, const Node &source, const Node &target)
{
    ConnectionCheck check = canConnect(catalog, source.type, target.type);
    if (!check.allowed || !check.connection)
        return check;
    for (const RefuseCondition &c : check.connection->refuseWhen) {
        const Node &side = c.side == RefuseCondition::Side::Source ? source : target;
        if (valueText(catalog, side, c.property) != c.equals)
            continue;
        check.allowed = false;
        check.rule = c.rule;
        check.reason = "'" + source.name + "' -> '" + target.name + "': " + c.message;
        check.fix = c.fix;
        return check;
    }
    return check;
}

} // namespace nimbus::model
