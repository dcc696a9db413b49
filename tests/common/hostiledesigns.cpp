// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "hostiledesigns.h"

#include <model/core/numberlimits.h>
#include <model/core/propertyvalue.h>

#include <algorithm>
#include <cctype>
#include <deque>
#include <map>

namespace nimbus::tests {

namespace {

bool isNumericChoice(const model::PropertyDef &def)
{
    if (def.type != model::PropertyType::Choice || def.choices.empty())
        return false;
    return std::all_of(def.choices.begin(), def.choices.end(), [](const std::string &c) {
        return !c.empty() && std::all_of(c.begin(), c.end(),
                                         [](char ch) { return std::isdigit(ch) || ch == '.'; });
    });
}

bool isNumeric(const model::PropertyDef &def)
{
    return def.type == model::PropertyType::Integer || def.type == model::PropertyType::Number ||
           isNumericChoice(def);
}

model::PropertyValue valueFor(const model::PropertyDef &def, double value)
{
    if (def.type == model::PropertyType::Integer)
        return static_cast<std::int64_t>(value);
    if (def.type == model::PropertyType::Number)
        return value;
    return model::toString(
        model::PropertyValue(static_cast<std::int64_t>(value))); // a numeric choice
}

/// Parent type of each type on the shortest rule path from any entry point.
std::map<std::string, std::string> pathsFromEntries(const model::Catalog &catalog)
{
    std::map<std::string, std::string> parent;
    std::deque<std::string> queue;
    for (const model::ServiceType &t : catalog.types()) {
        if (t.entryPoint) {
            parent[t.id] = std::string();
            queue.push_back(t.id);
        }
    }
    while (!queue.empty()) {
        const std::string from = queue.front();
        queue.pop_front();
        for (const model::ConnectionRule &rule : catalog.connections().rules()) {
            if (rule.from == from && !parent.count(rule.to) && catalog.type(rule.to)) {
                parent[rule.to] = from;
                queue.push_back(rule.to);
            }
        }
    }
    return parent;
}

HostileCase makeCase(const model::Catalog &catalog, const std::string &type,
                     const model::PropertyDef &def, double value, bool onEdge)
{
    HostileCase c;
    c.type = type;
    c.property = (onEdge ? "edge." : "") + def.key;
    const model::PropertyValue v = valueFor(def, value);
    c.value = model::toString(v);
    c.name = type + "." + c.property + "=" + c.value;
    c.design = feedingDesign(catalog, type);
    if (onEdge && !c.design.edges().empty())
        c.design.edge(c.design.edges().back().id)->properties[def.key] = v;
    else if (!onEdge)
        c.design.node(model::NodeId("target"))->properties[def.key] = v;
    return c;
}

/// The definition a case sets: of its type, or of connections ("edge.multiplier").
const model::PropertyDef *propertyOf(const model::Catalog &catalog, const HostileCase &c)
{
    if (c.property.rfind("edge.", 0) == 0)
        return catalog.edgeProperty(c.property.substr(5));
    return catalog.type(c.type)->property(c.property);
}

/// Copies the nodes and edges of `part` into `into`, ids prefixed with `prefix`, a row lower
/// for each design already in it.
void appendPrefixed(model::Architecture &into, const model::Architecture &part,
                    const std::string &prefix)
{
    const double row = 160.0 * double(into.nodes().size());
    for (model::Node node : part.nodes()) {
        node.id = model::NodeId(prefix + "-" + node.id.str());
        node.position.y += row;
        into.addNode(std::move(node));
    }
    for (model::Edge edge : part.edges()) {
        edge.id = model::EdgeId(prefix + "-" + edge.id.str());
        edge.source = model::NodeId(prefix + "-" + edge.source.str());
        edge.target = model::NodeId(prefix + "-" + edge.target.str());
        into.addEdge(std::move(edge));
    }
}

} // namespace

std::vector<double> hostileValues()
{
    return {model::kNumberLimit, -model::kNumberLimit, 0};
}

model::Architecture feedingDesign(const model::Catalog &catalog, const std::string &type)
{
    static std::map<std::string, std::string> parent;
    if (parent.empty())
        parent = pathsFromEntries(catalog);
    std::vector<std::string> chain;
    for (auto at = parent.find(type); at != parent.end(); at = parent.find(at->second)) {
        chain.insert(chain.begin(), at->first);
        if (at->second.empty())
            break;
    }
    if (chain.empty())
        chain.push_back(type); // nothing feeds it: the service alone
    model::Architecture design;
    design.setName("Hostile numbers: " + type);
    for (std::size_t i = 0; i < chain.size(); ++i) {
        model::Node node;
        node.id =
            model::NodeId(i + 1 == chain.size() ? std::string("target") : "n" + std::to_string(i));
        node.type = chain[i];
        node.name = chain[i];
        node.position = {260.0 * double(i), 0};
        if (i > 0) {
            const model::ConnectionRule *rule = catalog.connections().rule(chain[i - 1], chain[i]);
            model::Edge edge;
            edge.id = model::EdgeId("e" + std::to_string(i));
            edge.source = design.nodes().back().id;
            edge.target = node.id;
            edge.kind = rule->kinds.front();
            design.addNode(std::move(node));
            design.addEdge(std::move(edge));
        } else {
            design.addNode(std::move(node));
        }
    }
    return design;
}

std::vector<HostileCase> hostileCases(const model::Catalog &catalog)
{
    std::vector<HostileCase> cases;
    for (const model::ServiceType &type : catalog.types()) {
        for (const model::PropertyDef &def : type.properties) {
            if (!isNumeric(def))
                continue;
            for (double value : hostileValues())
                cases.push_back(makeCase(catalog, type.id, def, value, false));
        }
        if (type.entryPoint)
            continue; // nothing feeds an entry point
        for (const model::PropertyDef &def : catalog.edgeProperties()) {
            if (isNumeric(def)) {
                for (double value : hostileValues())
                    cases.push_back(makeCase(catalog, type.id, def, value, true));
            }
        }
    }
    return cases;
}

std::vector<HostileCase> packedCases(const model::Catalog &catalog, double value)
{
    std::vector<HostileCase> packed;
    std::map<std::string, int> slotOfType;
    for (const HostileCase &c : hostileCases(catalog)) {
        if (c.value != model::toString(valueFor(*propertyOf(catalog, c), value)))
            continue;
        const int slot = slotOfType[c.type]++;
        if (std::size_t(slot) >= packed.size()) {
            packed.emplace_back();
            packed.back().name = "packed-" + std::to_string(slot) + "=" + c.value;
            packed.back().value = c.value;
            packed.back().design.setName("Hostile numbers " + std::to_string(slot));
        }
        appendPrefixed(packed[std::size_t(slot)].design, c.design, c.type);
    }
    return packed;
}

std::vector<HostileCase> allAtOnceCases(const model::Catalog &catalog, double value)
{
    std::vector<HostileCase> cases;
    for (const model::ServiceType &type : catalog.types()) {
        HostileCase c;
        c.type = type.id;
        c.property = "*";
        c.design = feedingDesign(catalog, type.id);
        for (model::Node node : c.design.nodes()) {
            const model::ServiceType *t = catalog.type(node.type);
            for (const model::PropertyDef &def : t->properties) {
                if (isNumeric(def))
                    c.design.node(node.id)->properties[def.key] = valueFor(def, value);
            }
        }
        for (const model::Edge &edge : c.design.edges()) {
            for (const model::PropertyDef &def : catalog.edgeProperties()) {
                if (isNumeric(def))
                    c.design.edge(edge.id)->properties[def.key] = valueFor(def, value);
            }
        }
        c.value = model::toString(model::PropertyValue(value));
        c.name = type.id + ".*=" + c.value;
        cases.push_back(std::move(c));
    }
    return cases;
}

model::Architecture overflowingDesign(int functions)
{
    model::Architecture design;
    design.setName("Overflowing chain");
    model::Node client;
    client.id = model::NodeId("browser");
    client.type = "client";
    client.name = "Browsers";
    client.properties["requestsPerMonth"] = model::kNumberLimit;
    client.properties["peakRps"] = model::kNumberLimit;
    design.addNode(std::move(client));
    std::string previous = "browser";
    for (int i = 0; i < functions; ++i) {
        model::Node fn;
        fn.id = model::NodeId("fn" + std::to_string(i));
        fn.type = "lambda-function";
        fn.name = "Function " + std::to_string(i);
        fn.position = {260.0 * (i + 1), 0};
        design.addNode(std::move(fn));
        model::Edge edge;
        edge.id = model::EdgeId("call" + std::to_string(i));
        edge.source = model::NodeId(previous);
        edge.target = model::NodeId("fn" + std::to_string(i));
        edge.kind = model::ConnectionKind::SyncInvoke;
        edge.properties["multiplier"] = model::kNumberLimit;
        design.addEdge(std::move(edge));
        previous = "fn" + std::to_string(i);
    }
    return design;
}

bool showsNonFinite(const std::string &text)
{
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    const auto isWordChar = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
    };
    for (const char *word : {"nan", "inf", "infinity"}) {
        for (std::size_t at = lower.find(word); at != std::string::npos;
             at = lower.find(word, at + 1)) {
            const std::size_t end = at + std::char_traits<char>::length(word);
            if ((at == 0 || !isWordChar(lower[at - 1])) &&
                (end >= lower.size() || !isWordChar(lower[end])))
                return true;
        }
    }
    return false;
}

} // namespace nimbus::tests
