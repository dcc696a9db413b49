// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// Cost traps: a function waiting on another function (paying twice), provisioned
// concurrency or capacity that the expected traffic leaves idle, and Standard state
// machines for high-volume short workflows where Express costs far less.

#include "rulecontext.h"

#include <cmath>

namespace nimbus::model {

namespace {

void checkFunctionCallsFunction(const RuleContext &c, const Edge &edge)
{
    if (edge.kind != ConnectionKind::SyncInvoke || edgePurpose(edge) != "data")
        return;
    const Node &from = c.source(edge);
    const Node &to = c.target(edge);
    if (!c.isType(from, "lambda-function") || !c.isType(to, "lambda-function"))
        return;
    c.add({"cost/function-calls-function", Severity::Warning,
           "'" + from.name + "' calls '" + to.name + "' synchronously and pays for its own time "
                                                     "while it waits",
           {from.id, to.id}, {edge.id},
           "Invoke asynchronously, pass work through a queue, or orchestrate with Step Functions.",
           "https://docs.aws.amazon.com/lambda/latest/operatorguide/functions-calling-functions.html"});
}

void checkProvisionedConcurrency(const RuleContext &c, const Node &node)
{
    const double provisioned = c.number(node, "provisionedConcurrency", 0);
    if (provisioned <= 0)
        return;
    const double needed = c.load(node).peakRps * c.number(node, "averageDurationMs", 100) / 1000;
    if (needed >= provisioned * 0.2)
        return;
    c.add({"cost/idle-provisioned-concurrency", Severity::Warning,
           "'" + node.name + "' keeps " + formatAmount(provisioned) + " environments provisioned but "
               "needs about " + formatAmount(std::ceil(needed)) + " at peak; the rest is paid for and idle",
           {node.id}, {},
           "Lower the provisioned concurrency to the peak need, or schedule it only for busy hours.",
           "https://docs.aws.amazon.com/lambda/latest/dg/provisioned-concurrency.html"});
}

void checkProvisionedTable(const RuleContext &c, const Node &node)
{
    if (c.text(node, "capacityMode") != "PROVISIONED")
        return;
    const auto [reads, writes] = tableDemand(c, node);
    const double rcu = c.number(node, "readCapacityUnits", 0);
    const double wcu = c.number(node, "writeCapacityUnits", 0);
    if ((rcu > 0 && reads < rcu * 0.2) || (wcu > 0 && writes < wcu * 0.2))
        c.add({"cost/idle-provisioned-capacity", Severity::Warning,
               "Table '" + node.name + "' provisions " + formatAmount(rcu) + " read and " + formatAmount(wcu)
                   + " write units but needs about " + formatAmount(std::ceil(reads)) + " and "
                   + formatAmount(std::ceil(writes)) + " at peak; most of the capacity is idle",
               {node.id}, {},
               "Use on-demand capacity, or lower the provisioned units and enable auto scaling.",
               "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/capacity-mode.html"});
}

void checkStandardWorkflow(const RuleContext &c, const Node &node)
{
    if (c.text(node, "workflowType") != "STANDARD")
        return;
    const double monthly = c.load(node).requestsPerMonth;
    const double seconds = c.number(node, "averageDurationMs", 0) / 1000;
    if (monthly < 1'000'000 || seconds > 300)
        return;
    c.add({"cost/standard-workflow-high-volume", Severity::Info,
           "State machine '" + node.name + "' runs " + formatAmount(monthly) + " Standard executions a "
               "month of about " + formatAmount(seconds) + " s; Express workflows bill by duration "
               "and usually cost much less at this volume",
           {node.id}, {},
           "Use an Express workflow if the executions need no exactly-once semantics, waits over "
           "5 minutes or callbacks.",
           "https://docs.aws.amazon.com/step-functions/latest/dg/concepts-standard-vs-express.html"});
}

} // namespace

void checkCostTraps(const RuleContext &c)
{
    for (const Edge &edge : c.architecture.edges())
        checkFunctionCallsFunction(c, edge);
    for (const Node &node : c.architecture.nodes()) {
        if (c.isType(node, "lambda-function"))
            checkProvisionedConcurrency(c, node);
        else if (c.isType(node, "dynamodb-table"))
            checkProvisionedTable(c, node);
        else if (c.isType(node, "step-functions"))
            checkStandardWorkflow(c, node);
    }
}

} // namespace nimbus::model
