// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include "exportcontext.h"

#include <model/core/tree.h>

#include <optional>
#include <string>
#include <vector>

/// Helpers the service exporters share: property lookups, template fragments, and the
/// resources and grants several services need alike. Internal to model/iac/export*.cpp.
///
/// ExportContext keeps resources in a vector: a reference to one resource's body does not
/// survive adding another, so helpers that add resources return logical ids, not Trees.
namespace nimbus::model::iac::exporting {

// --- properties, ids and edges ----------------------------------------------------------

/// A node's property as text (node value, else catalog default, else "").
std::string prop(ExportContext &c, const Node &n, const char *key);
/// A node's property as a number (node value, else catalog default, else `fallback`).
double num(ExportContext &c, const Node &n, const char *key, double fallback);
/// A node's property as a number, or nullopt when neither node nor catalog gives one.
std::optional<double> optNum(ExportContext &c, const Node &n, const char *key);
/// A number offered as a choice ("2048"): choices are text, so num() gives none.
double choiceNumber(ExportContext &c, const Node &n, const char *key, double fallback);
/// A boolean property that is "true".
bool flag(ExportContext &c, const Node &n, const char *key);
/// The node's value when the user set it (not the catalog default).
std::optional<double> setNum(const Node &n, const char *key);
/// An edge property as a number, when set.
std::optional<double> edgeNum(const Edge &e, const char *key);
/// The node's "state" property, or "ENABLED" when it has none.
std::string enabledState(ExportContext &c, const Node &n);
/// A whole number for the template.
Tree intNum(double v);
/// A physical name unique per stack: `!Sub ${AWS::StackName}-<node name in kebab case><suffix>`.
Tree stackScopedName(ExportContext &c, const Node &n, const std::string &suffix = {});

/// The logical id of a node's main resource.
const std::string &lid(ExportContext &c, const Node &n);
/// The node's name (or logical id) in kebab case, at most `limit` characters, never "".
std::string dashed(ExportContext &c, const Node &n, std::size_t limit = 40);

bool isFunction(const Node &n);
bool isStateMachine(const Node &n);

/// Edges the design draws (not read from a template, which already expresses them).
std::vector<const Edge *> live(const std::vector<const Edge *> &edges);
/// The first node of `type` the node's drawn outgoing edges reach, or nullptr.
const Node *connectedOfType(ExportContext &c, const Node &n, const char *type);

bool isOfType(const ResourceEntry &r, const std::string &type);
/// The ids of the resources of one type made for a node, in the order they were made.
std::vector<std::string> ownedResources(ExportContext &c, const Node &owner,
                                        const std::string &type);
/// The first of ownedResources(), or "".
std::string ownedResource(ExportContext &c, const Node &owner, const std::string &type);

// --- template fragments -----------------------------------------------------------------

/// `!Sub arn:${AWS::Partition}:<rest>`
Tree arnSub(const std::string &rest);
/// The ARN of an AWS managed policy ("service-role/AWSGlueServiceRole").
Tree managedPolicy(const std::string &path);
/// A flow sequence with an intrinsic tag (`!Join [...]`).
Tree tagged(const char *tag, std::vector<Tree> items);
/// `!Select [index, !Split [separator, value]]`
Tree selectSplit(int index, const std::string &separator, Tree value);
/// `!Sub [pattern, {name: value}]`
Tree subWith(const std::string &pattern, const std::string &name, Tree value);

/// Declares a template parameter and returns a reference to it.
Tree param(ExportContext &c, const std::string &name, const std::string &type,
           const std::string &description, const std::string &defaultValue = {});
/// The PublicSubnets or (private) Subnets parameter.
Tree subnets(ExportContext &c, bool isPublic);
/// The "<Id>SecurityGroups" parameter of a node.
Tree securityGroups(ExportContext &c, const Node &n);

/// The ARN of a node's main resource (Ref or GetAtt, whichever gives the ARN).
Tree arnOf(ExportContext &c, const Node &n);
/// An ARN and everything below it ("bucket" and "bucket/*", "function" and its versions).
Tree withChildren(const Tree &arn, const std::string &separator);
/// RetryPolicy of a rule or schedule node (retryAttempts, maximumEventAgeSeconds as set by
/// the user); an empty map when neither is set.
Tree retryPolicy(const Node &n);

// --- resources and permissions ----------------------------------------------------------

/// Adds a whole resource in one step.
void put(ExportContext &c, const std::string &id, const std::string &type, const Node *owner,
         Tree props, std::size_t expanded = 1);
/// A role that is not the node's service role (an execution or logging role).
std::string addRole(ExportContext &c, const std::string &base, const Node &owner,
                    const std::string &principal, const std::string &managed);
/// Lets `principal` (a service) invoke a function; returns the permission's logical id.
std::string lambdaPermission(ExportContext &c, const std::string &idBase, const Node &owner,
                             Tree functionArn, const std::string &principal, Tree sourceArn);
/// A resource policy letting an AWS service send to a queue (SQS) or topic (SNS).
void allowServiceToSend(ExportContext &c, const Node &target, const std::string &service,
                        Tree sourceArn, const Node &owner);

/// Reading a Kinesis stream's shards, scoped to that stream.
void grantStreamRead(ExportContext &c, const Node &principal, const Node &stream);
/// Grants `principal` what a connection rule gives for one edge: the rule's SAM policy
/// template narrowed by the edge's kind (a read gets read-only), or explicit statements
/// for the targets no template covers (Aurora, SageMaker endpoints, Glue jobs, Cognito,
/// WebSocket APIs). False when neither applies.
bool grantDataAccess(ExportContext &c, const Node &principal, const ConnectionRule *rule,
                     const Edge &e, const Node &target);

/// Environment variable names as functions get them ("ORDERS_TABLE", "JOBS_QUEUE_URL").
std::string environmentName(ExportContext &c, const Node &target);
/// How code finds a target (`how` is the rule's environment: Arn, Name, Ref, QueueUrl).
Tree environmentValue(ExportContext &c, const Node &target, const std::string &how);

} // namespace nimbus::model::iac::exporting
