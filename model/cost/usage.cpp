// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// The usage model: for each service type, which priced dimensions it uses and how much,
// from its properties and the traffic reaching it. Metering rules follow the pricing pages
// quoted in shared/reference/pricing.md (64 KB chunks for SQS, SNS and EventBridge, 512 KB
// for HTTP APIs, 32 KB for WebSocket messages, 25 KB PUT payload units for Kinesis, 5 KB
// for IoT messages and Firehose records, 100 ms and 64 MB steps for Express workflows).

#include "usage.h"

#include <model/analysis/rules/rulecontext.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>

namespace nimbus::model {

namespace {

constexpr double kHoursPerMonth = 730;           // AWS's pricing-calculator month
constexpr double kSecondsPerMonth = 730 * 3600;
constexpr double kKbPerGb = 1024 * 1024;
constexpr double kLogKbPerInvocation = 1; // START/END/REPORT lines plus a little application logging

/// Numbers in derivations: thousands separators, up to four significant decimals.
std::string num(double value)
{
    if (std::fabs(value) >= 100 || value == std::floor(value))
        return formatAmount(value);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4g", value);
    return buffer;
}

double chunks(double payloadKb, double chunkKb)
{
    return std::max(1.0, std::ceil(payloadKb / chunkKb - 1e-9));
}

class UsageBuilder
{
public:
    UsageBuilder(const RuleContext &context, const Node &of, bool explain, std::vector<Usage> &out)
        : c(context)
        , node(of)
        , load(context.load(of))
        , m_out(out)
        , m_explain(explain)
    {}

    /// Records a usage; `derivation` (a callable giving the formula's text) is called only
    /// when explanations are wanted, since estimates run on every edit.
    template<typename Derivation>
    void add(std::string key, std::string label, double quantity, std::string unit, const Derivation &derivation)
    {
        if (quantity <= 0)
            return;
        m_out.push_back({c.architecture.indexOf(node), std::move(key), std::move(label), quantity,
                         std::move(unit), m_explain ? std::string(derivation()) : std::string()});
    }

    double number(const char *key, double fallback = 0) const { return c.number(node, key, fallback); }
    std::string text(const char *key) const { return c.text(node, key); }
    std::string volume() const { return num(load.requestsPerMonth); }

    /// Monthly volume arriving over edges of the given kinds.
    double incomingVolume(std::initializer_list<ConnectionKind> kinds) const
    {
        double total = 0;
        for (const Edge *e : c.incoming(node)) {
            for (ConnectionKind k : kinds) {
                if (e->kind == k && edgePurpose(*e) == "data")
                    total += c.load(*e).requestsPerMonth;
            }
        }
        return total;
    }

    /// Data sent back to callers outside AWS, from their expected response size.
    void transferToActors(const char *key)
    {
        double gb = 0;
        std::string parts;
        for (const Edge *e : c.incoming(node)) {
            const Node &from = c.source(*e);
            const ServiceType *type = c.type(from);
            if (!type || type->kind != ServiceKind::Actor)
                continue;
            const double responseKb = c.number(from, "responseKb", 0);
            const double volume = c.load(*e).requestsPerMonth;
            gb += volume * responseKb / kKbPerGb;
            parts += (parts.empty() ? "" : " + ") + num(volume) + " responses × " + num(responseKb) + " KB";
        }
        add(key, "Data transfer out", gb, "GB", [&] { return parts; });
    }

    const RuleContext &c;
    const Node &node;
    const Load &load;

private:
    std::vector<Usage> &m_out;
    bool m_explain;
};

void lambdaUsage(UsageBuilder &b)
{
    const double v = b.load.requestsPerMonth;
    const double seconds = b.number("averageDurationMs", 100) / 1000;
    const double gb = b.number("memoryMb", 128) / 1024;
    const std::string arch = b.text("architecture") == "arm64" ? "arm64" : "x86";
    // Asynchronous events over 256 KB are billed as one more request per extra 64 KB.
    double extra = 0;
    for (const Edge *e : b.c.incoming(b.node)) {
        const double kb = b.c.load(*e).payloadKb;
        if (e->kind == ConnectionKind::AsyncInvoke && kb > 256)
            extra += b.c.load(*e).requestsPerMonth * std::ceil((kb - 256) / 64);
    }
    b.add("lambda.requests", "Requests", v + extra, "request",
          [&] { return b.volume() + " invocations" + (extra > 0 ? " + " + num(extra) + " for async payloads over 256 KB" : ""); });
    double computeGbs = v * seconds * gb;
    const double provisioned = b.number("provisionedConcurrency", 0);
    if (provisioned > 0) {
        const double configured = provisioned * gb * kSecondsPerMonth;
        b.add("lambda.provisioned." + arch, "Provisioned concurrency", configured, "GB-second",
              [&] { return num(provisioned) + " environments × " + num(gb) + " GB × 2,628,000 s"; });
        const double served = std::min(computeGbs, configured);
        b.add("lambda.provisioned-duration." + arch, "Compute on provisioned concurrency", served, "GB-second",
              [&] { return b.volume() + " invocations × " + num(seconds) + " s × " + num(gb) + " GB, up to the provisioned capacity"; });
        computeGbs -= served;
    }
    b.add("lambda.duration." + arch, "Compute", computeGbs, "GB-second",
          [&] { return b.volume() + " invocations × " + num(seconds) + " s × " + num(gb) + " GB"
              + (provisioned > 0 ? " beyond the provisioned capacity" : ""); });
    const double extraStorageGb = (b.number("ephemeralStorageMb", 512) - 512) / 1024;
    if (extraStorageGb > 0)
        b.add("lambda.ephemeral-storage", "Ephemeral storage", v * seconds * extraStorageGb, "GB-second",
              [&] { return b.volume() + " invocations × " + num(seconds) + " s × " + num(extraStorageGb) + " GB above 512 MB"; });
    b.add("cloudwatch.logs.ingestion", "Logs", v * kLogKbPerInvocation / kKbPerGb, "GB",
          [&] { return b.volume() + " invocations × " + num(kLogKbPerInvocation) + " KB of log lines"; });
}

void restApiUsage(UsageBuilder &b)
{
    b.add("apigw.rest.requests", "API calls", b.load.requestsPerMonth, "request", [&] { return b.volume() + " requests"; });
    if (b.text("cacheEnabled") == "true") {
        std::string size = b.text("cacheSizeGb");
        std::replace(size.begin(), size.end(), '.', '_');
        b.add("apigw.rest.cache." + size, "Cache", kHoursPerMonth, "hour",
              [&] { return b.text("cacheSizeGb") + " GB cache × 730 hours"; });
    }
    b.transferToActors("transfer.out");
}

void httpApiUsage(UsageBuilder &b)
{
    const double metered = chunks(b.load.payloadKb, 512);
    b.add("apigw.http.requests", "API calls", b.load.requestsPerMonth * metered, "request",
          [&] { return b.volume() + " requests × " + num(metered) + " (metered per 512 KB)"; });
    b.transferToActors("transfer.out");
}

void webSocketUsage(UsageBuilder &b)
{
    const double connections = b.load.requestsPerMonth;
    const double perConnection = b.number("messagesPerConnection", 10);
    const double metered = chunks(b.number("averageMessageKb", 1), 32);
    b.add("apigw.websocket.messages", "Messages", connections * perConnection * metered, "message",
          [&] { return num(connections) + " connections × " + num(perConnection) + " messages × " + num(metered) + " (32 KB units)"; });
    const double minutes = b.number("averageConnectionMinutes", 5);
    b.add("apigw.websocket.minutes", "Connection minutes", connections * minutes, "connection-minute",
          [&] { return num(connections) + " connections × " + num(minutes) + " minutes"; });
}

void appSyncUsage(UsageBuilder &b)
{
    b.add("appsync.requests", "Query and mutation requests", b.load.requestsPerMonth, "request",
          [&] { return b.volume() + " requests"; });
    b.transferToActors("transfer.out");
}

void cloudFrontUsage(UsageBuilder &b)
{
    b.add("cloudfront.requests.https", "HTTPS requests", b.load.requestsPerMonth, "request", [&] { return b.volume() + " requests"; });
    double gb = 0;
    std::string parts;
    for (const Edge *e : b.c.incoming(b.node)) {
        const double responseKb = b.c.number(b.c.source(*e), "responseKb", b.c.load(*e).payloadKb);
        gb += b.c.load(*e).requestsPerMonth * responseKb / kKbPerGb;
        parts += (parts.empty() ? "" : " + ") + num(b.c.load(*e).requestsPerMonth) + " responses × " + num(responseKb) + " KB";
    }
    b.add("cloudfront.transfer", "Data transfer to viewers", gb, "GB", [&] { return parts; });
}

void albUsage(UsageBuilder &b)
{
    b.add("alb.hours", "Load balancer hours", kHoursPerMonth, "ALB-hour", [&] { return "730 hours"; });
    // LCUs: the larger of new connections (25/s per LCU) and processed bytes (1 GB/h per LCU).
    const double perSecond = b.load.requestsPerMonth / kSecondsPerMonth;
    const double gbPerHour = b.load.requestsPerMonth * b.load.payloadKb / kKbPerGb / kHoursPerMonth;
    const double lcu = std::max({perSecond / 25, gbPerHour, 0.0});
    b.add("alb.lcu-hours", "Load balancer capacity units", lcu * kHoursPerMonth, "LCU-hour",
          [&] { return "max(" + num(perSecond) + " new connections/s ÷ 25, " + num(gbPerHour) + " GB/h) = " + num(lcu) + " LCU × 730 hours"; });
    b.transferToActors("transfer.out");
}

void queueUsage(UsageBuilder &b)
{
    const double metered = chunks(b.load.payloadKb, 64);
    const bool fifo = b.text("queueType") == "fifo";
    // Each message is sent, received and deleted: three requests per 64 KB chunk.
    b.add(fifo ? "sqs.requests.fifo" : "sqs.requests.standard", "Requests",
          b.load.requestsPerMonth * 3 * metered, "request",
          [&] { return b.volume() + " messages × 3 requests (send, receive, delete) × " + num(metered) + " (64 KB chunks)"; });
}

void topicUsage(UsageBuilder &b)
{
    const double metered = chunks(b.load.payloadKb, 64);
    const bool fifo = b.text("topicType") == "fifo";
    b.add(fifo ? "sns.publish.fifo" : "sns.publish.standard", "Publishes",
          b.load.requestsPerMonth * metered, "request", [&] { return b.volume() + " messages × " + num(metered) + " (64 KB chunks)"; });
    for (const Edge *e : b.c.outgoing(b.node)) {
        const Node &to = b.c.target(*e);
        const std::string protocol = b.c.isType(to, "sqs-queue")         ? "sqs"
                                     : b.c.isType(to, "lambda-function") ? "lambda"
                                     : b.c.isType(to, "firehose-stream") ? "firehose"
                                                                         : "http";
        b.add("sns.delivery." + protocol, "Deliveries to " + to.name, b.c.load(*e).requestsPerMonth, "delivery",
              [&] { return num(b.c.load(*e).requestsPerMonth) + " deliveries"; });
    }
}

void busUsage(UsageBuilder &b)
{
    const double metered = chunks(b.load.payloadKb, 64);
    b.add("eventbridge.events", "Events published", b.load.requestsPerMonth * metered, "event",
          [&] { return b.volume() + " events × " + num(metered) + " (64 KB chunks)"; });
}

void scheduleUsage(UsageBuilder &b)
{
    b.add("eventbridge.scheduler", "Invocations", b.load.requestsPerMonth, "invocation", [&] { return b.volume() + " invocations"; });
}

void pipeUsage(UsageBuilder &b)
{
    b.add("eventbridge.pipes", "Requests", b.load.requestsPerMonth, "request", [&] { return b.volume() + " events"; });
}

void stateMachineUsage(UsageBuilder &b)
{
    const double v = b.load.requestsPerMonth;
    if (b.text("workflowType") == "EXPRESS") {
        b.add("stepfunctions.express.requests", "Requests", v, "request", [&] { return b.volume() + " executions"; });
        const double seconds = std::ceil(b.number("averageDurationMs", 1000) / 100 - 1e-9) / 10;
        const double gb = std::ceil(b.number("averageMemoryMb", 64) / 64 - 1e-9) * 64 / 1024;
        b.add("stepfunctions.express.duration", "Duration", v * seconds * gb, "GB-second",
              [&] { return b.volume() + " executions × " + num(seconds) + " s (100 ms steps) × " + num(gb) + " GB (64 MB steps)"; });
        return;
    }
    const double transitions = b.number("averageTransitions", 5);
    b.add("stepfunctions.standard.transitions", "State transitions", v * transitions, "transition",
          [&] { return b.volume() + " executions × " + num(transitions) + " transitions"; });
}

void streamUsage(UsageBuilder &b)
{
    const double v = b.load.requestsPerMonth;
    if (b.text("capacityMode") == "ON_DEMAND") {
        b.add("kinesis.ondemand.stream-hours", "Stream hours", kHoursPerMonth, "stream-hour", [&] { return "730 hours"; });
        const double kb = std::ceil(b.load.payloadKb - 1e-9);
        const double gbIn = v * kb / kKbPerGb;
        b.add("kinesis.ondemand.data-in", "Data in", gbIn, "GB", [&] { return b.volume() + " records × " + num(kb) + " KB"; });
        const double consumers = std::max<double>(1, static_cast<double>(b.c.outgoing(b.node).size()));
        b.add("kinesis.ondemand.data-out", "Data out", gbIn * consumers, "GB",
              [&] { return num(gbIn) + " GB × " + num(consumers) + " consumer(s)"; });
        return;
    }
    const double shards = std::max(1.0, b.number("shardCount", 1));
    b.add("kinesis.shard-hours", "Shard hours", shards * kHoursPerMonth, "shard-hour", [&] { return num(shards) + " shards × 730 hours"; });
    const double units = chunks(b.load.payloadKb, 25);
    b.add("kinesis.put-units", "PUT payload units", v * units, "put-payload-unit",
          [&] { return b.volume() + " records × " + num(units) + " (25 KB units)"; });
    if (b.number("retentionHours", 24) > 24)
        b.add("kinesis.extended-retention", "Extended retention", shards * kHoursPerMonth, "shard-hour",
              [&] { return num(shards) + " shards × 730 hours"; });
}

void firehoseUsage(UsageBuilder &b)
{
    const double kb = chunks(b.load.payloadKb, 5) * 5;
    b.add("firehose.ingestion", "Data ingested", b.load.requestsPerMonth * kb / kKbPerGb, "GB",
          [&] { return b.volume() + " records × " + num(kb) + " KB (5 KB steps)"; });
}

void bucketUsage(UsageBuilder &b)
{
    const std::string storageClass = b.text("storageClass");
    const bool ia = storageClass == "STANDARD_IA";
    std::string key = "s3.storage.standard";
    if (storageClass != "STANDARD") {
        key = "s3.storage." + storageClass;
        std::transform(key.begin(), key.end(), key.begin(), [](unsigned char ch) {
            return ch == '_' ? '-' : static_cast<char>(std::tolower(ch));
        });
    }
    const double gb = b.number("storedGb", 0);
    b.add(key, "Storage", gb, "GB-month", [&] { return num(gb) + " GB stored"; });
    const double puts = b.incomingVolume({ConnectionKind::Write});
    const double gets = b.incomingVolume({ConnectionKind::Read});
    b.add(ia ? "s3.requests.put-ia" : "s3.requests.put", "PUT requests", puts, "request", [&] { return num(puts) + " writes"; });
    b.add(ia ? "s3.requests.get-ia" : "s3.requests.get", "GET requests", gets, "request", [&] { return num(gets) + " reads"; });
}

void tableUsage(UsageBuilder &b)
{
    const bool ia = b.text("tableClass") == "STANDARD_INFREQUENT_ACCESS";
    const double itemKb = std::max(0.001, b.number("itemSizeKb", 1));
    if (b.text("capacityMode") == "PROVISIONED") {
        // Capacity the design does not state (a scenario switched the table to provisioned)
        // is sized for the peak demand at 70% use, the target DynamoDB auto scaling keeps.
        const TableDemand demand = tableDemand(b.c, b.node);
        auto units = [&](const char *key, double peak) {
            return b.c.isSet(b.node, key) ? b.number(key, 0) : std::max(1.0, std::ceil(peak / 0.7 - 1e-9));
        };
        const double wcu = units("writeCapacityUnits", demand.writes);
        const double rcu = units("readCapacityUnits", demand.reads);
        auto sized = [&](const char *key) {
            return b.c.isSet(b.node, key) ? std::string() : std::string(" (sized for peak at 70% use)");
        };
        b.add("dynamodb.provisioned.wcu", "Write capacity", wcu * kHoursPerMonth, "WCU-hour",
              [&] { return num(wcu) + " WCU × 730 hours" + sized("writeCapacityUnits"); });
        b.add("dynamodb.provisioned.rcu", "Read capacity", rcu * kHoursPerMonth, "RCU-hour",
              [&] { return num(rcu) + " RCU × 730 hours" + sized("readCapacityUnits"); });
    } else {
        const double writes = b.incomingVolume({ConnectionKind::Write});
        const double perWrite = std::ceil(itemKb - 1e-9);
        b.add(ia ? "dynamodb.ondemand-ia.write" : "dynamodb.ondemand.write", "Write request units",
              writes * perWrite, "write-request-unit",
              [&] { return num(writes) + " writes × " + num(perWrite) + " WRU (1 KB each)"; });
        const double reads = b.incomingVolume({ConnectionKind::Read});
        const std::string consistency = b.text("readConsistency");
        const double factor = consistency == "strong" ? 1 : consistency == "transactional" ? 2 : 0.5;
        const double perRead = std::ceil(itemKb / 4 - 1e-9) * factor;
        b.add(ia ? "dynamodb.ondemand-ia.read" : "dynamodb.ondemand.read", "Read request units",
              reads * perRead, "read-request-unit",
              [&] { return num(reads) + " " + consistency + " reads × " + num(perRead) + " RRU (4 KB each)"; });
    }
    const double gb = b.number("storedGb", 0);
    b.add(ia ? "dynamodb.storage-ia" : "dynamodb.storage", "Storage", gb, "GB-month", [&] { return num(gb) + " GB stored"; });
    if (b.text("pointInTimeRecovery") == "true")
        b.add("dynamodb.pitr", "Point-in-time recovery", gb, "GB-month", [&] { return num(gb) + " GB backed up continuously"; });
}

void auroraUsage(UsageBuilder &b)
{
    const bool optimized = b.text("storageType") == "aurora-iopt1";
    const double acu = b.number("averageCapacityAcu", b.number("minCapacityAcu", 0.5));
    b.add(optimized ? "aurora.acu-hours.io-optimized" : "aurora.acu-hours", "Capacity", acu * kHoursPerMonth,
          "ACU-hour", [&] { return num(acu) + " ACU on average × 730 hours"; });
    const double gb = b.number("storageGb", 0);
    b.add(optimized ? "aurora.storage.io-optimized" : "aurora.storage", "Storage", gb, "GB-month", [&] { return num(gb) + " GB"; });
    if (!optimized) {
        const double io = b.number("ioRequestsPerMonth", 0);
        b.add("aurora.io", "I/O requests", io, "request", [&] { return num(io) + " I/O requests"; });
    }
}

void userPoolUsage(UsageBuilder &b)
{
    std::string plan = b.text("featurePlan");
    std::transform(plan.begin(), plan.end(), plan.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    const double mau = b.number("monthlyActiveUsers", 0);
    b.add("cognito.mau." + plan, "Monthly active users", mau, "MAU", [&] { return num(mau) + " users"; });
}

void fargateUsage(UsageBuilder &b)
{
    const std::string arch = b.text("architecture") == "ARM64" ? "arm64" : "x86";
    const double tasks = b.number("desiredCount", 1);
    const double hours = b.number("runningHoursPerMonth", kHoursPerMonth);
    const double vcpu = b.number("cpuUnits", 256) / 1024;
    const double gb = b.number("memoryMb", 512) / 1024;
    b.add("fargate.vcpu." + arch, "vCPU", tasks * vcpu * hours, "vCPU-hour",
          [&] { return num(tasks) + " tasks × " + num(vcpu) + " vCPU × " + num(hours) + " hours"; });
    b.add("fargate.memory." + arch, "Memory", tasks * gb * hours, "GB-hour",
          [&] { return num(tasks) + " tasks × " + num(gb) + " GB × " + num(hours) + " hours"; });
    const double extra = b.number("ephemeralStorageGb", 20) - 20;
    b.add("fargate.ephemeral-storage", "Ephemeral storage", tasks * extra * hours, "GB-hour",
          [&] { return num(tasks) + " tasks × " + num(extra) + " GB above 20 GB × " + num(hours) + " hours"; });
}

/// IoT Core bills each message once, when it is published (in 5 KB units), however many
/// topic rules then match it.
void iotMessages(UsageBuilder &b)
{
    const double units = chunks(b.load.payloadKb, 5);
    b.add("iot.messages", "Messages", b.load.requestsPerMonth * units, "message",
          [&] { return b.volume() + " messages × " + num(units) + " (5 KB units)"; });
}

void deviceUsage(UsageBuilder &b)
{
    const double devices = b.number("deviceCount", 0);
    const double fraction = b.number("connectedFraction", 1);
    b.add("iot.connectivity", "Connection minutes", devices * fraction * kHoursPerMonth * 60, "connection-minute",
          [&] { return num(devices) + " devices × " + num(fraction) + " connected × 43,800 minutes"; });
    iotMessages(b);
}

void iotRuleUsage(UsageBuilder &b)
{
    // Messages from drawn devices are billed on the devices; a rule fed by anything else
    // (or by nothing drawn) carries the messages it receives itself.
    const auto incoming = b.c.incoming(b.node);
    const bool fromDevices = std::any_of(incoming.begin(), incoming.end(), [&](const Edge *edge) {
        return b.c.source(*edge).type == "iot-device";
    });
    if (!fromDevices)
        iotMessages(b);
    b.add("iot.rules", "Rules triggered", b.load.requestsPerMonth, "rule-triggered", [&] { return b.volume() + " messages"; });
    const double actions = static_cast<double>(b.c.outgoing(b.node).size());
    b.add("iot.actions", "Actions", b.load.requestsPerMonth * b.number("matchRatio", 1) * actions, "action",
          [&] { return b.volume() + " messages × " + num(b.number("matchRatio", 1)) + " matching × " + num(actions) + " actions"; });
}

void glueUsage(UsageBuilder &b)
{
    static const std::map<std::string, double> dpu = {
        {"G.025X", 0.25}, {"G.1X", 1}, {"G.2X", 2}, {"G.4X", 4}, {"G.8X", 8}};
    const bool shell = b.text("jobType") == "pythonshell";
    const auto found = dpu.find(b.text("workerType"));
    const double perWorker = shell ? 0.0625 : (found == dpu.end() ? 1 : found->second);
    const double workers = shell ? 1 : b.number("numberOfWorkers", 2);
    const double runs = b.number("runsPerMonth", 30);
    const double hours = std::max(1.0, b.number("averageRunMinutes", 10)) / 60;
    b.add("glue.dpu-hours", "DPU hours", workers * perWorker * runs * hours, "DPU-hour",
          [&] { return num(runs) + " runs × " + num(workers) + " workers × " + num(perWorker) + " DPU × " + num(hours) + " hours"; });
}

void athenaUsage(UsageBuilder &b)
{
    const double queries = b.number("queriesPerMonth", 0);
    const double gb = b.number("dataScannedGbPerQuery", 0);
    b.add("athena.data-scanned", "Data scanned", queries * gb / 1024, "TB",
          [&] { return num(queries) + " queries × " + num(gb) + " GB scanned"; });
}

void serverlessEndpointUsage(UsageBuilder &b)
{
    const double seconds = b.number("averageInferenceMs", 100) / 1000;
    const double gb = b.number("memoryMb", 2048) / 1024;
    b.add("sagemaker.serverless.duration", "Inference duration", b.load.requestsPerMonth * seconds * gb,
          "GB-second", [&] { return b.volume() + " inferences × " + num(seconds) + " s × " + num(gb) + " GB"; });
}

void batchTransformUsage(UsageBuilder &b)
{
    const double instances = b.number("instanceCount", 1);
    const double jobs = b.number("jobsPerMonth", 0);
    const double hours = b.number("averageJobMinutes", 0) / 60;
    b.add("sagemaker.batch." + b.text("instanceType"), "Instance hours", instances * jobs * hours,
          "instance-hour", [&] { return num(jobs) + " jobs × " + num(instances) + " instances × " + num(hours) + " hours"; });
}

void rekognitionUsage(UsageBuilder &b)
{
    b.add("rekognition.images", "Images analysed", b.load.requestsPerMonth, "image", [&] { return b.volume() + " images"; });
}

using UsageFunction = void (*)(UsageBuilder &);

const std::map<std::string, UsageFunction> &usageFunctions()
{
    static const std::map<std::string, UsageFunction> functions = {
        {"lambda-function", lambdaUsage},
        {"apigw-rest-api", restApiUsage},
        {"apigw-http-api", httpApiUsage},
        {"apigw-websocket-api", webSocketUsage},
        {"appsync-api", appSyncUsage},
        {"cloudfront-distribution", cloudFrontUsage},
        {"alb", albUsage},
        {"sqs-queue", queueUsage},
        {"sns-topic", topicUsage},
        {"eventbridge-bus", busUsage},
        {"eventbridge-schedule", scheduleUsage},
        {"eventbridge-pipe", pipeUsage},
        {"step-functions", stateMachineUsage},
        {"kinesis-stream", streamUsage},
        {"firehose-stream", firehoseUsage},
        {"s3-bucket", bucketUsage},
        {"dynamodb-table", tableUsage},
        {"aurora-serverless", auroraUsage},
        {"cognito-user-pool", userPoolUsage},
        {"fargate-service", fargateUsage},
        {"iot-device", deviceUsage},
        {"iot-rule", iotRuleUsage},
        {"glue-job", glueUsage},
        {"athena-workgroup", athenaUsage},
        {"sagemaker-serverless-endpoint", serverlessEndpointUsage},
        {"sagemaker-batch-transform", batchTransformUsage},
        {"rekognition", rekognitionUsage},
    };
    return functions;
}

} // namespace

void collectUsage(const RuleContext &context, const Node &node, bool explain, std::vector<Usage> &out)
{
    const auto &functions = usageFunctions();
    auto it = functions.find(node.type);
    if (it == functions.end())
        return;
    UsageBuilder builder(context, node, explain, out);
    it->second(builder);
}

const std::vector<std::string> &pricedServiceTypes()
{
    static const std::vector<std::string> types = [] {
        std::vector<std::string> all;
        for (const auto &[type, fn] : usageFunctions())
            all.push_back(type);
        return all;
    }();
    return types;
}

} // namespace nimbus::model
