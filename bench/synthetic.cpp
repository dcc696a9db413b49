// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "synthetic.h"

#include <random>
#include <string>
#include <vector>

namespace nimbus::bench {

using namespace model;

namespace {

/// Builds the design motif by motif, as real estates grow: small services of a few
/// functions around an API, an event pipeline or a stream, each wired the way AWS
/// supports, with timeouts, dead-letter queues and failure destinations set.
class Builder
{
public:
    explicit Builder(std::uint32_t seed)
        : m_rng(seed)
    {}

    Architecture take() { return std::move(m_arch); }
    int nodeCount() const { return static_cast<int>(m_arch.nodes().size()); }
    int edgeCount() const { return static_cast<int>(m_arch.edges().size()); }

    NodeId node(const char *type, PropertyMap properties = {})
    {
        Node n;
        n.id = NodeId(std::string(type) + '-' + std::to_string(m_next++));
        n.type = type;
        n.name = n.id.str();
        const int i = nodeCount();
        n.position = {double((i % 60) * 200), double((i / 60) * 110)};
        n.properties = std::move(properties);
        if (n.type == "lambda-function") {
            n.properties.emplace("timeoutSeconds", std::int64_t(10));
            n.properties.emplace("memoryMb", std::int64_t(128 << (i % 4)));
            m_functions.push_back(n.id);
        } else if (n.type == "dynamodb-table") {
            m_tables.push_back(n.id);
        } else if (n.type == "sqs-queue") {
            n.properties.emplace("visibilityTimeoutSeconds", std::int64_t(60));
        }
        const NodeId id = n.id;
        m_arch.addNode(std::move(n));
        return id;
    }

    void edge(const NodeId &from, const NodeId &to, ConnectionKind kind, const char *purpose = nullptr)
    {
        Edge e;
        e.id = EdgeId("e-" + std::to_string(m_next++));
        e.source = from;
        e.target = to;
        e.kind = kind;
        if (purpose)
            e.properties["purpose"] = std::string(purpose);
        m_arch.addEdge(std::move(e));
    }

    void apiService()
    {
        const NodeId client = node("client", {{"peakRps", 50.0}});
        const NodeId api = node("apigw-http-api", {{"authorizer", std::string("JWT")}});
        const NodeId read = node("lambda-function");
        const NodeId write = node("lambda-function");
        const NodeId table = node("dynamodb-table");
        const NodeId queue = node("sqs-queue");
        const NodeId dlq = node("sqs-queue");
        const NodeId worker = node("lambda-function");
        edge(client, api, ConnectionKind::SyncInvoke);
        edge(api, read, ConnectionKind::SyncInvoke);
        edge(api, write, ConnectionKind::SyncInvoke);
        edge(read, table, ConnectionKind::Read);
        edge(write, table, ConnectionKind::Write);
        edge(write, queue, ConnectionKind::Publish);
        edge(queue, worker, ConnectionKind::Poll);
        edge(queue, dlq, ConnectionKind::Publish, "dead-letter");
        edge(worker, table, ConnectionKind::Write);
    }

    void eventPipeline()
    {
        const NodeId bucket = node("s3-bucket");
        const NodeId fn = node("lambda-function");
        const NodeId failures = node("sqs-queue");
        const NodeId topic = node("sns-topic");
        const NodeId queue = node("sqs-queue");
        const NodeId dlq = node("sqs-queue");
        const NodeId consumer = node("lambda-function");
        edge(bucket, fn, ConnectionKind::AsyncInvoke);
        edge(fn, failures, ConnectionKind::Publish, "on-failure");
        edge(fn, topic, ConnectionKind::Publish);
        edge(topic, queue, ConnectionKind::Subscribe);
        edge(queue, consumer, ConnectionKind::Poll);
        edge(queue, dlq, ConnectionKind::Publish, "dead-letter");
    }

    void streamPipeline()
    {
        const NodeId devices = node("iot-device", {{"peakRps", 200.0}});
        const NodeId rule = node("iot-rule");
        const NodeId stream = node("kinesis-stream", {{"capacityMode", std::string("ON_DEMAND")}});
        const NodeId fn = node("lambda-function");
        const NodeId failures = node("sqs-queue");
        const NodeId archive = node("s3-bucket");
        edge(devices, rule, ConnectionKind::Publish);
        edge(rule, stream, ConnectionKind::Write);
        edge(stream, fn, ConnectionKind::Stream);
        edge(fn, failures, ConnectionKind::Publish, "on-failure");
        edge(fn, archive, ConnectionKind::Write);
    }

    void scheduledJob()
    {
        const NodeId schedule = node("eventbridge-schedule");
        const NodeId machine = node("step-functions");
        const NodeId step = node("lambda-function");
        edge(schedule, machine, ConnectionKind::Trigger);
        edge(machine, step, ConnectionKind::SyncInvoke);
    }

    /// Functions of one service reading the tables of another: what makes real designs
    /// one connected graph rather than islands.
    void crossLink()
    {
        if (m_functions.empty() || m_tables.empty())
            return;
        std::uniform_int_distribution<std::size_t> f(0, m_functions.size() - 1);
        std::uniform_int_distribution<std::size_t> t(0, m_tables.size() - 1);
        edge(m_functions[f(m_rng)], m_tables[t(m_rng)], ConnectionKind::Read);
    }

    std::mt19937 &rng() { return m_rng; }

private:
    Architecture m_arch;
    std::mt19937 m_rng;
    std::vector<NodeId> m_functions;
    std::vector<NodeId> m_tables;
    int m_next = 0;
};

} // namespace

Architecture syntheticDesign(int services, std::uint32_t seed)
{
    Builder b(seed);
    std::discrete_distribution<int> motif({5, 3, 2, 2});
    while (b.nodeCount() < services) {
        switch (motif(b.rng())) {
        case 0:
            b.apiService();
            break;
        case 1:
            b.eventPipeline();
            break;
        case 2:
            b.streamPipeline();
            break;
        default:
            b.scheduledJob();
            break;
        }
    }
    while (b.edgeCount() < services * 2)
        b.crossLink();
    Architecture arch = b.take();
    arch.setName("Synthetic design");
    return arch;
}

Architecture hubDesign(int services)
{
    Architecture arch;
    arch.setName("Hub design");
    Node hub;
    hub.id = NodeId("hub");
    hub.type = "lambda-function";
    hub.name = "Hub";
    arch.addNode(hub);
    for (int i = 0; i < services / 2; ++i) {
        for (const char *type : {"sqs-queue", "dynamodb-table"}) {
            Node n;
            n.id = NodeId(std::string(type) + '-' + std::to_string(i));
            n.type = type;
            n.name = type;
            n.position = {double((i % 60) * 200), double((i / 60) * 110)};
            arch.addNode(n);
            Edge e;
            e.id = EdgeId("e-" + n.id.str());
            const bool queue = n.type == "sqs-queue";
            e.source = queue ? n.id : hub.id;
            e.target = queue ? hub.id : n.id;
            e.kind = queue ? ConnectionKind::Poll : ConnectionKind::Write;
            arch.addEdge(e);
        }
    }
    return arch;
}

} // namespace nimbus::bench
