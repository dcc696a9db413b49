// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "propertyaccess.h"

namespace nimbus::model {

namespace {

const PropertyValue *lookup(const Node &node, const ServiceType &type, std::string_view key)
{
    if (auto it = node.properties.find(key); it != node.properties.end())
        return &it->second;
    if (const PropertyDef *def = type.property(key); def && def->defaultValue)
        return &*def->defaultValue;
    return nullptr;
}

} // namespace

double numberProperty(const Node &node, const ServiceType &type, std::string_view key,
                      double fallback)
{
    const PropertyValue *value = lookup(node, type, key);
    if (!value)
        return fallback;
    return toNumber(*value).value_or(fallback);
}

std::string textProperty(const Node &node, const ServiceType &type, std::string_view key)
{
    const PropertyValue *value = lookup(node, type, key);
    return value ? toString(*value) : std::string();
}

bool hasProperty(const Node &node, const ServiceType &type, std::string_view key)
{
    return lookup(node, type, key) != nullptr;
}

} // namespace nimbus::model
