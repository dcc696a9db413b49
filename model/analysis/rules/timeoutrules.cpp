// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// Timeouts: synchronous chains behind an API that can outlast its integration timeout,
// SQS visibility timeouts shorter than the consuming function's timeout, Express state
// machines that run longer than five minutes, and functions left at the 3-second default.

#include "rulecontext.h"

namespace nimbus::model {

namespace {

struct CallerLimit
{
    double seconds = 0;
    bool hard = true; ///< false when the quota can be raised (Regional/private REST APIs)
    std::string what;
    std::string docs;
};

/// The integration timeout of a node that waits for a synchronous chain, if it is one.
std::optional<CallerLimit> callerLimit(const RuleContext &c, const Node &node, bool describe)
{
    // `describe` builds the text; it is false for the quick check every caller gets.
    auto text = [&](const std::string &what) { return describe ? what : std::string(); };
    if (c.isType(node, "apigw-rest-api")) {
        const double ms = c.number(node, "integrationTimeoutMs", 29000);
        const bool edge = c.text(node, "endpointType") == "EDGE";
        return CallerLimit{ms / 1000, edge || ms <= 29000,
                           describe ? text("the " + formatAmount(ms / 1000) + " s integration timeout of REST API '" + node.name + "'") : "",
                           "https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html"};
    }
    if (c.isType(node, "apigw-http-api")) {
        const double ms = c.number(node, "integrationTimeoutMs", 30000);
        return CallerLimit{ms / 1000, true,
                           describe ? text("the " + formatAmount(ms / 1000) + " s integration timeout of HTTP API '" + node.name + "'") : "",
                           "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html"};
    }
    if (c.isType(node, "appsync-api")) {
        const double s = c.limit(node, "requestExecutionMax", 30);
        return CallerLimit{s, true,
                           describe ? text("AppSync's " + formatAmount(s) + " s request limit on '" + node.name + "'") : "",
                           "https://docs.aws.amazon.com/appsync/latest/devguide/what-is-appsync.html"};
    }
    if (c.isType(node, "alb")) {
        const double s = c.number(node, "idleTimeoutSeconds", 60);
        return CallerLimit{s, false,
                           describe ? text("the " + formatAmount(s) + " s idle timeout of load balancer '" + node.name + "'") : "",
                           "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html"};
    }
    return std::nullopt;
}

bool isCallerType(const Node &node)
{
    return node.type == "apigw-rest-api" || node.type == "apigw-http-api"
           || node.type == "appsync-api" || node.type == "alb";
}

/// Worst-case seconds a node adds to a synchronous chain.
double latencyBudget(const RuleContext &c, const Node &node)
{
    if (isCallerType(node))
        return 0;
    if (c.isType(node, "lambda-function"))
        return c.number(node, "timeoutSeconds", 3);
    if (c.isType(node, "step-functions"))
        return c.number(node, "averageDurationMs", 0) / 1000;
    if (c.isType(node, "sagemaker-serverless-endpoint"))
        return c.number(node, "averageInferenceMs", 0) / 1000;
    return 0;
}

void checkSyncChains(const RuleContext &c)
{
    // Another API on the path starts a budget of its own, so edges into one are not followed.
    const auto &nodes = c.architecture.nodes();
    const auto &edges = c.architecture.edges();
    const auto paths = c.graph.heaviestPaths(
        [&](std::size_t e) {
            return edges[e].kind == ConnectionKind::SyncInvoke && edgePurpose(edges[e]) == "data"
                   && !isCallerType(nodes[c.graph.targetIndex(e)]);
        },
        [&](std::size_t v) { return latencyBudget(c, nodes[v]); });
    if (!paths)
        return; // a synchronous cycle: reported by the loop rules
    for (const Node &caller : c.architecture.nodes()) {
        const std::size_t index = c.architecture.indexOf(caller);
        if (!isCallerType(caller) || paths->total(index) <= 0)
            continue;
        const auto quick = callerLimit(c, caller, false);
        if (!quick || paths->total(index) <= quick->seconds + 1e-9)
            continue;
        const auto limit = callerLimit(c, caller, true);
        const ArchitectureGraph::Path path = paths->from(index);
        std::string chain;
        for (const NodeId &id : path.nodes) {
            const Node &n = *c.architecture.node(id);
            chain += (chain.empty() ? "" : " -> ") + n.name;
            if (latencyBudget(c, n) > 0)
                chain += " (" + formatAmount(latencyBudget(c, n)) + " s)";
        }
        c.add({"timeouts/sync-chain", limit->hard ? Severity::Error : Severity::Warning,
               "The synchronous chain " + chain + " can take " + formatAmount(path.total)
                   + " s, more than " + limit->what
                   + "; callers get a timeout error while the work goes on",
               path.nodes, path.edges,
               "Shorten the function timeouts on this path, or answer at once (202) and finish "
               "the work asynchronously through a queue or a state machine.",
               limit->docs});
    }
}

void checkVisibility(const RuleContext &c, const Edge &edge)
{
    const Node &queue = c.source(edge);
    const Node &fn = c.target(edge);
    if (!c.isType(queue, "sqs-queue") || !c.isType(fn, "lambda-function") || edgePurpose(edge) != "data")
        return;
    const double visibility = c.number(queue, "visibilityTimeoutSeconds", 30);
    const double timeout = c.number(fn, "timeoutSeconds", 3);
    const double ratio = c.limit(queue, "visibilityToTimeoutRatio", 6);
    const char *docs = "https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html";
    if (visibility < timeout) {
        c.add({"timeouts/sqs-visibility", Severity::Error,
               "Queue '" + queue.name + "' has a visibility timeout of " + formatAmount(visibility)
                   + " s, shorter than the " + formatAmount(timeout) + " s timeout of '" + fn.name
                   + "'; Lambda refuses to create the event source mapping",
               {queue.id, fn.id}, {edge.id},
               "Set the queue's visibility timeout to at least " + formatAmount(timeout * ratio)
                   + " s (" + formatAmount(ratio) + " times the function timeout).",
               docs});
    } else if (visibility < timeout * ratio) {
        c.add({"timeouts/sqs-visibility-short", Severity::Warning,
               "Queue '" + queue.name + "' has a visibility timeout of " + formatAmount(visibility)
                   + " s, less than " + formatAmount(ratio) + " times the " + formatAmount(timeout)
                   + " s timeout of '" + fn.name + "'; messages may be processed twice when "
                                                    "batches are retried",
               {queue.id, fn.id}, {edge.id},
               "Set the visibility timeout to at least " + formatAmount(timeout * ratio) + " s.",
               docs});
    }
}

} // namespace

void checkTimeouts(const RuleContext &c)
{
    checkSyncChains(c);
    for (const Edge &edge : c.architecture.edges())
        checkVisibility(c, edge);
    for (const Node &node : c.architecture.nodes()) {
        if (c.isType(node, "step-functions") && c.text(node, "workflowType") == "EXPRESS") {
            const double seconds = c.number(node, "averageDurationMs", 0) / 1000;
            const double max = c.limit(node, "expressDurationMax", 300);
            if (seconds > max)
                c.add({"timeouts/express-duration", Severity::Error,
                       "Express state machine '" + node.name + "' runs for " + formatAmount(seconds)
                           + " s, but Express workflows stop after " + formatAmount(max) + " s",
                       {node.id}, {},
                       "Use a Standard workflow, or split the work into shorter executions.",
                       "https://docs.aws.amazon.com/step-functions/latest/dg/concepts-standard-vs-express.html"});
        }
        if (c.isType(node, "lambda-function") && !c.isSet(node, "timeoutSeconds")) {
            bool callsOut = false;
            for (const Edge *e : c.outgoing(node))
                callsOut |= edgePurpose(*e) == "data";
            if (callsOut)
                c.add({"timeouts/default-timeout", Severity::Info,
                       "'" + node.name + "' calls other services but keeps Lambda's default "
                                          "3 s timeout",
                       {node.id}, {},
                       "Set a timeout that covers the slowest expected call, with some margin.",
                       "https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html"});
        }
    }
}

} // namespace nimbus::model
