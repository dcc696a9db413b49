// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// Payload sizes: the payload that reaches each connection (propagated from the entry
// points) against what the receiving service accepts. Limits come from the catalog.

#include "rulecontext.h"

#include <functional>

namespace nimbus::model {

namespace {

struct PayloadLimit
{
    double kb = 0;
    std::string what;
    std::string docs;
};

/// The largest payload `target` accepts over `edge`, if it has a limit. Messages are
/// built only when `describe` is set, for the edges that break a limit: validation runs on
/// every edit and must not format text for thousands of edges that are fine.
std::optional<PayloadLimit> payloadLimit(const RuleContext &c, const Edge &edge, bool describe)
{
    const Node &from = c.source(edge);
    const Node &to = c.target(edge);
    auto limit = [&](double kb, const auto &what, const char *docs) {
        return std::optional<PayloadLimit>(PayloadLimit{kb, describe ? std::string(what()) : std::string(), docs});
    };
    const char *const lambdaDocs = "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html";
    if (c.isType(to, "lambda-function")) {
        if (c.isType(from, "alb")) {
            const double mb = c.limit(from, "lambdaRequestBodyMax", 1);
            return limit(mb * 1024, [&] { return "the " + formatAmount(mb) + " MB request body a load balancer passes to Lambda"; },
                         "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html");
        }
        if (edge.kind == ConnectionKind::SyncInvoke) {
            const double mb = c.limit(to, "syncPayloadMax", 6);
            return limit(mb * 1024, [&] { return "the " + formatAmount(mb) + " MB limit of a synchronous invocation"; }, lambdaDocs);
        }
        if (edge.kind == ConnectionKind::AsyncInvoke) {
            const double mb = c.limit(to, "asyncPayloadMax", 1);
            return limit(mb * 1024, [&] { return "the " + formatAmount(mb) + " MB limit of an asynchronous invocation"; }, lambdaDocs);
        }
        return std::nullopt; // pollers batch records; each record was checked on the way in
    }
    if (c.isType(to, "sqs-queue") || c.isType(to, "sns-topic")) {
        const double kb = c.number(to, "maxMessageSizeBytes", 262144) / 1024;
        const bool queue = c.isType(to, "sqs-queue");
        return limit(kb, [&] { return std::string(queue ? "the queue's" : "the topic's") + " maximum message size of " + formatAmount(kb) + " KB"; },
                     queue ? "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html"
                           : "https://docs.aws.amazon.com/sns/latest/dg/large-message-payloads.html");
    }
    if (c.isType(to, "eventbridge-bus") && c.text(to, "busModel") != "eventsV2") {
        const double kb = c.limit(to, "putEventsEntryMax", 256);
        return limit(kb, [&] { return "EventBridge's " + formatAmount(kb) + " KB event size"; },
                     "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-putevent-size.html");
    }
    if (c.isType(to, "step-functions")) {
        const double kb = c.limit(to, "payloadMax", 262144) / 1024;
        return limit(kb, [&] { return "Step Functions' " + formatAmount(kb) + " KB input limit"; },
                     "https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html");
    }
    if (c.isType(to, "kinesis-stream")) {
        const double kb = c.number(to, "maxRecordSizeKib", 1024);
        return limit(kb, [&] { return "the stream's " + formatAmount(kb) + " KiB record size"; },
                     "https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html");
    }
    if (c.isType(to, "apigw-rest-api") || c.isType(to, "apigw-http-api")) {
        const double mb = c.limit(to, "payloadMax", 10);
        return limit(mb * 1024, [&] { return "API Gateway's " + formatAmount(mb) + " MB payload limit"; },
                     "https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html");
    }
    if (c.isType(to, "dynamodb-table") && edge.kind == ConnectionKind::Write) {
        const double kb = c.limit(to, "itemSizeMax", 400);
        return limit(kb, [&] { return "DynamoDB's " + formatAmount(kb) + " KB item size"; },
                     "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html");
    }
    return std::nullopt;
}

std::string sizeText(double kb)
{
    return kb >= 1024 ? formatAmount(kb / 1024) + " MB" : formatAmount(kb) + " KB";
}

} // namespace

void checkPayloads(const RuleContext &c)
{
    for (const Edge &edge : c.architecture.edges()) {
        if (edgePurpose(edge) != "data")
            continue;
        const double payload = c.load(edge).payloadKb;
        if (payload <= 0)
            continue;
        const auto quick = payloadLimit(c, edge, false);
        if (!quick || payload <= quick->kb + 1e-9)
            continue;
        const auto limit = payloadLimit(c, edge, true);
        const Node &from = c.source(edge);
        const Node &to = c.target(edge);
        c.add({"limits/payload-size", Severity::Error,
               "'" + from.name + "' passes payloads of up to " + sizeText(payload) + " to " + c.label(to)
                   + ", over " + limit->what,
               {from.id, to.id}, {edge.id},
               "Store large payloads in S3 and pass a reference (claim check), or reduce the "
               "payload at the entry point.",
               limit->docs});
    }
}

} // namespace nimbus::model
