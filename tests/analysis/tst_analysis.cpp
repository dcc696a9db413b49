// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "common/testdata.h"

#include <model/analysis/ruledocs.h>
#include <model/analysis/validate.h>
#include <model/analysis/workload.h>
#include <model/core/connectioncheck.h>
#include <model/graph/architecturegraph.h>
#include <model/io/projectfile.h>

#include <QTest>

#include <set>

using namespace nimbus::model;
using nimbus::tests::builtinCatalog;

namespace {

/// A design from the body of a project file (the header is added).
Architecture design(const QByteArray &body)
{
    const std::string text = "nimbus: 1\nname: Test\n" + body.toStdString();
    ProjectLoadResult result = readProject(text, "test.nimbus", builtinCatalog());
    if (!result.ok()) {
        std::string all;
        for (const auto &d : result.diagnostics)
            all += d.toString() + '\n';
        qFatal("test design does not load:\n%s", all.c_str());
    }
    return std::move(result.architecture);
}

std::vector<Finding> findingsOf(const Architecture &arch, const std::string &rule)
{
    std::vector<Finding> out;
    for (Finding &f : validate(arch, builtinCatalog())) {
        if (f.rule == rule)
            out.push_back(std::move(f));
    }
    return out;
}

QString allFindings(const Architecture &arch)
{
    QStringList lines;
    for (const Finding &f : validate(arch, builtinCatalog()))
        lines << QString::fromStdString(f.rule + ": " + f.message);
    return lines.join('\n');
}

/// Nodes and edges in flow style keep the rows short: "n(id, type, {props})".
struct Row
{
    const char *name;
    const char *rule;
    bool expected;
    const char *body;
    const char *message; ///< a part of the message, "" to skip
};

// Every rule has a design that triggers it and a close variant that does not.
const Row kRows[] = {
    {"not supported", "wiring/not-supported", true,
     "nodes:\n  - {id: api, type: apigw-http-api}\n  - {id: t, type: dynamodb-table}\n"
     "edges:\n  - {id: e, from: api, to: t, kind: write}\n",
     "'api' (API Gateway HTTP API) cannot connect to 't' (DynamoDB table): HTTP APIs integrate "
     "directly only"},
    {"not supported near miss", "wiring/not-supported", false,
     "nodes:\n  - {id: api, type: apigw-rest-api}\n  - {id: t, type: dynamodb-table}\n"
     "edges:\n  - {id: e, from: api, to: t, kind: write}\n",
     ""},
    {"wrong kind", "wiring/kind-not-supported", true,
     "nodes:\n  - {id: b, type: s3-bucket}\n  - {id: f, type: lambda-function}\n"
     "edges:\n  - {id: e, from: b, to: f, kind: sync-invoke}\n",
     "drawn as sync-invoke, but this connection can only be async-invoke"},
    {"wrong kind near miss", "wiring/kind-not-supported", false,
     "nodes:\n  - {id: b, type: s3-bucket}\n  - {id: f, type: lambda-function}\n"
     "edges:\n  - {id: e, from: b, to: f, kind: async-invoke}\n",
     ""},
    {"s3 to fifo", "wiring/fifo-not-supported", true,
     "nodes:\n  - {id: b, type: s3-bucket}\n  - {id: q, type: sqs-queue, properties: {queueType: "
     "fifo}}\n"
     "edges:\n  - {id: e, from: b, to: q, kind: publish}\n",
     "FIFO"},
    {"s3 to fifo near miss", "wiring/fifo-not-supported", false,
     "nodes:\n  - {id: b, type: s3-bucket}\n  - {id: q, type: sqs-queue, properties: {queueType: "
     "standard}}\n"
     "edges:\n  - {id: e, from: b, to: q, kind: publish}\n",
     ""},
    {"stream off", "wiring/stream-not-enabled", true,
     "nodes:\n  - {id: t, type: dynamodb-table, properties: {streamEnabled: false}}\n  - {id: f, "
     "type: lambda-function}\n"
     "edges:\n  - {id: e, from: t, to: f, kind: stream}\n",
     ""},
    {"stream off near miss", "wiring/stream-not-enabled", false,
     "nodes:\n  - {id: t, type: dynamodb-table, properties: {streamEnabled: true}}\n  - {id: f, "
     "type: lambda-function}\n"
     "edges:\n  - {id: e, from: t, to: f, kind: stream}\n",
     ""},
    {"bad destination", "wiring/invalid-destination", true,
     "nodes:\n  - {id: f, type: lambda-function}\n  - {id: t, type: dynamodb-table}\n"
     "edges:\n  - {id: e, from: f, to: t, kind: write, properties: {purpose: on-failure}}\n",
     "on-failure destination must be"},
    {"bad destination near miss", "wiring/invalid-destination", false,
     "nodes:\n  - {id: f, type: lambda-function}\n  - {id: q, type: sqs-queue}\n"
     "edges:\n  - {id: e, from: f, to: q, kind: publish, properties: {purpose: on-failure}}\n",
     ""},
    // A topic rule's error action (which the SAM/CloudFormation export writes as ErrorAction).
    {"iot error action", "wiring/invalid-destination", false,
     "nodes:\n  - {id: r, type: iot-rule}\n  - {id: k, type: kinesis-stream}\n  - {id: q, type: "
     "sqs-queue}\n"
     "edges:\n  - {id: e, from: r, to: k, kind: write}\n  - {id: f, from: r, to: q, kind: publish, "
     "properties: {purpose: on-failure}}\n",
     ""},
    {"iot error action to a bus", "wiring/invalid-destination", true,
     "nodes:\n  - {id: r, type: iot-rule}\n  - {id: b, type: eventbridge-bus}\n"
     "edges:\n  - {id: f, from: r, to: b, kind: publish, properties: {purpose: on-failure}}\n",
     "error action must be one of its actions"},
    {"dlq mismatch", "wiring/dlq-type-mismatch", true,
     "nodes:\n  - {id: q, type: sqs-queue, properties: {queueType: fifo}}\n  - {id: d, type: "
     "sqs-queue}\n"
     "edges:\n  - {id: e, from: q, to: d, kind: publish, properties: {purpose: dead-letter}}\n",
     "same type"},
    {"dlq mismatch near miss", "wiring/dlq-type-mismatch", false,
     "nodes:\n  - {id: q, type: sqs-queue, properties: {queueType: fifo}}\n  - {id: d, type: "
     "sqs-queue, properties: {queueType: fifo}}\n"
     "edges:\n  - {id: e, from: q, to: d, kind: publish, properties: {purpose: dead-letter}}\n",
     ""},
    {"fifo order lost", "wiring/fifo-order-lost", true,
     "nodes:\n  - {id: t, type: sns-topic, properties: {topicType: fifo}}\n  - {id: q, type: "
     "sqs-queue}\n"
     "edges:\n  - {id: e, from: t, to: q, kind: subscribe}\n",
     "neither keeps the order"},
    {"fifo order lost near miss", "wiring/fifo-order-lost", false,
     "nodes:\n  - {id: t, type: sns-topic, properties: {topicType: fifo}}\n  - {id: q, type: "
     "sqs-queue, properties: {queueType: fifo}}\n"
     "edges:\n  - {id: e, from: t, to: q, kind: subscribe}\n",
     ""},
    {"no source", "wiring/no-source", true,
     "nodes:\n  - {id: q, type: sqs-queue, name: Orphans}\nedges: []\n",
     "'Orphans' (SQS queue) has no incoming"},
    {"no source near miss", "wiring/no-source", false,
     "nodes:\n  - {id: c, type: client}\n  - {id: api, type: apigw-http-api}\n  - {id: f, type: "
     "lambda-function}\n  - {id: q, type: sqs-queue}\n"
     "edges:\n  - {id: e0, from: c, to: api, kind: sync-invoke}\n  - {id: e1, from: api, to: f, "
     "kind: sync-invoke}\n"
     "  - {id: e2, from: f, to: q, kind: publish}\n",
     ""},
    {"island", "wiring/island", true,
     "nodes:\n  - {id: f, type: lambda-function}\n  - {id: q, type: sqs-queue}\n  - {id: g, type: "
     "lambda-function}\n  - {id: t, type: dynamodb-table}\n"
     "edges:\n  - {id: e1, from: f, to: q, kind: publish}\n  - {id: e2, from: g, to: t, kind: "
     "write}\n",
     "2 services are not connected to the rest"},
    {"island near miss", "wiring/island", false,
     "nodes:\n  - {id: f, type: lambda-function}\n  - {id: q, type: sqs-queue}\n  - {id: t, type: "
     "dynamodb-table}\n"
     "edges:\n  - {id: e1, from: f, to: q, kind: publish}\n  - {id: e2, from: f, to: t, kind: "
     "write}\n",
     ""},
    {"undetected loop", "loops/recursive-undetected", true,
     "nodes:\n  - {id: f, type: lambda-function, name: Enrich}\n  - {id: t, type: dynamodb-table, "
     "name: Items, properties: {streamEnabled: true}}\n"
     "edges:\n  - {id: e1, from: f, to: t, kind: write}\n  - {id: e2, from: t, to: f, kind: "
     "stream}\n",
     "Recursive loop Enrich -> Items -> Enrich"},
    {"undetected loop near miss", "loops/recursive-undetected", false,
     "nodes:\n  - {id: f, type: lambda-function}\n  - {id: t, type: dynamodb-table, properties: "
     "{streamEnabled: true}}\n  - {id: o, type: dynamodb-table}\n"
     "edges:\n  - {id: e1, from: f, to: o, kind: write}\n  - {id: e2, from: t, to: f, kind: "
     "stream}\n",
     ""},
    // A function reading the bucket that triggers it is the usual S3 pattern, not a loop:
    // reading raises no event. Writing back to it is.
    {"reading the trigger bucket is no loop", "loops/recursive-detected", false,
     "nodes:\n  - {id: b, type: s3-bucket}\n  - {id: f, type: lambda-function}\n"
     "edges:\n  - {id: e1, from: b, to: f, kind: async-invoke}\n  - {id: e2, from: f, to: b, kind: "
     "read}\n",
     ""},
    {"writing to the trigger bucket is a loop", "loops/recursive-detected", true,
     "nodes:\n  - {id: b, type: s3-bucket, name: Photos}\n  - {id: f, type: lambda-function, name: "
     "Resize}\n"
     "edges:\n  - {id: e1, from: b, to: f, kind: async-invoke}\n  - {id: e2, from: f, to: b, kind: "
     "write}\n",
     "Photos"},
    {"detected loop", "loops/recursive-detected", true,
     "nodes:\n  - {id: f, type: lambda-function}\n  - {id: q, type: sqs-queue}\n"
     "edges:\n  - {id: e1, from: f, to: q, kind: publish}\n  - {id: e2, from: q, to: f, kind: "
     "poll}\n",
     "about 16 invocations"},
    {"detected loop near miss", "loops/recursive-detected", false,
     "nodes:\n  - {id: f, type: lambda-function}\n  - {id: q, type: sqs-queue}\n  - {id: o, type: "
     "sqs-queue}\n"
     "edges:\n  - {id: e1, from: f, to: o, kind: publish}\n  - {id: e2, from: q, to: f, kind: "
     "poll}\n",
     ""},
    {"cycle", "loops/cycle", true,
     "nodes:\n  - {id: s, type: sns-topic, name: T}\n  - {id: q, type: sqs-queue, name: Q}\n  - "
     "{id: p, type: eventbridge-pipe, name: P}\n"
     "edges:\n  - {id: e1, from: s, to: q, kind: subscribe}\n  - {id: e2, from: q, to: p, kind: "
     "poll}\n  - {id: e3, from: p, to: s, kind: publish}\n",
     "Cycle P -> T -> Q -> P"},
    {"cycle near miss", "loops/cycle", false,
     "nodes:\n  - {id: s, type: sns-topic}\n  - {id: q, type: sqs-queue}\n  - {id: p, type: "
     "eventbridge-pipe}\n  - {id: o, type: sns-topic}\n"
     "edges:\n  - {id: e1, from: s, to: q, kind: subscribe}\n  - {id: e2, from: q, to: p, kind: "
     "poll}\n  - {id: e3, from: p, to: o, kind: publish}\n",
     ""},
    {"sync chain", "timeouts/sync-chain", true,
     "nodes:\n  - {id: api, type: apigw-http-api, name: Api}\n  - {id: f, type: lambda-function, "
     "name: A, properties: {timeoutSeconds: 20}}\n"
     "  - {id: g, type: lambda-function, name: B, properties: {timeoutSeconds: 15}}\n"
     "edges:\n  - {id: e1, from: api, to: f, kind: sync-invoke}\n  - {id: e2, from: f, to: g, "
     "kind: sync-invoke}\n",
     "The synchronous chain Api -> A (20 s) -> B (15 s) can take 35 s, more than the 30 s "
     "integration timeout"},
    {"sync chain near miss", "timeouts/sync-chain", false,
     "nodes:\n  - {id: api, type: apigw-http-api}\n  - {id: f, type: lambda-function, properties: "
     "{timeoutSeconds: 10}}\n"
     "  - {id: g, type: lambda-function, properties: {timeoutSeconds: 15}}\n"
     "edges:\n  - {id: e1, from: api, to: f, kind: sync-invoke}\n  - {id: e2, from: f, to: g, "
     "kind: sync-invoke}\n",
     ""},
    {"visibility", "timeouts/sqs-visibility", true,
     "nodes:\n  - {id: q, type: sqs-queue, properties: {visibilityTimeoutSeconds: 10}}\n  - {id: "
     "f, type: lambda-function, properties: {timeoutSeconds: 30}}\n"
     "edges:\n  - {id: e, from: q, to: f, kind: poll}\n",
     "visibility timeout of 10 s, shorter than the 30 s timeout"},
    {"visibility near miss", "timeouts/sqs-visibility", false,
     "nodes:\n  - {id: q, type: sqs-queue, properties: {visibilityTimeoutSeconds: 60}}\n  - {id: "
     "f, type: lambda-function, properties: {timeoutSeconds: 30}}\n"
     "edges:\n  - {id: e, from: q, to: f, kind: poll}\n",
     ""},
    {"visibility short", "timeouts/sqs-visibility-short", true,
     "nodes:\n  - {id: q, type: sqs-queue, properties: {visibilityTimeoutSeconds: 60}}\n  - {id: "
     "f, type: lambda-function, properties: {timeoutSeconds: 30}}\n"
     "edges:\n  - {id: e, from: q, to: f, kind: poll}\n",
     "less than 6 times the 30 s timeout"},
    {"visibility short near miss", "timeouts/sqs-visibility-short", false,
     "nodes:\n  - {id: q, type: sqs-queue, properties: {visibilityTimeoutSeconds: 180}}\n  - {id: "
     "f, type: lambda-function, properties: {timeoutSeconds: 30}}\n"
     "edges:\n  - {id: e, from: q, to: f, kind: poll}\n",
     ""},
    {"express too long", "timeouts/express-duration", true,
     "nodes:\n  - {id: s, type: step-functions, properties: {workflowType: EXPRESS, "
     "averageDurationMs: 400000}}\nedges: []\n",
     "runs for 400 s"},
    {"express near miss", "timeouts/express-duration", false,
     "nodes:\n  - {id: s, type: step-functions, properties: {workflowType: EXPRESS, "
     "averageDurationMs: 200000}}\nedges: []\n",
     ""},
    {"default timeout", "timeouts/default-timeout", true,
     "nodes:\n  - {id: f, type: lambda-function}\n  - {id: t, type: dynamodb-table}\nedges:\n  - "
     "{id: e, from: f, to: t, kind: write}\n",
     "3 s"},
    {"default timeout near miss", "timeouts/default-timeout", false,
     "nodes:\n  - {id: f, type: lambda-function, properties: {timeoutSeconds: 5}}\n  - {id: t, "
     "type: dynamodb-table}\nedges:\n  - {id: e, from: f, to: t, kind: write}\n",
     ""},
    {"payload", "limits/payload-size", true,
     "nodes:\n  - {id: c, type: client, properties: {payloadKb: 8000}}\n  - {id: api, type: "
     "apigw-http-api}\n  - {id: f, type: lambda-function, name: Resize}\n"
     "edges:\n  - {id: e1, from: c, to: api, kind: sync-invoke}\n  - {id: e2, from: api, to: f, "
     "kind: sync-invoke}\n",
     "payloads of up to 7.81 MB to 'Resize' (Lambda function), over the 6 MB limit of a "
     "synchronous invocation"},
    {"payload near miss", "limits/payload-size", false,
     "nodes:\n  - {id: c, type: client, properties: {payloadKb: 5000}}\n  - {id: api, type: "
     "apigw-http-api}\n  - {id: f, type: lambda-function}\n"
     "edges:\n  - {id: e1, from: c, to: api, kind: sync-invoke}\n  - {id: e2, from: api, to: f, "
     "kind: sync-invoke}\n",
     ""},
    {"reserved concurrency", "limits/lambda-concurrency", true,
     "nodes:\n  - {id: c, type: client, properties: {peakRps: 1000}}\n  - {id: api, type: "
     "apigw-http-api}\n"
     "  - {id: f, type: lambda-function, properties: {averageDurationMs: 500, reservedConcurrency: "
     "100}}\n"
     "edges:\n  - {id: e1, from: c, to: api, kind: sync-invoke}\n  - {id: e2, from: api, to: f, "
     "kind: sync-invoke}\n",
     "needs about 500 concurrent executions at its peak of 1,000 requests/s"},
    {"reserved concurrency near miss", "limits/lambda-concurrency", false,
     "nodes:\n  - {id: c, type: client, properties: {peakRps: 1000}}\n  - {id: api, type: "
     "apigw-http-api}\n"
     "  - {id: f, type: lambda-function, properties: {averageDurationMs: 500, reservedConcurrency: "
     "600}}\n"
     "edges:\n  - {id: e1, from: c, to: api, kind: sync-invoke}\n  - {id: e2, from: api, to: f, "
     "kind: sync-invoke}\n",
     ""},
    {"account concurrency", "limits/account-concurrency", true,
     "nodes:\n  - {id: c, type: client, properties: {peakRps: 5000}}\n  - {id: api, type: "
     "apigw-http-api}\n"
     "  - {id: f, type: lambda-function, properties: {averageDurationMs: 500}}\n"
     "edges:\n  - {id: e1, from: c, to: api, kind: sync-invoke}\n  - {id: e2, from: api, to: f, "
     "kind: sync-invoke}\n",
     "about 2,500 concurrent executions"},
    {"account concurrency near miss", "limits/account-concurrency", false,
     "nodes:\n  - {id: c, type: client, properties: {peakRps: 1000}}\n  - {id: api, type: "
     "apigw-http-api}\n"
     "  - {id: f, type: lambda-function, properties: {averageDurationMs: 500}}\n"
     "edges:\n  - {id: e1, from: c, to: api, kind: sync-invoke}\n  - {id: e2, from: api, to: f, "
     "kind: sync-invoke}\n",
     ""},
    {"kinesis shards", "limits/kinesis-shards", true,
     "nodes:\n  - {id: d, type: iot-device, properties: {peakRps: 5000, payloadKb: 0.5}}\n  - {id: "
     "r, type: iot-rule}\n"
     "  - {id: k, type: kinesis-stream, properties: {capacityMode: PROVISIONED, shardCount: 2}}\n"
     "edges:\n  - {id: e1, from: d, to: r, kind: publish}\n  - {id: e2, from: r, to: k, kind: "
     "write}\n",
     "receives 5,000 records/s (2.44 MB/s) at peak, more than its 2 shard(s)"},
    {"kinesis shards near miss", "limits/kinesis-shards", false,
     "nodes:\n  - {id: d, type: iot-device, properties: {peakRps: 5000, payloadKb: 0.5}}\n  - {id: "
     "r, type: iot-rule}\n"
     "  - {id: k, type: kinesis-stream, properties: {capacityMode: PROVISIONED, shardCount: 10}}\n"
     "edges:\n  - {id: e1, from: d, to: r, kind: publish}\n  - {id: e2, from: r, to: k, kind: "
     "write}\n",
     ""},
    {"dynamodb throughput", "limits/dynamodb-throughput", true,
     "nodes:\n  - {id: c, type: client, properties: {peakRps: 500}}\n  - {id: api, type: "
     "apigw-rest-api}\n"
     "  - {id: t, type: dynamodb-table, properties: {capacityMode: PROVISIONED, readCapacityUnits: "
     "100, writeCapacityUnits: 100}}\n"
     "edges:\n  - {id: e1, from: c, to: api, kind: sync-invoke}\n  - {id: e2, from: api, to: t, "
     "kind: write}\n",
     "500 write units"},
    {"dynamodb throughput near miss", "limits/dynamodb-throughput", false,
     "nodes:\n  - {id: c, type: client, properties: {peakRps: 500}}\n  - {id: api, type: "
     "apigw-rest-api}\n"
     "  - {id: t, type: dynamodb-table, properties: {capacityMode: PROVISIONED, readCapacityUnits: "
     "100, writeCapacityUnits: 1000}}\n"
     "edges:\n  - {id: e1, from: c, to: api, kind: sync-invoke}\n  - {id: e2, from: api, to: t, "
     "kind: write}\n",
     ""},
    {"partition", "limits/dynamodb-partition", true,
     "nodes:\n  - {id: c, type: client, properties: {peakRps: 2000}}\n  - {id: api, type: "
     "apigw-rest-api}\n  - {id: t, type: dynamodb-table}\n"
     "edges:\n  - {id: e1, from: c, to: api, kind: sync-invoke}\n  - {id: e2, from: api, to: t, "
     "kind: write}\n",
     "2,000 write units"},
    {"partition near miss", "limits/dynamodb-partition", false,
     "nodes:\n  - {id: c, type: client, properties: {peakRps: 500}}\n  - {id: api, type: "
     "apigw-rest-api}\n  - {id: t, type: dynamodb-table}\n"
     "edges:\n  - {id: e1, from: c, to: api, kind: sync-invoke}\n  - {id: e2, from: api, to: t, "
     "kind: write}\n",
     ""},
    {"api throttle", "limits/api-throttle", true,
     "nodes:\n  - {id: c, type: client, properties: {peakRps: 12000}}\n  - {id: api, type: "
     "apigw-http-api}\n"
     "edges:\n  - {id: e1, from: c, to: api, kind: sync-invoke}\n",
     "12,000 requests/s"},
    {"api throttle near miss", "limits/api-throttle", false,
     "nodes:\n  - {id: c, type: client, properties: {peakRps: 8000}}\n  - {id: api, type: "
     "apigw-http-api}\n"
     "edges:\n  - {id: e1, from: c, to: api, kind: sync-invoke}\n",
     ""},
    {"fifo throughput", "limits/sqs-fifo-throughput", true,
     "nodes:\n  - {id: s, type: eventbridge-schedule, properties: {invocationsPerMonth: 1000000}}\n"
     "  - {id: f, type: lambda-function}\n  - {id: q, type: sqs-queue, properties: {queueType: "
     "fifo}}\n"
     "edges:\n  - {id: e1, from: s, to: f, kind: async-invoke}\n  - {id: e2, from: f, to: q, kind: "
     "publish, properties: {multiplier: 2000}}\n",
     "FIFO queue"},
    {"fifo throughput near miss", "limits/sqs-fifo-throughput", false,
     "nodes:\n  - {id: s, type: eventbridge-schedule, properties: {invocationsPerMonth: 1000000}}\n"
     "  - {id: f, type: lambda-function}\n  - {id: q, type: sqs-queue, properties: {queueType: "
     "fifo, highThroughputFifo: true}}\n"
     "edges:\n  - {id: e1, from: s, to: f, kind: async-invoke}\n  - {id: e2, from: f, to: q, kind: "
     "publish, properties: {multiplier: 2000}}\n",
     ""},
    {"rule targets", "limits/eventbridge-targets", true,
     "nodes:\n  - {id: b, type: eventbridge-bus}\n  - {id: r, type: eventbridge-rule}\n"
     "  - {id: q1, type: sqs-queue}\n  - {id: q2, type: sqs-queue}\n  - {id: q3, type: sqs-queue}\n"
     "  - {id: q4, type: sqs-queue}\n  - {id: q5, type: sqs-queue}\n  - {id: q6, type: sqs-queue}\n"
     "edges:\n  - {id: e0, from: b, to: r, kind: trigger}\n  - {id: e1, from: r, to: q1, kind: "
     "publish}\n"
     "  - {id: e2, from: r, to: q2, kind: publish}\n  - {id: e3, from: r, to: q3, kind: publish}\n"
     "  - {id: e4, from: r, to: q4, kind: publish}\n  - {id: e5, from: r, to: q5, kind: publish}\n"
     "  - {id: e6, from: r, to: q6, kind: publish}\n",
     "has 6 targets"},
    {"rule targets near miss", "limits/eventbridge-targets", false,
     "nodes:\n  - {id: b, type: eventbridge-bus}\n  - {id: r, type: eventbridge-rule}\n"
     "  - {id: q1, type: sqs-queue}\n  - {id: q2, type: sqs-queue}\n  - {id: q3, type: sqs-queue}\n"
     "  - {id: q4, type: sqs-queue}\n  - {id: q5, type: sqs-queue}\n"
     "edges:\n  - {id: e0, from: b, to: r, kind: trigger}\n  - {id: e1, from: r, to: q1, kind: "
     "publish}\n"
     "  - {id: e2, from: r, to: q2, kind: publish}\n  - {id: e3, from: r, to: q3, kind: publish}\n"
     "  - {id: e4, from: r, to: q4, kind: publish}\n  - {id: e5, from: r, to: q5, kind: publish}\n",
     ""},
    {"async without destination", "reliability/async-no-failure-destination", true,
     "nodes:\n  - {id: b, type: s3-bucket}\n  - {id: f, type: lambda-function, name: Thumb}\n"
     "edges:\n  - {id: e, from: b, to: f, kind: async-invoke}\n",
     "'Thumb' is invoked asynchronously"},
    {"async without destination near miss", "reliability/async-no-failure-destination", false,
     "nodes:\n  - {id: b, type: s3-bucket}\n  - {id: f, type: lambda-function}\n  - {id: q, type: "
     "sqs-queue}\n"
     "edges:\n  - {id: e, from: b, to: f, kind: async-invoke}\n  - {id: d, from: f, to: q, kind: "
     "publish, properties: {purpose: on-failure}}\n",
     ""},
    {"queue without redrive", "reliability/queue-no-redrive", true,
     "nodes:\n  - {id: q, type: sqs-queue}\n  - {id: f, type: lambda-function}\nedges:\n  - {id: "
     "e, from: q, to: f, kind: poll}\n",
     "no dead-letter queue"},
    {"queue without redrive near miss", "reliability/queue-no-redrive", false,
     "nodes:\n  - {id: q, type: sqs-queue}\n  - {id: f, type: lambda-function}\n  - {id: dlq, "
     "type: sqs-queue}\n"
     "edges:\n  - {id: e, from: q, to: f, kind: poll}\n  - {id: d, from: q, to: dlq, kind: "
     "publish, properties: {purpose: dead-letter}}\n",
     ""},
    {"stream without failure path", "reliability/stream-no-failure-path", true,
     "nodes:\n  - {id: k, type: kinesis-stream}\n  - {id: f, type: lambda-function}\nedges:\n  - "
     "{id: e, from: k, to: f, kind: stream}\n",
     "without an on-failure destination"},
    {"stream without failure path near miss", "reliability/stream-no-failure-path", false,
     "nodes:\n  - {id: k, type: kinesis-stream}\n  - {id: f, type: lambda-function}\n  - {id: q, "
     "type: sqs-queue}\n"
     "edges:\n  - {id: e, from: k, to: f, kind: stream}\n  - {id: d, from: f, to: q, kind: "
     "publish, properties: {purpose: on-failure}}\n",
     ""},
    {"public api", "security/public-api-no-auth", true,
     "nodes:\n  - {id: c, type: client}\n  - {id: api, type: apigw-http-api, properties: "
     "{authorizer: NONE}}\n"
     "edges:\n  - {id: e, from: c, to: api, kind: sync-invoke}\n",
     "has no authorizer"},
    {"public api near miss", "security/public-api-no-auth", false,
     "nodes:\n  - {id: c, type: client}\n  - {id: api, type: apigw-http-api, properties: "
     "{authorizer: JWT}}\n"
     "edges:\n  - {id: e, from: c, to: api, kind: sync-invoke}\n",
     ""},
    {"secret", "security/secret-in-environment", true,
     "nodes:\n  - {id: f, type: lambda-function, properties: {environmentVariables: "
     "\"TABLE=orders; db_password=hunter2\"}}\nedges: []\n",
     "sets the environment variable db_password to **** (7 characters), which looks like a secret "
     "(its name contains PASSWORD)"},
    {"secret near miss", "security/secret-in-environment", false,
     "nodes:\n  - {id: f, type: lambda-function, properties: {environmentVariables: "
     "\"TABLE=orders\"}}\nedges: []\n",
     ""},
    {"secret in a container", "security/secret-in-environment", true,
     "nodes:\n  - {id: s, type: fargate-service, properties: {environmentVariables: "
     "\"UPSTREAM=postgres://app:pw1234@db.internal/orders\"}}\nedges: []\n",
     "UPSTREAM to postgres://app:****@db.internal/orders"},
    {"reserved variable", "properties/environment-invalid", true,
     "nodes:\n  - {id: f, type: lambda-function, properties: {environmentVariables: "
     "\"AWS_REGION=eu-west-1\"}}\nedges: []\n",
     "'AWS_REGION' is set by Lambda itself"},
    {"invalid variable name", "properties/environment-invalid", true,
     "nodes:\n  - {id: f, type: lambda-function, properties: {environmentVariables: "
     "\"1X=a\"}}\nedges: []\n",
     "'1X' is not a valid name"},
    {"variable without value", "properties/environment-invalid", true,
     "nodes:\n  - {id: f, type: lambda-function, properties: {environmentVariables: "
     "\"TABLE\"}}\nedges: []\n",
     "'TABLE' has no '='"},
    {"variable twice", "properties/environment-invalid", true,
     "nodes:\n  - {id: f, type: lambda-function, properties: {environmentVariables: "
     "\"TABLE=a;TABLE=b\"}}\nedges: []\n",
     "'TABLE' is defined more than once"},
    {"variable near miss", "properties/environment-invalid", false,
     "nodes:\n  - {id: f, type: lambda-function, properties: {environmentVariables: "
     "\"TABLE=a;LOG_LEVEL=b\\\\;c\"}}\n"
     "  - {id: s, type: fargate-service, properties: {environmentVariables: "
     "\"AWS_REGION=eu-west-1\"}}\nedges: []\n",
     ""},
    {"exec wrapper", "security/startup-hook-variable", true,
     "nodes:\n  - {id: f, type: lambda-function, properties: {environmentVariables: "
     "\"AWS_LAMBDA_EXEC_WRAPPER=/opt/bootstrap\"}}\nedges: []\n",
     "sets AWS_LAMBDA_EXEC_WRAPPER to '/opt/bootstrap'"},
    {"exec wrapper near miss", "security/startup-hook-variable", false,
     "nodes:\n  - {id: f, type: lambda-function, properties: {environmentVariables: "
     "\"EXEC_WRAPPER=/opt/bootstrap\"}}\nedges: []\n",
     ""},
    {"wildcard", "security/wildcard-permissions", true,
     "nodes:\n  - {id: f, type: lambda-function, properties: {managedPolicies: "
     "\"dynamodb:*\"}}\nedges: []\n",
     "dynamodb:*"},
    {"wildcard near miss", "security/wildcard-permissions", false,
     "nodes:\n  - {id: f, type: lambda-function}\nedges: []\n", ""},
    {"function calls function", "cost/function-calls-function", true,
     "nodes:\n  - {id: f, type: lambda-function, name: A}\n  - {id: g, type: lambda-function, "
     "name: B}\n"
     "edges:\n  - {id: e, from: f, to: g, kind: sync-invoke}\n",
     "'A' calls 'B' synchronously"},
    {"function calls function near miss", "cost/function-calls-function", false,
     "nodes:\n  - {id: f, type: lambda-function}\n  - {id: g, type: lambda-function}\n"
     "edges:\n  - {id: e, from: f, to: g, kind: async-invoke}\n",
     ""},
    {"idle provisioned concurrency", "cost/idle-provisioned-concurrency", true,
     "nodes:\n  - {id: f, type: lambda-function, properties: {provisionedConcurrency: "
     "100}}\nedges: []\n",
     "keeps 100 environments"},
    {"idle provisioned concurrency near miss", "cost/idle-provisioned-concurrency", false,
     "nodes:\n  - {id: c, type: client, properties: {peakRps: 100}}\n  - {id: api, type: "
     "apigw-http-api}\n"
     "  - {id: f, type: lambda-function, properties: {provisionedConcurrency: 10, "
     "averageDurationMs: 100}}\n"
     "edges:\n  - {id: e1, from: c, to: api, kind: sync-invoke}\n  - {id: e2, from: api, to: f, "
     "kind: sync-invoke}\n",
     ""},
    {"idle table capacity", "cost/idle-provisioned-capacity", true,
     "nodes:\n  - {id: t, type: dynamodb-table, properties: {capacityMode: PROVISIONED, "
     "readCapacityUnits: 1000, writeCapacityUnits: 1000}}\nedges: []\n",
     "most of the capacity is idle"},
    {"idle table capacity near miss", "cost/idle-provisioned-capacity", false,
     "nodes:\n  - {id: t, type: dynamodb-table, properties: {capacityMode: "
     "PAY_PER_REQUEST}}\nedges: []\n",
     ""},
    {"standard at volume", "cost/standard-workflow-high-volume", true,
     "nodes:\n  - {id: s, type: eventbridge-schedule, properties: {invocationsPerMonth: 5000000}}\n"
     "  - {id: m, type: step-functions, properties: {workflowType: STANDARD, averageDurationMs: "
     "2000}}\n"
     "edges:\n  - {id: e, from: s, to: m, kind: trigger}\n",
     "5,000,000 Standard executions"},
    {"standard at volume near miss", "cost/standard-workflow-high-volume", false,
     "nodes:\n  - {id: s, type: eventbridge-schedule, properties: {invocationsPerMonth: 5000000}}\n"
     "  - {id: m, type: step-functions, properties: {workflowType: EXPRESS, averageDurationMs: "
     "2000}}\n"
     "edges:\n  - {id: e, from: s, to: m, kind: trigger}\n",
     ""},
    {"invalid value", "properties/invalid-value", true,
     "nodes:\n  - {id: f, type: lambda-function, name: F, properties: {timeoutSeconds: "
     "1000}}\nedges: []\n",
     "Timeout of 'F' (Lambda function) must be between 1 and 900 s, not 1000"},
    {"invalid value near miss", "properties/invalid-value", false,
     "nodes:\n  - {id: f, type: lambda-function, properties: {timeoutSeconds: 900}}\nedges: []\n",
     ""},
    {"unknown property", "properties/unknown", true,
     "nodes:\n  - {id: f, type: lambda-function, properties: {turbo: true}}\nedges: []\n",
     "sets 'turbo'"},
    {"unknown property near miss", "properties/unknown", false,
     "nodes:\n  - {id: f, type: lambda-function, properties: {memoryMb: 256}}\nedges: []\n", ""},
};

} // namespace

class TestAnalysis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rules_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<bool>("expected");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        for (const Row &row : kRows)
            QTest::newRow(row.name) << row.rule << row.expected << QByteArray(row.body) << row.message;
    }
    void rules()
    {
        QFETCH(QString, rule);
        QFETCH(bool, expected);
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        const Architecture arch = design(body);
        const auto found = findingsOf(arch, rule.toStdString());
        QVERIFY2(found.empty() != expected, qPrintable(allFindings(arch)));
        if (!expected)
            return;
        const Finding &f = found.front();
        QVERIFY2(QString::fromStdString(f.message).contains(message), f.message.c_str());
        QVERIFY(!f.fix.empty());
        QVERIFY(!f.nodes.empty() || rule == "limits/stack-resources");
        for (const NodeId &id : f.nodes)
            QVERIFY(arch.node(id));
        for (const EdgeId &id : f.edges)
            QVERIFY(arch.edge(id));
    }

    void everyRuleHasATriggeringRow()
    {
        std::set<std::string> covered;
        for (const Row &row : kRows) {
            if (row.expected)
                covered.insert(row.rule);
        }
        covered.insert("catalog/unknown-type");   // unknownTypeIsAnError()
        covered.insert("limits/stack-resources"); // stackResourceLimit()
        covered.insert("limits/environment-size"); // environmentSizeLimit()
        for (const RuleInfo &info : validationRules(builtinCatalog())) {
            if (info.id.rfind("wiring/", 0) == 0 && !covered.count(info.id)) {
                // Data-driven property conditions are covered by conditionRulesComeFromData().
                continue;
            }
            QVERIFY2(covered.count(info.id), info.id.c_str());
        }
    }

    void emittedRulesAreDocumented()
    {
        std::set<std::string> documented;
        for (const RuleInfo &info : validationRules(builtinCatalog()))
            documented.insert(info.id);
        for (const Row &row : kRows) {
            for (const Finding &f : validate(design(row.body), builtinCatalog()))
                QVERIFY2(documented.count(f.rule), f.rule.c_str());
        }
    }

    void docsAreGeneratedFromTheRules()
    {
        const std::string expected = rulesMarkdown(builtinCatalog());
        const std::string onDisk = nimbus::tests::readSourceFile("docs/rules.md");
        QVERIFY2(onDisk == expected, "docs/rules.md is out of date: regenerate it with "
                                     "'nimbus rules --format markdown > docs/rules.md'");
    }

    void conditionRulesComeFromData()
    {
        // Every property condition of a connection rule reports under its own rule id.
        int checked = 0;
        for (const ConnectionRule &rule : builtinCatalog().connections().rules()) {
            for (const RefuseCondition &c : rule.refuseWhen) {
                Node from;
                from.id = NodeId("a");
                from.type = rule.from;
                from.name = "A";
                Node to = from;
                to.id = NodeId("b");
                to.type = rule.to;
                to.name = "B";
                Node &side = c.side == RefuseCondition::Side::Source ? from : to;
                const PropertyDef *def = builtinCatalog().type(side.type)->property(c.property);
                side.properties[c.property] = *parsePropertyValue(*def, c.equals);
                const ConnectionCheck check = canConnect(builtinCatalog(), from, to);
                if (check.allowed || check.rule != c.rule)
                    continue; // an earlier condition of the same rule applied first
                QVERIFY(!check.reason.empty());
                ++checked;
            }
        }
        QVERIFY(checked >= 10);
    }

    void unknownTypeIsAnError()
    {
        Architecture arch;
        Node node;
        node.id = NodeId("x");
        node.type = "lamda-function";
        node.name = "X";
        arch.addNode(node);
        const auto found = findingsOf(arch, "catalog/unknown-type");
        QCOMPARE(found.size(), std::size_t(1));
        QVERIFY(found.front().fix.find("lambda-function") != std::string::npos);
    }

    void stackResourceLimit()
    {
        auto build = [](int pairs) {
            Architecture arch;
            for (int i = 0; i < pairs; ++i) {
                const std::string n = std::to_string(i);
                arch.addNode(Node{NodeId("q" + n), "sqs-queue", "q" + n, {}, {}, {}, {}});
                arch.addNode(Node{NodeId("f" + n), "lambda-function", "f" + n, {}, {}, {}, {}});
                arch.addEdge(Edge{EdgeId("e" + n), NodeId("q" + n), NodeId("f" + n), ConnectionKind::Poll, {}, {}});
            }
            return arch;
        };
        QCOMPARE(findingsOf(build(130), "limits/stack-resources").size(), std::size_t(1));
        QVERIFY(findingsOf(build(100), "limits/stack-resources").empty());
    }

    void environmentSizeLimit()
    {
        // Lambda's 4 KB counts every name and value (catalog limit envVarsMax).
        const auto body = [](std::size_t size) {
            return QByteArray("nodes:\n  - {id: f, type: lambda-function, properties: "
                              "{environmentVariables: \"BIG=") +
                   QByteArray(int(size), 'x') + "\"}}\nedges: []\n";
        };
        const auto over = findingsOf(design(body(4094)), "limits/environment-size");
        QCOMPARE(over.size(), std::size_t(1));
        QVERIFY2(over.front().message.find("take 4097 bytes, more than the 4 KB") !=
                     std::string::npos,
                 over.front().message.c_str());
        QVERIFY(findingsOf(design(body(4093)), "limits/environment-size").empty());
    }

    void canConnectAnswersFromTheRules()
    {
        const Catalog &catalog = builtinCatalog();
        const ConnectionCheck ok = canConnect(catalog, "sqs-queue", "lambda-function");
        QVERIFY(ok.allowed);
        QCOMPARE(ok.kinds.front(), ConnectionKind::Poll);
        QCOMPARE(ok.connection->sam.event, std::string("SQS"));
        const ConnectionCheck refused = canConnect(catalog, "apigw-http-api", "sns-topic");
        QVERIFY(!refused.allowed);
        QVERIFY2(refused.reason.find("HTTP API cannot connect to SNS topic") != std::string::npos, refused.reason.c_str());
        QVERIFY(!refused.fix.empty());
        const ConnectionCheck unknownPair = canConnect(catalog, "cognito-user-pool", "kinesis-stream");
        QVERIFY(!unknownPair.allowed);
        QVERIFY(unknownPair.reason.find("directly") != std::string::npos);
        QVERIFY(canConnect(catalog, "AWS::Glue::Crawler", "s3-bucket").allowed);

        Node bucket{NodeId("b"), "s3-bucket", "Uploads", {}, {}, {}, {}};
        Node fifo{NodeId("q"), "sqs-queue", "Jobs", {}, {}, {{"queueType", std::string("fifo")}}, {}};
        const ConnectionCheck byNode = canConnect(catalog, bucket, fifo);
        QVERIFY(!byNode.allowed);
        QCOMPARE(byNode.rule, std::string("wiring/fifo-not-supported"));
        QVERIFY(byNode.reason.find("'Uploads' -> 'Jobs'") != std::string::npos);
    }

    void readingTheTriggerBucketKeepsTheTraffic()
    {
        // Uploads -> (event) Process -> (read) Uploads: the function gets every upload; its
        // GETs are priced on the read edge and raise no further events.
        const Architecture arch = design(
            "nodes:\n  - {id: c, type: client, properties: {requestsPerMonth: 1000000}}\n  - {id: b, type: s3-bucket}\n"
            "  - {id: f, type: lambda-function}\n"
            "edges:\n  - {id: e0, from: c, to: b, kind: write}\n  - {id: e1, from: b, to: f, kind: async-invoke}\n"
            "  - {id: e2, from: f, to: b, kind: read}\n");
        const ArchitectureGraph graph(arch);
        QVERIFY(graph.cycles().empty());
        const Workload w = propagateWorkload(arch, builtinCatalog(), graph);
        QCOMPARE(w.node(NodeId("f")).requestsPerMonth, 1000000.0);
        QCOMPARE(w.node(NodeId("b")).requestsPerMonth, 1000000.0); // the uploads, not the reads
        QCOMPARE(w.edge(EdgeId("e2")).requestsPerMonth, 1000000.0);
    }

    void workloadFlowsAlongEdges()
    {
        const Architecture arch = design(
            "nodes:\n  - {id: c, type: client, properties: {requestsPerMonth: 3000000, peakRps: 100, payloadKb: 4}}\n"
            "  - {id: api, type: apigw-http-api}\n  - {id: f, type: lambda-function}\n  - {id: t, type: dynamodb-table, properties: {itemSizeKb: 2}}\n"
            "  - {id: g, type: lambda-function}\n"
            "edges:\n  - {id: e1, from: c, to: api, kind: sync-invoke}\n  - {id: e2, from: api, to: f, kind: sync-invoke}\n"
            "  - {id: e3, from: f, to: t, kind: read, properties: {multiplier: 2}}\n"
            "  - {id: e4, from: f, to: g, kind: async-invoke, properties: {fraction: 0.05}}\n");
        const ArchitectureGraph graph(arch);
        const Workload w = propagateWorkload(arch, builtinCatalog(), graph);
        QCOMPARE(w.node(NodeId("f")).requestsPerMonth, 3000000.0);
        // A table that is only read raises no stream events: the reads are on the edge.
        QCOMPARE(w.node(NodeId("t")).requestsPerMonth, 0.0);
        QCOMPARE(w.edge(EdgeId("e3")).requestsPerMonth, 6000000.0);
        QCOMPARE(w.reads[arch.indexOf(*arch.node(NodeId("t")))], 6000000.0);
        QCOMPARE(w.node(NodeId("g")).requestsPerMonth, 150000.0);
        QCOMPARE(w.node(NodeId("f")).payloadKb, 4.0);
        QCOMPARE(w.edge(EdgeId("e3")).peakRps, 200.0);
    }

    void workloadSurvivesCycles()
    {
        const Architecture arch = design(
            "nodes:\n  - {id: s, type: eventbridge-schedule, properties: {invocationsPerMonth: 1000}}\n"
            "  - {id: f, type: lambda-function}\n  - {id: q, type: sqs-queue}\n"
            "edges:\n  - {id: e0, from: s, to: f, kind: async-invoke}\n  - {id: e1, from: f, to: q, kind: publish}\n"
            "  - {id: e2, from: q, to: f, kind: poll}\n");
        const ArchitectureGraph graph(arch);
        const Workload w = propagateWorkload(arch, builtinCatalog(), graph);
        QCOMPARE(w.node(NodeId("f")).requestsPerMonth, 1000.0);
        QCOMPARE(w.edge(EdgeId("e1")).requestsPerMonth, 1000.0);
    }

    void theSampleIsClean()
    {
        const auto loaded = readProjectFile(
            nimbus::tests::sourcePath("templates/web-application.nimbus").toStdString(), builtinCatalog());
        QVERIFY(loaded.ok());
        const auto findings = validate(loaded.architecture, builtinCatalog());
        QVERIFY2(summarise(findings).errors == 0, qPrintable(allFindings(loaded.architecture)));
    }

    void outputIsSortedAndStable()
    {
        const Architecture arch = design(kRows[0].body);
        const auto a = validate(arch, builtinCatalog());
        const auto b = validate(arch, builtinCatalog());
        QCOMPARE(a.size(), b.size());
        for (std::size_t i = 0; i < a.size(); ++i)
            QCOMPARE(a[i].message, b[i].message);
        for (std::size_t i = 1; i < a.size(); ++i)
            QVERIFY(int(a[i - 1].severity) <= int(a[i].severity));
    }
};

QTEST_GUILESS_MAIN(TestAnalysis)
#include "tst_analysis.moc"
