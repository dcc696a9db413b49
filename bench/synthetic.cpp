// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "synthetic.h"

#include <random>
#include <string>
#include <vector>

namespace nimbus::bench {

using namespace model;

namespace {

struct Slot
{
    const char *type;
    int weight;
};

// Roughly the proportions of real serverless estates: many functions, fewer data stores.
const Slot kMix[] = {
    {"client", 2},        {"apigw-rest-api", 3}, {"apigw-http-api", 3}, {"lambda-function", 40},
    {"dynamodb-table", 12}, {"sqs-queue", 12},   {"sns-topic", 6},      {"s3-bucket", 8},
    {"kinesis-stream", 4},  {"eventbridge-bus", 3}, {"step-functions", 4}, {"eventbridge-schedule", 3},
};

} // namespace

Architecture syntheticDesign(int services, std::uint32_t seed)
{
    std::mt19937 rng(seed);
    std::vector<int> weights;
    for (const Slot &s : kMix)
        weights.push_back(s.weight);
    std::discrete_distribution<int> pick(weights.begin(), weights.end());

    Architecture arch;
    arch.setName("Synthetic design");
    std::vector<std::vector<NodeId>> byType(std::size(kMix));
    for (int i = 0; i < services; ++i) {
        const int slot = pick(rng);
        Node node;
        node.id = NodeId(std::string(kMix[slot].type) + '-' + std::to_string(i));
        node.type = kMix[slot].type;
        node.name = node.id.str();
        node.position = {double((i % 50) * 200), double((i / 50) * 120)};
        if (node.type == "lambda-function") {
            node.properties["memoryMb"] = std::int64_t(128 << (i % 4));
            node.properties["timeoutSeconds"] = std::int64_t(30);
        }
        byType[std::size_t(slot)].push_back(node.id);
        arch.addNode(std::move(node));
    }
    auto any = [&](int slot) -> const NodeId * {
        auto &list = byType[std::size_t(slot)];
        if (list.empty())
            return nullptr;
        return &list[std::uniform_int_distribution<std::size_t>(0, list.size() - 1)(rng)];
    };
    // Edges: each wiring pattern picks random ends of the right types.
    const struct { int from; int to; ConnectionKind kind; } patterns[] = {
        {0, 1, ConnectionKind::SyncInvoke}, {0, 2, ConnectionKind::SyncInvoke},
        {1, 3, ConnectionKind::SyncInvoke}, {2, 3, ConnectionKind::SyncInvoke},
        {3, 4, ConnectionKind::Write},      {3, 4, ConnectionKind::Read},
        {3, 5, ConnectionKind::Publish},    {5, 3, ConnectionKind::Poll},
        {3, 6, ConnectionKind::Publish},    {6, 5, ConnectionKind::Subscribe},
        {7, 3, ConnectionKind::AsyncInvoke}, {8, 3, ConnectionKind::Stream},
        {9, 3, ConnectionKind::AsyncInvoke}, {10, 3, ConnectionKind::SyncInvoke},
        {11, 3, ConnectionKind::Trigger},   {3, 7, ConnectionKind::Write},
    };
    const int edgeTarget = services * 2;
    for (int made = 0, attempt = 0; made < edgeTarget && attempt < edgeTarget * 20; ++attempt) {
        const auto &p = patterns[std::size_t(attempt) % std::size(patterns)];
        const NodeId *from = any(p.from);
        const NodeId *to = any(p.to);
        if (!from || !to || *from == *to)
            continue;
        Edge edge;
        edge.id = EdgeId("e-" + std::to_string(made));
        edge.source = *from;
        edge.target = *to;
        edge.kind = p.kind;
        if (arch.addEdge(std::move(edge)))
            ++made;
    }
    return arch;
}

} // namespace nimbus::bench
