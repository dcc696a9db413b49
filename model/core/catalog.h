// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include "connectionrules.h"
#include "propertyvalue.h"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace nimbus::model {

enum class PropertyType { Integer, Number, Boolean, String, Choice };

/// Stable name of a property type as written in the catalog ("integer", "choice", ...).
const char *propertyTypeName(PropertyType type);
std::optional<PropertyType> propertyTypeFromName(const std::string &name);

/// One configurable property of a service type, as the catalog describes it.
struct PropertyDef
{
    std::string key;
    std::string label;
    PropertyType type = PropertyType::String;
    std::string unit;
    std::optional<PropertyValue> defaultValue; ///< nullopt: "not set" unless the user sets it
    std::optional<double> minimum;
    std::optional<double> maximum;
    std::vector<std::string> choices;
    std::string group; ///< Configuration, Workload, Reliability or Security
    std::string help;
};

/// A documented service limit, with where the figure comes from.
struct LimitDef
{
    std::string key;
    double value = 0;
    std::string unit;
    std::string description;
    std::string mark; ///< confidence: V, V2, 3P or U (see shared/reference)
    std::string source;
};

struct Category
{
    std::string id;
    std::string name;
    std::string color; ///< "#RRGGBB"
};

enum class ServiceKind { Service, Actor };

/// A kind of thing that can be placed on the canvas: an AWS service or an outside actor.
struct ServiceType
{
    std::string id;
    std::string name;
    std::string shortName;
    std::string category;
    ServiceKind kind = ServiceKind::Service;
    bool entryPoint = false;
    bool needsSource = false; ///< does nothing unless something sends to or invokes it
    std::string description;
    std::string samType;            ///< "" when SAM has no resource type for it
    std::string cloudFormationType; ///< "" for actors and API-only services
    std::string docs;
    std::vector<PropertyDef> properties;
    std::vector<LimitDef> limits;

    const PropertyDef *property(std::string_view key) const;
    const LimitDef *limit(std::string_view key) const;
    /// The limit's value, or `fallback` when the catalog does not state it.
    double limitValue(std::string_view key, double fallback) const;
};

/// The checked, immutable set of categories and service types. Built by the catalog
/// reader (model/io/catalogreader.h), which refuses a catalog that contradicts itself.
class Catalog
{
public:
    Catalog() = default;
    Catalog(std::vector<Category> categories, std::vector<ServiceType> types,
            ConnectionRules connections = {}, std::vector<PropertyDef> edgeProperties = {});

    const std::vector<Category> &categories() const { return m_categories; }
    const std::vector<ServiceType> &types() const { return m_types; }
    const ServiceType *type(const std::string &id) const;
    const Category *category(const std::string &id) const;
    const ConnectionRules &connections() const { return m_connections; }
    /// Properties every edge may carry (multiplier, fraction, purpose, ...).
    const std::vector<PropertyDef> &edgeProperties() const { return m_edgeProperties; }
    const PropertyDef *edgeProperty(const std::string &key) const;
    /// The known type id closest to `text` by edit distance, for "did you mean" hints.
    std::string closestTypeId(const std::string &text) const;

private:
    std::vector<Category> m_categories;
    std::vector<ServiceType> m_types;
    std::unordered_map<std::string, std::size_t> m_typeIndex;
    ConnectionRules m_connections;
    std::vector<PropertyDef> m_edgeProperties;
};

/// Why `value` is not acceptable for `def` ("must be between 128 and 10240 MB"), or
/// nullopt when it is. Integers are accepted where numbers are expected; a number beyond
/// the limit of numberlimits.h is never acceptable, whatever the catalog's range.
std::optional<std::string> checkPropertyValue(const PropertyDef &def, const PropertyValue &value);

/// Reads text as a value of the definition's type: "512" for an integer, "true" for a
/// boolean, any text for a string or choice. The catalog's range is not checked here, but
/// a number beyond what Nimbus accepts at all (numberlimits.h) gives nullopt.
std::optional<PropertyValue> parsePropertyValue(const PropertyDef &def, const std::string &text);

/// True when a node type names a CloudFormation resource Nimbus has no service type for
/// ("AWS::Glue::Crawler", "Custom::Thing"): such nodes are kept as generic nodes.
bool isGenericResourceType(const std::string &type);

} // namespace nimbus::model
