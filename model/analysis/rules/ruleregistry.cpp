// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// The documented list of validation rules. docs/rules.md is generated from it
// (nimbus rules --format markdown) and a test keeps the two equal.

#include <model/analysis/validate.h>
#include <model/core/catalog.h>

#include <map>

namespace nimbus::model {

namespace {

const std::vector<RuleInfo> kBuiltinRules = {
    {"catalog/unknown-type", Severity::Error, "Unknown service type",
     "A node names a service type that is neither in the catalog nor a CloudFormation resource "
     "type (AWS::..., Custom::...)."},
    {"properties/invalid-value", Severity::Error, "Property value not accepted",
     "A node or connection property has a value of the wrong type, outside the range the "
     "service accepts, or not among its choices. This covers, among others, a Lambda timeout "
     "above 900 s or memory outside 128-10,240 MB, and SQS timeouts and sizes outside their "
     "ranges."},
    {"properties/unknown", Severity::Warning, "Unknown property",
     "A node or connection sets a property its type does not have; it is kept but has no effect."},
    {"properties/environment-invalid", Severity::Error, "Environment variable not accepted",
     "An entry of a function's or container's environment variables has no '=', repeats a "
     "name, has a name other than a letter followed by letters, digits or '_' (at least two "
     "characters: what CloudFormation accepts for Lambda, also required of containers), or, "
     "for Lambda, a name the runtime reserves (_HANDLER, AWS_REGION, "
     "AWS_LAMBDA_FUNCTION_NAME, LAMBDA_TASK_ROOT, TZ ...). The template export refuses it."},
    {"wiring/not-supported", Severity::Error, "Connection not supported",
     "AWS offers no direct integration from the source service to the target (for example an "
     "HTTP API to a DynamoDB table, or SQS forwarding to SNS). The message gives the reason and "
     "the usual way round it."},
    {"wiring/kind-not-supported", Severity::Error, "Connection kind not supported",
     "The pair can be connected, but not in the way drawn (for example S3 notifications invoke "
     "a function asynchronously, never synchronously)."},
    {"wiring/invalid-destination", Severity::Error, "Invalid failure destination",
     "An on-failure, on-success or dead-letter connection goes to a service AWS does not accept "
     "there: Lambda destinations are standard SQS queues, standard SNS topics, functions, "
     "EventBridge buses or (on failure) S3 buckets; dead-letter queues are SQS queues (or SNS "
     "topics for functions)."},
    {"wiring/dlq-type-mismatch", Severity::Error, "Dead-letter queue of the wrong type",
     "A FIFO queue has a standard dead-letter queue or the reverse; SQS requires both to be of "
     "the same type."},
    {"wiring/fifo-order-lost", Severity::Warning, "FIFO source into a standard queue",
     "A FIFO topic delivers to a standard SQS queue, which keeps neither the order nor the "
     "deduplication the topic provides."},
    {"wiring/no-source", Severity::Warning, "Nothing feeds this service",
     "A function, queue, topic, stream, API or rule has no incoming connection, so it never runs "
     "and carries no traffic in the estimate."},
    {"wiring/island", Severity::Info, "Disconnected part",
     "Some services are not connected to the largest part of the design."},
    {"loops/recursive-undetected", Severity::Error, "Recursive loop AWS does not stop",
     "A cycle through a function also passes through DynamoDB Streams, Kinesis, EventBridge or "
     "Firehose, which Lambda's recursive loop detection does not cover: it can run and bill "
     "without end."},
    {"loops/recursive-detected", Severity::Warning, "Recursive loop",
     "A cycle through functions, SQS, SNS and S3 only: Lambda stops it after about 16 "
     "invocations (unless a function sets RecursiveLoop to Allow), but it is almost always a "
     "mistake."},
    {"loops/cycle", Severity::Warning, "Cycle",
     "Traffic returns to where it started; the path is given. The estimate does not follow "
     "traffic round a cycle."},
    {"timeouts/sync-chain", Severity::Error, "Synchronous chain longer than the caller waits",
     "The summed timeouts of functions (and durations of synchronous state machines and "
     "endpoints) behind an API, AppSync API or load balancer exceed its limit: 29 s for REST "
     "APIs (a warning for Regional and private APIs, whose quota can be raised), 30 s for HTTP "
     "APIs and AppSync, the idle timeout for load balancers. Found with a longest-path search "
     "over synchronous connections."},
    {"timeouts/sqs-visibility", Severity::Error, "Visibility timeout shorter than the function",
     "An SQS queue's visibility timeout is below the timeout of the function that consumes it; "
     "Lambda refuses to create the event source mapping."},
    {"timeouts/sqs-visibility-short", Severity::Warning, "Visibility timeout below 6x the function",
     "AWS recommends a visibility timeout of at least six times the consuming function's "
     "timeout, so that retried batches are not processed twice."},
    {"timeouts/express-duration", Severity::Error, "Express workflow over 5 minutes",
     "An Express state machine's duration exceeds the 5-minute limit of Express workflows."},
    {"timeouts/default-timeout", Severity::Info, "Default 3-second timeout",
     "A function that calls other services has no timeout set, so Lambda's 3 s default applies."},
    {"limits/payload-size", Severity::Error, "Payload too large",
     "The payload propagated from the entry points exceeds what the receiving service accepts: "
     "6 MB for a synchronous and 1 MB for an asynchronous Lambda invocation, 1 MB from a load "
     "balancer, the queue's or topic's maximum message size, 256 KB for EventBridge and Step "
     "Functions, the stream's record size, 10 MB for API Gateway, 400 KB for a DynamoDB item."},
    {"limits/lambda-concurrency", Severity::Error, "Reserved concurrency too low",
     "By Little's law (peak requests per second x average duration) a function needs more "
     "concurrent executions than its reserved concurrency allows."},
    {"limits/account-concurrency", Severity::Warning, "Account concurrency exceeded",
     "All functions together need more concurrent executions at peak than the account limit "
     "(1,000 per region by default)."},
    {"limits/kinesis-shards", Severity::Warning, "Not enough Kinesis shards",
     "A provisioned stream receives more than 1,000 records/s or 1 MB/s per shard at peak."},
    {"limits/dynamodb-throughput", Severity::Warning, "Table throughput exceeded",
     "Read or write units needed at peak (from item size and request rates) exceed the "
     "provisioned capacity or the on-demand table maximum (40,000)."},
    {"limits/dynamodb-partition", Severity::Info, "Partition key must spread writes",
     "A table takes more than 1,000 write units per second, the most a single partition key "
     "can absorb."},
    {"limits/api-throttle", Severity::Warning, "API Gateway account throttle",
     "The APIs of the design together receive more than the account's 10,000 requests/s."},
    {"limits/sqs-fifo-throughput", Severity::Warning, "FIFO queue throughput",
     "A FIFO queue without high-throughput mode receives more than 300 messages/s (3,000 in "
     "batches)."},
    {"limits/eventbridge-targets", Severity::Error, "Too many rule targets",
     "An EventBridge rule has more than 5 targets."},
    {"limits/stack-resources", Severity::Error, "Over 500 resources per stack",
     "After the SAM transform (roles, permissions, event source mappings) the design would need "
     "more than 500 CloudFormation resources in one stack."},
    {"limits/environment-size", Severity::Error, "Environment variables over 4 KB",
     "A function's own environment variables (names and values) already exceed the 4 KB Lambda "
     "allows for all of them."},
    {"reliability/async-no-failure-destination", Severity::Warning, "No failure destination",
     "A function invoked asynchronously (by S3, SNS, EventBridge, IoT, schedules) has neither an "
     "on-failure destination nor a dead-letter queue, so events that fail after the retries are "
     "lost."},
    {"reliability/queue-no-redrive", Severity::Warning, "Queue without dead-letter queue",
     "A consumed queue has no redrive policy: a message that cannot be processed is retried "
     "until it expires."},
    {"reliability/stream-no-failure-path", Severity::Warning,
     "Stream consumer without failure path",
     "A function reading a Kinesis or DynamoDB stream has no on-failure destination; a failing "
     "record blocks its shard until it expires."},
    {"security/public-api-no-auth", Severity::Warning, "Public API without authorizer",
     "An API called from outside AWS (directly or through CloudFront) has no authorizer and no "
     "connected user pool; for AppSync, an API key alone."},
    {"security/secret-in-environment", Severity::Warning, "Secret in an environment variable",
     "A function or container sets an environment variable whose name or value looks like a "
     "secret. Names: the words PASSWORD, PASSWD, PASS, PWD, PASSPHRASE, SECRET, TOKEN, "
     "CREDENTIAL, AUTHORIZATION, APIKEY or WEBHOOK, the phrases API_KEY, ACCESS_KEY, "
     "PRIVATE_KEY, SSH_KEY, SIGNING_KEY, ENCRYPTION_KEY, AUTH_HEADER, CONNECTION_STRING, "
     "CONN_STR, and names ending in DATABASE_URL, DB_URL or WEBHOOK_URL, unless the last word "
     "makes the name a pointer or setting (TOKEN_TABLE, SECRET_ARN, KMS_KEY_ID, "
     "PASSWORD_MIN_LENGTH). Values: URLs with a password, Password= in a connection string, "
     "AWS access key ids, private key blocks, Slack, GitHub, GitLab, Stripe, OpenAI, Google, "
     "SendGrid and npm tokens, Slack and Discord webhook URLs, JSON Web Tokens, Bearer/Basic "
     "credentials and long random keys. References ({{resolve:...}}, ARNs of secrets, SSM "
     "parameters and KMS keys) are not secrets in clear. The message shows the value masked; "
     "the template export writes such a value as a Secrets Manager dynamic reference."},
    {"security/startup-hook-variable", Severity::Warning, "Variable that runs code at start",
     "A function sets AWS_LAMBDA_EXEC_WRAPPER (a wrapper script the runtime runs first) or "
     "LD_PRELOAD. AWS allows both, so they are not refused, but the code they name runs before "
     "the function's own."},
    {"security/wildcard-permissions", Severity::Warning, "Broad permissions",
     "A function is given wildcard actions or full-access managed policies in addition to the "
     "scoped permissions its connections grant."},
    {"cost/function-calls-function", Severity::Warning, "Function calls function synchronously",
     "One function waits for another and pays for both durations."},
    {"cost/idle-provisioned-concurrency", Severity::Warning, "Idle provisioned concurrency",
     "Provisioned concurrency is more than five times what the expected peak needs."},
    {"cost/idle-provisioned-capacity", Severity::Warning, "Idle provisioned table capacity",
     "A provisioned table's read or write units are more than five times what the expected "
     "peak needs."},
    {"cost/standard-workflow-high-volume", Severity::Info, "Standard workflow at high volume",
     "A Standard state machine runs over a million short executions a month; Express "
     "workflows usually cost much less."},
};

} // namespace

std::vector<RuleInfo> validationRules(const Catalog &catalog)
{
    std::vector<RuleInfo> rules = kBuiltinRules;
    // Property conditions of connection rules are rules too; one entry per id, listing
    // every connection it applies to.
    std::map<std::string, RuleInfo> conditions;
    for (const ConnectionRule &connection : catalog.connections().rules()) {
        for (const RefuseCondition &c : connection.refuseWhen) {
            RuleInfo &info = conditions[c.rule];
            if (info.id.empty()) {
                info = {c.rule, Severity::Error, c.message, ""};
            }
            const ServiceType *from = catalog.type(connection.from);
            const ServiceType *to = catalog.type(connection.to);
            info.description += std::string(info.description.empty() ? "" : " ") + (from ? from->name : connection.from)
                                + " -> " + (to ? to->name : connection.to) + " when the "
                                + (c.side == RefuseCondition::Side::Source ? "source" : "target")
                                + "'s " + c.property + " is " + c.equals + ": " + c.message;
        }
    }
    for (auto &[id, info] : conditions)
        rules.push_back(std::move(info));
    return rules;
}

} // namespace nimbus::model
