// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include "exportcontext.h"

#include <model/core/tree.h>

#include <map>
#include <string>

/// The service exporters, one file per family, and the pieces of one family that another
/// uses (mostly the edge wiring in exportwiring.cpp). Internal to model/iac/export*.cpp.
namespace nimbus::model::iac::exporting {

using Registry = std::map<std::string, ServiceExporter>;

// --- exportcompute.cpp: Lambda, Step Functions, Fargate ---------------------------------

void registerComputeExporters(Registry &registry);
/// The ECS cluster every Fargate service of the template runs in, created on first use.
std::string sharedCluster(ExportContext &c);
/// Lets `principal` run tasks from a Fargate service's task definition (ecs:RunTask, and
/// iam:PassRole on the task and execution roles). Returns the task definition's logical
/// id, or "" when the service has none (read from a template).
std::string grantRunTask(ExportContext &c, const Node &principal, const Node &service);
/// A state machine running tasks of a Fargate service: the grants, and the values the
/// Task state written by the state machine's exporter substitutes. False when the service
/// has no task definition.
bool wireStateMachineTask(ExportContext &c, const Node &stateMachine, const Node &service);

// --- exportapigateway.cpp: REST, HTTP and WebSocket APIs --------------------------------

void registerApiGatewayExporters(Registry &registry);
/// The path an API gives a target ("/create-order").
std::string apiPath(ExportContext &c, const Node &target);
/// The paths of an API's OpenAPI body, created on first use (SAM: DefinitionBody, CFN: Body).
Tree &openApiPaths(ExportContext &c, const Node &api);
/// API Gateway in front of a function, plain CloudFormation: a proxy integration in the
/// OpenAPI body and the permission to invoke the function.
void wireApiLambdaCfn(ExportContext &c, const Node &api, const Node &fn);

// --- exportfrontends.cpp: AppSync, CloudFront, Application Load Balancer ----------------

void registerFrontendExporters(Registry &registry);

// --- exportmessaging.cpp: SQS, SNS, Kinesis, Firehose, IoT rules ------------------------

void registerMessagingExporters(Registry &registry);
/// An SNS subscription of `target` to `topic`; returns its logical id.
std::string addSubscription(ExportContext &c, const Node &topic, const Node &target,
                            const Node &owner, const char *protocol, Tree endpoint);

// --- exportevents.cpp: EventBridge buses, rules, schedules and pipes --------------------

void registerEventExporters(Registry &registry);
/// The bus that feeds a rule node, if the design draws one.
const Node *ruleBus(ExportContext &c, const Node &rule);
/// Event pattern of a rule node, or a pattern matching every event.
Tree rulePattern(ExportContext &c, const Node &rule);
/// ScheduleExpression, timezone, flexible window and state of a schedule node.
Tree scheduleSettings(ExportContext &c, const Node &schedule);
/// The Target of an AWS::Scheduler::Schedule and its role's grant; null for targets the
/// scheduler cannot reach.
Tree scheduleTarget(ExportContext &c, const Node &schedule, const Node &target);

// --- exportdata.cpp: DynamoDB, S3, Cognito, Aurora, Glue, Athena, SageMaker -------------

void registerDataExporters(Registry &registry);
/// S3 event notifications to a function (CloudFormation), queue or topic (both formats).
bool bucketNotify(ExportContext &c, const Node &bucket, const Node &target);

} // namespace nimbus::model::iac::exporting
