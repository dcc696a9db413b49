// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// Reliability: asynchronous invocations without a failure destination or dead-letter
// queue, consumed queues without a redrive policy, and stream consumers without a
// failure path (a poison record blocks a shard until it expires).

#include "rulecontext.h"

namespace nimbus::model {

namespace {

bool hasOutgoing(const RuleContext &c, const Node &node, std::initializer_list<const char *> purposes)
{
    for (const Edge *e : c.outgoing(node)) {
        const std::string purpose = edgePurpose(*e);
        for (const char *p : purposes) {
            if (purpose == p)
                return true;
        }
    }
    return false;
}

void checkAsyncFunction(const RuleContext &c, const Node &fn)
{
    std::vector<EdgeId> asyncEdges;
    std::vector<NodeId> nodes{fn.id};
    for (const Edge *e : c.incoming(fn)) {
        if (e->kind == ConnectionKind::AsyncInvoke && edgePurpose(*e) == "data") {
            asyncEdges.push_back(e->id);
            nodes.push_back(e->source);
        }
    }
    if (asyncEdges.empty() || hasOutgoing(c, fn, {"on-failure", "dead-letter"}))
        return;
    c.add({"reliability/async-no-failure-destination", Severity::Warning,
           "'" + fn.name + "' is invoked asynchronously but has no on-failure destination or "
                           "dead-letter queue; events that still fail after "
               + formatAmount(c.number(fn, "maximumRetryAttempts", 2)) + " retries are lost",
           nodes, asyncEdges,
           "Connect an SQS queue, SNS topic, EventBridge bus or bucket with purpose on-failure "
           "(or a dead-letter queue).",
           "https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html"});
}

void checkQueueRedrive(const RuleContext &c, const Node &queue)
{
    bool consumed = false;
    for (const Edge *e : c.outgoing(queue))
        consumed |= e->kind == ConnectionKind::Poll && edgePurpose(*e) == "data";
    bool isDeadLetterQueue = false;
    for (const Edge *e : c.incoming(queue))
        isDeadLetterQueue |= edgePurpose(*e) != "data";
    if (!consumed || isDeadLetterQueue || hasOutgoing(c, queue, {"dead-letter"}))
        return;
    c.add({"reliability/queue-no-redrive", Severity::Warning,
           "Queue '" + queue.name + "' has no dead-letter queue: a message its consumer cannot "
                                    "process is retried until it expires after "
               + formatAmount(c.number(queue, "messageRetentionSeconds", 345600) / 86400) + " days",
           {queue.id}, {},
           "Add a second queue and connect it with purpose dead-letter (redrive after "
               + formatAmount(c.number(queue, "maxReceiveCount", 5)) + " receives).",
           "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html"});
}

void checkStreamConsumer(const RuleContext &c, const Edge &edge)
{
    if (edge.kind != ConnectionKind::Stream || edgePurpose(edge) != "data")
        return;
    const Node &fn = c.target(edge);
    if (!c.isType(fn, "lambda-function") || hasOutgoing(c, fn, {"on-failure", "dead-letter"}))
        return;
    const Node &stream = c.source(edge);
    c.add({"reliability/stream-no-failure-path", Severity::Warning,
           "'" + fn.name + "' reads " + c.label(stream) + " without an on-failure destination; "
               "by default a record that keeps failing is retried until it expires and blocks its shard",
           {stream.id, fn.id}, {edge.id},
           "Connect an SQS queue or SNS topic with purpose on-failure, and limit retries or record age.",
           "https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html"});
}

} // namespace

void checkReliability(const RuleContext &c)
{
    for (const Node &node : c.architecture.nodes()) {
        if (c.isType(node, "lambda-function"))
            checkAsyncFunction(c, node);
        else if (c.isType(node, "sqs-queue"))
            checkQueueRedrive(c, node);
    }
    for (const Edge &edge : c.architecture.edges())
        checkStreamConsumer(c, edge);
}

} // namespace nimbus::model
