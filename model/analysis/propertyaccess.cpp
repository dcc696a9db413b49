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

std::optional<double> optionalNumber(const Node &node, const ServiceType &type, std::string_view key)
{
    const PropertyValue *value = lookup(node, type, key);
    return value ? toNumber(*value) : std::nullopt;
}

std::string edgePurpose(const Edge &edge)
{
    auto it = edge.properties.find("purpose");
    if (it == edge.properties.end())
        return "data";
    const auto *text = std::get_if<std::string>(&it->second);
    return text ? *text : std::string("data");
}

bool hasProperty(const Node &node, const ServiceType &type, std::string_view key)
{
    return lookup(node, type, key) != nullptr;
}

} // namespace nimbus::model
