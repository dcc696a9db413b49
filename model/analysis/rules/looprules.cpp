// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// Loops: every cycle, reported with its path. Lambda's recursive loop detection stops
// loops that pass only through Lambda, SQS, SNS and S3 after about 16 invocations; loops
// through DynamoDB Streams, Kinesis or EventBridge run (and bill) until someone notices.
// Source: https://docs.aws.amazon.com/lambda/latest/dg/invocation-recursion.html

#include "rulecontext.h"

#include <set>

namespace nimbus::model {

namespace {

const char *const kRecursionDoc = "https://docs.aws.amazon.com/lambda/latest/dg/invocation-recursion.html";

const std::set<std::string> kDetected = {"lambda-function", "sqs-queue", "sns-topic", "s3-bucket"};
const std::set<std::string> kUndetected = {"dynamodb-table", "kinesis-stream", "eventbridge-bus",
                                           "eventbridge-rule", "eventbridge-pipe", "firehose-stream"};

} // namespace

void checkLoops(const RuleContext &c)
{
    for (const auto &component : c.graph.cycles()) {
        const ArchitectureGraph::Cycle cycle = c.graph.cycleThrough(component);
        std::string path;
        for (std::size_t i = 0; i < cycle.nodes.size(); ++i)
            path += (i ? " -> " : "") + c.architecture.node(cycle.nodes[i])->name;
        bool hasFunction = false;
        bool allDetected = true;
        std::string undetected;
        bool allowed = false;
        for (const NodeId &id : cycle.nodes) {
            const Node &node = *c.architecture.node(id);
            hasFunction |= c.isType(node, "lambda-function");
            allDetected &= kDetected.count(node.type) != 0;
            if (kUndetected.count(node.type) && undetected.empty())
                undetected = c.label(node);
            if (c.isType(node, "lambda-function") && c.text(node, "recursiveLoop") == "Allow")
                allowed = true;
        }
        std::vector<NodeId> nodes(cycle.nodes.begin(), cycle.nodes.end() - (cycle.nodes.empty() ? 0 : 1));
        if (hasFunction && !undetected.empty()) {
            c.add({"loops/recursive-undetected", Severity::Error,
                   "Recursive loop " + path + ": it passes through " + undetected
                       + ", which Lambda's loop detection does not cover, so it can run and bill "
                         "without end",
                   nodes, cycle.edges,
                   "Break the loop: write to a different table, stream or bus than the one that "
                   "triggers the function, or filter out the function's own events.",
                   kRecursionDoc});
        } else if (hasFunction && allDetected) {
            c.add({"loops/recursive-detected", Severity::Warning,
                   "Recursive loop " + path
                       + (allowed ? ": a function in it sets RecursiveLoop to Allow, so AWS will "
                                    "not stop it"
                                  : ": Lambda stops it after about 16 invocations, but every "
                                    "event still goes round until then"),
                   nodes, cycle.edges,
                   "Use separate resources for input and output (for example two buckets or "
                   "two queues), or a prefix or filter that the output never matches.",
                   kRecursionDoc});
        } else {
            c.add({"loops/cycle", Severity::Warning,
                   "Cycle " + path + ": traffic returns to where it started, so the estimate "
                                     "cannot follow it round",
                   nodes, cycle.edges,
                   "Check that the loop ends (a condition, a counter, a filter), or remove the "
                   "connection that closes it.",
                   ""});
        }
    }
}

} // namespace nimbus::model
