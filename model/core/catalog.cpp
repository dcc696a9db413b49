// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "catalog.h"

#include "numberlimits.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace nimbus::model {

namespace {

std::size_t editDistance(const std::string &a, const std::string &b)
{
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string rangeText(const PropertyDef &def)
{
    const std::string unit = def.unit.empty() ? std::string() : ' ' + def.unit;
    if (def.minimum && def.maximum)
        return "between " + formatNumber(*def.minimum) + " and " + formatNumber(*def.maximum)
               + unit;
    if (def.minimum)
        return "at least " + formatNumber(*def.minimum) + unit;
    return "at most " + formatNumber(*def.maximum) + unit;
}

std::string joinChoices(const std::vector<std::string> &choices)
{
    std::string text;
    for (const auto &c : choices)
        text += (text.empty() ? "" : ", ") + c;
    return text;
}

} // namespace

const char *propertyTypeName(PropertyType type)
{
    switch (type) {
    case PropertyType::Integer:
        return "integer";
    case PropertyType::Number:
        return "number";
    case PropertyType::Boolean:
        return "boolean";
    case PropertyType::String:
        return "string";
    case PropertyType::Choice:
        return "choice";
    }
    return "string";
}

std::optional<PropertyType> propertyTypeFromName(const std::string &name)
{
    for (PropertyType t : {PropertyType::Integer, PropertyType::Number, PropertyType::Boolean,
                           PropertyType::String, PropertyType::Choice}) {
        if (name == propertyTypeName(t))
            return t;
    }
    return std::nullopt;
}

const PropertyDef *ServiceType::property(std::string_view key) const
{
    auto it = std::find_if(properties.begin(), properties.end(),
                           [&](const PropertyDef &p) { return p.key == key; });
    return it == properties.end() ? nullptr : &*it;
}

const LimitDef *ServiceType::limit(std::string_view key) const
{
    auto it = std::find_if(limits.begin(), limits.end(),
                           [&](const LimitDef &l) { return l.key == key; });
    return it == limits.end() ? nullptr : &*it;
}

double ServiceType::limitValue(std::string_view key, double fallback) const
{
    const LimitDef *l = limit(key);
    return l ? l->value : fallback;
}

Catalog::Catalog(std::vector<Category> categories, std::vector<ServiceType> types,
                 ConnectionRules connections, std::vector<PropertyDef> edgeProperties)
    : m_categories(std::move(categories))
    , m_types(std::move(types))
    , m_connections(std::move(connections))
    , m_edgeProperties(std::move(edgeProperties))
{
    for (std::size_t i = 0; i < m_types.size(); ++i)
        m_typeIndex.emplace(m_types[i].id, i);
}

const ServiceType *Catalog::type(const std::string &id) const
{
    auto it = m_typeIndex.find(id);
    return it == m_typeIndex.end() ? nullptr : &m_types[it->second];
}

const Category *Catalog::category(const std::string &id) const
{
    auto it = std::find_if(m_categories.begin(), m_categories.end(),
                           [&](const Category &c) { return c.id == id; });
    return it == m_categories.end() ? nullptr : &*it;
}

const PropertyDef *Catalog::edgeProperty(const std::string &key) const
{
    auto it = std::find_if(m_edgeProperties.begin(), m_edgeProperties.end(),
                           [&](const PropertyDef &p) { return p.key == key; });
    return it == m_edgeProperties.end() ? nullptr : &*it;
}

std::string Catalog::closestTypeId(const std::string &text) const
{
    std::string best;
    std::size_t bestDistance = std::string::npos;
    for (const ServiceType &t : m_types) {
        const std::size_t d = editDistance(text, t.id);
        if (d < bestDistance) {
            bestDistance = d;
            best = t.id;
        }
    }
    // A suggestion further away than half the word is noise, not help.
    return bestDistance <= std::max<std::size_t>(2, text.size() / 2) ? best : std::string();
}

std::optional<std::string> checkPropertyValue(const PropertyDef &def, const PropertyValue &value)
{
    switch (def.type) {
    case PropertyType::Boolean:
        if (!std::holds_alternative<bool>(value))
            return "must be true or false, not " + typeName(value) + " '" + toString(value) + "'";
        return std::nullopt;
    case PropertyType::String:
        if (!std::holds_alternative<std::string>(value))
            return "must be text, not " + typeName(value);
        return std::nullopt;
    case PropertyType::Choice: {
        const auto *text = std::get_if<std::string>(&value);
        if (!text || std::find(def.choices.begin(), def.choices.end(), *text) == def.choices.end())
            return "must be one of " + joinChoices(def.choices) + ", not '" + toString(value)
                   + "'";
        return std::nullopt;
    }
    case PropertyType::Integer:
    case PropertyType::Number:
        break;
    }
    if (def.type == PropertyType::Integer && !std::holds_alternative<std::int64_t>(value))
        return "must be a whole number, not " + typeName(value) + " '" + toString(value) + "'";
    const std::optional<double> number = toNumber(value);
    if (!number)
        return "must be a number, not " + typeName(value) + " '" + toString(value) + "'";
    if (const std::optional<std::string> problem = numberLimitProblem(*number))
        return "is " + formatNumber(*number) + ", which " + *problem;
    if ((def.minimum && *number < *def.minimum) || (def.maximum && *number > *def.maximum))
        return "must be " + rangeText(def) + ", not " + toString(value);
    return std::nullopt;
}

std::optional<PropertyValue> parsePropertyValue(const PropertyDef &def, const std::string &text)
{
    switch (def.type) {
    case PropertyType::String:
    case PropertyType::Choice:
        return PropertyValue(text);
    case PropertyType::Boolean:
        if (text == "true")
            return PropertyValue(true);
        if (text == "false")
            return PropertyValue(false);
        return std::nullopt;
    case PropertyType::Integer: {
        std::int64_t v = 0;
        const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
        if (r.ec != std::errc() || r.ptr != text.data() + text.size() ||
            !isWithinNumberLimit(static_cast<double>(v)))
            return std::nullopt;
        return PropertyValue(v);
    }
    case PropertyType::Number: {
        double v = 0;
        const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
        if (r.ec != std::errc() || r.ptr != text.data() + text.size() || !isWithinNumberLimit(v))
            return std::nullopt;
        return PropertyValue(v);
    }
    }
    return std::nullopt;
}

bool isGenericResourceType(const std::string &type)
{
    return type.rfind("AWS::", 0) == 0 || type.rfind("Custom::", 0) == 0
           || type.rfind("Alexa::", 0) == 0;
}

} // namespace nimbus::model
