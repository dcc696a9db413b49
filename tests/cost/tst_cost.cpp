// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// Cost engine tests. Prices are pinned by a test price list, so that every expectation
// below can be checked by hand (the working is in the comments) and does not move when
// the bundled price lists are updated.

#include "common/testdata.h"

#include <app/cli/estimatecommand.h>
#include <model/cost/costmodel.h>
#include <model/cost/currency.h>
#include <model/cost/estimate.h>
#include <model/cost/montecarlo.h>
#include <model/cost/servercomparison.h>
#include <model/cost/usage.h>
#include <model/io/pricelistreader.h>
#include <model/io/projectfile.h>

#include <QTest>

#include <set>
#include <sstream>

using namespace nimbus::model;
using nimbus::tests::builtinCatalog;

namespace {



PriceList testPrices()
{
    PriceListLoadResult result = readPriceList(nimbus::tests::readSourceFile("tests/data/test-prices.yaml"),
                                               "test-prices.yaml");
    if (!result.ok())
        qFatal("test price list does not load: %s", result.diagnostics.front().toString().c_str());
    return result.prices;
}

Architecture design(const QByteArray &body)
{
    const std::string text = "nimbus: 1\nname: Test\n" + body.toStdString();
    ProjectLoadResult result = readProject(text, "test.nimbus", builtinCatalog());
    if (!result.ok())
        qFatal("test design does not load: %s", result.diagnostics.front().toString().c_str());
    return std::move(result.architecture);
}

const LineItem *item(const Estimate &e, const char *node, const char *key)
{
    for (const LineItem &i : e.items) {
        if (i.node.str() == node && i.priceKey == key)
            return &i;
    }
    return nullptr;
}

bool near(double a, double b, double tolerance = 0.005)
{
    return std::fabs(a - b) <= tolerance;
}

/// A schedule driving one function: the simplest way to give a function a monthly volume.
QByteArray scheduledFunction(const char *invocations, const char *functionProperties)
{
    return QByteArray("nodes:\n  - {id: s, type: eventbridge-schedule, properties: {invocationsPerMonth: ") + invocations
           + "}}\n  - {id: f, type: lambda-function, properties: {" + functionProperties + "}}\n"
             "edges:\n  - {id: e, from: s, to: f, kind: async-invoke}\n";
}

} // namespace

class TestCost : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void awsLambdaExampleOne()
    {
        // AWS Lambda pricing page, example 1 (legacy page, us-east-1): 512 MB, 3 million
        // invocations of 1 s. Compute: 3,000,000 s x 0.5 GB = 1,500,000 GB-s - 400,000 free
        // = 1,100,000 GB-s x $0.00001667 = $18.34. Requests: 2M billable x $0.20/M = $0.40.
        // Total $18.74. The page's rounded unit price is pinned here.
        PriceList prices = testPrices();
        Price duration = *prices.price("lambda.duration.x86");
        duration.tiers = {{std::nullopt, 0.00001667}};
        prices.set(duration);
        const Architecture arch = design(scheduledFunction("3000000", "memoryMb: 512, averageDurationMs: 1000"));
        const Estimate e = estimate(arch, builtinCatalog(), prices);
        QVERIFY(near(item(e, "f", "lambda.duration.x86")->cost, 18.34));
        QVERIFY(near(item(e, "f", "lambda.requests")->cost, 0.40));
        QVERIFY2(item(e, "f", "lambda.duration.x86")->explanation
                     == "3,000,000 invocations × 1 s × 0.5 GB = 1,500,000 GB-second - 400,000 free = "
                        "1,100,000 × $0.00001667 = $18.34",
                 item(e, "f", "lambda.duration.x86")->explanation.c_str());
    }

    void awsLambdaExampleTwo()
    {
        // AWS Lambda pricing page, example 2: 128 MB, 30 million invocations of 200 ms.
        // Compute: 6,000,000 s x 0.125 GB = 750,000 GB-s - 400,000 = 350,000 x $0.00001667
        // = $5.83. Requests: 29M x $0.20/M = $5.80. Total $11.63.
        PriceList prices = testPrices();
        Price duration = *prices.price("lambda.duration.x86");
        duration.tiers = {{std::nullopt, 0.00001667}};
        prices.set(duration);
        const Architecture arch = design(scheduledFunction("30000000", "memoryMb: 128, averageDurationMs: 200"));
        const Estimate e = estimate(arch, builtinCatalog(), prices);
        QVERIFY(near(item(e, "f", "lambda.duration.x86")->cost, 5.83));
        QVERIFY(near(item(e, "f", "lambda.requests")->cost, 5.80));
    }

    void issueExampleExplainsItself()
    {
        // 3,000,000 invocations x 1 s x 0.5 GB = 1,500,000 GB-s - 400,000 free = 1,100,000
        // x $0.0000166667 = $18.33 (the current unit price).
        const Architecture arch = design(scheduledFunction("3000000", "memoryMb: 512, averageDurationMs: 1000"));
        const Estimate e = estimate(arch, builtinCatalog(), testPrices());
        const LineItem *compute = item(e, "f", "lambda.duration.x86");
        QVERIFY(near(compute->cost, 18.33));
        QVERIFY(compute->explanation.find("$0.0000166667 = $18.33") != std::string::npos);
    }

    void freeTierIsSharedOncePerAccount()
    {
        // Two functions of 300,000 GB-s each (x86 and arm64) share the 400,000 GB-s pool:
        // 200,000 free each. x86: 100,000 x $0.0000166667 = $1.67. arm64: 100,000 billed on
        // the tiered price, all in the first tier: 100,000 x $0.00001 = $1.00.
        const Architecture arch = design(
            "nodes:\n  - {id: s, type: eventbridge-schedule, properties: {invocationsPerMonth: 600000}}\n"
            "  - {id: a, type: lambda-function, properties: {memoryMb: 1024, averageDurationMs: 500}}\n"
            "  - {id: b, type: lambda-function, properties: {memoryMb: 1024, averageDurationMs: 500, architecture: arm64}}\n"
            "edges:\n  - {id: e1, from: s, to: a, kind: async-invoke}\n  - {id: e2, from: s, to: b, kind: async-invoke}\n");
        const Estimate e = estimate(arch, builtinCatalog(), testPrices());
        QVERIFY(near(item(e, "a", "lambda.duration.x86")->freeQuantity, 200000, 1e-6));
        QVERIFY(near(item(e, "a", "lambda.duration.x86")->cost, 1.67));
        QVERIFY(near(item(e, "b", "lambda.duration.arm64")->cost, 1.00));
        // Requests: 1,200,000 in the account - 1,000,000 free = 200,000 x $0.20/M = $0.04,
        // half each.
        QVERIFY(near(item(e, "a", "lambda.requests")->cost, 0.02));
        QVERIFY(near(item(e, "b", "lambda.requests")->cost, 0.02));
    }

    void tiersApplyToTheAccountTotal()
    {
        // arm64: 3,000,000 invocations x 1 s x 1 GB = 3,000,000 GB-s - 400,000 free =
        // 2,600,000 billed: 1,000,000 x $0.00001 + 1,600,000 x $0.000005 = $18.00.
        const Architecture arch = design(scheduledFunction("3000000", "memoryMb: 1024, averageDurationMs: 1000, architecture: arm64"));
        const Estimate e = estimate(arch, builtinCatalog(), testPrices());
        QVERIFY(near(item(e, "f", "lambda.duration.arm64")->cost, 18.00));
    }

    void freeTierCanBeSwitchedOff()
    {
        // Without free tier: 1,500,000 GB-s x $0.0000166667 = $25.00; 3M x $0.20/M = $0.60.
        const Architecture arch = design(scheduledFunction("3000000", "memoryMb: 512, averageDurationMs: 1000"));
        EstimateOptions options;
        options.freeTier = false;
        const Estimate e = estimate(arch, builtinCatalog(), testPrices(), options);
        QVERIFY(near(item(e, "f", "lambda.duration.x86")->cost, 25.00));
        QVERIFY(near(item(e, "f", "lambda.requests")->cost, 0.60));
    }

    void discountApplies()
    {
        // 20% off $25.60 (free tier off) = $20.48, plus logs: 3M x 1 KB = 2.86 GB x $0.50
        // x 0.8 = $1.14.
        const Architecture arch = design(scheduledFunction("3000000", "memoryMb: 512, averageDurationMs: 1000"));
        EstimateOptions options;
        options.freeTier = false;
        options.discountPercent = 20;
        const Estimate e = estimate(arch, builtinCatalog(), testPrices(), options);
        QVERIFY(near(item(e, "f", "lambda.duration.x86")->cost + item(e, "f", "lambda.requests")->cost, 20.48));
        QVERIFY(near(item(e, "f", "cloudwatch.logs.ingestion")->cost, 3000000.0 / 1048576 * 0.5 * 0.8));
    }

    void queueTopicAndBusChunks()
    {
        // 2,000,000 messages of 100 KB: 2 chunks of 64 KB. SQS: 2M x 3 requests x 2 = 12M
        // - 1M free = 11M x $0.40/M = $4.40. SNS publishes: 2M x 2 = 4M - 1M = 3M x $0.50/M =
        // $1.50; deliveries to SQS free. EventBridge: 2M x 2 = 4M x $1/M = $4.00.
        const Architecture arch = design(
            "nodes:\n  - {id: s, type: eventbridge-schedule, properties: {invocationsPerMonth: 2000000, payloadKb: 100}}\n"
            "  - {id: f, type: lambda-function}\n  - {id: t, type: sns-topic}\n  - {id: q, type: sqs-queue}\n"
            "  - {id: b, type: eventbridge-bus}\n"
            "edges:\n  - {id: e1, from: s, to: f, kind: async-invoke}\n  - {id: e2, from: f, to: t, kind: publish}\n"
            "  - {id: e3, from: t, to: q, kind: subscribe}\n  - {id: e4, from: f, to: b, kind: publish}\n");
        const Estimate e = estimate(arch, builtinCatalog(), testPrices());
        QVERIFY(near(item(e, "q", "sqs.requests.standard")->cost, 4.40));
        QVERIFY(near(item(e, "t", "sns.publish.standard")->cost, 1.50));
        QVERIFY(near(item(e, "t", "sns.delivery.sqs")->cost, 0));
        QVERIFY(near(item(e, "b", "eventbridge.events")->cost, 4.00));
    }

    void dynamoAndS3()
    {
        // 10M requests/month through an HTTP API (4 KB payloads: 1 metered request each):
        // 10M x $1/M = $10. The table takes 10M x 0.2 writes of 2 KB (2 WRU) = 4M WRU x
        // $0.625/M = $2.50 and 10M x 0.8 eventual reads of 2 KB (0.5 RRU) = 4M RRU x
        // $0.125/M = $0.50; 100 GB - 25 free = 75 x $0.25 = $18.75.
        const Architecture arch = design(
            "nodes:\n  - {id: c, type: client, properties: {requestsPerMonth: 10000000, payloadKb: 4, responseKb: 0}}\n"
            "  - {id: api, type: apigw-http-api}\n  - {id: t, type: dynamodb-table, properties: {itemSizeKb: 2, storedGb: 100}}\n"
            "edges:\n  - {id: e1, from: c, to: api, kind: sync-invoke}\n"
            "  - {id: w, from: api, to: t, kind: write, properties: {fraction: 0.2}}\n"
            "  - {id: r, from: api, to: t, kind: read, properties: {fraction: 0.8}}\n");
        const Estimate e = estimate(arch, builtinCatalog(), testPrices());
        QVERIFY(near(item(e, "api", "apigw.http.requests")->cost, 10.00));
        QVERIFY(near(item(e, "t", "dynamodb.ondemand.write")->cost, 2.50));
        QVERIFY(near(item(e, "t", "dynamodb.ondemand.read")->cost, 0.50));
        QVERIFY(near(item(e, "t", "dynamodb.storage")->cost, 18.75));
    }

    void httpApiMetersLargeRequests()
    {
        // 1,000,000 requests of 600 KB count as 2 each: 2M x $1/M = $2.00.
        const Architecture arch = design(
            "nodes:\n  - {id: c, type: client, properties: {requestsPerMonth: 1000000, payloadKb: 600, responseKb: 0}}\n"
            "  - {id: api, type: apigw-http-api}\nedges:\n  - {id: e1, from: c, to: api, kind: sync-invoke}\n");
        const Estimate e = estimate(arch, builtinCatalog(), testPrices());
        QCOMPARE(item(e, "api", "apigw.http.requests")->quantity, 2000000.0);
        QVERIFY(near(item(e, "api", "apigw.http.requests")->cost, 2.00));
    }

    void bucketStorageAndRequests()
    {
        // 500 GB x $0.023 = $11.50; 1,000,000 uploads x $0.005/1,000 = $5.00.
        const Architecture arch = design(
            "nodes:\n  - {id: c, type: client, properties: {requestsPerMonth: 1000000}}\n"
            "  - {id: b, type: s3-bucket, properties: {storedGb: 500}}\nedges:\n  - {id: e, from: c, to: b, kind: write}\n");
        const Estimate e = estimate(arch, builtinCatalog(), testPrices());
        QVERIFY(near(item(e, "b", "s3.storage.standard")->cost, 11.50));
        QVERIFY(near(item(e, "b", "s3.requests.put")->cost, 5.00));
        QVERIFY(!item(e, "b", "s3.requests.get"));
    }

    void expressWorkflowRounding()
    {
        // 1,000,000 executions of 250 ms (billed 300 ms) with 100 MB (billed 128 MB):
        // requests $1.00; 1M x 0.3 s x 0.125 GB = 37,500 GB-s x $0.00001667 = $0.63.
        const Architecture arch = design(
            "nodes:\n  - {id: s, type: eventbridge-schedule, properties: {invocationsPerMonth: 1000000}}\n"
            "  - {id: m, type: step-functions, properties: {workflowType: EXPRESS, averageDurationMs: 250, averageMemoryMb: 100}}\n"
            "edges:\n  - {id: e, from: s, to: m, kind: trigger}\n");
        const Estimate e = estimate(arch, builtinCatalog(), testPrices());
        QVERIFY(near(item(e, "m", "stepfunctions.express.requests")->cost, 1.00));
        QCOMPARE(item(e, "m", "stepfunctions.express.duration")->quantity, 37500.0);
        QVERIFY(near(item(e, "m", "stepfunctions.express.duration")->cost, 0.63));
    }

    void standardWorkflowTransitions()
    {
        // 100,000 executions x 10 transitions = 1,000,000 - 4,000 free = 996,000 x
        // $0.025/1,000 = $24.90.
        const Architecture arch = design(
            "nodes:\n  - {id: s, type: eventbridge-schedule, properties: {invocationsPerMonth: 100000}}\n"
            "  - {id: m, type: step-functions, properties: {workflowType: STANDARD, averageTransitions: 10}}\n"
            "edges:\n  - {id: e, from: s, to: m, kind: trigger}\n");
        const Estimate e = estimate(arch, builtinCatalog(), testPrices());
        QVERIFY(near(item(e, "m", "stepfunctions.standard.transitions")->cost, 24.90));
    }

    void kinesisProvisioned()
    {
        // 2 shards x 730 h x $0.015 = $21.90; 100M records of 30 KB = 2 units each = 200M
        // x $0.014/M = $2.80.
        const Architecture arch = design(
            "nodes:\n  - {id: d, type: iot-device, properties: {requestsPerMonth: 100000000, payloadKb: 30, deviceCount: 0}}\n"
            "  - {id: r, type: iot-rule}\n"
            "  - {id: k, type: kinesis-stream, properties: {capacityMode: PROVISIONED, shardCount: 2}}\n"
            "edges:\n  - {id: e1, from: d, to: r, kind: publish}\n  - {id: e2, from: r, to: k, kind: write}\n");
        const Estimate e = estimate(arch, builtinCatalog(), testPrices());
        QVERIFY(near(item(e, "k", "kinesis.shard-hours")->cost, 21.90));
        QVERIFY(near(item(e, "k", "kinesis.put-units")->cost, 2.80));
    }

    void fargateTasks()
    {
        // 2 tasks x 0.25 vCPU x 730 h x $0.04048 = $14.78; 2 x 0.5 GB x 730 x $0.004445 = $3.24.
        const Architecture arch = design(
            "nodes:\n  - {id: f, type: fargate-service, properties: {desiredCount: 2, cpuUnits: \"256\", memoryMb: 512}}\nedges: []\n");
        const Estimate e = estimate(arch, builtinCatalog(), testPrices());
        QVERIFY(near(item(e, "f", "fargate.vcpu.x86")->cost, 14.78));
        QVERIFY(near(item(e, "f", "fargate.memory.x86")->cost, 3.24));
    }

    void cognitoUsers()
    {
        // 50,000 MAU - 10,000 free = 40,000 x $0.015 = $600.
        const Architecture arch = design(
            "nodes:\n  - {id: u, type: cognito-user-pool, properties: {monthlyActiveUsers: 50000, featurePlan: ESSENTIALS}}\nedges: []\n");
        const Estimate e = estimate(arch, builtinCatalog(), testPrices());
        QVERIFY(near(item(e, "u", "cognito.mau.essentials")->cost, 600.00));
    }

    void quantities_data()
    {
        // Every remaining dimension, with its quantity worked out by hand. Prices are applied
        // by the same code for all dimensions (tested above), so the usage model is what
        // varies here.
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("node");
        QTest::addColumn<QString>("key");
        QTest::addColumn<double>("quantity");
        const QByteArray api = "nodes:\n  - {id: c, type: client, properties: {requestsPerMonth: 2000000, payloadKb: 8, responseKb: 16}}\n";
        // REST API: 2,000,000 calls; a 1.6 GB cache runs 730 hours; responses 2M x 16 KB =
        // 30.52 GB out.
        QTest::newRow("rest requests") << api + "  - {id: a, type: apigw-rest-api, properties: {cacheEnabled: true, cacheSizeGb: \"1.6\"}}\nedges:\n  - {id: e, from: c, to: a, kind: sync-invoke}\n" << "a" << "apigw.rest.requests" << 2000000.0;
        QTest::newRow("rest cache") << api + "  - {id: a, type: apigw-rest-api, properties: {cacheEnabled: true, cacheSizeGb: \"1.6\"}}\nedges:\n  - {id: e, from: c, to: a, kind: sync-invoke}\n" << "a" << "apigw.rest.cache.1_6" << 730.0;
        QTest::newRow("transfer out") << api + "  - {id: a, type: apigw-rest-api}\nedges:\n  - {id: e, from: c, to: a, kind: sync-invoke}\n" << "a" << "transfer.out" << 2000000.0 * 16 / 1048576;
        // WebSocket: 2M connections x 20 messages x 1 (10 KB < 32 KB); x 3 minutes each.
        QTest::newRow("websocket messages") << api + "  - {id: w, type: apigw-websocket-api, properties: {messagesPerConnection: 20, averageMessageKb: 10, averageConnectionMinutes: 3}}\nedges:\n  - {id: e, from: c, to: w, kind: sync-invoke}\n" << "w" << "apigw.websocket.messages" << 40000000.0;
        QTest::newRow("websocket minutes") << api + "  - {id: w, type: apigw-websocket-api, properties: {messagesPerConnection: 20, averageMessageKb: 10, averageConnectionMinutes: 3}}\nedges:\n  - {id: e, from: c, to: w, kind: sync-invoke}\n" << "w" << "apigw.websocket.minutes" << 6000000.0;
        QTest::newRow("appsync") << api + "  - {id: g, type: appsync-api}\nedges:\n  - {id: e, from: c, to: g, kind: sync-invoke}\n" << "g" << "appsync.requests" << 2000000.0;
        // CloudFront: 2M requests, 2M x 16 KB to viewers.
        QTest::newRow("cloudfront requests") << api + "  - {id: f, type: cloudfront-distribution}\nedges:\n  - {id: e, from: c, to: f, kind: sync-invoke}\n" << "f" << "cloudfront.requests.https" << 2000000.0;
        QTest::newRow("cloudfront transfer") << api + "  - {id: f, type: cloudfront-distribution}\nedges:\n  - {id: e, from: c, to: f, kind: sync-invoke}\n" << "f" << "cloudfront.transfer" << 2000000.0 * 16 / 1048576;
        // ALB: 730 hours; 2M requests / 2,628,000 s = 0.761/s / 25 = 0.0304 LCU vs 2M x 8 KB
        // / 1,048,576 / 730 = 0.0209 GB/h: 0.0304 LCU x 730 = 22.22 LCU-hours.
        QTest::newRow("alb hours") << api + "  - {id: l, type: alb}\nedges:\n  - {id: e, from: c, to: l, kind: sync-invoke}\n" << "l" << "alb.hours" << 730.0;
        QTest::newRow("alb lcu") << api + "  - {id: l, type: alb}\nedges:\n  - {id: e, from: c, to: l, kind: sync-invoke}\n" << "l" << "alb.lcu-hours" << 2000000.0 / 2628000 / 25 * 730;
        const QByteArray schedule = "nodes:\n  - {id: s, type: eventbridge-schedule, properties: {invocationsPerMonth: 1000000, payloadKb: 30}}\n";
        QTest::newRow("scheduler") << schedule + "  - {id: f, type: lambda-function}\nedges:\n  - {id: e, from: s, to: f, kind: async-invoke}\n" << "s" << "eventbridge.scheduler" << 1000000.0;
        // Pipe from a queue: 1M events; with a 0.5 filter match the target gets half.
        QTest::newRow("pipe") << schedule + "  - {id: f, type: lambda-function}\n  - {id: q, type: sqs-queue}\n  - {id: p, type: eventbridge-pipe}\nedges:\n  - {id: e, from: s, to: f, kind: async-invoke}\n  - {id: e2, from: f, to: q, kind: publish}\n  - {id: e3, from: q, to: p, kind: poll}\n" << "p" << "eventbridge.pipes" << 1000000.0;
        // Kinesis on demand: 730 stream hours; 1M x 30 KB in; out to 1 consumer.
        QTest::newRow("kinesis on demand in") << schedule + "  - {id: f, type: lambda-function}\n  - {id: k, type: kinesis-stream, properties: {capacityMode: ON_DEMAND}}\nedges:\n  - {id: e, from: s, to: f, kind: async-invoke}\n  - {id: e2, from: f, to: k, kind: write}\n" << "k" << "kinesis.ondemand.data-in" << 1000000.0 * 30 / 1048576;
        QTest::newRow("kinesis extended retention") << schedule + "  - {id: f, type: lambda-function}\n  - {id: k, type: kinesis-stream, properties: {capacityMode: PROVISIONED, shardCount: 3, retentionHours: 48}}\nedges:\n  - {id: e, from: s, to: f, kind: async-invoke}\n  - {id: e2, from: f, to: k, kind: write}\n" << "k" << "kinesis.extended-retention" << 2190.0;
        // Firehose: 30 KB records are metered in 5 KB steps: 30 KB; 1M x 30 KB.
        QTest::newRow("firehose") << schedule + "  - {id: f, type: lambda-function}\n  - {id: h, type: firehose-stream}\nedges:\n  - {id: e, from: s, to: f, kind: async-invoke}\n  - {id: e2, from: f, to: h, kind: write}\n" << "h" << "firehose.ingestion" << 1000000.0 * 30 / 1048576;
        // Provisioned concurrency: 5 x 1 GB x 2,628,000 s; ephemeral storage 1,536 MB: 1 GB
        // above 512 MB x 1M x 0.1 s.
        QTest::newRow("provisioned concurrency") << schedule + "  - {id: f, type: lambda-function, properties: {memoryMb: 1024, provisionedConcurrency: 5}}\nedges:\n  - {id: e, from: s, to: f, kind: async-invoke}\n" << "f" << "lambda.provisioned.x86" << 5.0 * 2628000;
        QTest::newRow("ephemeral storage") << schedule + "  - {id: f, type: lambda-function, properties: {ephemeralStorageMb: 1536, averageDurationMs: 100}}\nedges:\n  - {id: e, from: s, to: f, kind: async-invoke}\n" << "f" << "lambda.ephemeral-storage" << 100000.0;
        // Async events over 256 KB: 300 KB is 1 extra request per event (44 KB -> one 64 KB).
        QTest::newRow("large async events") << QByteArray("nodes:\n  - {id: s, type: eventbridge-schedule, properties: {invocationsPerMonth: 1000, payloadKb: 300}}\n  - {id: f, type: lambda-function}\nedges:\n  - {id: e, from: s, to: f, kind: async-invoke}\n") << "f" << "lambda.requests" << 2000.0;
        // DynamoDB provisioned: 50 WCU x 730; PITR and infrequent-access storage.
        QTest::newRow("dynamodb provisioned") << QByteArray("nodes:\n  - {id: t, type: dynamodb-table, properties: {capacityMode: PROVISIONED, writeCapacityUnits: 50, readCapacityUnits: 100}}\nedges: []\n") << "t" << "dynamodb.provisioned.wcu" << 36500.0;
        QTest::newRow("dynamodb pitr") << QByteArray("nodes:\n  - {id: t, type: dynamodb-table, properties: {storedGb: 40, pointInTimeRecovery: true}}\nedges: []\n") << "t" << "dynamodb.pitr" << 40.0;
        QTest::newRow("dynamodb strong reads") << api + "  - {id: a, type: apigw-rest-api}\n  - {id: t, type: dynamodb-table, properties: {itemSizeKb: 6, readConsistency: strong, tableClass: STANDARD_INFREQUENT_ACCESS}}\nedges:\n  - {id: e, from: c, to: a, kind: sync-invoke}\n  - {id: r, from: a, to: t, kind: read}\n" << "t" << "dynamodb.ondemand-ia.read" << 4000000.0;
        QTest::newRow("s3 infrequent access") << QByteArray("nodes:\n  - {id: b, type: s3-bucket, properties: {storageClass: STANDARD_IA, storedGb: 300}}\nedges: []\n") << "b" << "s3.storage.standard-ia" << 300.0;
        // Aurora: 2 ACU x 730; 50 GB; 10M I/O.
        QTest::newRow("aurora capacity") << QByteArray("nodes:\n  - {id: d, type: aurora-serverless, properties: {averageCapacityAcu: 2, storageGb: 50, ioRequestsPerMonth: 10000000}}\nedges: []\n") << "d" << "aurora.acu-hours" << 1460.0;
        QTest::newRow("aurora io") << QByteArray("nodes:\n  - {id: d, type: aurora-serverless, properties: {averageCapacityAcu: 2, storageGb: 50, ioRequestsPerMonth: 10000000}}\nedges: []\n") << "d" << "aurora.io" << 10000000.0;
        // IoT: 1,000 devices always connected x 43,800 minutes; 1M messages of 7 KB = 2 units.
        const QByteArray iot = "nodes:\n  - {id: d, type: iot-device, properties: {deviceCount: 1000, connectedFraction: 1, requestsPerMonth: 1000000, payloadKb: 7}}\n  - {id: r, type: iot-rule}\n  - {id: k, type: kinesis-stream}\nedges:\n  - {id: e, from: d, to: r, kind: publish}\n  - {id: e2, from: r, to: k, kind: write}\n";
        QTest::newRow("iot connectivity") << iot << "d" << "iot.connectivity" << 43800000.0;
        QTest::newRow("iot messages, billed once on the devices") << iot << "d" << "iot.messages" << 2000000.0;
        QTest::newRow("iot actions") << iot << "r" << "iot.actions" << 1000000.0;
        // Glue: 20 runs x 10 workers x 2 DPU (G.2X) x 0.5 h = 200 DPU-hours.
        QTest::newRow("glue") << QByteArray("nodes:\n  - {id: g, type: glue-job, properties: {workerType: G.2X, numberOfWorkers: 10, runsPerMonth: 20, averageRunMinutes: 30}}\nedges: []\n") << "g" << "glue.dpu-hours" << 200.0;
        // Athena: 3,000 queries x 2 GB = 5.86 TB.
        QTest::newRow("athena") << QByteArray("nodes:\n  - {id: a, type: athena-workgroup, properties: {queriesPerMonth: 3000, dataScannedGbPerQuery: 2}}\nedges: []\n") << "a" << "athena.data-scanned" << 3000.0 * 2 / 1024;
        // SageMaker serverless: 1M x 0.2 s x 2 GB.
        QTest::newRow("sagemaker serverless") << schedule + "  - {id: f, type: lambda-function}\n  - {id: m, type: sagemaker-serverless-endpoint, properties: {memoryMb: \"2048\", averageInferenceMs: 200}}\nedges:\n  - {id: e, from: s, to: f, kind: async-invoke}\n  - {id: e2, from: f, to: m, kind: sync-invoke}\n" << "m" << "sagemaker.serverless.duration" << 400000.0;
        QTest::newRow("batch transform") << QByteArray("nodes:\n  - {id: t, type: sagemaker-batch-transform, properties: {instanceType: ml.m5.xlarge, instanceCount: 2, jobsPerMonth: 10, averageJobMinutes: 45}}\nedges: []\n") << "t" << "sagemaker.batch.ml.m5.xlarge" << 15.0;
        QTest::newRow("rekognition") << schedule + "  - {id: f, type: lambda-function}\n  - {id: r, type: rekognition}\nedges:\n  - {id: e, from: s, to: f, kind: async-invoke}\n  - {id: e2, from: f, to: r, kind: read}\n" << "r" << "rekognition.images" << 1000000.0;
        QTest::newRow("cognito lite") << QByteArray("nodes:\n  - {id: u, type: cognito-user-pool, properties: {monthlyActiveUsers: 5000, featurePlan: LITE}}\nedges: []\n") << "u" << "cognito.mau.lite" << 5000.0;
    }
    void quantities()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, node);
        QFETCH(QString, key);
        QFETCH(double, quantity);
        const Estimate e = estimate(design(body), builtinCatalog(), testPrices());
        const LineItem *line = item(e, node.toUtf8().constData(), key.toUtf8().constData());
        QVERIFY2(line, qPrintable(key));
        QVERIFY2(near(line->quantity, quantity, 1e-6 * std::max(1.0, quantity)),
                 qPrintable(QString("%1: %2").arg(line->quantity).arg(quantity)));
        QVERIFY(!line->explanation.empty());
    }

    void iotMessagesAreBilledOncePerPublish()
    {
        // Two topic rules read every message of the same devices: IoT Core bills the 1M
        // messages once (2 units of 5 KB each), and each rule only for its triggers.
        const Estimate two = estimate(design("nodes:\n"
            "  - {id: d, type: iot-device, properties: {deviceCount: 10, requestsPerMonth: 1000000, payloadKb: 7}}\n"
            "  - {id: r1, type: iot-rule}\n  - {id: r2, type: iot-rule}\n  - {id: k, type: kinesis-stream}\n"
            "edges:\n  - {id: e1, from: d, to: r1, kind: publish}\n  - {id: e2, from: d, to: r2, kind: publish}\n"
            "  - {id: w1, from: r1, to: k, kind: write}\n  - {id: w2, from: r2, to: k, kind: write}\n"),
            builtinCatalog(), testPrices());
        double messages = 0;
        for (const LineItem &line : two.items)
            messages += line.priceKey == "iot.messages" ? line.quantity : 0;
        QCOMPARE(messages, 2000000.0);
        QVERIFY(!item(two, "r1", "iot.messages") && !item(two, "r2", "iot.messages"));
        QVERIFY(item(two, "r1", "iot.rules") && item(two, "r2", "iot.rules"));
    }

    void unknownPriceIsNeverZero()
    {
        // The test list has no Aurora prices: the lines are unknown, not $0.
        const Architecture arch = design(
            "nodes:\n  - {id: db, type: aurora-serverless, properties: {averageCapacityAcu: 2, storageGb: 10}}\nedges: []\n");
        const Estimate e = estimate(arch, builtinCatalog(), testPrices());
        const LineItem *acu = item(e, "db", "aurora.acu-hours");
        QVERIFY(acu);
        QVERIFY(acu->unknown);
        QVERIFY(acu->explanation.find("no price for aurora.acu-hours") != std::string::npos);
        QVERIFY(std::find(e.unknownPrices.begin(), e.unknownPrices.end(), "aurora.acu-hours") != e.unknownPrices.end());
        QCOMPARE(e.total, 0.0);
    }

    void everyServiceTypeIsPriced()
    {
        // Every AWS service type of the catalog has a usage model (rules and buses of
        // classic EventBridge are free, and outside actors are not AWS resources).
        std::set<std::string> priced(pricedServiceTypes().begin(), pricedServiceTypes().end());
        for (const ServiceType &type : builtinCatalog().types()) {
            if (type.kind == ServiceKind::Actor && type.id != "iot-device")
                continue;
            if (type.id == "eventbridge-rule")
                continue;
            QVERIFY2(priced.count(type.id), type.id.c_str());
        }
    }

    void userPricesOverlayTheBundledOnes()
    {
        PriceList base = testPrices();
        const PriceListLoadResult user = readPriceList(
            "prices:\n  lambda.requests: {unit: request, per: 1000000, price: 0.10, status: unverified}\n", "mine.yaml");
        QVERIFY(user.ok());
        base.overlay(user.prices);
        QCOMPARE(base.price("lambda.requests")->tiers.front().price, 0.10);
        QVERIFY(base.price("lambda.duration.x86")); // the rest stays
    }

    void brokenPriceListsNameFileAndLine_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("message");
        QTest::newRow("no price") << QByteArray("prices:\n  a: {unit: x, status: V}\n") << 2 << "needs either 'price' or 'tiers'";
        QTest::newRow("both") << QByteArray("prices:\n  a: {unit: x, price: 1, tiers: [{price: 1}], status: V}\n") << 2 << "needs either";
        QTest::newRow("negative") << QByteArray("prices:\n  a: {unit: x, price: -1, status: V}\n") << 2 << "cannot be negative";
        QTest::newRow("tiers out of order") << QByteArray("prices:\n  a:\n    unit: x\n    status: V\n    tiers:\n      - {upTo: 10, price: 1}\n      - {upTo: 5, price: 1}\n      - {price: 1}\n") << 7 << "tiers must rise";
        QTest::newRow("last tier bounded") << QByteArray("prices:\n  a:\n    unit: x\n    status: V\n    tiers:\n      - {upTo: 10, price: 1}\n") << 6 << "only the last tier";
        QTest::newRow("unknown key") << QByteArray("prices:\n  a: {unit: x, price: 1, status: V, colour: red}\n") << 2 << "unknown key 'colour'";
        QTest::newRow("unknown source") << QByteArray("prices:\n  a: {unit: x, price: 1, status: V, source: S9}\n") << 2 << "unknown source 'S9'";
    }
    void brokenPriceListsNameFileAndLine()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(QString, message);
        const auto result = readPriceList(text.toStdString(), "prices.yaml");
        QVERIFY(!result.ok());
        bool found = false;
        for (const Diagnostic &d : result.diagnostics)
            found |= d.file == "prices.yaml" && d.line == line && QString::fromStdString(d.message).contains(message);
        QVERIFY2(found, result.diagnostics.front().toString().c_str());
    }

    void bundledPriceListsLoad_data()
    {
        QTest::addColumn<QString>("region");
        QTest::newRow("us-east-1") << "us-east-1";
        QTest::newRow("eu-west-1") << "eu-west-1";
    }
    void bundledPriceListsLoad()
    {
        QFETCH(QString, region);
        std::ostringstream err;
        const auto prices = nimbus::app::loadPrices(region.toStdString(), "", err);
        QVERIFY2(prices.has_value(), err.str().c_str());
        QVERIFY(prices->price("lambda.requests"));
        QVERIFY(!prices->oldestSourceDate().empty());
        for (const auto &[key, price] : prices->prices())
            QVERIFY2(!price.sourceAddress.empty() && !price.status.empty(), key.c_str());
    }

    void sampleDesignHasAPositiveCost()
    {
        const auto loaded = readProjectFile(nimbus::tests::sourcePath("templates/web-application.nimbus").toStdString(),
                                            builtinCatalog());
        QVERIFY(loaded.ok());
        std::ostringstream err;
        const auto prices = nimbus::app::loadPrices("us-east-1", "", err);
        QVERIFY(prices);
        const Estimate e = estimate(loaded.architecture, builtinCatalog(), *prices);
        QVERIFY(e.total > 1);
        QVERIFY(e.nodeTotal(NodeId("public-api")) > 0);
    }

    void costModelReproducesTheEstimate()
    {
        const auto loaded = readProjectFile(nimbus::tests::sourcePath("templates/web-application.nimbus").toStdString(),
                                            builtinCatalog());
        std::ostringstream err;
        const auto prices = nimbus::app::loadPrices("us-east-1", "", err);
        QVERIFY(loaded.ok() && prices);
        const Estimate once = estimate(loaded.architecture, builtinCatalog(), *prices);
        const CostModel model = CostModel::build(loaded.architecture, builtinCatalog(), *prices, {});
        QVERIFY(near(model.monthly(model.unitInputs()), once.total, 1e-6));
        for (double scale : {0.01, 0.5, 3.0, 50.0}) {
            EstimateOptions scaled;
            scaled.entryScale.assign(loaded.architecture.nodes().size(), scale);
            const Estimate direct = estimate(loaded.architecture, builtinCatalog(), *prices, scaled);
            QVERIFY2(near(model.monthlyAtScale(scale), direct.total, 1e-6 * std::max(1.0, direct.total)),
                     qPrintable(QString::number(scale)));
        }
    }

    void serverComparisonWorkedByHand()
    {
        // A schedule invokes a 1,769 MB (1 vCPU) function of 1 s 5,184,000 times a month,
        // i.e. 2 per second, steadily. No free tier; operations and DR switched off, servers
        // run at 100% so that only compute is compared.
        // Serverless per invocation: $0.20/1M + 1.7275390625 GB x 1 s x $0.0000166667 +
        // 1 KB of logs x $0.50/GB = $0.0000294692; x 5,184,000 = $152.77 per month.
        // Servers: 2 vCPU at peak on 2-vCPU m5.large = 1, but at least 2 instances:
        // 2 x $0.096 x 730 h = $140.16. Break-even where m x $152.768 = $140.16, m = 0.9175
        // (servers stay at 2 instances up to m = 2).
        const Architecture arch = design(scheduledFunction("5184000", "memoryMb: 1769, averageDurationMs: 1000"));
        EstimateOptions options;
        options.freeTier = false;
        ServerAssumptions a;
        a.targetUtilisation = 1.0;
        a.operationsHoursPerMonth = 0;
        a.operationsHoursPerInstance = 0;
        a.serverlessOperationsHoursPerMonth = 0;
        a.warmStandbyFraction = 0;
        const Comparison c = compareWithServers(arch, builtinCatalog(), testPrices(), options, a);
        QVERIFY(near(c.serverless.total(), 152.77));
        QVERIFY(near(c.servers.total(), 140.16));
        QCOMPARE(c.applicationInstances, 2.0);
        QVERIFY(near(c.tco3Servers, 36 * 140.16, 0.01));
        QVERIFY2(near(c.breakEven, 0.9175, 0.0005), qPrintable(QString::number(c.breakEven)));
        QCOMPARE(c.sweep.size(), std::size_t(21));
        QCOMPARE(c.sweep.front().multiple, 0.01);
        QVERIFY(near(c.sweep.back().multiple, 100, 1e-9));
    }

    void serverComparisonCountsOperationsAndStandby()
    {
        // Same design with the default assumptions: servers add a 50% warm standby
        // ($70.08) and (40 h + 1 h x 2 servers) x $85 = $3,570 of operations; serverless
        // adds 8 h x $85 = $680 and no standby (nothing is stored).
        const Architecture arch = design(scheduledFunction("5184000", "memoryMb: 1769, averageDurationMs: 1000"));
        EstimateOptions options;
        options.freeTier = false;
        ServerAssumptions a;
        a.targetUtilisation = 1.0;
        const Comparison c = compareWithServers(arch, builtinCatalog(), testPrices(), options, a);
        QVERIFY(near(c.servers.disasterRecovery, 70.08));
        QVERIFY(near(c.servers.operations, 3570));
        QVERIFY(near(c.serverless.operations, 680));
        QVERIFY(near(c.serverless.disasterRecovery, 0));
        QVERIFY(!c.assumptions.empty());
    }

    void monteCarloIsReproducibleAndCentred()
    {
        const Architecture arch = design(
            "nodes:\n  - {id: c, type: client, properties: {requestsPerMonth: 10000000, requestsPerMonthLow: 5000000, "
            "requestsPerMonthHigh: 15000000, peakRps: 50}}\n"
            "  - {id: api, type: apigw-http-api}\n"
            "  - {id: f, type: lambda-function, properties: {memoryMb: 1024, averageDurationMs: 200, "
            "averageDurationMsLow: 100, averageDurationMsHigh: 300}}\n"
            "edges:\n  - {id: e1, from: c, to: api, kind: sync-invoke}\n  - {id: e2, from: api, to: f, kind: sync-invoke}\n");
        MonteCarloOptions mc;
        mc.samples = 20000;
        mc.seed = 7;
        const MonteCarloResult a = runMonteCarlo(arch, builtinCatalog(), testPrices(), {}, mc);
        mc.threads = 1;
        const MonteCarloResult b = runMonteCarlo(arch, builtinCatalog(), testPrices(), {}, mc);
        QCOMPARE(a.p10, b.p10); // same seed, any number of threads: same numbers
        QCOMPARE(a.p50, b.p50);
        QCOMPARE(a.p90, b.p90);
        QCOMPARE(a.inputs.size(), std::size_t(2));
        QVERIFY(a.p10 < a.p50 && a.p50 < a.p90);
        // Symmetric ranges: the median lies close to the estimate as designed.
        const Estimate e = estimate(arch, builtinCatalog(), testPrices());
        QVERIFY(near(a.deterministic, e.total, 1e-6));
        QVERIFY2(std::fabs(a.p50 - e.total) / e.total < 0.05, qPrintable(QString("%1 vs %2").arg(a.p50).arg(e.total)));
        int counted = 0;
        for (int n : a.binCounts)
            counted += n;
        QCOMPARE(counted, 20000);
        mc.seed = 8;
        QVERIFY(runMonteCarlo(arch, builtinCatalog(), testPrices(), {}, mc).p50 != a.p50);
        mc.distribution = Distribution::Pert;
        const MonteCarloResult pert = runMonteCarlo(arch, builtinCatalog(), testPrices(), {}, mc);
        QVERIFY(pert.p90 - pert.p10 < a.p90 - a.p10); // PERT concentrates around the mode
    }

    void monteCarloWithoutRangesIsTheEstimate()
    {
        const Architecture arch = design(scheduledFunction("3000000", "memoryMb: 512, averageDurationMs: 1000"));
        MonteCarloOptions mc;
        mc.samples = 500;
        const MonteCarloResult r = runMonteCarlo(arch, builtinCatalog(), testPrices(), {}, mc);
        QVERIFY(r.inputs.empty());
        QCOMPARE(r.p10, r.p90);
        QVERIFY(near(r.p50, r.deterministic, 1e-9));
    }

    void moneyFormatting()
    {
        QCOMPARE(formatMoney(1234.5), std::string("$1,234.50"));
        QCOMPARE(formatMoney(0.0000166667), std::string("$0.0000166667"));
        QCOMPARE(formatMoney(0), std::string("$0.00"));
        QCOMPARE(formatMoney(18.335), std::string("$18.34"));
    }

    void currencyFormatting()
    {
        const Currency usd;
        QVERIFY(usd.isUsd());
        QCOMPARE(formatCurrency(1234.5, usd), std::string("$1,234.50"));
        QCOMPARE(formatCurrency(0, usd), std::string("$0.00"));
        QCOMPARE(formatCurrency(0.0000166667, usd), std::string("<$0.01")); // no row of zeros
        QCOMPARE(formatCurrency(-12.5, usd), std::string("-$12.50"));
        Currency euro{"EUR", "€", 0.9};
        QVERIFY(!euro.isUsd());
        QCOMPARE(formatCurrency(1000, euro), std::string("€900.00"));
        QCOMPARE(formatCurrency(1234567.891, euro), std::string("€1,111,111.10"));
        QCOMPARE(formatCurrencyWhole(1234.5, usd), std::string("$1,235"));
        QCOMPARE(formatCurrencyWhole(0.2, usd), std::string("<$1"));
        QCOMPARE(formatCurrencyWhole(0, usd), std::string("$0"));
        QCOMPARE(formatCurrencyPrice(0.0000166667, euro), std::string("€0.000015"));
        QCOMPARE(formatCurrencyPrice(0.2, usd), std::string("$0.20"));
        QCOMPARE(formatCurrencyShort(950, usd), std::string("$950"));
        QCOMPARE(formatCurrencyShort(12500, usd), std::string("$12.5k"));
        QCOMPARE(formatCurrencyShort(3210000, usd), std::string("$3.21M"));
        QCOMPARE(formatCurrencyShort(0.25, usd), std::string("$0.25"));
    }
};

QTEST_GUILESS_MAIN(TestCost)
#include "tst_cost.moc"
