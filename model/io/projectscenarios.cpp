// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "projectscenarios.h"

#include "treefields.h"
#include "yamlwriter.h"

#include <model/core/architecture.h>
#include <model/core/catalog.h>
#include <model/core/limits.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace nimbus::model {

namespace {

template<std::size_t N>
std::optional<std::string> choiceField(TreeFields &fields, const Tree &map, const char *key,
                                       const std::string_view (&choices)[N], const std::string &who)
{
    const auto text = fields.text(map, key, false);
    if (!text)
        return std::nullopt;
    if (std::find(std::begin(choices), std::end(choices), *text) != std::end(choices))
        return text;
    std::string allowed;
    for (std::string_view c : choices)
        allowed += (allowed.empty() ? "" : " or ") + std::string(c);
    fields.warning(*map.find(key), who + ": unknown " + key + " '" + *text + "' (" + allowed + "); it is ignored");
    return std::nullopt;
}

/// Keys a newer Nimbus may add are reported, not refused: the rest of the scenario is good.
void warnUnknownKeys(TreeFields &fields, const Tree &map, std::initializer_list<const char *> known,
                     const std::string &what)
{
    for (const auto &[key, value] : map.entries) {
        if (std::none_of(known.begin(), known.end(), [&name = key](const char *k) { return name == k; }))
            fields.warning(value, "unknown key '" + key + "' in " + what + "; it is ignored");
    }
}

class ScenarioReader
{
public:
    ScenarioReader(TreeFields &fields, const Catalog &catalog, const Architecture &design)
        : m_fields(fields)
        , m_catalog(catalog)
        , m_design(design)
    {}

    std::optional<Scenario> read(const Tree &item)
    {
        const auto name = m_fields.boundedText(item, "name", true, kMaxNameLength, "the name of a scenario");
        if (!name)
            return std::nullopt;
        const Tree &at = *item.find("name");
        if (name->empty()) {
            m_fields.error(at, "a scenario needs a name; this scenario is skipped");
            return std::nullopt;
        }
        if (auto seen = m_lines.find(*name); seen != m_lines.end()) {
            m_fields.error(at, "duplicate scenario name '" + *name + "' (first used at line "
                                   + std::to_string(seen->second) + "); this scenario is skipped");
            return std::nullopt;
        }
        m_lines[*name] = at.line;
        const std::string who = "scenario '" + *name + "'";
        warnUnknownKeys(m_fields, item, {"name", "description", "trafficMultiplier", "region", "freeTier",
                                          "architecture", "capacityMode", "overrides"},
                        who);
        Scenario s;
        s.name = *name;
        s.description = m_fields.boundedText(item, "description", false, kMaxDescriptionLength,
                                             "the description of " + who)
                            .value_or("");
        if (item.find("trafficMultiplier")) {
            const auto multiplier = m_fields.number(item, "trafficMultiplier", false);
            if (!multiplier)
                return std::nullopt;
            if (!(*multiplier > 0) || !std::isfinite(*multiplier)) {
                m_fields.error(*item.find("trafficMultiplier"),
                               who + ": the traffic multiplier must be a number above 0; this scenario is skipped");
                return std::nullopt;
            }
            s.trafficMultiplier = *multiplier;
        }
        s.region = m_fields.boundedText(item, "region", false, kMaxNameLength, "the region of " + who);
        s.freeTier = m_fields.boolean(item, "freeTier", false);
        s.architecture = choiceField(m_fields, item, "architecture", kScenarioArchitectures, who);
        s.capacityMode = choiceField(m_fields, item, "capacityMode", kScenarioCapacityModes, who);
        if (const Tree *list = item.find("overrides"); list && !list->isNull()
            && m_fields.expectSequence(*list, "'overrides' of " + who)) {
            if (list->items.size() > kMaxOverrides) {
                m_fields.error(list->items[kMaxOverrides], tooManyMessage(who, kMaxOverrides, "overrides"));
                return std::nullopt;
            }
            for (const Tree &o : list->items) {
                if (m_fields.expectMap(o, "an override of " + who))
                    readOverride(o, who, s);
            }
        }
        return s;
    }

private:
    void readOverride(const Tree &map, const std::string &who, Scenario &s)
    {
        const auto node = m_fields.boundedText(map, "node", true, kMaxIdLength, "the service of an override of " + who);
        const auto property = m_fields.boundedText(map, "property", true, kMaxNameLength,
                                                   "the property of an override of " + who);
        const Tree *value = map.find("value");
        if (!value)
            m_fields.error(map, "an override of " + who + " needs a 'value'");
        else if (!value->isScalar())
            m_fields.error(*value, "the value of an override of " + who + " must be a single value");
        else if (utf8Length(value->scalar) > kMaxPropertyTextLength)
            m_fields.error(*value, tooLongMessage("the value of an override of " + who, utf8Length(value->scalar),
                                                  kMaxPropertyTextLength));
        if (!node || !property || !value || !value->isScalar() || utf8Length(value->scalar) > kMaxPropertyTextLength)
            return;
        warnUnknownKeys(m_fields, map, {"node", "property", "value"}, "an override of " + who);
        PropertyOverride o{NodeId(*node), *property, inferScalarValue(*value)};
        const Node *target = m_design.node(o.node);
        const ServiceType *type = target ? m_catalog.type(target->type) : nullptr;
        const PropertyDef *def = type ? type->property(*property) : nullptr;
        if (!target) {
            m_fields.warning(*map.find("node"), who + " overrides a property of service '" + *node
                                                    + "', which the design does not have; the override is ignored");
        } else if (type && !def) {
            m_fields.warning(*map.find("property"), who + ": '" + type->name + "' has no property '"
                                                        + *property + "'; the override is kept as it is");
        } else if (def) {
            o.value = typedValue(*def, *value, who);
        }
        s.overrides.push_back(std::move(o));
    }

    PropertyValue typedValue(const PropertyDef &def, const Tree &value, const std::string &who)
    {
        if (def.type == PropertyType::String || def.type == PropertyType::Choice)
            return value.scalar;
        if (!value.quoted && !m_fields.limitOk(value, who + ": the override of " + def.label))
            return value.scalar;
        std::optional<PropertyValue> parsed;
        if (!value.quoted)
            parsed = parsePropertyValue(def, value.scalar);
        if (parsed && def.type == PropertyType::Number)
            return *toNumber(*parsed);
        if (parsed)
            return *parsed;
        m_fields.warning(value, who + ": '" + value.scalar + "' is not a valid " + def.label
                                    + "; the override is kept as text");
        return inferScalarValue(value);
    }

    TreeFields &m_fields;
    const Catalog &m_catalog;
    const Architecture &m_design;
    std::map<std::string, int> m_lines;
};

} // namespace

void readScenarios(const Tree &list, TreeFields &fields, const Catalog &catalog, Architecture &design)
{
    if (list.isNull() || !fields.expectSequence(list, "'scenarios'"))
        return;
    ScenarioReader reader(fields, catalog, design);
    for (const Tree &item : list.items) {
        if (!fields.expectMap(item, "an entry of 'scenarios'"))
            continue;
        if (auto scenario = reader.read(item))
            design.scenarios().push_back(std::move(*scenario));
    }
}

Tree scenariosTree(const std::vector<Scenario> &scenarios)
{
    Tree list = Tree::makeSequence();
    for (const Scenario &s : scenarios) {
        Tree map = Tree::makeMap();
        map.set("name", stringScalar(s.name));
        if (!s.description.empty())
            map.set("description", stringScalar(s.description));
        if (s.trafficMultiplier != 1)
            map.set("trafficMultiplier", valueToTree(s.trafficMultiplier));
        if (s.region)
            map.set("region", stringScalar(*s.region));
        if (s.freeTier)
            map.set("freeTier", valueToTree(*s.freeTier));
        if (s.architecture)
            map.set("architecture", stringScalar(*s.architecture));
        if (s.capacityMode)
            map.set("capacityMode", stringScalar(*s.capacityMode));
        if (!s.overrides.empty()) {
            Tree overrides = Tree::makeSequence();
            for (const PropertyOverride &o : s.overrides) {
                Tree entry = Tree::makeMap();
                entry.set("node", stringScalar(o.node.str()));
                entry.set("property", stringScalar(o.property));
                entry.set("value", valueToTree(o.value));
                overrides.items.push_back(std::move(entry));
            }
            map.set("overrides", std::move(overrides));
        }
        list.items.push_back(std::move(map));
    }
    return list;
}

} // namespace nimbus::model
