// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "ruledesigns.h"

#include <cstdio>
#include <string>

namespace nimbus::tests {

using namespace model;

namespace {

class DesignBuilder
{
public:
    explicit DesignBuilder(std::string name) { m_design.setName(std::move(name)); }

    NodeId add(const std::string &type, const std::string &name, PropertyMap properties = {})
    {
        Node n;
        n.id = NodeId("n" + std::to_string(++m_next));
        n.type = type;
        n.name = name;
        n.position = {double(m_design.nodes().size() % 8) * 220, double(m_design.nodes().size() / 8) * 110};
        n.properties = std::move(properties);
        const NodeId id = n.id;
        m_design.addNode(std::move(n));
        return id;
    }

    void connect(const NodeId &from, const NodeId &to, ConnectionKind kind, const char *purpose = nullptr)
    {
        Edge e;
        e.id = EdgeId("e" + std::to_string(++m_next));
        e.source = from;
        e.target = to;
        e.kind = kind;
        if (purpose != nullptr)
            e.properties["purpose"] = std::string(purpose);
        m_design.addEdge(std::move(e));
    }

    Architecture take() { return std::move(m_design); }
    std::size_t edges() const { return m_design.edges().size(); }

private:
    Architecture m_design;
    int m_next = 0;
};

std::string typeName(const Catalog &catalog, const std::string &type)
{
    const ServiceType *t = catalog.type(type);
    return t != nullptr ? t->shortName : type;
}

} // namespace

std::vector<Architecture> everyRuleDesigns(const Catalog &catalog, std::size_t rulesPerDesign)
{
    std::vector<Architecture> designs;
    const auto &rules = catalog.connections().rules();
    for (std::size_t start = 0; start < rules.size(); start += rulesPerDesign) {
        char name[32];
        std::snprintf(name, sizeof name, "rules-%02zu", designs.size() + 1);
        DesignBuilder b(name);
        for (std::size_t i = start; i < rules.size() && i < start + rulesPerDesign; ++i) {
            const ConnectionRule &r = rules[i];
            const std::string tag = " " + std::to_string(i + 1);
            PropertyMap sourceProps;
            if (r.from == "dynamodb-table")
                sourceProps["streamEnabled"] = true;
            const NodeId s = b.add(r.from, typeName(catalog, r.from) + " source" + tag, sourceProps);
            const NodeId t = b.add(r.to, typeName(catalog, r.to) + " target" + tag);
            b.connect(s, t, r.kinds.empty() ? ConnectionKind::SyncInvoke : r.kinds.front());
            // A rule whose other kinds need different permissions gets them too.
            for (std::size_t k = 1; k < r.kinds.size(); ++k)
                b.connect(s, t, r.kinds[k]);
        }
        designs.push_back(b.take());
    }

    DesignBuilder b("reliability");
    const NodeId fn = b.add("lambda-function", "Worker", {{"maximumRetryAttempts", std::int64_t(1)}, {"reservedConcurrency", std::int64_t(10)}, {"provisionedConcurrency", std::int64_t(2)}});
    const NodeId failures = b.add("sqs-queue", "Failures");
    const NodeId successes = b.add("sns-topic", "Successes");
    const NodeId dlq = b.add("sqs-queue", "Dead letters");
    const NodeId jobs = b.add("sqs-queue", "Jobs", {{"maxReceiveCount", std::int64_t(3)}, {"queueType", std::string("fifo")}, {"contentBasedDeduplication", true}});
    const NodeId jobsDlq = b.add("sqs-queue", "Jobs dead letters", {{"queueType", std::string("fifo")}});
    const NodeId bucket = b.add("s3-bucket", "Uploads");
    const NodeId flow = b.add("step-functions", "Order flow", {{"workflowType", std::string("EXPRESS")}});
    const NodeId alarm = b.add("sns-topic", "Alarms");
    const NodeId stream = b.add("kinesis-stream", "Clicks", {{"capacityMode", std::string("PROVISIONED")}, {"shardCount", std::int64_t(2)}});
    const NodeId reader = b.add("lambda-function", "Click reader");
    const NodeId readerFailures = b.add("sqs-queue", "Click failures");
    b.connect(bucket, fn, ConnectionKind::AsyncInvoke);
    b.connect(fn, failures, ConnectionKind::Publish, "on-failure");
    b.connect(fn, successes, ConnectionKind::Publish, "on-success");
    b.connect(fn, dlq, ConnectionKind::Publish, "dead-letter");
    b.connect(jobs, jobsDlq, ConnectionKind::Publish, "dead-letter");
    b.connect(jobs, fn, ConnectionKind::Poll);
    b.connect(flow, fn, ConnectionKind::SyncInvoke);
    b.connect(flow, alarm, ConnectionKind::Publish, "on-failure");
    b.connect(stream, reader, ConnectionKind::Stream);
    b.connect(reader, readerFailures, ConnectionKind::Publish, "on-failure");
    designs.push_back(b.take());
    return designs;
}

Architecture motifDesign(int services)
{
    DesignBuilder b("motifs");
    std::vector<NodeId> tables;
    int motif = 0;
    while (true) {
        const std::string m = " " + std::to_string(++motif);
        const NodeId client = b.add("client", "Users" + m);
        const NodeId api = b.add("apigw-http-api", "Api" + m);
        const NodeId read = b.add("lambda-function", "Read" + m);
        const NodeId write = b.add("lambda-function", "Write" + m);
        const NodeId table = b.add("dynamodb-table", "Table" + m);
        const NodeId queue = b.add("sqs-queue", "Queue" + m);
        const NodeId dlq = b.add("sqs-queue", "Dlq" + m);
        const NodeId worker = b.add("lambda-function", "Worker" + m);
        const NodeId bucket = b.add("s3-bucket", "Bucket" + m);
        const NodeId topic = b.add("sns-topic", "Topic" + m);
        b.connect(client, api, ConnectionKind::SyncInvoke);
        b.connect(api, read, ConnectionKind::SyncInvoke);
        b.connect(api, write, ConnectionKind::SyncInvoke);
        b.connect(read, table, ConnectionKind::Read);
        b.connect(write, table, ConnectionKind::Write);
        b.connect(write, queue, ConnectionKind::Publish);
        b.connect(queue, worker, ConnectionKind::Poll);
        b.connect(queue, dlq, ConnectionKind::Publish, "dead-letter");
        b.connect(worker, bucket, ConnectionKind::Write);
        b.connect(bucket, topic, ConnectionKind::Publish);
        if (!tables.empty())
            b.connect(worker, tables[static_cast<std::size_t>(motif * 7919) % tables.size()], ConnectionKind::Read);
        tables.push_back(table);
        if (motif * 10 >= services)
            break;
    }
    return b.take();
}

} // namespace nimbus::tests
