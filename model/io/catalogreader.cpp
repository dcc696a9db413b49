// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "catalogreader.h"

#include "connectionreader.h"
#include "filekind.h"
#include "treefields.h"
#include "yamlreader.h"

#include <model/core/ids.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <set>

namespace nimbus::model {

namespace {

const std::set<std::string> kGroups = {"Configuration", "Workload", "Reliability", "Security"};
const std::set<std::string> kMarks = {"V", "V2", "3P", "U"};

std::string withArticle(const std::string &word)
{
    const bool vowel = !word.empty() && std::string("aeiou").find(word[0]) != std::string::npos;
    return (vowel ? "an " : "a ") + word;
}

class CatalogBuilder
{
public:
    explicit CatalogBuilder(Diagnostics &diagnostics)
        : m_diagnostics(diagnostics)
    {}

    void readFile(const SourceText &file)
    {
        YamlParseResult parsed = parseYaml(file.text, file.name);
        m_diagnostics.insert(m_diagnostics.end(), parsed.diagnostics.begin(),
                             parsed.diagnostics.end());
        if (!parsed.ok())
            return;
        TreeFields fields(file.name, m_diagnostics);
        if (!fields.expectMap(parsed.tree, "a catalog file"))
            return;
        fields.rejectUnknownKeys(parsed.tree,
                                 {"categories", "services", "edgeProperties", "connections",
                                  "refusals"},
                                 "a catalog file");
        if (const Tree *categories = parsed.tree.find("categories"))
            readCategories(fields, *categories);
        if (const Tree *services = parsed.tree.find("services"))
            readServices(fields, *services);
        if (const Tree *edge = parsed.tree.find("edgeProperties")) {
            if (fields.expectSequence(*edge, "'edgeProperties'")) {
                for (const Tree &p : edge->items)
                    readPropertyInto(fields, p, "edges", m_edgeProperties);
            }
        }
        m_connections.read(fields, parsed.tree);
    }

    Catalog finish()
    {
        for (const auto &[type, position] : m_typePositions) {
            const std::string &category = m_types[type].category;
            if (!category.empty() && m_categoryIds.count(category) == 0)
                m_diagnostics.push_back({Severity::Error, position.file, position.line, 0,
                                         "service '" + m_types[type].id
                                             + "' names unknown category '" + category + "'"});
        }
        if (m_categories.empty())
            m_diagnostics.push_back({Severity::Error, "", 0, 0, "the catalog defines no categories"});
        if (m_types.empty())
            m_diagnostics.push_back({Severity::Error, "", 0, 0, "the catalog defines no services"});
        // Checked against the final list of types, so that file order does not matter.
        ConnectionRules connections = m_connections.finish(m_types, m_diagnostics);
        return Catalog(std::move(m_categories), std::move(m_types), std::move(connections),
                       std::move(m_edgeProperties));
    }

private:
    struct Position
    {
        std::string file;
        int line = 0;
    };

    void readCategories(TreeFields &fields, const Tree &list)
    {
        if (!fields.expectSequence(list, "'categories'"))
            return;
        static const std::regex color("#[0-9A-Fa-f]{6}");
        for (const Tree &item : list.items) {
            if (!fields.expectMap(item, "a category"))
                continue;
            fields.rejectUnknownKeys(item, {"id", "name", "color"}, "a category");
            Category c;
            c.id = fields.text(item, "id", true).value_or("");
            c.name = fields.text(item, "name", true).value_or("");
            c.color = fields.text(item, "color", true).value_or("");
            if (!c.color.empty() && !std::regex_match(c.color, color))
                fields.error(*item.find("color"), "category colour must be \"#RRGGBB\", not '"
                                                      + c.color + "'");
            if (c.id.empty())
                continue;
            if (!m_categoryIds.insert(c.id).second)
                fields.error(item, "duplicate category id '" + c.id + "'");
            else
                m_categories.push_back(std::move(c));
        }
    }

    void readServices(TreeFields &fields, const Tree &list)
    {
        if (!fields.expectSequence(list, "'services'"))
            return;
        for (const Tree &item : list.items) {
            if (fields.expectMap(item, "a service"))
                readService(fields, item);
        }
    }

    void readService(TreeFields &fields, const Tree &item)
    {
        fields.rejectUnknownKeys(item,
                                 {"id", "name", "shortName", "category", "kind", "entryPoint", "needsSource",
                                  "description", "resource", "docs", "properties", "limits"},
                                 "a service");
        ServiceType t;
        t.id = fields.text(item, "id", true).value_or("");
        t.name = fields.text(item, "name", true).value_or("");
        t.shortName = fields.text(item, "shortName", false).value_or(t.name);
        t.category = fields.text(item, "category", true).value_or("");
        t.description = fields.text(item, "description", true).value_or("");
        t.docs = fields.text(item, "docs", false).value_or("");
        t.entryPoint = fields.boolean(item, "entryPoint", false).value_or(false);
        t.needsSource = fields.boolean(item, "needsSource", false).value_or(false);
        const std::string kind = fields.text(item, "kind", true).value_or("service");
        if (kind == "actor")
            t.kind = ServiceKind::Actor;
        else if (kind != "service")
            fields.error(*item.find("kind"), "service kind must be 'service' or 'actor', not '"
                                                 + kind + "'");
        if (const Tree *resource = item.find("resource")) {
            if (fields.expectMap(*resource, "'resource'")) {
                fields.rejectUnknownKeys(*resource, {"sam", "cloudformation"}, "'resource'");
                t.samType = fields.text(*resource, "sam", false).value_or("");
                t.cloudFormationType = fields.text(*resource, "cloudformation", true).value_or("");
            }
        }
        if (const Tree *properties = item.find("properties")) {
            if (fields.expectSequence(*properties, "'properties'")) {
                for (const Tree &p : properties->items)
                    readProperty(fields, p, t);
            }
        }
        if (const Tree *limits = item.find("limits")) {
            if (fields.expectSequence(*limits, "'limits'")) {
                for (const Tree &l : limits->items)
                    readLimit(fields, l, t);
            }
        }
        if (t.id.empty())
            return;
        if (!isValidId(t.id) || isGenericResourceType(t.id)) {
            fields.error(item, "service id '" + t.id + "' must use only letters, digits, '-', '_'");
            return;
        }
        if (std::any_of(m_types.begin(), m_types.end(),
                        [&](const ServiceType &o) { return o.id == t.id; })) {
            fields.error(item, "duplicate service id '" + t.id + "'");
            return;
        }
        m_typePositions.emplace_back(m_types.size(), Position{fields.fileName(), item.line});
        m_types.push_back(std::move(t));
    }

    void readProperty(TreeFields &fields, const Tree &item, ServiceType &service)
    {
        readPropertyInto(fields, item, "'" + service.id + "'", service.properties);
    }

    void readPropertyInto(TreeFields &fields, const Tree &item, const std::string &owner,
                          std::vector<PropertyDef> &list)
    {
        if (!fields.expectMap(item, "a property"))
            return;
        fields.rejectUnknownKeys(item,
                                 {"key", "label", "type", "unit", "default", "min", "max",
                                  "choices", "group", "help"},
                                 "a property");
        PropertyDef def;
        def.key = fields.text(item, "key", true).value_or("");
        def.label = fields.text(item, "label", true).value_or(def.key);
        def.unit = fields.text(item, "unit", false).value_or("");
        def.help = fields.text(item, "help", true).value_or("");
        def.group = fields.text(item, "group", true).value_or("Configuration");
        def.minimum = fields.number(item, "min", false);
        def.maximum = fields.number(item, "max", false);
        const std::string where = "property '" + def.key + "' of " + owner;
        if (const Tree *g = item.find("group"); g && kGroups.count(def.group) == 0)
            fields.error(*g, where + ": unknown group '" + def.group + "'");

        const std::string typeName = fields.text(item, "type", true).value_or("");
        const auto type = propertyTypeFromName(typeName);
        if (!type) {
            if (!typeName.empty())
                fields.error(*item.find("type"), where + ": unknown property type '" + typeName
                                                     + "' (integer, number, boolean, string "
                                                       "or choice)");
            return;
        }
        def.type = *type;
        if (!readChoicesAndRange(fields, item, def, where))
            return;
        if (const Tree *d = item.find("default"); d && !d->isNull())
            readDefault(fields, *d, def, where);
        const bool taken = std::any_of(list.begin(), list.end(),
                                       [&](const PropertyDef &p) { return p.key == def.key; });
        if (taken)
            fields.error(item, where + " is defined twice");
        else if (!def.key.empty())
            list.push_back(std::move(def));
    }

    bool readChoicesAndRange(TreeFields &fields, const Tree &item, PropertyDef &def,
                             const std::string &where)
    {
        const bool numeric = def.type == PropertyType::Integer || def.type == PropertyType::Number;
        if (!numeric && (def.minimum || def.maximum)) {
            fields.error(item, where + ": min and max apply only to integer and number");
            return false;
        }
        if (def.minimum && def.maximum && *def.minimum > *def.maximum) {
            fields.error(*item.find("min"), where + ": min is greater than max");
            return false;
        }
        const Tree *choices = item.find("choices");
        if (def.type != PropertyType::Choice) {
            if (choices) {
                fields.error(*choices, where + ": only a choice property has choices");
                return false;
            }
            return true;
        }
        if (!choices || !choices->isSequence() || choices->items.empty()) {
            fields.error(choices ? *choices : item, where + ": a choice needs a list of choices");
            return false;
        }
        for (const Tree &c : choices->items) {
            if (!c.isScalar()) {
                fields.error(c, where + ": each choice must be a single value");
                return false;
            }
            def.choices.push_back(c.scalar);
        }
        return true;
    }

    void readDefault(TreeFields &fields, const Tree &value, PropertyDef &def,
                     const std::string &where)
    {
        if (!value.isScalar()) {
            fields.error(value, where + ": default must be a single value");
            return;
        }
        std::optional<PropertyValue> parsed = parsePropertyValue(def, value.scalar);
        if (parsed && def.type == PropertyType::Number) {
            // Accept "128" for a number property as the double 128.
            parsed = PropertyValue(*toNumber(*parsed));
        }
        if (!parsed) {
            fields.error(value, where + ": default '" + value.scalar + "' is not "
                                    + withArticle(propertyTypeName(def.type)));
            return;
        }
        if (auto problem = checkPropertyValue(def, *parsed)) {
            fields.error(value, where + ": default " + *problem);
            return;
        }
        def.defaultValue = std::move(parsed);
    }

    void readLimit(TreeFields &fields, const Tree &item, ServiceType &service)
    {
        if (!fields.expectMap(item, "a limit"))
            return;
        fields.rejectUnknownKeys(item, {"key", "value", "unit", "description", "mark", "source"},
                                 "a limit");
        LimitDef limit;
        limit.key = fields.text(item, "key", true).value_or("");
        limit.value = fields.number(item, "value", true).value_or(0);
        limit.unit = fields.text(item, "unit", true).value_or("");
        limit.description = fields.text(item, "description", true).value_or("");
        limit.mark = fields.text(item, "mark", true).value_or("");
        limit.source = fields.text(item, "source", true).value_or("");
        if (const Tree *m = item.find("mark"); m && kMarks.count(limit.mark) == 0)
            fields.error(*m, "limit '" + limit.key + "': mark must be V, V2, 3P or U");
        if (service.limit(limit.key))
            fields.error(item, "limit '" + limit.key + "' of '" + service.id + "' is defined twice");
        else if (!limit.key.empty())
            service.limits.push_back(std::move(limit));
    }

    Diagnostics &m_diagnostics;
    std::vector<Category> m_categories;
    std::set<std::string> m_categoryIds;
    std::vector<ServiceType> m_types;
    std::vector<std::pair<std::size_t, Position>> m_typePositions;
    std::vector<PropertyDef> m_edgeProperties;
    ConnectionReader m_connections;
};

} // namespace

CatalogLoadResult readCatalog(const std::vector<SourceText> &files)
{
    CatalogLoadResult result;
    CatalogBuilder builder(result.diagnostics);
    for (const SourceText &file : files)
        builder.readFile(file);
    result.catalog = builder.finish();
    return result;
}

CatalogLoadResult readCatalogDirectory(const std::string &directory)
{
    namespace fs = std::filesystem;
    std::vector<std::string> paths;
    std::error_code ec;
    for (fs::directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->path().extension() == ".yaml")
            paths.push_back(it->path().string());
    }
    std::sort(paths.begin(), paths.end());
    std::vector<SourceText> files;
    CatalogLoadResult failed;
    for (const std::string &path : paths) {
        SourceText file{path, {}};
        std::string error;
        if (!readTextFile(path, file.text, error, 16u * 1024u * 1024u))
            failed.diagnostics.push_back({Severity::Error, path, 0, 0, error});
        files.push_back(std::move(file));
    }
    if (ec)
        failed.diagnostics.push_back(
            {Severity::Error, directory, 0, 0,
             "cannot read the catalog folder: " + systemErrorText(ec.value())});
    else if (paths.empty())
        failed.diagnostics.push_back(
            {Severity::Error, directory, 0, 0, "no catalog files (*.yaml) found in the folder"});
    if (!failed.diagnostics.empty())
        return failed;
    return readCatalog(files);
}

} // namespace nimbus::model
