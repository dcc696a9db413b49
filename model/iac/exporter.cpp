// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "exporter.h"

#include "cfntree.h"
#include "environmentbinding.h"
#include "exportcontext.h"
#include "exportstacks.h"
#include "policytemplates.h"
#include "propertybindings.h"

#include <model/core/text.h>
#include <model/io/yamlwriter.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace nimbus::model::iac {

const char *templateFormatName(TemplateFormat format)
{
    return format == TemplateFormat::Sam ? "sam" : "cloudformation";
}

namespace {

const char *const kSamTransform = "AWS::Serverless-2016-10-31";

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
    std::unordered_set<std::string> folded;
    if (const Tree *kept = design.extra().find("cloudformationFolded")) {
        for (const auto &entry : kept->entries)
            folded.insert(entry.first);
    }
    for (const ResourceEntry &r : context.resources()) {
        if (!r.owner.empty() && r.logicalId != context.logicalId(NodeId(r.owner)))
            owned[r.owner].push_back(r.logicalId);
        else if (r.owner.empty() && folded.count(r.logicalId) == 0)
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
        for (const Group &g : design.groups()) // ids are unique
            groups.entries.emplace_back(g.id.str(), cfn::text(g.name));
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

namespace exporting {

void mergeSection(Tree &root, const std::string &section, const Section &entries, const std::string &before)
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
    std::unordered_set<std::string> keys;
    for (const auto &entry : existing->entries)
        keys.insert(entry.first);
    for (const auto &[key, value] : entries) {
        if (keys.insert(key).second)
            existing->entries.emplace_back(key, value);
    }
}

std::string render(const ExportContext &context, const Tree &root, const std::string &part)
{
    // The name is the user's (or an imported template's) text: on one line, with every
    // character that could end the comment escaped, so that it cannot add template sections.
    // The header shows the first 200 characters; the whole name is in Metadata.
    constexpr std::size_t kCommentNameCharacters = 200;
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

} // namespace exporting

namespace {

/// Writes every resource of the design into `context`: nodes, then the edges they start,
/// then what closes over all of them (API placeholders, roles' policies, folded resources).
void writeResources(ExportContext &context)
{
    const Architecture &design = context.design();
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
}

/// Parameters the resources and outputs use, plus those of an imported template.
exporting::Section usedParameters(ExportContext &context)
{
    std::vector<std::string> refs;
    for (const ResourceEntry &r : context.resources())
        cfn::collectReferences(r.body, refs);
    for (const auto &o : context.outputs())
        cfn::collectReferences(o.second, refs);
    const std::set<std::string> used(refs.begin(), refs.end());
    exporting::Section parameters;
    for (const auto &[name, body] : context.parameters()) {
        if (used.count(name) != 0)
            parameters.emplace_back(name, body);
    }
    return parameters;
}

bool hasSamResource(ExportContext &context)
{
    return std::any_of(context.resources().begin(), context.resources().end(), [](const ResourceEntry &r) {
        const Tree *type = r.body.find("Type");
        return type != nullptr && type->scalar.rfind("AWS::Serverless::", 0) == 0;
    });
}

} // namespace

ExportResult exportDesign(const Architecture &design, const Catalog &catalog,
                          const PolicyTemplates &policies, const ExportOptions &options)
{
    using exporting::mergeSection;
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
    writeResources(context);

    ExportResult result;
    result.stats = context.stats();
    result.stats.resources = context.resources().size();
    for (const ResourceEntry &r : context.resources())
        result.stats.expandedResources += r.expanded;

    const exporting::Section parameters = usedParameters(context);
    const bool needsTransform = options.format == TemplateFormat::Sam || hasSamResource(context);
    auto makeRoot = [&](const Tree *sections) {
        Tree root = header(context, sections);
        if (needsTransform && !context.sam() && root.find("Transform") == nullptr)
            root.entries.insert(root.entries.begin() + 1, {"Transform", cfn::text(kSamTransform)});
        return root;
    };

    Tree root = makeRoot(importedSections);
    setDesignMetadata(root, designMetadata(context));
    mergeSection(root, "Parameters", parameters, "Resources");
    Tree resources = Tree::makeMap();
    exporting::Section outputs;
    std::string part;
    if (result.stats.expandedResources <= options.maxResourcesPerStack) {
        for (ResourceEntry &r : context.resources())
            resources.entries.emplace_back(r.logicalId, std::move(r.body));
        outputs = context.outputs();
    } else {
        std::string error;
        auto stacks = exporting::splitIntoStacks(context, parameters, [&] { return makeRoot(nullptr); }, error);
        if (!stacks) {
            context.diagnostics().push_back({Severity::Error, design.name(), 0, 0,
                                             "the design needs " + std::to_string(result.stats.expandedResources)
                                                 + " resources, more than one template may hold, and " + error});
            result.diagnostics = context.diagnostics();
            return result;
        }
        result.files = std::move(stacks->files);
        resources = std::move(stacks->parentResources);
        outputs = std::move(stacks->parentOutputs);
        part = "main stack";
        result.stats.nestedStacks = result.files.size();
        context.info("the design needs about " + std::to_string(result.stats.expandedResources)
                     + " resources, more than CloudFormation's 500 per stack: it is split into "
                     + std::to_string(result.files.size()) + " nested stacks");
    }
    if (Tree *placeholder = root.find("Resources"))
        *placeholder = std::move(resources);
    else
        root.entries.emplace_back("Resources", std::move(resources));
    mergeSection(root, "Outputs", outputs, ""); // after Resources
    result.files.insert(result.files.begin(), {options.fileStem + ".yaml", exporting::render(context, root, part)});
    checkDynamicReferences(context, result.files);
    result.diagnostics = context.diagnostics();
    return result;
}

} // namespace nimbus::model::iac
