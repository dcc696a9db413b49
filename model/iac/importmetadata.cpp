// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "importmetadata.h"

#include "cfntree.h"
#include "environmentbinding.h"

#include <model/core/catalog.h>
#include <model/core/limits.h>
#include <model/core/numberlimits.h>
#include <model/io/treefields.h>

#include <algorithm>
#include <set>
#include <unordered_set>

namespace nimbus::model::iac::importing {

namespace {

class MetadataReader
{
public:
    MetadataReader(ImportResult &result, const Catalog &catalog, const std::string &fileName)
        : m_result(result)
        , m_design(result.design)
        , m_catalog(catalog)
        , m_file(fileName)
    {}

    void apply(const Tree &nimbus);

private:
    void warn(const Tree &where, const std::string &message)
    {
        m_result.diagnostics.push_back({Severity::Warning, m_file, where.line, where.column,
                                        "Metadata.Nimbus: " + message});
    }
    static std::string text(const Tree *tree)
    {
        return tree != nullptr && tree->isScalar() && tree->tag.empty() ? tree->scalar : std::string();
    }
    /// text(), or "" with a warning when it is longer than `maxLength` characters.
    std::string boundedText(const Tree *tree, std::size_t maxLength, const std::string &what)
    {
        std::string value = text(tree);
        if (utf8Length(value) <= maxLength)
            return value;
        warn(*tree, tooLongMessage(what, utf8Length(value), maxLength) + "; it is left out");
        return {};
    }
    std::optional<Point> point(const Tree *tree) const;
    PropertyMap properties(const Tree *tree, const std::vector<PropertyDef> *defs);
    void service(const std::string &id, const Tree &entry);
    void fold(const std::string &id);
    void removeFolded();
    std::string freshId(const char *prefix, std::size_t &next) const;
    void leaveOutVariables(Node &node, const Tree &names);
    void connections(const Tree &list);
    void recount();

    ImportResult &m_result;
    Architecture &m_design;
    const Catalog &m_catalog;
    std::string m_file;
    std::set<std::string> m_services;
    std::set<std::string> m_positioned;
    std::unordered_set<std::string> m_folding;     ///< folded nodes not yet removed
    std::unordered_set<std::string> m_foldedKeys;  ///< keys of design.extra()["cloudformationFolded"]
    std::size_t m_nextEdge = 1;
    std::size_t m_nextNote = 1;
};

std::optional<Point> MetadataReader::point(const Tree *tree) const
{
    if (tree == nullptr || !tree->isSequence() || tree->items.size() != 2)
        return std::nullopt;
    // Coordinates as the project file takes them: finite and within the coordinate limit.
    const std::optional<double> x = parseDouble(tree->items[0].scalar);
    const std::optional<double> y = parseDouble(tree->items[1].scalar);
    if (!x || !y || coordinateProblem(*x) || coordinateProblem(*y))
        return std::nullopt;
    return Point{*x, *y};
}

PropertyMap MetadataReader::properties(const Tree *tree, const std::vector<PropertyDef> *defs)
{
    PropertyMap out;
    if (tree == nullptr || !tree->isMap())
        return out;
    for (const auto &[key, value] : tree->entries) {
        if (!value.isScalar())
            continue;
        const PropertyDef *def = nullptr;
        if (defs != nullptr) {
            for (const PropertyDef &d : *defs) {
                if (d.key == key)
                    def = &d;
            }
        }
        if (utf8Length(value.scalar) > kMaxPropertyTextLength) {
            warn(value, tooLongMessage("property '" + key + "'", utf8Length(value.scalar), kMaxPropertyTextLength)
                            + "; it is left out");
            continue;
        }
        if (def != nullptr) {
            if (auto parsed = parsePropertyValue(*def, value.scalar)) {
                out.emplace(key, *parsed);
                continue;
            }
            const std::optional<std::string> beyond =
                def->type == PropertyType::Integer || def->type == PropertyType::Number
                    ? numberTextProblem(value.scalar)
                    : std::nullopt;
            warn(value,
                 beyond ? key + " is " + value.scalar + ", which " + *beyond + "; it is left out"
                        : "'" + value.scalar + "' is not a valid " + key + "; it is left out");
            continue;
        }
        out.emplace(key, value.scalar);
    }
    return out;
}

// Folded nodes are removed together (removeFolded()): one at a time, n removals would
// each move the whole design.
/// Variables the exporter wrote for connections, not the design's own: out of the property,
/// and left in the body on export.
void MetadataReader::leaveOutVariables(Node &node, const Tree &names)
{
    std::set<std::string> kept;
    for (const Tree &name : names.items)
        kept.insert(text(&name));
    std::vector<std::string> owned;
    for (const std::string &name : templateVariableNames(node.extra)) {
        if (kept.count(name) == 0)
            owned.push_back(name);
    }
    setTemplateVariableNames(node.extra, owned);
    const auto property = node.properties.find(kEnvironmentKey);
    if (property == node.properties.end())
        return;
    std::vector<EnvironmentVariable> variables =
        parseEnvironment(toString(property->second)).variables;
    std::erase_if(variables, [&](const EnvironmentVariable &v) { return kept.count(v.name) != 0; });
    if (variables.empty())
        node.properties.erase(property);
    else
        property->second = formatEnvironment(variables);
}

void MetadataReader::fold(const std::string &id)
{
    Node *node = m_folding.count(id) != 0 ? nullptr : m_design.node(NodeId(id));
    if (node == nullptr)
        return;
    if (const Tree *body = node->extra.find("cloudformation")) {
        Tree *folded = m_design.extra().find("cloudformationFolded");
        if (folded == nullptr) {
            m_design.extra().set("cloudformationFolded", Tree::makeMap());
            folded = m_design.extra().find("cloudformationFolded");
        }
        if (m_foldedKeys.empty()) {
            for (const auto &entry : folded->entries)
                m_foldedKeys.insert(entry.first);
        }
        if (m_foldedKeys.insert(id).second)
            folded->entries.emplace_back(id, *body);
        else
            *folded->find(id) = *body;
    }
    m_folding.insert(id);
}

void MetadataReader::removeFolded()
{
    if (m_folding.empty())
        return;
    m_design.removeNodesIf([&](const Node &n) { return m_folding.count(n.id.str()) != 0; });
    m_folding.clear();
}

/// "<prefix>-<n>" for the first n from `next` on that no object uses; as
/// Architecture::uniqueId(), without searching from 1 for each new id.
std::string MetadataReader::freshId(const char *prefix, std::size_t &next) const
{
    for (;; ++next) {
        std::string candidate = std::string(prefix) + '-' + std::to_string(next);
        if (!m_design.isIdUsed(candidate))
            return candidate;
    }
}

void MetadataReader::service(const std::string &id, const Tree &entry)
{
    if (!entry.isMap() || !cfn::isValidLogicalId(id)) {
        warn(entry, "the entry for '" + id + "' is not a service description; it is skipped");
        return;
    }
    const std::string type = text(entry.find("Type"));
    const ServiceType *serviceType = m_catalog.type(type);
    if (m_folding.count(id) != 0)
        removeFolded(); // a service folded into an earlier one is described again
    Node *node = m_design.node(NodeId(id));
    if (node == nullptr) {
        // An outside actor, or a service the template expresses inside another resource
        // (an EventBridge rule written as a function's event).
        if (serviceType == nullptr) {
            warn(entry, "'" + id + "' has no resource and an unknown type '" + type + "'; it is skipped");
            return;
        }
        Node created;
        created.id = NodeId(id);
        created.type = type;
        created.extra = Tree::makeMap();
        if (serviceType->kind != ServiceKind::Actor)
            created.extra.set("implicit", Tree::makeScalar("true"));
        m_design.addNode(std::move(created));
        node = m_design.node(NodeId(id));
    } else if (serviceType != nullptr && node->type != type) {
        // The resource type says less than the design did (an HTTP API and a WebSocket
        // API share one type): the design's own type wins when it names that resource.
        const Tree *body = node->extra.find("cloudformation");
        const std::string resourceType = body != nullptr ? text(body->find("Type")) : std::string();
        if (resourceType == serviceType->samType || resourceType == serviceType->cloudFormationType)
            node->type = type;
    }
    m_services.insert(id);
    if (const std::string name = boundedText(entry.find("Name"), kMaxNameLength, "the name of '" + id + "'");
        !name.empty())
        node->name = name;
    if (auto p = point(entry.find("Position"))) {
        node->position = *p;
        m_positioned.insert(id);
    } else if (const Tree *position = entry.find("Position")) {
        warn(*position, "the Position of '" + id +
                            "' is not two numbers within ±10^8; it is laid out instead");
    }
    if (const std::string group = text(entry.find("Group")); !group.empty() && m_design.group(GroupId(group)) != nullptr)
        node->group = GroupId(group);
    // Values read from the resource body are the template's truth; the metadata adds the
    // workload numbers and settings the template cannot hold.
    const ServiceType *nodeType = m_catalog.type(node->type);
    PropertyMap drawn = properties(entry.find("Properties"), nodeType != nullptr ? &nodeType->properties : nullptr);
    // A value the exporter wrote only because the template needs one (the catalog's
    // default) was not set in the design: leave it unset again.
    if (nodeType != nullptr) {
        std::erase_if(node->properties, [&](const auto &p) {
            const PropertyDef *def = nodeType->property(p.first);
            return drawn.count(p.first) == 0 && def != nullptr && def->defaultValue
                   && toString(*def->defaultValue) == toString(p.second);
        });
    }
    for (auto &[key, value] : drawn)
        node->properties.emplace(key, std::move(value));
    if (const Tree *kept = entry.find(kKeptVariablesKey); kept != nullptr && kept->isSequence())
        leaveOutVariables(*node, *kept);
    if (const Tree *owned = entry.find("Resources"); owned != nullptr && owned->isSequence()) {
        for (const Tree &r : owned->items) {
            if (r.isScalar() && r.scalar != id)
                fold(r.scalar);
        }
    }
}

void MetadataReader::connections(const Tree &list)
{
    if (!list.isSequence()) {
        warn(list, "Connections must be a list; the connections inferred from the resources are kept");
        return;
    }
    // The connections drawn replace those inferred between the design's own services.
    m_design.removeEdgesIf([&](const Edge &e) {
        return m_services.count(e.source.str()) != 0 && m_services.count(e.target.str()) != 0;
    });
    for (const Tree &item : list.items) {
        const std::string from = text(item.find("From"));
        const std::string to = text(item.find("To"));
        const auto kind = connectionKindFromName(text(item.find("Kind")));
        if (m_design.node(NodeId(from)) == nullptr || m_design.node(NodeId(to)) == nullptr || !kind) {
            warn(item, "a connection " + from + " -> " + to + " names an unknown service or kind; it is skipped");
            continue;
        }
        Edge edge;
        std::string id = text(item.find("Id"));
        edge.id = EdgeId(id.empty() || m_design.isIdUsed(id) ? freshId("edge", m_nextEdge) : id);
        edge.source = NodeId(from);
        edge.target = NodeId(to);
        edge.kind = *kind;
        edge.properties = properties(item.find("Properties"), &m_catalog.edgeProperties());
        edge.extra = Tree::makeMap();
        edge.extra.set("inferredFrom", Tree::makeScalar("Metadata.Nimbus"));
        m_design.addEdge(std::move(edge));
    }
}

void MetadataReader::recount()
{
    ImportStats &s = m_result.stats;
    s.nodes = m_design.nodes().size();
    s.edges = m_design.edges().size();
    s.genericNodes = static_cast<std::size_t>(std::count_if(m_design.nodes().begin(), m_design.nodes().end(),
                                                            [&](const Node &n) { return m_catalog.type(n.type) == nullptr; }));
    const Tree *folded = m_design.extra().find("cloudformationFolded");
    s.foldedResources = folded != nullptr ? folded->entries.size() : 0;
}

void MetadataReader::apply(const Tree &nimbus)
{
    if (!nimbus.isMap()) {
        warn(nimbus, "not a map; the design is read from the resources alone");
        return;
    }
    if (const std::string version = text(nimbus.find("FormatVersion")); version != "1")
        warn(nimbus, "format version '" + version + "' is not one this Nimbus knows; reading what it can");
    if (const std::string name = boundedText(nimbus.find("Name"), kMaxNameLength, "the design's name"); !name.empty())
        m_design.setName(name);
    if (const std::string region = text(nimbus.find("Region")); !region.empty())
        m_design.settings().region = region;
    if (const std::string freeTier = text(nimbus.find("FreeTier")); !freeTier.empty())
        m_design.settings().freeTier = freeTier == "true";
    if (const Tree *groups = nimbus.find("Groups"); groups != nullptr && groups->isMap()) {
        for (const auto &[id, name] : groups->entries) {
            if (!m_design.isIdUsed(id) && isValidId(id))
                m_design.addGroup(Group{GroupId(id), boundedText(&name, kMaxNameLength, "the name of group '" + id + "'"), {}});
        }
    }
    if (const Tree *services = nimbus.find("Services"); services != nullptr && services->isMap()) {
        for (const auto &[id, entry] : services->entries)
            service(id, entry);
    }
    if (const Tree *shared = nimbus.find("SharedResources"); shared != nullptr && shared->isSequence()) {
        for (const Tree &r : shared->items) {
            if (r.isScalar() && m_services.count(r.scalar) == 0)
                fold(r.scalar);
        }
    }
    removeFolded();
    if (const Tree *list = nimbus.find("Connections"))
        connections(*list);
    if (const Tree *notes = nimbus.find("Notes"); notes != nullptr && notes->isSequence()) {
        for (const Tree &n : notes->items) {
            Note note;
            note.id = NoteId(freshId("note", m_nextNote));
            note.text = boundedText(n.find("Text"), kMaxNoteLength, "the text of a note");
            note.position = point(n.find("Position")).value_or(Point{});
            m_design.addNote(std::move(note));
        }
    }
    recount();
    m_result.positioned = std::all_of(m_design.nodes().begin(), m_design.nodes().end(),
                                      [&](const Node &n) { return m_positioned.count(n.id.str()) != 0; });
}

} // namespace

void checkDesignLimits(ImportResult &result, const std::string &fileName)
{
    const Architecture &design = result.design;
    const std::pair<std::size_t, std::size_t> counts[] = {{design.nodes().size(), kMaxNodes},
                                                          {design.edges().size(), kMaxEdges},
                                                          {design.groups().size(), kMaxGroups},
                                                          {design.notes().size(), kMaxNotes}};
    const char *names[] = {"services", "connections", "groups", "notes"};
    for (std::size_t i = 0; i < std::size(counts); ++i) {
        if (counts[i].first > counts[i].second)
            result.diagnostics.push_back({Severity::Error, fileName, 0, 0,
                                          tooManyMessage("the design read from the template", counts[i].second,
                                                         names[i])});
    }
}

void applyDesignMetadata(ImportResult &result, const Tree &root, const Catalog &catalog,
                         const std::string &fileName)
{
    const Tree *metadata = root.isMap() ? root.find("Metadata") : nullptr;
    const Tree *nimbus = metadata != nullptr && metadata->isMap() ? metadata->find("Nimbus") : nullptr;
    if (nimbus == nullptr)
        return;
    // The design is rebuilt from it, and the exporter writes a fresh one: do not keep it.
    if (Tree *sections = result.design.extra().find("cloudformationTemplate")) {
        if (Tree *kept = sections->find("Metadata"); kept != nullptr && kept->isMap()) {
            std::erase_if(kept->entries, [](const auto &e) { return e.first == "Nimbus"; });
            if (kept->entries.empty())
                std::erase_if(sections->entries, [](const auto &e) { return e.first == "Metadata"; });
        }
    }
    MetadataReader(result, catalog, fileName).apply(*nimbus);
}

} // namespace nimbus::model::iac::importing
