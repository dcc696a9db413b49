// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include "exporter.h"

#include <model/core/tree.h>

#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace nimbus::model::iac {

/// One resource of the template being built.
struct ResourceEntry
{
    std::string logicalId;
    Tree body;               ///< Type, Properties, DependsOn, ...
    std::string owner;       ///< id of the node it was made for; "" for template-wide ones
    std::size_t expanded = 1; ///< resources it becomes after SAM's transform
};

/// Shared state of one export: the design, the resources written so far, and the helpers
/// that service exporters use to add resources, permissions, events and outputs.
class ExportContext
{
public:
    ExportContext(const Architecture &design, const Catalog &catalog,
                  const PolicyTemplates &policies, const ExportOptions &options);

    const Architecture &design() const { return m_design; }
    const Catalog &catalog() const { return m_catalog; }
    const PolicyTemplates &policyTemplates() const { return m_policies; }
    const ExportOptions &options() const { return m_options; }
    bool sam() const { return m_options.format == TemplateFormat::Sam; }

    const ServiceType *type(const Node &node) const { return m_catalog.type(node.type); }
    const Node &node(const NodeId &id) const { return *m_design.node(id); }
    const std::vector<const Edge *> &incoming(const NodeId &id) const;
    const std::vector<const Edge *> &outgoing(const NodeId &id) const;

    /// The logical id of a node's main resource (stable: from the node's name, or its id
    /// when the node was read from a template).
    const std::string &logicalId(const NodeId &id) const;
    /// A new logical id "<base>", "<base>2", ... not used by any node or resource.
    std::string reserveId(const std::string &base);
    /// A new key "<base>", "<base>2", ... for the map `section` ("Events") of the resource
    /// `logicalId`, whose current keys are those of `map`; only keys reserved here may be
    /// added to that map afterwards.
    std::string reserveKey(const std::string &logicalId, const std::string &section, const Tree &map,
                           const std::string &base);

    /// Adds a resource and returns its body, which has Type and an empty Properties map.
    Tree &addResource(const std::string &logicalId, const std::string &type, const Node *owner,
                      std::size_t expanded = 1);
    bool hasResource(const std::string &logicalId) const;
    Tree &resource(const std::string &logicalId);
    Tree &properties(const std::string &logicalId);
    void addDependsOn(const std::string &logicalId, const std::string &dependency);
    /// Counts resources SAM adds for one resource (an event's permission, a role...).
    void addExpanded(const std::string &logicalId, std::size_t count);

    /// Grants `principal` (a function, state machine or other resource with a role) one SAM
    /// policy template scoped by `parameterValue`. SAM: a Policies entry; CloudFormation: the
    /// expanded statements in the principal's role. Each grant is made once.
    void grantPolicyTemplate(const Node &principal, const std::string &templateName,
                             const std::string &parameter, const Tree &parameterValue);
    /// Grants an explicit statement (for services no policy template covers).
    void grantStatement(const Node &principal, std::vector<std::string> actions, Tree resource);
    /// The role a non-SAM principal (pipe, schedule, rule target, Glue job...) uses, created
    /// on first use with a trust policy for `servicePrincipal`. Returns its logical id.
    std::string serviceRole(const Node &owner, const std::string &servicePrincipal);

    /// Sets an environment variable on a function (SAM and CloudFormation alike).
    void setEnvironment(const Node &function, const std::string &name, const Tree &value);

    void addParameter(const std::string &name, Tree body);
    void addOutput(const std::string &name, const std::string &description, Tree value);
    void useParameter(const std::string &name) { m_usedParameters.insert({name, true}); }

    /// A node expressed inside another resource (an EventBridge rule written as a
    /// function's event) rather than as its own resource.
    void markAbsorbed(const NodeId &id) { m_absorbed[id.str()] = true; }
    bool isAbsorbed(const NodeId &id) const { return m_absorbed.count(id.str()) != 0; }

    void warn(const std::string &message);
    void info(const std::string &message);

    std::vector<ResourceEntry> &resources() { return m_resources; }
    const std::map<std::string, Tree> &parameters() const { return m_parameters; }
    const std::vector<std::pair<std::string, Tree>> &outputs() const { return m_outputs; }
    Diagnostics &diagnostics() { return m_diagnostics; }
    ExportStats &stats() { return m_stats; }

    /// Finishes per-principal permissions (CloudFormation roles' inline policies).
    void finishPermissions();

private:
    /// Names in use, and for each base the next number to try, so that n names from one
    /// base take linear time.
    struct UsedNames
    {
        std::unordered_set<std::string> used;
        std::unordered_map<std::string, int> next;
        std::string reserve(const std::string &base);
    };
    struct Principal
    {
        std::unordered_set<std::string> grantKeys;
        std::vector<Tree> samPolicies;
        std::vector<Tree> statements;
    };
    Principal &principal(const Node &node);

    const Architecture &m_design;
    const Catalog &m_catalog;
    const PolicyTemplates &m_policies;
    ExportOptions m_options;
    std::unordered_map<std::string, std::string> m_logicalIds; ///< node id -> logical id
    UsedNames m_usedIds;
    std::unordered_map<std::string, UsedNames> m_usedKeys; ///< "<logical id>/<section>" -> its keys
    std::unordered_map<std::string, std::vector<const Edge *>> m_incoming;
    std::unordered_map<std::string, std::vector<const Edge *>> m_outgoing;
    std::vector<ResourceEntry> m_resources;
    std::unordered_map<std::string, std::size_t> m_resourceIndex;
    std::map<std::string, Principal> m_principals;
    std::map<std::string, std::string> m_serviceRoles; ///< node id -> role logical id
    std::map<std::string, Tree> m_parameters;
    std::map<std::string, bool> m_usedParameters;
    std::vector<std::pair<std::string, Tree>> m_outputs;
    std::unordered_set<std::string> m_outputNames; ///< the names in m_outputs
    std::unordered_map<std::string, bool> m_absorbed;
    Diagnostics m_diagnostics;
    ExportStats m_stats;
};

/// Writes the resources of one service node and wires the edges it starts.
struct ServiceExporter
{
    /// Adds the node's resources. Called for every node in design order.
    void (*resources)(ExportContext &context, const Node &node) = nullptr;
    /// Expresses one outgoing edge of such a node (targets, origins, actions...) when the
    /// target's own exporter does not; true when handled.
    bool (*wireOutgoing)(ExportContext &context, const Edge &edge, const Node &source,
                         const Node &target) = nullptr;
};

/// Exporters of the compute, messaging and event services (functions, state machines,
/// Fargate; queues, topics, Kinesis, Firehose, IoT rules; EventBridge buses, rules,
/// schedules and pipes), by catalog type id.
void registerCoreExporters(std::map<std::string, ServiceExporter> &registry);
/// Exporters of the APIs, front doors and data services (REST, HTTP, WebSocket and AppSync
/// APIs, CloudFront, ALB; DynamoDB, S3, Cognito, Aurora, Glue, Athena, SageMaker,
/// Rekognition), by catalog type id.
void registerMoreExporters(std::map<std::string, ServiceExporter> &registry);

/// Resource body for a node read from a template (node.extra "cloudformation"), or nullptr.
const Tree *importedResource(const Node &node);
/// True when the exporter may add events, policies and variables to a node's resource:
/// it wrote the resource itself, or the resource was read from a template as the type the
/// export format writes (a SAM function in a SAM export).
bool canExtend(ExportContext &context, const Node &node);
/// True for an edge read from a template, which the template already expresses.
bool isImportedEdge(const Edge &edge);

/// Statements of a role trust policy for one service principal ("lambda.amazonaws.com").
Tree assumeRolePolicy(const std::string &servicePrincipal);

} // namespace nimbus::model::iac

namespace nimbus::model::iac {

/// In the SAM format, EventBridge rules, schedules and IoT rules whose one outgoing edge
/// triggers a function or state machine are written as that target's event.
void decideAbsorbedNodes(ExportContext &context);
/// Writes an edge into a function's or state machine's Events (SAM) or the equivalent
/// permission, event source mapping or notification (CloudFormation); true when handled.
bool wireEventTarget(ExportContext &context, const Edge &edge, const Node &source, const Node &target);
/// Grants a function or state machine what one outgoing edge needs (policy, environment
/// variable, destination, dead-letter queue); true when handled.
bool wirePrincipalSource(ExportContext &context, const Edge &edge, const Node &source, const Node &target);
/// Gives APIs with nothing behind them a placeholder method, so that they deploy.
void finishApis(ExportContext &context);
/// Writes the environmentVariables property of every function and container into its
/// resource, after the connections have added their variables (exportenvironment.cpp):
/// values that look like secrets become Secrets Manager dynamic references; an invalid or
/// reserved name, or one a connection already sets, is an error and the export refuses.
void writeEnvironments(ExportContext &context);
/// The same protection for a kept template's Globals.Function.Environment.Variables.
void protectGlobalVariables(ExportContext &context, Tree &sections);
/// After writeEnvironments(): the names of the literal variables a node's resource holds
/// that are not in its environmentVariables property (a connection's `EVENT_BUS: default`),
/// for Metadata.Nimbus.
std::vector<std::string> keptLiteralVariables(ExportContext &context, const Node &node);
/// Warns about a file with more dynamic references than CloudFormation resolves (60).
void checkDynamicReferences(ExportContext &context, const std::vector<ExportedFile> &files);

namespace exporting {
/// Points every reference to an event bus node named "default" (the account's own bus,
/// which the template does not create) at that bus: its name and ARN.
void useDefaultBuses(ExportContext &context);
} // namespace exporting

} // namespace nimbus::model::iac
