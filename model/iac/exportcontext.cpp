// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "exportcontext.h"

#include "cfntree.h"
#include "policytemplates.h"

#include <model/io/yamlwriter.h>

#include <algorithm>

namespace nimbus::model::iac {

namespace {

const std::vector<const Edge *> kNoEdges;

bool isSamPrincipalType(const std::string &type)
{
    return type == "lambda-function" || type == "step-functions";
}

} // namespace

const Tree *importedResource(const Node &node)
{
    const Tree *resource = node.extra.find("cloudformation");
    return resource != nullptr && resource->isMap() && resource->find("Type") != nullptr ? resource
                                                                                        : nullptr;
}

bool canExtend(ExportContext &context, const Node &node)
{
    const std::string &id = context.logicalId(node.id);
    if (id.empty() || !context.hasResource(id))
        return false;
    const Tree *original = importedResource(node);
    if (original == nullptr)
        return true;
    const ServiceType *type = context.type(node);
    const Tree *bodyType = original->find("Type");
    return context.sam() && type != nullptr && bodyType != nullptr && !type->samType.empty()
           && bodyType->scalar == type->samType;
}

bool isImportedEdge(const Edge &edge)
{
    const Tree *origin = edge.extra.find("inferredFrom");
    return origin != nullptr;
}

Tree assumeRolePolicy(const std::string &servicePrincipal)
{
    using namespace cfn;
    Tree statement = map({{"Effect", text("Allow")},
                          {"Principal", map({{"Service", text(servicePrincipal)}})},
                          {"Action", text("sts:AssumeRole")}});
    return map({{"Version", Tree::makeScalar("2012-10-17", true)},
                {"Statement", list({statement})}});
}

ExportContext::ExportContext(const Architecture &design, const Catalog &catalog,
                             const PolicyTemplates &policies, const ExportOptions &options)
    : m_design(design)
    , m_catalog(catalog)
    , m_policies(policies)
    , m_options(options)
{
    for (const Edge &edge : design.edges()) {
        m_outgoing[edge.source.str()].push_back(&edge);
        m_incoming[edge.target.str()].push_back(&edge);
    }
    // Nodes read from a template keep their logical id; the others take one from their
    // name, in design order, so that ids are stable while names do not change.
    for (const Node &node : design.nodes()) {
        if (importedResource(node) != nullptr && cfn::isValidLogicalId(node.id.str())) {
            m_logicalIds[node.id.str()] = node.id.str();
            m_usedIds.used.insert(node.id.str());
        }
    }
    for (const Node &node : design.nodes()) {
        if (m_logicalIds.count(node.id.str()) != 0)
            continue;
        std::string base = cfn::pascalCase(node.name);
        if (base.empty() || !std::isalpha(static_cast<unsigned char>(base[0]))) {
            const ServiceType *type = catalog.type(node.type);
            base = cfn::pascalCase(type != nullptr ? type->shortName : "Resource") + base;
        }
        m_logicalIds[node.id.str()] = reserveId(base);
    }
}

const std::vector<const Edge *> &ExportContext::incoming(const NodeId &id) const
{
    auto it = m_incoming.find(id.str());
    return it == m_incoming.end() ? kNoEdges : it->second;
}

const std::vector<const Edge *> &ExportContext::outgoing(const NodeId &id) const
{
    auto it = m_outgoing.find(id.str());
    return it == m_outgoing.end() ? kNoEdges : it->second;
}

const std::string &ExportContext::logicalId(const NodeId &id) const
{
    static const std::string none;
    auto it = m_logicalIds.find(id.str());
    return it == m_logicalIds.end() ? none : it->second;
}

std::string ExportContext::UsedNames::reserve(const std::string &base)
{
    std::string candidate = base;
    if (used.count(candidate) != 0) {
        int &n = next.try_emplace(base, 2).first->second;
        for (candidate = base + std::to_string(n); used.count(candidate) != 0; candidate = base + std::to_string(n))
            ++n;
        ++n;
    }
    used.insert(candidate);
    return candidate;
}

std::string ExportContext::reserveId(const std::string &base)
{
    // Logical ids have at most 255 characters; names (and ids made of two names) may be
    // longer, so the base leaves room for a number.
    constexpr std::size_t kMaxBase = 240;
    return m_usedIds.reserve(base.empty() ? std::string("Resource") : base.substr(0, kMaxBase));
}

std::string ExportContext::reserveKey(const std::string &logicalId, const std::string &section, const Tree &map,
                                      const std::string &base)
{
    auto [it, created] = m_usedKeys.try_emplace(logicalId + '/' + section);
    if (created) {
        for (const auto &entry : map.entries)
            it->second.used.insert(entry.first);
    }
    return it->second.reserve(base);
}

Tree &ExportContext::addResource(const std::string &logicalId, const std::string &type,
                                 const Node *owner, std::size_t expanded)
{
    m_usedIds.used.insert(logicalId);
    ResourceEntry entry;
    entry.logicalId = logicalId;
    entry.body = cfn::map({{"Type", cfn::text(type)}, {"Properties", Tree::makeMap()}});
    entry.owner = owner != nullptr ? owner->id.str() : std::string();
    entry.expanded = expanded;
    m_resourceIndex[logicalId] = m_resources.size();
    m_resources.push_back(std::move(entry));
    return m_resources.back().body;
}

bool ExportContext::hasResource(const std::string &logicalId) const
{
    return m_resourceIndex.count(logicalId) != 0;
}

Tree &ExportContext::resource(const std::string &logicalId)
{
    return m_resources.at(m_resourceIndex.at(logicalId)).body;
}

Tree &ExportContext::properties(const std::string &logicalId)
{
    return cfn::child(resource(logicalId), "Properties");
}

void ExportContext::addDependsOn(const std::string &logicalId, const std::string &dependency)
{
    Tree &deps = cfn::childList(resource(logicalId), "DependsOn");
    for (const Tree &d : deps.items) {
        if (d.scalar == dependency)
            return;
    }
    deps.items.push_back(cfn::text(dependency));
}

void ExportContext::addExpanded(const std::string &logicalId, std::size_t count)
{
    m_resources.at(m_resourceIndex.at(logicalId)).expanded += count;
}

ExportContext::Principal &ExportContext::principal(const Node &node)
{
    return m_principals[node.id.str()];
}

void ExportContext::grantPolicyTemplate(const Node &node, const std::string &templateName,
                                        const std::string &parameter, const Tree &parameterValue)
{
    Principal &p = principal(node);
    const std::string key = templateName + "|" + writeYaml(parameterValue);
    if (!p.grantKeys.insert(key).second)
        return;
    ++m_stats.policies;
    if (sam() && isSamPrincipalType(node.type)) {
        Tree args = Tree::makeMap();
        if (!parameter.empty())
            args.set(parameter, parameterValue);
        p.samPolicies.push_back(cfn::map({{templateName, args}}));
        return;
    }
    std::map<std::string, Tree> arguments;
    if (!parameter.empty())
        arguments.emplace(parameter, parameterValue);
    Tree statements = m_policies.expand(templateName, arguments);
    if (statements.items.empty())
        warn("policy template " + templateName + " is unknown; no permission was written for "
             + node.name);
    for (Tree &s : statements.items)
        p.statements.push_back(std::move(s));
}

void ExportContext::grantStatement(const Node &node, std::vector<std::string> actions, Tree resourceValue)
{
    Principal &p = principal(node);
    std::string key = "stmt|" + writeYaml(resourceValue);
    for (const auto &a : actions)
        key += "|" + a;
    if (!p.grantKeys.insert(key).second)
        return;
    ++m_stats.policies;
    std::vector<Tree> actionTrees;
    for (const auto &a : actions)
        actionTrees.push_back(cfn::text(a));
    Tree statement = cfn::map({{"Effect", cfn::text("Allow")},
                               {"Action", cfn::list(std::move(actionTrees))},
                               {"Resource", std::move(resourceValue)}});
    if (sam() && isSamPrincipalType(node.type)) {
        p.samPolicies.push_back(cfn::map({{"Statement", cfn::list({statement})}}));
        return;
    }
    p.statements.push_back(std::move(statement));
}

std::string ExportContext::serviceRole(const Node &owner, const std::string &servicePrincipal)
{
    auto it = m_serviceRoles.find(owner.id.str());
    if (it != m_serviceRoles.end())
        return it->second;
    const std::string id = reserveId(logicalId(owner.id) + "Role");
    Tree &props = cfn::child(addResource(id, "AWS::IAM::Role", &owner), "Properties");
    props.set("AssumeRolePolicyDocument", assumeRolePolicy(servicePrincipal));
    m_serviceRoles[owner.id.str()] = id;
    return id;
}

void ExportContext::setEnvironment(const Node &function, const std::string &name, const Tree &value)
{
    Tree &vars = cfn::child(cfn::child(properties(logicalId(function.id)), "Environment"), "Variables");
    if (vars.find(name) == nullptr)
        vars.set(name, value);
}

void ExportContext::addParameter(const std::string &name, Tree body)
{
    m_parameters.emplace(name, std::move(body));
}

void ExportContext::addOutput(const std::string &name, const std::string &description, Tree value)
{
    if (!m_outputNames.insert(name).second)
        return;
    m_outputs.emplace_back(name, cfn::map({{"Description", cfn::text(description)}, {"Value", std::move(value)}}));
}

void ExportContext::warn(const std::string &message)
{
    m_diagnostics.push_back({Severity::Warning, m_design.name(), 0, 0, message});
}

void ExportContext::info(const std::string &message)
{
    m_diagnostics.push_back({Severity::Info, m_design.name(), 0, 0, message});
}

void ExportContext::finishPermissions()
{
    for (auto &[nodeId, p] : m_principals) {
        const Node *node = m_design.node(NodeId(nodeId));
        if (node == nullptr)
            continue;
        if (!p.samPolicies.empty() && hasResource(logicalId(node->id))) {
            Tree &policies = cfn::childList(properties(logicalId(node->id)), "Policies");
            for (Tree &t : p.samPolicies)
                policies.items.push_back(std::move(t));
        }
        if (p.statements.empty())
            continue;
        auto role = m_serviceRoles.find(nodeId);
        if (role == m_serviceRoles.end()) {
            warn("no role to hold the permissions of " + node->name);
            continue;
        }
        Tree document = cfn::map({{"Version", Tree::makeScalar("2012-10-17", true)},
                                  {"Statement", cfn::list(std::move(p.statements))}});
        Tree policy = cfn::map({{"PolicyName", cfn::text(logicalId(node->id) + "Access")},
                                {"PolicyDocument", std::move(document)}});
        cfn::childList(properties(role->second), "Policies").items.push_back(std::move(policy));
    }
}

} // namespace nimbus::model::iac
