// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "infocommand.h"

#include "cli.h"
#include "designloader.h"

#include <model/io/jsonwriter.h>

#include <map>
#include <ostream>

namespace nimbus::app {

namespace {

using model::Architecture;
using model::Catalog;
using model::Node;

struct TypeRow
{
    std::string typeId;
    std::string typeName;
    std::string category;
    std::vector<const Node *> nodes;
};

/// Nodes grouped by type, in catalog order (category, then type); generic and unknown
/// types last, by name.
std::vector<TypeRow> byType(const Architecture &arch, const Catalog &catalog)
{
    std::map<std::string, TypeRow> rows;
    for (const Node &node : arch.nodes()) {
        TypeRow &row = rows[node.type];
        row.typeId = node.type;
        const model::ServiceType *type = catalog.type(node.type);
        row.typeName = type ? type->name : node.type;
        row.category = type ? type->category : std::string();
        row.nodes.push_back(&node);
    }
    std::vector<TypeRow> ordered;
    for (const model::ServiceType &type : catalog.types()) {
        if (auto it = rows.find(type.id); it != rows.end()) {
            ordered.push_back(std::move(it->second));
            rows.erase(it);
        }
    }
    for (auto &[id, row] : rows)
        ordered.push_back(std::move(row));
    for (TypeRow &row : ordered) {
        std::sort(row.nodes.begin(), row.nodes.end(),
                  [](const Node *a, const Node *b) { return a->name < b->name; });
    }
    return ordered;
}

std::map<std::string, int> edgesByKind(const Architecture &arch)
{
    std::map<std::string, int> counts;
    for (const model::Edge &e : arch.edges())
        ++counts[std::string(model::connectionKindName(e.kind))];
    return counts;
}

std::string plural(std::size_t n, const char *one, const char *many)
{
    return std::to_string(n) + ' ' + (n == 1 ? one : many);
}

void writeText(const Architecture &arch, const Catalog &catalog, const std::string &path,
               std::ostream &out)
{
    out << (arch.name().empty() ? std::string("(untitled design)") : arch.name()) << "  (" << path
        << ")\n";
    out << "Region " << arch.settings().region << ", free tier "
        << (arch.settings().freeTier ? "on" : "off") << '\n';
    out << plural(arch.nodes().size(), "service", "services") << ", "
        << plural(arch.edges().size(), "connection", "connections") << ", "
        << plural(arch.groups().size(), "group", "groups") << ", "
        << plural(arch.notes().size(), "note", "notes") << "\n\nServices by type:\n";
    for (const TypeRow &row : byType(arch, catalog)) {
        out << "  " << row.typeName << " (" << row.nodes.size() << "): ";
        for (std::size_t i = 0; i < row.nodes.size(); ++i)
            out << (i ? ", " : "") << row.nodes[i]->name << " [" << row.nodes[i]->id.str() << ']';
        out << '\n';
    }
    if (!arch.edges().empty()) {
        out << "\nConnections by kind:\n";
        for (const auto &[kind, count] : edgesByKind(arch))
            out << "  " << kind << ": " << count << '\n';
    }
    if (!arch.groups().empty()) {
        out << "\nGroups:\n";
        for (const model::Group &group : arch.groups()) {
            out << "  " << group.name << ':';
            int members = 0;
            for (const Node &node : arch.nodes()) {
                if (node.group == group.id)
                    out << (members++ ? ", " : " ") << node.name;
            }
            out << (members ? "" : " (empty)") << '\n';
        }
    }
}

void writeJson(const Architecture &arch, const Catalog &catalog, std::ostream &out)
{
    model::JsonWriter json;
    json.beginObject();
    json.key("name").value(arch.name());
    json.key("region").value(arch.settings().region);
    json.key("freeTier").value(arch.settings().freeTier);
    json.key("counts").beginObject();
    json.key("services").value(static_cast<long long>(arch.nodes().size()));
    json.key("connections").value(static_cast<long long>(arch.edges().size()));
    json.key("groups").value(static_cast<long long>(arch.groups().size()));
    json.key("notes").value(static_cast<long long>(arch.notes().size()));
    json.endObject();
    json.key("servicesByType").beginArray();
    for (const TypeRow &row : byType(arch, catalog)) {
        json.beginObject().key("type").value(row.typeId).key("name").value(row.typeName);
        json.key("category").value(row.category).key("nodes").beginArray();
        for (const Node *node : row.nodes)
            json.beginObject().key("id").value(node->id.str()).key("name").value(node->name).endObject();
        json.endArray().endObject();
    }
    json.endArray();
    json.key("connectionsByKind").beginObject();
    for (const auto &[kind, count] : edgesByKind(arch))
        json.key(kind).value(count);
    json.endObject();
    json.key("groups").beginArray();
    for (const model::Group &group : arch.groups()) {
        json.beginObject().key("id").value(group.id.str()).key("name").value(group.name);
        json.key("members").beginArray();
        for (const Node &node : arch.nodes()) {
            if (node.group == group.id)
                json.value(node.id.str());
        }
        json.endArray().endObject();
    }
    json.endArray();
    json.endObject();
    out << json.text() << '\n';
}

} // namespace

int runInfo(const CliOptions &options, std::ostream &out, std::ostream &err)
{
    const std::string &path = options.files.front();
    std::optional<LoadedDesign> design = loadDesign(path, options.catalogDir, err);
    if (!design)
        return ExitUsage;
    if (options.format == "json")
        writeJson(design->architecture, design->catalog, out);
    else
        writeText(design->architecture, design->catalog, path, out);
    return ExitClean;
}

} // namespace nimbus::app
