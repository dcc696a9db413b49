// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// Wiring: connections AWS does not support, kinds a pair does not offer, property
// conditions (FIFO, streams), destinations of failure paths, nodes nothing feeds, and
// parts of the design that are not connected to the rest.

#include "rulecontext.h"

#include <model/core/connectioncheck.h>

#include <algorithm>
#include <set>

namespace nimbus::model {

namespace {

const char *const kIntegrationsDoc = "https://docs.aws.amazon.com/lambda/latest/dg/lambda-services.html";
const char *const kDestinationsDoc =
    "https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html";

std::string kindList(const std::vector<ConnectionKind> &kinds)
{
    std::string text;
    for (std::size_t i = 0; i < kinds.size(); ++i)
        text += (i ? (i + 1 == kinds.size() ? " or " : ", ") : "") + std::string(connectionKindName(kinds[i]));
    return text;
}

/// Failure and dead-letter edges follow their own rules: where a function or a queue may
/// send what it could not process.
void checkDestination(const RuleContext &c, const Edge &edge, const std::string &purpose)
{
    const Node &from = c.source(edge);
    const Node &to = c.target(edge);
    std::set<std::string> allowed;
    std::string what;
    if (c.isType(from, "lambda-function") && purpose == "dead-letter") {
        allowed = {"sqs-queue", "sns-topic"};
        what = "A function's dead-letter queue must be an SQS queue or an SNS topic";
    } else if (c.isType(from, "lambda-function")) {
        allowed = {"sqs-queue", "sns-topic", "lambda-function", "eventbridge-bus"};
        if (purpose == "on-failure")
            allowed.insert("s3-bucket");
        what = "An asynchronous " + purpose + " destination must be an SQS queue, an SNS topic, "
               "a Lambda function, an EventBridge bus" + (purpose == "on-failure" ? " or an S3 bucket" : "");
    } else if (c.isType(from, "iot-rule") && purpose == "on-failure") {
        // A topic rule's error action can be any rule action.
        allowed = {"lambda-function", "dynamodb-table", "kinesis-stream", "firehose-stream",
                   "s3-bucket",       "sns-topic",      "sqs-queue",      "step-functions"};
        what = "A topic rule's error action must be one of its actions (function, table, stream, Firehose, "
               "bucket, topic, queue or state machine)";
    } else if (c.isType(from, "sqs-queue") || c.isType(from, "eventbridge-rule")
               || c.isType(from, "eventbridge-schedule") || c.isType(from, "eventbridge-pipe")
               || c.isType(from, "sns-topic")) {
        allowed = {"sqs-queue"};
        what = "A dead-letter queue must be an SQS queue";
    } else {
        c.add({"wiring/invalid-destination", Severity::Error,
               c.label(from) + " cannot have a " + purpose + " destination",
               {from.id, to.id}, {edge.id},
               "Set the connection's purpose to data, or draw the failure path from the function "
               "or queue that processes the events.",
               kDestinationsDoc});
        return;
    }
    if (isGenericResourceType(to.type) || allowed.count(to.type)) {
        const bool fifo = c.text(to, "queueType") == "fifo" || c.text(to, "topicType") == "fifo";
        const bool sourceFifo = c.text(from, "queueType") == "fifo";
        if (c.isType(from, "lambda-function") && fifo) {
            c.add({"wiring/invalid-destination", Severity::Error,
                   "'" + from.name + "' sends its " + purpose + " records to FIFO " + c.label(to)
                       + "; Lambda destinations and dead-letter queues must be standard queues "
                         "and topics",
                   {from.id, to.id}, {edge.id}, "Use a standard queue or topic.", kDestinationsDoc});
        } else if (c.isType(from, "sqs-queue") && purpose == "dead-letter" && fifo != sourceFifo) {
            c.add({"wiring/dlq-type-mismatch", Severity::Error,
                   c.label(from) + " is a " + (sourceFifo ? "FIFO" : "standard") + " queue but its "
                       "dead-letter queue '" + to.name + "' is " + (fifo ? "FIFO" : "standard")
                       + "; SQS requires both to be of the same type",
                   {from.id, to.id}, {edge.id},
                   "Make the dead-letter queue the same type as the source queue.",
                   "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html"});
        }
        return;
    }
    c.add({"wiring/invalid-destination", Severity::Error,
           what + "; '" + to.name + "' is " + c.label(to).substr(c.label(to).find('(')),
           {from.id, to.id}, {edge.id}, "Connect the " + purpose + " path to a supported target.",
           kDestinationsDoc});
}

void checkEdge(const RuleContext &c, const Edge &edge)
{
    const Node &from = c.source(edge);
    const Node &to = c.target(edge);
    if (!c.type(from) && !isGenericResourceType(from.type))
        return; // unknown types are reported once, by catalog/unknown-type
    if (!c.type(to) && !isGenericResourceType(to.type))
        return;
    const std::string purpose = edgePurpose(edge);
    if (purpose != "data") {
        checkDestination(c, edge, purpose);
        return;
    }
    const ConnectionCheck check = canConnect(c.catalog, from, to);
    if (!check.allowed) {
        const Refusal *refusal = c.catalog.connections().refusal(from.type, to.type);
        std::string docs = refusal ? refusal->source : kIntegrationsDoc;
        if (check.connection) {
            for (const RefuseCondition &cond : check.connection->refuseWhen) {
                if (cond.rule == check.rule)
                    docs = cond.source;
            }
        }
        std::string message = check.reason;
        if (!check.connection) {
            message = c.label(from) + " cannot connect to " + c.label(to)
                      + (refusal ? ": " + refusal->reason : " directly: AWS offers no such integration");
        }
        c.add({check.rule, Severity::Error, message, {from.id, to.id}, {edge.id}, check.fix, docs});
        return;
    }
    const bool fifoSource = c.text(from, "topicType") == "fifo" || c.text(from, "queueType") == "fifo";
    if (fifoSource && c.isType(to, "sqs-queue") && c.text(to, "queueType") != "fifo") {
        // Whether AWS accepts this subscription is not settled in the sources we have; what
        // is certain is that a standard queue gives up the order and deduplication.
        c.add({"wiring/fifo-order-lost", Severity::Warning,
               c.label(from) + " is FIFO but delivers to standard queue '" + to.name
                   + "', which neither keeps the order nor removes duplicates",
               {from.id, to.id}, {edge.id},
               "Make the queue FIFO too, or the source standard if order does not matter.",
               "https://docs.aws.amazon.com/sns/latest/dg/fifo-message-delivery.html"});
    }
    if (check.connection && !check.connection->allows(edge.kind)) {
        c.add({"wiring/kind-not-supported", Severity::Error,
               c.label(from) + " -> " + c.label(to) + " is drawn as "
                   + std::string(connectionKindName(edge.kind)) + ", but this connection can only be "
                   + kindList(check.kinds),
               {from.id, to.id}, {edge.id},
               "Change the connection kind to " + std::string(connectionKindName(check.kinds.front())) + ".",
               check.connection->source});
    }
}

void checkNeedsSource(const RuleContext &c, const Node &node)
{
    const ServiceType *type = c.type(node);
    if (!type || !type->needsSource || !c.incoming(node).empty())
        return;
    c.add({"wiring/no-source", Severity::Warning,
           c.label(node) + " has no incoming connection: nothing sends to it or invokes it, so it "
                           "never does any work and carries no traffic in the estimate",
           {node.id}, {},
           "Connect the service that calls or feeds it, or remove it.", type->docs});
}

void checkIslands(const RuleContext &c)
{
    const ArchitectureGraph::Islands islands = c.graph.islandIndex();
    if (islands.sizes.size() < 2)
        return;
    // Members of every island but the largest, in node order.
    std::vector<std::vector<NodeId>> members(islands.sizes.size());
    const auto &nodes = c.architecture.nodes();
    for (std::size_t v = 0; v < nodes.size(); ++v) {
        if (islands.islandOf[v] != islands.largest)
            members[static_cast<std::size_t>(islands.islandOf[v])].push_back(nodes[v].id);
    }
    for (const std::vector<NodeId> &island : members) {
        if (island.empty())
            continue;
        std::string names;
        for (std::size_t n = 0; n < island.size() && n < 5; ++n)
            names += (n ? ", " : "") + c.architecture.node(island[n])->name;
        if (island.size() > 5)
            names += " and " + std::to_string(island.size() - 5) + " more";
        const std::string count = island.size() == 1 ? "1 service is"
                                                     : std::to_string(island.size()) + " services are";
        c.add({"wiring/island", Severity::Info,
               count + " not connected to the rest of the design (" + names + ")", island, {},
               "Connect them, or move them into a design of their own if they are unrelated.", ""});
    }
}

} // namespace

void checkWiring(const RuleContext &c)
{
    for (const Edge &edge : c.architecture.edges())
        checkEdge(c, edge);
    for (const Node &node : c.architecture.nodes())
        checkNeedsSource(c, node);
    checkIslands(c);
}

} // namespace nimbus::model
