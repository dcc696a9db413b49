// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// Throughput and concurrency under the expected peak: Lambda concurrency by Little's law
// (peak rate x duration) per function and per account, Kinesis shard ingest, DynamoDB
// table and partition throughput, the API Gateway account throttle, FIFO queue
// throughput, EventBridge targets per rule, and CloudFormation's resources per stack.

#include "rulecontext.h"

#include <cmath>

namespace nimbus::model {

namespace {

void checkLambdaConcurrency(const RuleContext &c)
{
    double total = 0;
    std::vector<NodeId> functions;
    double accountLimit = 1000;
    for (const Node &node : c.architecture.nodes()) {
        if (!c.isType(node, "lambda-function"))
            continue;
        accountLimit = c.limit(node, "accountConcurrency", 1000);
        const double peak = c.load(node).peakRps;
        const double concurrency = peak * c.number(node, "averageDurationMs", 100) / 1000;
        total += concurrency;
        if (concurrency > 0)
            functions.push_back(node.id);
        if (c.isSet(node, "reservedConcurrency") && concurrency > c.number(node, "reservedConcurrency")) {
            c.add({"limits/lambda-concurrency", Severity::Error,
                   "'" + node.name + "' needs about " + formatAmount(std::ceil(concurrency))
                       + " concurrent executions at its peak of " + formatAmount(peak)
                       + " requests/s, but its reserved concurrency caps it at "
                       + formatAmount(c.number(node, "reservedConcurrency")) + "; the rest are throttled",
                   {node.id}, {},
                   "Raise the reserved concurrency, shorten the function, or buffer the requests in a queue.",
                   "https://docs.aws.amazon.com/lambda/latest/dg/lambda-concurrency.html"});
        }
    }
    if (total > accountLimit) {
        c.add({"limits/account-concurrency", Severity::Warning,
               "At peak the functions of this design need about " + formatAmount(std::ceil(total))
                   + " concurrent executions together, more than the default account limit of "
                   + formatAmount(accountLimit) + " per region",
               functions, {},
               "Request a higher concurrency quota before launch, or smooth peaks with queues.",
               "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html"});
    }
}

void checkKinesis(const RuleContext &c, const Node &node)
{
    if (c.text(node, "capacityMode") != "PROVISIONED")
        return;
    const Load load = c.load(node);
    const double shards = std::max(1.0, c.number(node, "shardCount", 1));
    const double records = c.limit(node, "shardWriteRecordsPerSecond", 1000) * shards;
    const double megabytes = c.limit(node, "shardWriteMbPerSecond", 1) * shards;
    const double ingestMb = load.peakRps * load.payloadKb / 1024;
    if (load.peakRps > records || ingestMb > megabytes) {
        const double needed = std::ceil(std::max(load.peakRps / c.limit(node, "shardWriteRecordsPerSecond", 1000),
                                                 ingestMb / c.limit(node, "shardWriteMbPerSecond", 1)));
        c.add({"limits/kinesis-shards", Severity::Warning,
               "Stream '" + node.name + "' receives " + formatAmount(load.peakRps) + " records/s ("
                   + formatAmount(ingestMb) + " MB/s) at peak, more than its " + formatAmount(shards)
                   + " shard(s) accept (1,000 records/s and 1 MB/s each)",
               {node.id}, {},
               "Use at least " + formatAmount(needed) + " shards, or on-demand capacity.",
               "https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html"});
    }
}

void checkDynamo(const RuleContext &c, const Node &node)
{
    const auto [reads, writes] = tableDemand(c, node);
    const bool provisioned = c.text(node, "capacityMode") == "PROVISIONED";
    const double readCap = provisioned && c.isSet(node, "readCapacityUnits")
                               ? c.number(node, "readCapacityUnits")
                               : c.limit(node, "tableReadUnitsOnDemandMax", 40000);
    const double writeCap = provisioned && c.isSet(node, "writeCapacityUnits")
                                ? c.number(node, "writeCapacityUnits")
                                : c.limit(node, "tableWriteUnitsOnDemandMax", 40000);
    const char *docs = "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html";
    if (reads > readCap || writes > writeCap) {
        c.add({"limits/dynamodb-throughput", Severity::Warning,
               "Table '" + node.name + "' needs about " + formatAmount(std::ceil(reads)) + " read and "
                   + formatAmount(std::ceil(writes)) + " write units per second at peak, more than its "
                   + formatAmount(readCap) + " / " + formatAmount(writeCap) + (provisioned ? " provisioned" : " table maximum"),
               {node.id}, {},
               provisioned ? "Raise the provisioned capacity or switch to on-demand."
                           : "Request a higher table quota, or spread the load over several tables.",
               docs});
    }
    const double partitionWrites = c.limit(node, "partitionWriteUnitsMax", 1000);
    if (writes > partitionWrites) {
        c.add({"limits/dynamodb-partition", Severity::Info,
               "Table '" + node.name + "' takes about " + formatAmount(std::ceil(writes))
                   + " write units per second at peak; one partition key absorbs at most "
                   + formatAmount(partitionWrites) + ", so the key design must spread writes",
               {node.id}, {},
               "Choose a partition key with many distinct values (add a suffix to hot keys).",
               "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html"});
    }
}

void checkApiThrottle(const RuleContext &c)
{
    double total = 0;
    double limit = 10000;
    std::vector<NodeId> apis;
    for (const Node &node : c.architecture.nodes()) {
        if (!c.isType(node, "apigw-rest-api") && !c.isType(node, "apigw-http-api")
            && !c.isType(node, "apigw-websocket-api"))
            continue;
        limit = c.limit(node, "accountThrottleRps", 10000);
        total += c.load(node).peakRps;
        apis.push_back(node.id);
    }
    if (total > limit)
        c.add({"limits/api-throttle", Severity::Warning,
               "The APIs of this design receive " + formatAmount(total) + " requests/s together at "
                   "peak, more than API Gateway's default account throttle of " + formatAmount(limit)
                   + " requests/s per region",
               apis, {},
               "Request a higher throttle quota before launch, or cache responses (CloudFront, API cache).",
               "https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html"});
}

void checkFifoQueue(const RuleContext &c, const Node &node)
{
    if (c.text(node, "queueType") != "fifo" || c.text(node, "highThroughputFifo") == "true")
        return;
    const double peak = c.load(node).peakRps;
    const double limit = c.limit(node, "fifoTps", 300);
    if (peak > limit)
        c.add({"limits/sqs-fifo-throughput", Severity::Warning,
               "FIFO queue '" + node.name + "' receives " + formatAmount(peak) + " messages/s at peak; "
                   "without high-throughput mode a FIFO queue handles " + formatAmount(limit)
                   + " API calls per second (" + formatAmount(c.limit(node, "fifoBatchedMessagesPerSecond", 3000))
                   + " messages/s in batches of 10)",
               {node.id}, {},
               "Turn on high-throughput FIFO, send in batches, or use a standard queue if order does not matter.",
               "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html"});
}

void checkRuleTargets(const RuleContext &c, const Node &node)
{
    std::vector<EdgeId> targets;
    for (const Edge *e : c.outgoing(node)) {
        if (edgePurpose(*e) == "data")
            targets.push_back(e->id);
    }
    const double limit = c.limit(node, "targetsPerRule", 5);
    if (static_cast<double>(targets.size()) > limit)
        c.add({"limits/eventbridge-targets", Severity::Error,
               "Rule '" + node.name + "' has " + std::to_string(targets.size())
                   + " targets; an EventBridge rule can have at most " + formatAmount(limit),
               {node.id}, targets,
               "Split the targets over several rules with the same pattern, or fan out through an SNS topic.",
               "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-targets.html"});
}

/// Resources CloudFormation creates for a node once SAM has expanded it: the resource
/// itself plus the role, permissions and mappings its connections need.
int stackResources(const RuleContext &c, const Node &node)
{
    if (!c.type(node) || c.type(node)->cloudFormationType.empty())
        return isGenericResourceType(node.type) ? 1 : 0;
    int count = 1;
    if (c.isType(node, "lambda-function")) {
        count += 1; // execution role
        for (const Edge *e : c.incoming(node))
            count += (e->kind == ConnectionKind::Poll || e->kind == ConnectionKind::Stream) ? 1 : 2;
    } else if (c.isType(node, "apigw-rest-api")) {
        count += 2; // deployment and stage
    } else if (c.isType(node, "apigw-http-api") || c.isType(node, "step-functions")) {
        count += 1; // stage or role
    }
    return count;
}

void checkStackSize(const RuleContext &c)
{
    int total = 0;
    for (const Node &node : c.architecture.nodes())
        total += stackResources(c, node);
    if (total > 500)
        c.add({"limits/stack-resources", Severity::Error,
               "Exported as one stack this design becomes about " + std::to_string(total)
                   + " CloudFormation resources after the SAM transform, over the limit of 500 per stack",
               {}, {},
               "Group the design so that export can split it into nested stacks of under 500 resources.",
               "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html"});
}

} // namespace

void checkThroughput(const RuleContext &c)
{
    checkLambdaConcurrency(c);
    checkApiThrottle(c);
    checkStackSize(c);
    for (const Node &node : c.architecture.nodes()) {
        if (c.isType(node, "kinesis-stream"))
            checkKinesis(c, node);
        else if (c.isType(node, "dynamodb-table"))
            checkDynamo(c, node);
        else if (c.isType(node, "sqs-queue"))
            checkFifoQueue(c, node);
        else if (c.isType(node, "eventbridge-rule"))
            checkRuleTargets(c, node);
    }
}

} // namespace nimbus::model
