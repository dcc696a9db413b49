// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "projectfile.h"

#include "atomicfile.h"
#include "projectscenarios.h"
#include "treefields.h"
#include "yamlreader.h"
#include "yamlwriter.h"

#include <model/core/catalog.h>
#include <model/core/numberlimits.h>
#include <model/core/limits.h>

#include <algorithm>
#include <set>
#include <unordered_map>

namespace nimbus::model {

namespace {

/// Moves every entry whose key is not in `known` into a map kept for writing back.
Tree collectExtra(const Tree &map, std::initializer_list<const char *> known)
{
    Tree extra = Tree::makeMap();
    for (const auto &[key, value] : map.entries) {
        const bool isKnown = std::any_of(known.begin(), known.end(),
                                         [&name = key](const char *k) { return name == k; });
        if (!isKnown)
            extra.entries.emplace_back(key, value);
    }
    return extra;
}

class ProjectReader
{
public:
    ProjectReader(const std::string &fileName, const Catalog &catalog, Diagnostics &diagnostics)
        : m_fields(fileName, diagnostics)
        , m_catalog(catalog)
    {}

    void read(const Tree &root, Architecture &arch)
    {
        if (root.isNull()) {
            m_fields.error(root, "file is empty; a Nimbus project starts with 'nimbus: "
                                     + std::to_string(kProjectFormatVersion) + "'");
            return;
        }
        if (!m_fields.expectMap(root, "a Nimbus project") || !readHeader(root))
            return;
        arch.setName(m_fields.boundedText(root, "name", false, kMaxNameLength, "the design's name").value_or(""));
        arch.setDescription(m_fields.boundedText(root, "description", false, kMaxDescriptionLength,
                                                 "the design's description")
                                .value_or(""));
        if (const Tree *settings = root.find("settings"))
            readSettings(*settings, arch.settings());
        else // no unknown keys, held as readSettings() holds them: the design reads back equal
            arch.settings().extra = Tree::makeMap();
        requireList(root, "nodes", "services");
        requireList(root, "edges", "connections");
        forEachItem(root, "groups", [&](const Tree &item) { readGroup(item, arch); });
        forEachItem(root, "nodes", [&](const Tree &item) { readNode(item, arch); });
        forEachItem(root, "edges", [&](const Tree &item) { readEdge(item, arch); });
        forEachItem(root, "notes", [&](const Tree &item) { readNote(item, arch); });
        if (const Tree *scenarios = root.find("scenarios"))
            readScenarios(*scenarios, m_fields, m_catalog, arch);
        arch.extra() = collectExtra(root, {"nimbus", "name", "description", "settings", "groups",
                                           "nodes", "edges", "notes", "scenarios"});
    }

    std::unordered_map<std::string, int> takeIdLines() { return std::move(m_idLines); }

private:
    bool readHeader(const Tree &root)
    {
        const Tree *header = root.find("nimbus");
        if (!header) {
            m_fields.error(root, "not a Nimbus project: the 'nimbus: "
                                     + std::to_string(kProjectFormatVersion)
                                     + "' format header is missing");
            return false;
        }
        const auto version = m_fields.integer(root, "nimbus", true);
        if (!version)
            return false;
        if (*version > kProjectFormatVersion) {
            m_fields.error(*header, "the file uses format " + std::to_string(*version)
                                        + ", written by a newer Nimbus; this version reads "
                                          "format "
                                        + std::to_string(kProjectFormatVersion)
                                        + " and older");
            return false;
        }
        if (*version < 1) {
            m_fields.error(*header, "format version must be 1 or more, not "
                                        + std::to_string(*version));
            return false;
        }
        return true;
    }

    /// 'nodes' and 'edges' are required, even when empty (docs/file-format.md).
    void requireList(const Tree &root, const char *key, const char *what)
    {
        if (root.find(key) == nullptr)
            m_fields.error(root, std::string("missing '") + key + "': a design lists its " + what + " under '"
                                     + key + ":' ('" + key + ": []' when it has none)");
    }

    template<typename Fn>
    void forEachItem(const Tree &root, const char *key, Fn fn)
    {
        const Tree *list = root.find(key);
        if (!list || list->isNull())
            return;
        if (!m_fields.expectSequence(*list, std::string("'") + key + "'"))
            return;
        for (const Tree &item : list->items) {
            if (m_fields.expectMap(item, std::string("an entry of '") + key + "'"))
                fn(item);
        }
    }

    void readSettings(const Tree &map, Settings &settings)
    {
        if (!m_fields.expectMap(map, "'settings'"))
            return;
        settings.region = m_fields.boundedText(map, "region", false, kMaxNameLength, "the region").value_or(settings.region);
        settings.freeTier = m_fields.boolean(map, "freeTier", false).value_or(settings.freeTier);
        if (map.find("trafficMultiplier")) {
            const auto multiplier = m_fields.number(map, "trafficMultiplier", false);
            if (multiplier && *multiplier > 0)
                settings.trafficMultiplier = *multiplier;
            else if (multiplier)
                m_fields.error(*map.find("trafficMultiplier"), "'trafficMultiplier' must be above 0");
        }
        settings.extra = collectExtra(map, {"region", "freeTier", "trafficMultiplier"});
    }

    /// Reads and checks an object's id; empty when it is missing, malformed or taken.
    std::string readId(const Tree &item, const Architecture &arch, const char *what)
    {
        const auto id = m_fields.boundedText(item, "id", true, kMaxIdLength, std::string("the id of a ") + what);
        if (!id)
            return {};
        const Tree &at = *item.find("id");
        if (!isValidId(*id)) {
            m_fields.error(at, std::string(what) + " id '" + *id
                                   + "' may use only letters, digits, '-', '_' and '.'");
            return {};
        }
        if (arch.isIdUsed(*id)) {
            m_fields.error(at, "duplicate id '" + *id + "' (first used at line "
                                   + std::to_string(m_idLines[*id]) + "); this " + what
                                   + " is skipped");
            return {};
        }
        m_idLines[*id] = at.line;
        return *id;
    }

    std::optional<Point> readPosition(const Tree &item)
    {
        const Tree *position = item.find("position");
        if (!position)
            return std::nullopt;
        if (position->isSequence() && position->items.size() == 2
            && position->items[0].isScalar() && position->items[1].isScalar()) {
            for (const Tree &coordinate : position->items) {
                if (!m_fields.limitOk(coordinate, "a coordinate of 'position'"))
                    return std::nullopt;
            }
            const auto x = parseDouble(position->items[0].scalar);
            const auto y = parseDouble(position->items[1].scalar);
            if (x && y && coordinatesOk(*position, *x, *y))
                return Point{*x, *y};
            if (x && y)
                return std::nullopt;
        }
        m_fields.error(*position, "'position' must be two numbers, as in [120, 80]");
        return std::nullopt;
    }

    /// Reports a coordinate beyond kCoordinateLimit; false when it did.
    bool coordinatesOk(const Tree &position, double x, double y)
    {
        for (std::size_t i = 0; i < 2; ++i) {
            if (const auto problem = coordinateProblem(i == 0 ? x : y)) {
                m_fields.error(position.items[i], "a coordinate of 'position' is " +
                                                      position.items[i].scalar + ", which " +
                                                      *problem);
                return false;
            }
        }
        return true;
    }

    void readGroup(const Tree &item, Architecture &arch)
    {
        Group group;
        group.id = GroupId(readId(item, arch, "group"));
        if (group.id.isEmpty())
            return;
        group.name = m_fields.boundedText(item, "name", false, kMaxNameLength,
                                          "the name of group '" + group.id.str() + "'")
                         .value_or(group.id.str());
        group.extra = collectExtra(item, {"id", "name"});
        arch.addGroup(std::move(group));
    }

    void readNode(const Tree &item, Architecture &arch)
    {
        Node node;
        node.id = NodeId(readId(item, arch, "node"));
        const auto type = m_fields.boundedText(item, "type", true, kMaxNameLength, "the type of a node");
        if (node.id.isEmpty() || !type)
            return;
        node.type = *type;
        const ServiceType *serviceType = m_catalog.type(node.type);
        if (!serviceType && !isGenericResourceType(node.type)) {
            const std::string hint = m_catalog.closestTypeId(node.type);
            m_fields.error(*item.find("type"),
                           "node '" + node.id.str() + "' has unknown service type '" + node.type
                               + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
        }
        node.name = m_fields.boundedText(item, "name", false, kMaxNameLength,
                                         "the name of node '" + node.id.str() + "'")
                        .value_or(node.id.str());
        node.position = readPosition(item).value_or(Point{});
        if (const auto group = m_fields.boundedText(item, "group", false, kMaxIdLength,
                                                    "the group of node '" + node.id.str() + "'")) {
            if (arch.group(GroupId(*group)))
                node.group = GroupId(*group);
            else
                m_fields.error(*item.find("group"), "node '" + node.id.str()
                                                        + "' is in unknown group '" + *group
                                                        + "'; it is placed outside any group");
        }
        if (const Tree *properties = item.find("properties"))
            node.properties = readProperties(*properties, serviceType ? &serviceType->properties : nullptr,
                                             serviceType ? serviceType->name : std::string(),
                                             "node '" + node.id.str() + "'");
        node.extra = collectExtra(item, {"id", "type", "name", "position", "group", "properties"});
        arch.addNode(std::move(node));
    }

    PropertyMap readProperties(const Tree &map, const std::vector<PropertyDef> *defs,
                               const std::string &typeName, const std::string &owner)
    {
        PropertyMap properties;
        if (map.isNull() || !m_fields.expectMap(map, "'properties' of " + owner))
            return properties;
        for (const auto &[key, value] : map.entries) {
            if (!value.isScalar()) {
                m_fields.error(value, "property '" + key + "' of " + owner
                                          + " must be a single value");
                continue;
            }
            if (value.scalar.size() > kMaxPropertyTextLength && utf8Length(value.scalar) > kMaxPropertyTextLength) {
                m_fields.error(value, tooLongMessage("property '" + key + "' of " + owner,
                                                     utf8Length(value.scalar), kMaxPropertyTextLength));
                continue;
            }
            properties[key] = readPropertyValue(key, value, defs, typeName, owner);
        }
        return properties;
    }

    PropertyValue readPropertyValue(const std::string &key, const Tree &value,
                                    const std::vector<PropertyDef> *defs,
                                    const std::string &typeName, const std::string &owner)
    {
        const PropertyValue inferred = inferScalarValue(value);
        if (!defs)
            return inferred;
        auto found = std::find_if(defs->begin(), defs->end(),
                                  [&](const PropertyDef &d) { return d.key == key; });
        const PropertyDef *def = found == defs->end() ? nullptr : &*found;
        if (!def) {
            m_fields.warning(value, "'" + typeName + "' has no property '" + key + "' ("
                                        + owner + "); it is kept as it is");
            return inferred;
        }
        if (def->type == PropertyType::String || def->type == PropertyType::Choice)
            return value.scalar;
        const bool numeric =
            def->type == PropertyType::Integer || def->type == PropertyType::Number;
        if (numeric && !value.quoted &&
            !m_fields.limitOk(value, "property '" + key + "' of " + owner))
            return value.scalar;
        std::optional<PropertyValue> parsed;
        if (!value.quoted)
            parsed = parsePropertyValue(*def, value.scalar);
        if (parsed && def->type == PropertyType::Number)
            parsed = PropertyValue(*toNumber(*parsed));
        if (!parsed) {
            m_fields.error(value, "property '" + key + "' of " + owner + " must be "
                                      + (def->type == PropertyType::Boolean
                                             ? std::string("true or false")
                                             : def->type == PropertyType::Integer
                                                   ? std::string("a whole number")
                                                   : std::string("a number"))
                                      + ", not '" + value.scalar + "'");
            return inferred;
        }
        return *parsed;
    }

    void readEdge(const Tree &item, Architecture &arch)
    {
        Edge edge;
        edge.id = EdgeId(readId(item, arch, "edge"));
        const auto from = m_fields.boundedText(item, "from", true, kMaxIdLength, "'from' of an edge");
        const auto to = m_fields.boundedText(item, "to", true, kMaxIdLength, "'to' of an edge");
        const auto kind = m_fields.boundedText(item, "kind", true, kMaxNameLength, "the kind of an edge");
        if (edge.id.isEmpty() || !from || !to || !kind)
            return;
        edge.source = NodeId(*from);
        edge.target = NodeId(*to);
        bool ok = true;
        for (const auto &[end, key] : {std::pair{edge.source, "from"}, std::pair{edge.target, "to"}}) {
            if (!arch.node(end)) {
                m_fields.error(*item.find(key), "edge '" + edge.id.str() + "' " + key
                                                    + " missing node '" + end.str()
                                                    + "'; the edge is skipped");
                ok = false;
            }
        }
        const auto parsedKind = connectionKindFromName(*kind);
        if (!parsedKind) {
            m_fields.error(*item.find("kind"),
                           "edge '" + edge.id.str() + "' has unknown connection kind '" + *kind
                               + "' (sync-invoke, async-invoke, poll, stream, publish, "
                                 "subscribe, read, write or trigger)");
            ok = false;
        }
        if (!ok)
            return;
        edge.kind = *parsedKind;
        if (const Tree *properties = item.find("properties"))
            edge.properties = readProperties(*properties, &m_catalog.edgeProperties(),
                                             "a connection", "edge '" + edge.id.str() + "'");
        edge.extra = collectExtra(item, {"id", "from", "to", "kind", "properties"});
        arch.addEdge(std::move(edge));
    }

    void readNote(const Tree &item, Architecture &arch)
    {
        Note note;
        note.id = NoteId(readId(item, arch, "note"));
        if (note.id.isEmpty())
            return;
        note.text = m_fields.boundedText(item, "text", false, kMaxNoteLength,
                                         "the text of note '" + note.id.str() + "'")
                        .value_or("");
        note.position = readPosition(item).value_or(Point{});
        note.extra = collectExtra(item, {"id", "text", "position"});
        arch.addNote(std::move(note));
    }

    TreeFields m_fields;
    const Catalog &m_catalog;
    std::unordered_map<std::string, int> m_idLines;
};

void appendExtra(Tree &map, const Tree &extra)
{
    for (const auto &entry : extra.entries)
        map.entries.push_back(entry);
}

Tree positionTree(const Point &p)
{
    Tree position = Tree::makeSequence();
    position.flow = true;
    position.items.push_back(Tree::makeScalar(formatNumber(p.x)));
    position.items.push_back(Tree::makeScalar(formatNumber(p.y)));
    return position;
}

Tree propertiesTree(const PropertyMap &properties)
{
    Tree map = Tree::makeMap();
    for (const auto &[key, value] : properties)
        map.entries.emplace_back(key, valueToTree(value));
    return map;
}

template<typename Item>
std::vector<const Item *> sortedById(const std::vector<Item> &items)
{
    std::vector<const Item *> sorted;
    sorted.reserve(items.size());
    for (const Item &item : items)
        sorted.push_back(&item);
    std::sort(sorted.begin(), sorted.end(),
              [](const Item *a, const Item *b) { return a->id.str() < b->id.str(); });
    return sorted;
}

Tree nodeTree(const Node &node)
{
    Tree map = Tree::makeMap();
    map.set("id", stringScalar(node.id.str()));
    map.set("type", stringScalar(node.type));
    map.set("name", stringScalar(node.name));
    if (node.group)
        map.set("group", stringScalar(node.group->str()));
    map.set("position", positionTree(node.position));
    if (!node.properties.empty())
        map.set("properties", propertiesTree(node.properties));
    appendExtra(map, node.extra);
    return map;
}

Tree edgeTree(const Edge &edge)
{
    Tree map = Tree::makeMap();
    map.set("id", stringScalar(edge.id.str()));
    map.set("from", stringScalar(edge.source.str()));
    map.set("to", stringScalar(edge.target.str()));
    map.set("kind", Tree::makeScalar(std::string(connectionKindName(edge.kind))));
    if (!edge.properties.empty())
        map.set("properties", propertiesTree(edge.properties));
    appendExtra(map, edge.extra);
    return map;
}

} // namespace

YamlParseOptions projectParseOptions()
{
    YamlParseOptions options;
    options.sectionLimits = {{{"nodes"}, kMaxNodes, "services"},
                             {{"edges"}, kMaxEdges, "connections"},
                             {{"groups"}, kMaxGroups, "groups"},
                             {{"notes"}, kMaxNotes, "notes"},
                             {{"scenarios"}, kMaxScenarios, "scenarios"}};
    return options;
}

ProjectLoadResult readProject(std::string_view text, const std::string &fileName,
                              const Catalog &catalog)
{
    ProjectLoadResult result;
    YamlParseResult parsed = parseYaml(text, fileName, projectParseOptions());
    result.diagnostics = std::move(parsed.diagnostics);
    if (hasErrors(result.diagnostics))
        return result;
    ProjectReader reader(fileName, catalog, result.diagnostics);
    reader.read(parsed.tree, result.architecture);
    result.idLines = reader.takeIdLines();
    return result;
}

ProjectLoadResult readProjectFile(const std::string &path, const Catalog &catalog)
{
    std::string text;
    std::string error;
    if (!readTextFile(path, text, error, kMaxFileBytes)) {
        ProjectLoadResult result;
        result.diagnostics.push_back({Severity::Error, path, 0, 0, error});
        return result;
    }
    return readProject(text, path, catalog);
}

std::string writeProject(const Architecture &arch)
{
    Tree root = Tree::makeMap();
    root.set("nimbus", Tree::makeScalar(std::to_string(kProjectFormatVersion)));
    root.set("name", stringScalar(arch.name()));
    if (!arch.description().empty())
        root.set("description", stringScalar(arch.description()));

    Tree settings = Tree::makeMap();
    settings.set("region", stringScalar(arch.settings().region));
    settings.set("freeTier", Tree::makeScalar(arch.settings().freeTier ? "true" : "false"));
    if (arch.settings().trafficMultiplier != 1) // only a scenario's view of a design has one
        settings.set("trafficMultiplier", valueToTree(arch.settings().trafficMultiplier));
    appendExtra(settings, arch.settings().extra);
    root.set("settings", std::move(settings));

    if (!arch.groups().empty()) {
        Tree groups = Tree::makeSequence();
        for (const Group *g : sortedById(arch.groups())) {
            Tree map = Tree::makeMap();
            map.set("id", stringScalar(g->id.str()));
            map.set("name", stringScalar(g->name));
            appendExtra(map, g->extra);
            groups.items.push_back(std::move(map));
        }
        root.set("groups", std::move(groups));
    }
    Tree nodes = Tree::makeSequence();
    for (const Node *n : sortedById(arch.nodes()))
        nodes.items.push_back(nodeTree(*n));
    root.set("nodes", std::move(nodes));
    Tree edges = Tree::makeSequence();
    for (const Edge *e : sortedById(arch.edges()))
        edges.items.push_back(edgeTree(*e));
    root.set("edges", std::move(edges));
    if (!arch.notes().empty()) {
        Tree notes = Tree::makeSequence();
        for (const Note *n : sortedById(arch.notes())) {
            Tree map = Tree::makeMap();
            map.set("id", stringScalar(n->id.str()));
            map.set("text", stringScalar(n->text));
            map.set("position", positionTree(n->position));
            appendExtra(map, n->extra);
            notes.items.push_back(std::move(map));
        }
        root.set("notes", std::move(notes));
    }
    if (!arch.scenarios().empty())
        root.set("scenarios", scenariosTree(arch.scenarios()));
    appendExtra(root, arch.extra());
    return writeYaml(root);
}

bool saveProjectFile(const Architecture &architecture, const std::string &path,
                     std::string &error)
{
    return writeFileAtomically(path, writeProject(architecture), error);
}

} // namespace nimbus::model
