// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "exporter.h"

#include "cfntree.h"
#include "environmentbinding.h"
#include "exportcontext.h"
#include "exportfiles.h"
#include "policytemplates.h"
#include "propertybindings.h"

#include <model/core/text.h>
#include <model/graph/components.h>
#include <model/io/yamlwriter.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>

namespace nimbus::model::iac {

const char *templateFormatName(TemplateFormat format)
{
    return format == TemplateFormat::Sam ? "sam" : "cloudformation";
}

namespace {

const char *const kSamTransform = "AWS::Serverless-2016-10-31";
/// How much of the design name the header comment shows; the whole name is in Metadata.
constexpr std::size_t kCommentNameCharacters = 200;

const std::map<std::string, ServiceExporter> &registry()
{
    static const std::map<std::string, ServiceExporter> exporters = [] {
        std::map<std::string, ServiceExporter> r;
        registerCoreExporters(r);
        registerMoreExporters(r);
        return r;
    }();
    return exporters;
}

bool isActor(const ExportContext &context, const Node &node)
{
    const ServiceType *type = context.type(node);
    return type != nullptr && type->kind == ServiceKind::Actor;
}

bool isImplicit(const Node &node)
{
    const Tree *implicit = node.extra.find("implicit");
    return implicit != nullptr && implicit->scalar == "true";
}

bool isPrincipal(const Node &node)
{
    return node.type == "lambda-function" || node.type == "step-functions";
}

/// Writes the node's resources; false when the node has none (actors, API-only services).
void writeNode(ExportContext &context, const Node &node)
{
    if (isImplicit(node) || isActor(context, node) || context.isAbsorbed(node.id))
        return;
    if (const Tree *original = importedResource(node)) {
        Tree &body = context.addResource(context.logicalId(node.id), "", &node);
        body = *original;
        writeBoundProperties(node, body, context.catalog());
        return;
    }
    auto it = registry().find(node.type);
    if (it == registry().end() || it->second.resources == nullptr) {
        if (isGenericResourceType(node.type))
            context.warn(node.name + " (" + node.type
                         + ") has no template body to write; add it to the template by hand");
        return;
    }
    it->second.resources(context, node);
}

void wireEdge(ExportContext &context, const Edge &edge)
{
    if (isImportedEdge(edge))
        return;
    const Node &source = context.node(edge.source);
    const Node &target = context.node(edge.target);
    if (isActor(context, source) && target.type != "lambda-function" && target.type != "step-functions")
        return; // people and devices calling an entry point: nothing to deploy
    if (isActor(context, target))
        return;
    if (wireEventTarget(context, edge, source, target))
        return;
    if (isPrincipal(source) && wirePrincipalSource(context, edge, source, target))
        return;
    auto it = registry().find(source.type);
    if (it != registry().end() && it->second.wireOutgoing != nullptr
        && it->second.wireOutgoing(context, edge, source, target))
        return;
    if (isActor(context, source))
        return;
    context.info("the connection " + source.name + " -> " + target.name
                 + " needs no template setting, or Nimbus cannot express it yet; check it by hand");
}

// --- assembling the template ----------------------------------------------------------

Tree header(const ExportContext &context, const Tree *imported)
{
    Tree root = Tree::makeMap();
    if (imported != nullptr) {
        for (const auto &[key, value] : imported->entries)
            root.entries.emplace_back(key, value);
    }
    if (root.find("AWSTemplateFormatVersion") == nullptr)
        root.entries.insert(root.entries.begin(),
                            {"AWSTemplateFormatVersion", Tree::makeScalar("2010-09-09", true)});
    const Tree *transform = root.find("Transform");
    bool hasSam = false;
    if (transform != nullptr) {
        if (transform->isScalar())
            hasSam = transform->scalar == kSamTransform;
        for (const Tree &t : transform->items)
            hasSam = hasSam || t.scalar == kSamTransform;
    }
    if (context.sam() && !hasSam) {
        if (transform == nullptr) {
            auto pos = std::find_if(root.entries.begin(), root.entries.end(),
                                    [](const auto &e) { return e.first == "AWSTemplateFormatVersion"; });
            root.entries.insert(pos + 1, {"Transform", cfn::text(kSamTransform)});
        } else {
            Tree list = transform->isSequence() ? *transform : cfn::list({*transform});
            list.items.push_back(cfn::text(kSamTransform));
            root.set("Transform", list);
        }
    }
    if (root.find("Description") == nullptr) {
        std::string description = context.design().description();
        if (description.empty())
            description = context.design().name().empty() ? std::string("Nimbus design")
                                                           : context.design().name();
        auto pos = std::find_if(root.entries.begin(), root.entries.end(),
                                [](const auto &e) { return e.first == "Transform"; });
        if (pos == root.entries.end())
            pos = root.entries.begin();
        root.entries.insert(pos + 1, {"Description", cfn::text(description)});
    }
    return root;
}

void mergeSection(Tree &root, const std::string &section, const std::vector<std::pair<std::string, Tree>> &entries,
                  const std::string &before)
{
    if (entries.empty())
        return;
    Tree *existing = root.find(section);
    if (existing == nullptr || !existing->isMap()) {
        auto pos = std::find_if(root.entries.begin(), root.entries.end(),
                                [&](const auto &e) { return e.first == before; });
        pos = root.entries.insert(pos, {section, Tree::makeMap()});
        existing = &pos->second;
    }
    for (const auto &[key, value] : entries) {
        if (existing->find(key) == nullptr)
            existing->entries.emplace_back(key, value);
    }
}

std::string render(const ExportContext &context, const Tree &root, const std::string &part)
{
    // The name is the user's (or an imported template's) text: on one line, with every
    // character that could end the comment escaped, so that it cannot add template sections.
    const std::string &name = context.design().name();
    std::string text = "# " + (name.empty() ? std::string("Untitled design")
                                            : singleLine(name, kCommentNameCharacters));
    if (!part.empty())
        text += " (" + singleLine(part) + ")";
    text += "\n# Exported by Nimbus";
    if (!context.options().nimbusVersion.empty())
        text += " " + context.options().nimbusVersion;
    text += context.sam() ? " as an AWS SAM template.\n" : " as an AWS CloudFormation template.\n";
    text += writeYaml(root);
    if (text.back() != '\n')
        text += '\n';
    return text;
}

// --- nested stacks ---------------------------------------------------------------------

/// References of one resource that SAM requires to stay in the same template (an Api
/// event's RestApiId, an S3 event's Bucket).
void sameTemplateReferences(const Tree &body, std::vector<std::string> &out)
{
    const Tree *type = body.find("Type");
    const Tree *props = body.find("Properties");
    if (type == nullptr || props == nullptr || type->scalar.rfind("AWS::Serverless::", 0) != 0)
        return;
    const Tree *events = props->find("Events");
    if (events == nullptr)
        return;
    for (const auto &[name, event] : events->entries) {
        const Tree *eventProps = event.find("Properties");
        if (eventProps == nullptr)
            continue;
        for (const char *key : {"RestApiId", "ApiId", "Bucket", "UserPool"}) {
            if (const Tree *v = eventProps->find(key))
                cfn::collectReferences(*v, out);
        }
    }
}

struct Split
{
    std::vector<std::vector<std::size_t>> stacks; ///< resource indices per nested stack
};

/// Groups resources into stacks of at most `limit` expanded resources so that every
/// reference between stacks points to an earlier stack. Returns an empty split and an
/// error message when one inseparable group is already too large.
Split splitResources(const std::vector<ResourceEntry> &resources, std::size_t limit, std::string &error)
{
    const int n = static_cast<int>(resources.size());
    std::unordered_map<std::string, int> index;
    for (int i = 0; i < n; ++i)
        index[resources[i].logicalId] = i;
    std::vector<std::vector<int>> out(n);
    auto link = [&](int from, const std::string &to, bool both) {
        auto it = index.find(to);
        if (it == index.end() || it->second == from)
            return;
        out[from].push_back(it->second);
        if (both)
            out[it->second].push_back(from);
    };
    // A node's own resources stay together (a role with its function), and so do the
    // resources SAM needs in one template.
    std::unordered_map<std::string, int> firstOfOwner;
    for (int i = 0; i < n; ++i) {
        std::vector<std::string> refs;
        cfn::collectReferences(resources[i].body, refs);
        if (const Tree *deps = resources[i].body.find("DependsOn")) {
            if (deps->isScalar())
                refs.push_back(deps->scalar);
            for (const Tree &d : deps->items)
                refs.push_back(d.scalar);
        }
        for (const auto &r : refs)
            link(i, r, false);
        std::vector<std::string> together;
        sameTemplateReferences(resources[i].body, together);
        for (const auto &r : together)
            link(i, r, true);
        if (!resources[i].owner.empty()) {
            auto [it, inserted] = firstOfOwner.emplace(resources[i].owner, i);
            if (!inserted)
                link(i, resources[it->second].logicalId, true);
        }
    }
    int count = 0;
    const std::vector<int> comp = strongComponents(out, count); // dependencies first
    std::vector<std::vector<std::size_t>> members(count);
    std::vector<std::size_t> weight(count, 0);
    for (int i = 0; i < n; ++i) {
        members[comp[i]].push_back(static_cast<std::size_t>(i));
        weight[comp[i]] += resources[i].expanded;
    }
    Split split;
    std::size_t current = 0;
    for (int c = 0; c < count; ++c) { // dependencies first
        if (weight[c] > limit) {
            error = "a group of " + std::to_string(weight[c]) + " resources that reference each other in a cycle "
                    "(starting with " + resources[members[c].front()].logicalId
                    + ") cannot be split into nested stacks of at most " + std::to_string(limit);
            return {};
        }
        if (split.stacks.empty() || current + weight[c] > limit) {
            split.stacks.emplace_back();
            current = 0;
        }
        for (std::size_t m : members[c])
            split.stacks.back().push_back(m);
        current += weight[c];
    }
    for (auto &s : split.stacks)
        std::sort(s.begin(), s.end()); // keep design order inside each stack
    return split;
}

/// Replaces references to resources of other stacks by parameters: "!Ref X" keeps its
/// form (the parameter is named X), "!GetAtt X.Attr" and "${X.Attr}" become "XAttr".
void rewriteExternal(Tree &tree, const std::set<std::string> &external,
                     std::map<std::string, std::pair<std::string, std::string>> &needed)
{
    const std::string fn = cfn::intrinsicName(tree);
    if (fn == "Fn::GetAtt") {
        const Tree *arg = cfn::intrinsicArgument(tree);
        std::string target, attribute;
        if (arg->isScalar()) {
            const auto dot = arg->scalar.find('.');
            target = arg->scalar.substr(0, dot);
            attribute = dot == std::string::npos ? std::string() : arg->scalar.substr(dot + 1);
        } else if (arg->isSequence() && arg->items.size() == 2) {
            target = arg->items[0].scalar;
            attribute = arg->items[1].scalar;
        }
        if (external.count(target) != 0) {
            std::string param = target + cfn::pascalCase(attribute);
            needed[param] = {target, attribute};
            tree = cfn::ref(param);
            return;
        }
    }
    if (fn == "Ref") {
        const Tree *arg = cfn::intrinsicArgument(tree);
        if (arg != nullptr && arg->isScalar() && external.count(arg->scalar) != 0) {
            needed[arg->scalar] = {arg->scalar, ""};
            return;
        }
    }
    if (fn == "Fn::Sub") {
        Tree *arg = const_cast<Tree *>(cfn::intrinsicArgument(tree));
        Tree *pattern = arg->isScalar() ? arg : (arg->isSequence() && !arg->items.empty() ? &arg->items[0] : nullptr);
        if (pattern != nullptr && pattern->isScalar()) {
            std::string &s = pattern->scalar;
            std::size_t pos = 0;
            while ((pos = s.find("${", pos)) != std::string::npos) {
                const std::size_t close = s.find('}', pos);
                if (close == std::string::npos)
                    break;
                const std::string var = s.substr(pos + 2, close - pos - 2);
                const auto dot = var.find('.');
                const std::string target = var.substr(0, dot);
                if (external.count(target) != 0) {
                    if (dot == std::string::npos) {
                        needed[target] = {target, ""};
                    } else {
                        const std::string attribute = var.substr(dot + 1);
                        const std::string param = target + cfn::pascalCase(attribute);
                        needed[param] = {target, attribute};
                        s.replace(pos + 2, var.size(), param);
                    }
                }
                pos = s.find('}', pos) + 1;
            }
            if (arg->isSequence()) {
                for (std::size_t i = 1; i < arg->items.size(); ++i)
                    rewriteExternal(arg->items[i], external, needed);
            }
            return;
        }
    }
    for (auto &entry : tree.entries)
        rewriteExternal(entry.second, external, needed);
    for (auto &item : tree.items)
        rewriteExternal(item, external, needed);
}


// --- the design itself, in the template's Metadata ---------------------------------------

Tree propertyTree(const PropertyValue &value)
{
    if (std::holds_alternative<std::string>(value))
        return cfn::text(std::get<std::string>(value));
    return Tree::makeScalar(toString(value));
}

Tree propertiesTree(const PropertyMap &properties)
{
    Tree out = Tree::makeMap();
    for (const auto &[key, value] : properties) {
        // The resource carries the variables, secrets replaced by references; a copy here
        // would put the secrets back in clear.
        if (key != kEnvironmentKey)
            out.entries.emplace_back(key, propertyTree(value));
    }
    return out;
}

/// Metadata.Nimbus: what the template cannot say about the design (service types and
/// names, positions, groups, notes, workload numbers, outside actors and every connection),
/// so that importing the template gives back the design that was drawn. CloudFormation
/// and SAM ignore it.
Tree designMetadata(ExportContext &context)
{
    const Architecture &design = context.design();
    std::map<std::string, std::vector<std::string>> owned;
    Tree shared = Tree::makeSequence(); // made for the whole design (an ECS cluster)
    const Tree *folded = design.extra().find("cloudformationFolded");
    for (const ResourceEntry &r : context.resources()) {
        if (!r.owner.empty() && r.logicalId != context.logicalId(NodeId(r.owner)))
            owned[r.owner].push_back(r.logicalId);
        else if (r.owner.empty() && (folded == nullptr || folded->find(r.logicalId) == nullptr))
            shared.items.push_back(cfn::text(r.logicalId));
    }
    Tree services = Tree::makeMap();
    for (const Node &node : design.nodes()) {
        Tree entry = Tree::makeMap();
        entry.set("Type", cfn::text(node.type));
        entry.set("Name", cfn::text(node.name));
        Tree position = cfn::list({cfn::number(node.position.x), cfn::number(node.position.y)});
        position.flow = true;
        entry.set("Position", std::move(position));
        if (node.group)
            entry.set("Group", cfn::text(node.group->str()));
        if (Tree properties = propertiesTree(node.properties); !properties.entries.empty())
            entry.set("Properties", std::move(properties));
        if (const auto kept = keptLiteralVariables(context, node); !kept.empty()) {
            Tree names = Tree::makeSequence();
            for (const std::string &name : kept)
                names.items.push_back(cfn::text(name));
            entry.set(kKeptVariablesKey, std::move(names));
        }
        if (auto it = owned.find(node.id.str()); it != owned.end()) {
            Tree list = Tree::makeSequence();
            for (const std::string &id : it->second)
                list.items.push_back(cfn::text(id));
            entry.set("Resources", std::move(list));
        }
        services.entries.emplace_back(context.logicalId(node.id), std::move(entry));
    }
    Tree connections = Tree::makeSequence();
    for (const Edge &edge : design.edges()) {
        Tree entry = cfn::map({{"Id", cfn::text(edge.id.str())},
                               {"From", cfn::text(context.logicalId(edge.source))},
                               {"To", cfn::text(context.logicalId(edge.target))},
                               {"Kind", cfn::text(std::string(connectionKindName(edge.kind)))}});
        if (!edge.properties.empty())
            entry.set("Properties", propertiesTree(edge.properties));
        connections.items.push_back(std::move(entry));
    }
    Tree root = Tree::makeMap();
    root.set("FormatVersion", cfn::integer(1));
    root.set("Name", cfn::text(design.name()));
    root.set("Region", cfn::text(design.settings().region));
    root.set("FreeTier", cfn::boolean(design.settings().freeTier));
    root.set("Services", std::move(services));
    root.set("Connections", std::move(connections));
    if (!shared.items.empty())
        root.set("SharedResources", std::move(shared));
    if (!design.groups().empty()) {
        Tree groups = Tree::makeMap();
        for (const Group &g : design.groups())
            groups.set(g.id.str(), cfn::text(g.name));
        root.set("Groups", std::move(groups));
    }
    if (!design.notes().empty()) {
        Tree notes = Tree::makeSequence();
        for (const Note &n : design.notes()) {
            Tree position = cfn::list({cfn::number(n.position.x), cfn::number(n.position.y)});
            position.flow = true;
            notes.items.push_back(cfn::map({{"Text", cfn::text(n.text)}, {"Position", std::move(position)}}));
        }
        root.set("Notes", std::move(notes));
    }
    return root;
}

/// Puts Metadata.Nimbus into a template root, after Description (or into the imported
/// template's own Metadata, replacing an older Nimbus entry).
void setDesignMetadata(Tree &root, Tree nimbus)
{
    Tree *metadata = root.find("Metadata");
    if (metadata == nullptr || !metadata->isMap()) {
        auto pos = std::find_if(root.entries.begin(), root.entries.end(),
                                [](const auto &e) { return e.first == "Description"; });
        pos = pos == root.entries.end() ? root.entries.begin() : pos + 1;
        pos = root.entries.insert(pos, {"Metadata", Tree::makeMap()});
        metadata = &pos->second;
    }
    metadata->set("Nimbus", std::move(nimbus));
}

} // namespace

ExportResult exportDesign(const Architecture &design, const Catalog &catalog,
                          const PolicyTemplates &policies, const ExportOptions &options)
{
    ExportContext context(design, catalog, policies, options);
    Tree keptSections;
    const Tree *importedSections = design.extra().find("cloudformationTemplate");
    if (importedSections != nullptr && importedSections->isMap()) {
        keptSections = *importedSections;
        protectGlobalVariables(context, keptSections);
        importedSections = &keptSections;
    } else {
        importedSections = nullptr;
    }

    context.addParameter("Stage", cfn::map({{"Type", cfn::text("String")},
                                            {"Default", cfn::text("dev")},
                                            {"AllowedPattern", cfn::text("[a-z0-9-]+")},
                                            {"Description", cfn::text("Deployment stage or environment (dev, test, prod); used in API stages and passed to functions.")}}));

    decideAbsorbedNodes(context);
    for (const Node &node : design.nodes())
        writeNode(context, node);
    for (const Edge &edge : design.edges())
        wireEdge(context, edge);
    finishApis(context);
    context.finishPermissions();
    exporting::useDefaultBuses(context);

    // Resources read from a template that fold into nodes (roles, permissions, ...).
    if (const Tree *folded = design.extra().find("cloudformationFolded"); folded != nullptr && folded->isMap()) {
        for (const auto &[id, body] : folded->entries) {
            if (context.hasResource(id))
                continue;
            Tree &written = context.addResource(id, "", nullptr);
            written = body;
        }
    }
    // After the connections' variables and the folded task definitions are in place.
    writeEnvironments(context);
    for (const ResourceEntry &r : context.resources()) {
        const Tree *type = r.body.find("Type");
        if (!context.sam() && type != nullptr && type->scalar.rfind("AWS::Serverless::", 0) == 0) {
            context.warn(r.logicalId + " is a SAM resource (" + type->scalar
                         + ") read from the template; it is kept, so the template still needs the SAM transform");
        }
    }

    ExportResult result;
    result.stats = context.stats();
    result.stats.resources = context.resources().size();
    for (const ResourceEntry &r : context.resources())
        result.stats.expandedResources += r.expanded;

    // Parameters the resources use, plus those of an imported template.
    std::vector<std::pair<std::string, Tree>> parameters;
    {
        std::vector<std::string> refs;
        for (const ResourceEntry &r : context.resources())
            cfn::collectReferences(r.body, refs);
        for (const auto &o : context.outputs())
            cfn::collectReferences(o.second, refs);
        std::set<std::string> used(refs.begin(), refs.end());
        for (const auto &[name, body] : context.parameters()) {
            if (used.count(name) != 0)
                parameters.emplace_back(name, body);
        }
    }
    bool hasSamResource = false;
    for (const ResourceEntry &r : context.resources()) {
        const Tree *type = r.body.find("Type");
        hasSamResource = hasSamResource || (type != nullptr && type->scalar.rfind("AWS::Serverless::", 0) == 0);
    }
    ExportOptions effective = options;
    const bool needsTransform = options.format == TemplateFormat::Sam || hasSamResource;

    auto makeRoot = [&](const Tree *sections) {
        Tree root = header(context, sections);
        if (!needsTransform) {
            // A plain CloudFormation export of a design with no SAM resources.
        } else if (!context.sam() && root.find("Transform") == nullptr) {
            root.entries.insert(root.entries.begin() + 1, {"Transform", cfn::text(kSamTransform)});
        }
        return root;
    };

    Tree nimbusMetadata = designMetadata(context);
    if (result.stats.expandedResources <= options.maxResourcesPerStack) {
        Tree root = makeRoot(importedSections);
        setDesignMetadata(root, std::move(nimbusMetadata));
        mergeSection(root, "Parameters", parameters, "Resources");
        Tree resources = Tree::makeMap();
        for (ResourceEntry &r : context.resources())
            resources.entries.emplace_back(r.logicalId, std::move(r.body));
        if (Tree *placeholder = root.find("Resources"))
            *placeholder = std::move(resources);
        else
            root.entries.emplace_back("Resources", std::move(resources));
        // Keep Outputs after Resources.
        mergeSection(root, "Outputs", context.outputs(), "");
        result.files.push_back({options.fileStem + ".yaml", render(context, root, "")});
    } else {
        std::string error;
        Split split = splitResources(context.resources(), options.maxResourcesPerStack, error);
        if (split.stacks.empty()) {
            context.diagnostics().push_back({Severity::Error, design.name(), 0, 0,
                                             "the design needs " + std::to_string(result.stats.expandedResources)
                                                 + " resources, more than one template may hold, and " + error});
            result.diagnostics = context.diagnostics();
            return result;
        }
        std::unordered_map<std::string, std::size_t> stackOf;
        for (std::size_t s = 0; s < split.stacks.size(); ++s) {
            for (std::size_t i : split.stacks[s])
                stackOf[context.resources()[i].logicalId] = s;
        }
        // Outputs each stack must offer to later ones: (stack, output name) -> (target, attribute).
        std::vector<std::map<std::string, std::pair<std::string, std::string>>> offered(split.stacks.size());
        std::vector<std::map<std::string, std::pair<std::string, std::string>>> neededBy(split.stacks.size());
        std::vector<Tree> stackResources(split.stacks.size(), Tree::makeMap());
        std::map<std::string, std::size_t> outputStack; // design output -> stack holding its target
        for (std::size_t s = 0; s < split.stacks.size(); ++s) {
            std::set<std::string> external;
            for (const auto &[id, st] : stackOf) {
                if (st != s)
                    external.insert(id);
            }
            for (std::size_t i : split.stacks[s]) {
                ResourceEntry &r = context.resources()[i];
                rewriteExternal(r.body, external, neededBy[s]);
                if (Tree *deps = r.body.find("DependsOn")) {
                    Tree kept = Tree::makeSequence();
                    for (const Tree &d : deps->isSequence() ? deps->items : std::vector<Tree>{*deps}) {
                        if (external.count(d.scalar) == 0)
                            kept.items.push_back(d);
                    }
                    if (kept.items.empty())
                        r.body.entries.erase(std::find_if(r.body.entries.begin(), r.body.entries.end(),
                                                          [](const auto &e) { return e.first == "DependsOn"; }));
                    else
                        *deps = kept;
                }
                stackResources[s].entries.emplace_back(r.logicalId, std::move(r.body));
            }
            for (const auto &[param, ref] : neededBy[s])
                offered[stackOf.at(ref.first)][param] = ref;
        }
        const std::string nestedType = context.sam() ? "AWS::Serverless::Application" : "AWS::CloudFormation::Stack";
        Tree parentResources = Tree::makeMap();
        std::vector<std::string> stackIds;
        std::vector<std::pair<std::string, Tree>> parentOutputs;
        for (std::size_t s = 0; s < split.stacks.size(); ++s)
            stackIds.push_back("Part" + std::to_string(s + 1) + "Stack");
        for (std::size_t s = 0; s < split.stacks.size(); ++s) {
            const std::string part = "part " + std::to_string(s + 1) + " of " + std::to_string(split.stacks.size());
            Tree child = makeRoot(nullptr);
            std::vector<std::pair<std::string, Tree>> childParams;
            std::vector<std::string> refs;
            for (const auto &e : stackResources[s].entries)
                cfn::collectReferences(e.second, refs);
            std::set<std::string> used(refs.begin(), refs.end());
            for (const auto &p : parameters) {
                if (used.count(p.first) != 0)
                    childParams.push_back(p);
            }
            Tree passed = Tree::makeMap();
            for (const auto &p : childParams)
                passed.entries.emplace_back(p.first, cfn::ref(p.first));
            for (const auto &[param, ref] : neededBy[s]) {
                childParams.emplace_back(param, cfn::map({{"Type", cfn::text("String")},
                                                          {"Description", cfn::text("From " + ref.first + " in another part of this design")}}));
                passed.entries.emplace_back(param, cfn::getAtt(stackIds[stackOf.at(ref.first)], "Outputs." + param));
            }
            mergeSection(child, "Parameters", childParams, "");
            child.entries.emplace_back("Resources", std::move(stackResources[s]));
            std::vector<std::pair<std::string, Tree>> childOutputs;
            for (const auto &[param, ref] : offered[s]) {
                Tree value = ref.second.empty() ? cfn::ref(ref.first) : cfn::getAtt(ref.first, ref.second);
                childOutputs.emplace_back(param, cfn::map({{"Value", std::move(value)}}));
            }
            for (const auto &[name, body] : context.outputs()) {
                std::vector<std::string> targets;
                cfn::collectReferences(body, targets);
                auto target = std::find_if(targets.begin(), targets.end(),
                                           [&](const std::string &t) { return stackOf.count(t) != 0; });
                if (target == targets.end() || stackOf.at(*target) != s)
                    continue;
                childOutputs.emplace_back(name, body);
                parentOutputs.emplace_back(name, cfn::map({{"Description", *body.find("Description")},
                                                           {"Value", cfn::getAtt(stackIds[s], "Outputs." + name)}}));
            }
            mergeSection(child, "Outputs", childOutputs, "");
            std::string text = render(context, child, part);
            const std::string fileName = partFileName(options.fileStem, s + 1, text);
            result.files.push_back({fileName, std::move(text)});

            Tree &stack = cfn::child(parentResources, stackIds[s]);
            stack.set("Type", cfn::text(nestedType));
            Tree props = Tree::makeMap();
            props.set(context.sam() ? "Location" : "TemplateURL", cfn::text("./" + fileName));
            if (!passed.entries.empty())
                props.set("Parameters", std::move(passed));
            stack.set("Properties", std::move(props));
        }
        Tree parent = makeRoot(importedSections);
        setDesignMetadata(parent, std::move(nimbusMetadata));
        mergeSection(parent, "Parameters", parameters, "Resources");
        if (Tree *placeholder = parent.find("Resources"))
            *placeholder = std::move(parentResources);
        else
            parent.entries.emplace_back("Resources", std::move(parentResources));
        mergeSection(parent, "Outputs", parentOutputs, "");
        result.files.insert(result.files.begin(), {options.fileStem + ".yaml", render(context, parent, "main stack")});
        result.stats.nestedStacks = split.stacks.size();
        context.info("the design needs about " + std::to_string(result.stats.expandedResources)
                     + " resources, more than CloudFormation's 500 per stack: it is split into "
                     + std::to_string(split.stacks.size()) + " nested stacks");
    }
    checkDynamicReferences(context, result.files);
    result.diagnostics = context.diagnostics();
    return result;
}

} // namespace nimbus::model::iac
