// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "importer.h"
#include "importmetadata.h"

#include "cfntree.h"
#include "propertybindings.h"
#include "templateimporter.h"

#include <model/core/catalog.h>
#include <model/core/limits.h>
#include <model/io/yamlreader.h>

#include <algorithm>
#include <cctype>
#include <exception>
#include <functional>

namespace nimbus::model::iac {

namespace importing {

namespace {

constexpr int GridColumns = 5;

/// Plumbing types that are folded rather than drawn, with the property naming the
/// resource each one serves ("" when it serves none in particular). A reference to a
/// folded resource stands for that owner (a function alias for its function).
const std::unordered_map<std::string_view, std::string_view> &foldedTypes()
{
    static const std::unordered_map<std::string_view, std::string_view> types = {
        {"AWS::IAM::Role", ""},
        {"AWS::IAM::Policy", ""},
        {"AWS::IAM::ManagedPolicy", ""},
        {"AWS::Logs::LogGroup", ""},
        {"AWS::Serverless::Connector", ""},
        {"AWS::Lambda::Permission", "FunctionName"},
        {"AWS::Lambda::EventSourceMapping", "FunctionName"},
        {"AWS::Lambda::EventInvokeConfig", "FunctionName"},
        {"AWS::Lambda::Version", "FunctionName"},
        {"AWS::Lambda::Alias", "FunctionName"},
        {"AWS::Lambda::Url", "TargetFunctionArn"},
        {"AWS::SQS::QueuePolicy", "Queues"},
        {"AWS::SNS::TopicPolicy", "Topics"},
        {"AWS::S3::BucketPolicy", "Bucket"},
        {"AWS::SNS::Subscription", "TopicArn"},
        {"AWS::ApiGateway::Account", ""},
        {"AWS::ApiGateway::ApiKey", "StageKeys"},
        {"AWS::ApiGateway::Authorizer", "RestApiId"},
        {"AWS::ApiGateway::BasePathMapping", "RestApiId"},
        {"AWS::ApiGateway::Deployment", "RestApiId"},
        {"AWS::ApiGateway::GatewayResponse", "RestApiId"},
        {"AWS::ApiGateway::Method", "RestApiId"},
        {"AWS::ApiGateway::Model", "RestApiId"},
        {"AWS::ApiGateway::RequestValidator", "RestApiId"},
        {"AWS::ApiGateway::Resource", "RestApiId"},
        {"AWS::ApiGateway::Stage", "RestApiId"},
        {"AWS::ApiGateway::UsagePlan", "ApiStages"},
        {"AWS::ApiGateway::UsagePlanKey", "UsagePlanId"},
        {"AWS::ApiGatewayV2::ApiMapping", "ApiId"},
        {"AWS::ApiGatewayV2::Authorizer", "ApiId"},
        {"AWS::ApiGatewayV2::Deployment", "ApiId"},
        {"AWS::ApiGatewayV2::Integration", "ApiId"},
        {"AWS::ApiGatewayV2::IntegrationResponse", "ApiId"},
        {"AWS::ApiGatewayV2::Model", "ApiId"},
        {"AWS::ApiGatewayV2::Route", "ApiId"},
        {"AWS::ApiGatewayV2::RouteResponse", "ApiId"},
        {"AWS::ApiGatewayV2::Stage", "ApiId"},
        {"AWS::ApiGatewayV2::VpcLink", ""},
        {"AWS::ApiGateway::VpcLink", ""},
        {"AWS::AppSync::ApiCache", "ApiId"},
        {"AWS::AppSync::ApiKey", "ApiId"},
        {"AWS::AppSync::DataSource", "ApiId"},
        {"AWS::AppSync::DomainNameApiAssociation", "ApiId"},
        {"AWS::AppSync::FunctionConfiguration", "ApiId"},
        {"AWS::AppSync::GraphQLSchema", "ApiId"},
        {"AWS::AppSync::Resolver", "ApiId"},
        {"AWS::Cognito::UserPoolClient", "UserPoolId"},
        {"AWS::Cognito::UserPoolDomain", "UserPoolId"},
        {"AWS::Cognito::UserPoolGroup", "UserPoolId"},
        {"AWS::Cognito::UserPoolResourceServer", "UserPoolId"},
        {"AWS::ElasticLoadBalancingV2::Listener", "LoadBalancerArn"},
        {"AWS::ElasticLoadBalancingV2::ListenerRule", "ListenerArn"},
        {"AWS::ECS::Cluster", ""},
        {"AWS::ECS::TaskDefinition", ""},
        {"AWS::WAFv2::WebACLAssociation", "ResourceArn"},
        // Networking serves the whole template rather than one service.
        {"AWS::EC2::VPC", ""},
        {"AWS::EC2::Subnet", ""},
        {"AWS::EC2::RouteTable", ""},
        {"AWS::EC2::Route", ""},
        {"AWS::EC2::SubnetRouteTableAssociation", ""},
        {"AWS::EC2::InternetGateway", ""},
        {"AWS::EC2::VPCGatewayAttachment", ""},
        {"AWS::EC2::NatGateway", ""},
        {"AWS::EC2::EIP", ""},
        {"AWS::EC2::SecurityGroup", ""},
        {"AWS::EC2::SecurityGroupIngress", ""},
        {"AWS::EC2::SecurityGroupEgress", ""},
        {"AWS::EC2::VPCEndpoint", ""},
    };
    return types;
}

std::string fileStem(const std::string &fileName)
{
    const std::size_t slash = fileName.find_last_of("/\\");
    std::string base = slash == std::string::npos ? fileName : fileName.substr(slash + 1);
    const std::size_t dot = base.rfind('.');
    if (dot != std::string::npos && dot > 0)
        base.resize(dot);
    return base;
}

} // namespace

/// The references in every value stored under `key` anywhere below `tree`.
void referencesUnder(const Tree *tree, const std::string &key, std::vector<std::string> &out)
{
    if (tree == nullptr)
        return;
    for (const auto &[k, value] : tree->entries) {
        if (k == key)
            cfn::collectReferences(value, out);
        else
            referencesUnder(&value, key, out);
    }
    for (const Tree &item : tree->items)
        referencesUnder(&item, key, out);
}

void TemplateImporter::error(const Tree &at, std::string message)
{
    m_result.diagnostics.push_back({Severity::Error, m_file, at.line, at.column, std::move(message)});
}

void TemplateImporter::warn(const Tree &at, std::string message)
{
    m_result.diagnostics.push_back({Severity::Warning, m_file, at.line, at.column, std::move(message)});
}

void TemplateImporter::run(const Tree &root)
{
    if (!readTemplate(root))
        return;
    checkIntrinsics(root);
    checkDependencyCycles();
    findImplicitApis();
    addNodes();
    findRoleUsers();
    findLoadBalancers();
    for (const Resource &r : m_resources)
        inferFlows(r);
    for (const Resource &r : m_resources)
        inferPermissions(r);
    countStats();
}

bool TemplateImporter::readTemplate(const Tree &root)
{
    if (root.isNull()) {
        error(root, "the template is empty");
        return false;
    }
    if (!root.isMap()) {
        error(root, "a template must be a map of sections (AWSTemplateFormatVersion, "
                         "Resources, ...)");
        return false;
    }
    m_design.setName(fileStem(m_file));
    if (const Tree *description = root.find("Description");
        description && description->isScalar() && description->tag.empty()) {
        if (utf8Length(description->scalar) > kMaxDescriptionLength) {
            error(*description, tooLongMessage("the template's Description", utf8Length(description->scalar),
                                                    kMaxDescriptionLength));
            return false;
        }
        m_design.setDescription(description->scalar);
    }
    m_globalVariables = at(&root, {"Globals", "Function", "Environment", "Variables"});

    Tree sections = Tree::makeMap();
    for (const auto &[key, value] : root.entries)
        sections.entries.emplace_back(key, key == "Resources" ? Tree() : value);
    m_design.extra() = Tree::makeMap();
    m_design.extra().set("cloudformationTemplate", std::move(sections));

    const Tree *resources = root.find("Resources");
    if (resources == nullptr || resources->isNull() ||
        (resources->isMap() && resources->entries.empty())) {
        error(resources ? *resources : root, "template has no Resources");
        return false;
    }
    if (!resources->isMap()) {
        error(*resources, "Resources must be a map from logical ids to resources");
        return false;
    }
    m_result.stats.resources = resources->entries.size();
    if (resources->entries.size() > kMaxTemplateResources) { // the parse stops earlier
        error(*resources, tooManyMessage("the template", kMaxTemplateResources, "resources"));
        return false;
    }
    m_resources.reserve(resources->entries.size());
    for (const auto &[id, body] : resources->entries)
        readResource(id, body);
    return true;
}

bool TemplateImporter::readResource(const std::string &id, const Tree &body)
{
    if (id == "Fn::Transform" || id.rfind("Fn::ForEach::", 0) == 0) {
        // Resources an AWS::Include or a loop of AWS::LanguageExtensions adds at deployment:
        // kept in place as written, unseen by Nimbus.
        warn(body, id == "Fn::Transform"
                       ? "resources added by Fn::Transform are kept but not shown"
                       : "the resources of the loop '" + id.substr(13) +
                             "' (Fn::ForEach) are created at deployment; the loop is kept "
                             "as written but not shown");
        m_index.emplace(id, m_resources.size());
        m_resources.push_back({id, &body, nullptr, std::string(), true, std::string()});
        return true;
    }
    if (!isValidId(id)) {
        error(body, "logical id '" + id.substr(0, 80) +
                             "' is not usable: use 1 to 255 letters and digits");
        return false;
    }
    if (!cfn::isValidLogicalId(id))
        warn(body, "logical id '" + id + "' has characters CloudFormation does not accept");
    if (!body.isMap()) {
        error(body, "resource '" + id + "' must be a map with a Type");
        return false;
    }
    const Tree *type = body.find("Type");
    if (type == nullptr) {
        error(body, "resource '" + id + "' has no Type");
        return false;
    }
    if (!type->isScalar() || !type->tag.empty() || type->scalar.empty()) {
        error(*type, "the Type of resource '" + id + "' must be a resource type name");
        return false;
    }
    Resource r;
    r.id = id;
    r.body = &body;
    r.type = type->scalar;
    const Tree *props = body.find("Properties");
    r.props = props != nullptr && props->isMap() ? props : nullptr;
    if (auto folded = foldedTypes().find(r.type); folded != foldedTypes().end()) {
        r.folded = true;
        if (!folded->second.empty()) {
            std::vector<std::string> refs;
            if (const Tree *ownerTree = child(r.props, std::string(folded->second)))
                cfn::collectReferences(*ownerTree, refs);
            if (!refs.empty())
                r.owner = refs.front();
        }
    } else if (!isGenericResourceType(r.type) && m_catalog.type(nodeType(r)) == nullptr) {
        warn(*type, "resource '" + id + "' has type '" + r.type +
                             "', which is not an AWS type; it is kept as a generic node");
    }
    m_index.emplace(id, m_resources.size());
    m_resources.push_back(std::move(r));
    return true;
}

std::string TemplateImporter::nodeType(const Resource &r) const
{
    if (r.type == "AWS::Serverless::SimpleTable" && m_catalog.type("dynamodb-table"))
        return "dynamodb-table";
    if (r.type == "AWS::ApiGatewayV2::Api") {
        std::string protocol = literal(child(r.props, "ProtocolType"));
        std::transform(protocol.begin(), protocol.end(), protocol.begin(),
                       [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        const char *id = protocol == "WEBSOCKET" ? "apigw-websocket-api" : "apigw-http-api";
        if (m_catalog.type(id))
            return id;
    }
    for (const ServiceType &type : m_catalog.types()) {
        if (type.samType == r.type || type.cloudFormationType == r.type)
            return type.id;
    }
    return r.type;
}

void TemplateImporter::findImplicitApis()
{
    for (const Resource &r : m_resources) {
        if (r.type != "AWS::Serverless::Function" && r.type != "AWS::Serverless::StateMachine")
            continue;
        const Tree *events = child(r.props, "Events");
        if (events == nullptr || !events->isMap())
            continue;
        for (const auto &[name, event] : events->entries) {
            const EventSpec *spec = eventSpec(literal(child(&event, "Type")));
            if (spec == nullptr || spec->implicitApi.empty() ||
                child(child(&event, "Properties"), std::string(spec->sourceKey)) != nullptr)
                continue;
            const std::string id(spec->implicitApi);
            if (m_index.count(id) == 0 &&
                std::find(m_implicit.begin(), m_implicit.end(), id) == m_implicit.end())
                m_implicit.push_back(id);
        }
    }
}

void TemplateImporter::addNode(Node node)
{
    const auto index = static_cast<int>(m_design.nodes().size());
    node.position = {40.0 + (index % GridColumns) * 230.0, 40.0 + (index / GridColumns) * 120.0};
    m_design.addNode(std::move(node));
}

void TemplateImporter::addNodes()
{
    for (const Resource &r : m_resources) {
        if (r.folded) {
            m_folded.entries.emplace_back(r.id, *r.body);
            continue;
        }
        Node node;
        node.id = NodeId(r.id);
        node.name = r.id;
        node.type = nodeType(r);
        if (m_catalog.type(node.type) != nullptr)
            node.properties =
                readBoundProperties(node.type, *r.body, m_catalog, &m_result.diagnostics, m_file);
        node.extra = Tree::makeMap();
        node.extra.set("cloudformation", *r.body);
        readEnvironment(r, node);
        addNode(std::move(node));
    }
    for (const std::string &id : m_implicit) {
        Node node;
        node.id = NodeId(id);
        node.name = id;
        node.type = id == "ServerlessRestApi" ? "apigw-rest-api" : "apigw-http-api";
        node.extra = Tree::makeMap();
        node.extra.set("implicit", Tree::makeScalar("true"));
        addNode(std::move(node));
    }
    if (!m_folded.entries.empty())
        m_design.extra().set("cloudformationFolded", std::move(m_folded));
}

// ---- references and edges ----

const Resource *TemplateImporter::resource(const std::string &id) const
{
    const auto it = m_index.find(id);
    return it == m_index.end() ? nullptr : &m_resources[it->second];
}

std::optional<std::string> TemplateImporter::resolve(std::string name, int depth) const
{
    if (const std::size_t dot = name.find('.'); dot != std::string::npos)
        name.resize(dot); // "!Ref Fn.Alias", SAM's alias reference
    if (isNode(name))
        return name;
    const Resource *r = resource(name);
    if (r == nullptr || !r->folded || r->owner.empty() || depth > 4)
        return std::nullopt;
    return resolve(r->owner, depth + 1);
}

std::vector<std::string>
TemplateImporter::targets(const Tree *tree, std::initializer_list<std::string_view> skip) const
{
    std::vector<std::string> raw;
    std::function<void(const Tree &)> gather = [&](const Tree &t) {
        if (isPlainMap(t) && t.tag.empty()) {
            for (const auto &[key, value] : t.entries) {
                if (std::find(skip.begin(), skip.end(), key) == skip.end())
                    gather(value);
            }
        } else if (t.isSequence() && t.tag.empty()) {
            for (const Tree &item : t.items)
                gather(item);
        } else {
            cfn::collectReferences(t, raw);
        }
    };
    if (tree != nullptr)
        gather(*tree);
    std::vector<std::string> out;
    for (const std::string &name : raw) {
        if (auto id = resolve(name); id && std::find(out.begin(), out.end(), *id) == out.end())
            out.push_back(*id);
    }
    return out;
}

void TemplateImporter::connect(const std::string &from, const std::string &to, const Link &link)
{
    const Node *source = m_design.node(NodeId(from));
    const Node *target = m_design.node(NodeId(to));
    if (from == to || source == nullptr || target == nullptr)
        return;
    const std::string pair = from + '\n' + to;
    if (const auto it = m_pairs.find(pair); it != m_pairs.end()) {
        Tree &extra = m_design.edge(it->second)->extra;
        const Tree *previous = extra.find("inferredFrom");
        std::string text = previous ? previous->scalar : std::string();
        if (("; " + text + "; ").find("; " + link.label + "; ") == std::string::npos)
            extra.set("inferredFrom",
                      cfn::text(text.empty() ? link.label : text + "; " + link.label));
        return;
    }
    // A permission to consume what already feeds this node through a poller or a stream
    // (the function's role on its queue) is what that flow needs, not a second connection.
    if (link.permission && link.readOnly) {
        if (const auto reverse = m_pairs.find(to + '\n' + from); reverse != m_pairs.end()) {
            const ConnectionKind kind = m_design.edge(reverse->second)->kind;
            if (kind == ConnectionKind::Poll || kind == ConnectionKind::Stream)
                return;
        }
    }
    Edge edge;
    std::string id = from + "-to-" + to;
    if (id.size() > 255)
        id = m_design.uniqueId("edge");
    for (int n = 2; m_design.isIdUsed(id); ++n)
        id = from + "-to-" + to + "-" + std::to_string(n);
    edge.id = EdgeId(id);
    edge.source = source->id;
    edge.target = target->id;
    const ConnectionRule *rule = m_catalog.connections().rule(source->type, target->type);
    edge.kind = rule != nullptr && !rule->kinds.empty() ? rule->kinds.front() : link.fallback;
    if (!link.purpose.empty())
        edge.properties.emplace("purpose", link.purpose);
    edge.extra = Tree::makeMap();
    edge.extra.set("inferredFrom", cfn::text(link.label));
    if (m_design.addEdge(std::move(edge)))
        m_pairs.emplace(pair, EdgeId(id));
}

void TemplateImporter::connectAll(const std::vector<std::string> &from,
                                  const std::vector<std::string> &to, const Link &link)
{
    for (const std::string &a : from) {
        for (const std::string &b : to)
            connect(a, b, link);
    }
}

void TemplateImporter::destination(const std::string &from, const Tree *arn,
                                   const std::string &label, const char *purpose)
{
    connectAll({from}, targets(arn), {ConnectionKind::Publish, label, purpose});
}

void TemplateImporter::countStats()
{
    ImportStats &s = m_result.stats;
    s.nodes = m_design.nodes().size();
    s.edges = m_design.edges().size();
    s.implicitNodes = m_implicit.size();
    s.foldedResources = static_cast<std::size_t>(std::count_if(
        m_resources.begin(), m_resources.end(), [](const Resource &r) { return r.folded; }));
    s.genericNodes = static_cast<std::size_t>(
        std::count_if(m_design.nodes().begin(), m_design.nodes().end(),
                      [&](const Node &n) { return m_catalog.type(n.type) == nullptr; }));
}

} // namespace importing

ImportResult importTemplate(std::string_view text, const std::string &fileName,
                            const Catalog &catalog, const ImportOptions &options)
{
    ImportResult result;
    try {
        YamlParseOptions yamlOptions;
        yamlOptions.duplicateKeysAreErrors = options.duplicateKeysAreErrors;
        yamlOptions.sectionLimits = {{{"Resources"}, kMaxTemplateResources, "resources"},
                                     {{"Metadata", "Nimbus", "Services"}, kMaxNodes, "services"},
                                     {{"Metadata", "Nimbus", "Connections"}, kMaxEdges, "connections"},
                                     {{"Metadata", "Nimbus", "Groups"}, kMaxGroups, "groups"},
                                     {{"Metadata", "Nimbus", "Notes"}, kMaxNotes, "notes"}};
        YamlParseResult parsed = parseYaml(text, fileName, yamlOptions);
        result.diagnostics = std::move(parsed.diagnostics);
        if (hasErrors(result.diagnostics))
            return result;
        importing::TemplateImporter(catalog, fileName, result).run(parsed.tree);
        if (result.ok())
            importing::applyDesignMetadata(result, parsed.tree, catalog, fileName);
        if (result.ok())
            importing::checkDesignLimits(result, fileName);
    } catch (const std::exception &e) {
        result.diagnostics.push_back(
            {Severity::Error, fileName, 0, 0, std::string("could not import: ") + e.what()});
    }
    return result;
}

ImportResult importTemplateFile(const std::string &path, const Catalog &catalog,
                                const ImportOptions &options)
{
    std::string text;
    std::string error;
    if (!readTextFile(path, text, error, kMaxFileBytes)) {
        ImportResult result;
        result.diagnostics.push_back({Severity::Error, path, 0, 0, error});
        return result;
    }
    return importTemplate(text, path, catalog, options);
}

} // namespace nimbus::model::iac
