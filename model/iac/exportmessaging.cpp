// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// Exporters of the messaging and streaming services: SQS queues, SNS topics, Kinesis data
// streams, Firehose delivery streams and IoT topic rules. Facts: CloudFormation resource
// reference
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-template-resource-type-ref.html
// and the AWS SAM specification (shared/reference/sam).
#include "cfntree.h"
#include "exporthelpers.h"
#include "exportservices.h"

#include <model/analysis/propertyaccess.h>

#include <algorithm>
#include <map>

namespace nimbus::model::iac::exporting {

namespace {

using namespace cfn;

// --- SQS ---------------------------------------------------------------------------------

void queueResources(ExportContext &c, const Node &n)
{
    const std::string &qid = lid(c, n);
    Tree &p = cfn::child(c.addResource(qid, "AWS::SQS::Queue", &n), "Properties");
    const bool fifo = prop(c, n, "queueType") == "fifo";
    if (fifo) {
        p.set("QueueName", stackScopedName(c, n, ".fifo"));
        p.set("FifoQueue", boolean(true));
        if (flag(c, n, "contentBasedDeduplication"))
            p.set("ContentBasedDeduplication", boolean(true));
        if (flag(c, n, "highThroughputFifo")) {
            p.set("DeduplicationScope", text("messageGroup"));
            p.set("FifoThroughputLimit", text("perMessageGroupId"));
        }
    }
    p.set("VisibilityTimeout", intNum(num(c, n, "visibilityTimeoutSeconds", 30)));
    p.set("MessageRetentionPeriod", intNum(num(c, n, "messageRetentionSeconds", 345600)));
    if (auto v = setNum(n, "maxMessageSizeBytes"))
        p.set("MaximumMessageSize", intNum(*v));
    if (auto v = setNum(n, "delaySeconds"))
        p.set("DelaySeconds", intNum(*v));
    if (auto v = setNum(n, "receiveWaitSeconds"))
        p.set("ReceiveMessageWaitTimeSeconds", intNum(*v));
    p.set("SqsManagedSseEnabled", boolean(prop(c, n, "sseEnabled") != "false"));
    c.addOutput(qid + "Url", "URL of the " + n.name + " queue", cfn::ref(qid));
}

bool queueOutgoing(ExportContext &c, const Edge &e, const Node &q, const Node &target)
{
    if (target.type == "sqs-queue") { // dead-letter queue
        c.properties(lid(c, q)).set(
            "RedrivePolicy", map({{"deadLetterTargetArn", getAtt(lid(c, target), "Arn")},
                                  {"maxReceiveCount", intNum(num(c, q, "maxReceiveCount", 5))}}));
        const std::string use = edgePurpose(e);
        if (use != "dead-letter" && use != "data")
            c.info(q.name + " -> " + target.name + " is written as the queue's dead-letter queue");
        return true;
    }
    // A pipe reads its source itself; a Fargate service's task role is granted the polling.
    return target.type == "eventbridge-pipe" || target.type == "fargate-service";
}

// --- SNS ---------------------------------------------------------------------------------

void topicResources(ExportContext &c, const Node &n)
{
    const std::string &tid = lid(c, n);
    Tree &p = cfn::child(c.addResource(tid, "AWS::SNS::Topic", &n), "Properties");
    if (prop(c, n, "topicType") == "fifo") {
        p.set("TopicName", stackScopedName(c, n, ".fifo"));
        p.set("FifoTopic", boolean(true));
        if (flag(c, n, "contentBasedDeduplication"))
            p.set("ContentBasedDeduplication", boolean(true));
    }
    if (flag(c, n, "sseEnabled"))
        p.set("KmsMasterKeyId", text("alias/aws/sns"));
    c.addOutput(tid + "Arn", "ARN of the " + n.name + " topic", cfn::ref(tid));
}

bool topicOutgoing(ExportContext &c, const Edge &, const Node &t, const Node &target)
{
    const std::string &topic = lid(c, t);
    const std::string &tid = lid(c, target);
    if (target.type == "sqs-queue") {
        const std::string sid = addSubscription(c, t, target, t, "sqs", getAtt(tid, "Arn"));
        c.properties(sid).set("RawMessageDelivery", boolean(true));
        if (c.sam()) {
            put(c, c.reserveId(topic + "To" + tid + "Connector"), "AWS::Serverless::Connector", &t,
                map({{"Source", map({{"Id", text(topic)}})},
                     {"Destination", map({{"Id", text(tid)}})},
                     {"Permissions", list({text("Write")})}}));
        } else {
            allowServiceToSend(c, target, "sns.amazonaws.com", cfn::ref(topic), t);
        }
        return true;
    }
    if (target.type == "firehose-stream") {
        const std::string sid = addSubscription(c, t, target, t, "firehose", getAtt(tid, "Arn"));
        const std::string role = c.serviceRole(t, "sns.amazonaws.com");
        c.grantStatement(t, {"firehose:PutRecord", "firehose:PutRecordBatch"}, getAtt(tid, "Arn"));
        c.properties(sid).set("SubscriptionRoleArn", getAtt(role, "Arn"));
        return true;
    }
    if (target.type == "apigw-rest-api" || target.type == "apigw-http-api") {
        addSubscription(
            c, t, target, t, "https",
            sub("https://${" + tid + "}.execute-api.${AWS::Region}.${AWS::URLSuffix}/${Stage}/"));
        return true;
    }
    return false;
}

// --- Kinesis ------------------------------------------------------------------------------

void streamResources(ExportContext &c, const Node &n)
{
    const std::string &sid = lid(c, n);
    Tree &p = cfn::child(c.addResource(sid, "AWS::Kinesis::Stream", &n), "Properties");
    const std::string mode = prop(c, n, "capacityMode");
    p.set("StreamModeDetails", map({{"StreamMode", text(mode.empty() ? "ON_DEMAND" : mode)}}));
    if (mode == "PROVISIONED")
        p.set("ShardCount", intNum(num(c, n, "shardCount", 1)));
    p.set("RetentionPeriodHours", intNum(num(c, n, "retentionHours", 24)));
    if (prop(c, n, "encryptionEnabled") != "false")
        p.set("StreamEncryption",
              map({{"EncryptionType", text("KMS")}, {"KeyId", text("alias/aws/kinesis")}}));
    c.addOutput(sid + "Name", "Name of the " + n.name + " stream", cfn::ref(sid));
}

bool streamOutgoing(ExportContext &c, const Edge &, const Node &s, const Node &target)
{
    if (target.type == "eventbridge-pipe" || target.type == "firehose-stream")
        return true; // the pipe or delivery stream names its source itself
    if (target.type == "fargate-service" || target.type == "glue-job") {
        // Consumers' containers or job read the shards with the service's role.
        c.serviceRole(target,
                      target.type == "glue-job" ? "glue.amazonaws.com" : "ecs-tasks.amazonaws.com");
        grantStreamRead(c, target, s);
        return true;
    }
    return false;
}

// --- Firehose ---------------------------------------------------------------------------------

void firehoseResources(ExportContext &c, const Node &n)
{
    const std::string &fh = lid(c, n);
    const std::string role = c.serviceRole(n, "firehose.amazonaws.com");
    Tree p = Tree::makeMap();
    const Node *stream = nullptr;
    for (const Edge *e : live(c.incoming(n.id))) {
        if (c.node(e->source).type == "kinesis-stream") {
            stream = &c.node(e->source);
            break;
        }
    }
    if (stream != nullptr) {
        const Tree arn = getAtt(lid(c, *stream), "Arn");
        p.set("DeliveryStreamType", text("KinesisStreamAsSource"));
        p.set("KinesisStreamSourceConfiguration",
              map({{"KinesisStreamARN", arn}, {"RoleARN", getAtt(role, "Arn")}}));
        c.grantStatement(n,
                         {"kinesis:DescribeStream", "kinesis:GetShardIterator",
                          "kinesis:GetRecords", "kinesis:ListShards"},
                         arn);
    } else {
        if (prop(c, n, "sourceType") == "KinesisStreamAsSource")
            c.warn(
                n.name +
                " reads a Kinesis stream but none is connected; it is exported for direct writes");
        p.set("DeliveryStreamType", text("DirectPut"));
    }
    if (prop(c, n, "destination") != "S3")
        c.warn(n.name + ": only S3 destinations are exported; the " + prop(c, n, "destination") +
               " destination is written as S3");
    if (flag(c, n, "formatConversion"))
        c.warn(n.name + ": record format conversion needs a Glue table schema; add "
                        "DataFormatConversionConfiguration by hand");
    const Node *bucket = connectedOfType(c, n, "s3-bucket");
    if (bucket == nullptr)
        c.warn(n.name +
               " delivers to no bucket: connect one; the template asks for a bucket ARN meanwhile");
    const Tree bucketArn =
        bucket != nullptr
            ? getAtt(lid(c, *bucket), "Arn")
            : param(c, fh + "BucketArn", "String", "ARN of the bucket " + n.name + " delivers to");
    c.grantStatement(n,
                     {"s3:AbortMultipartUpload", "s3:GetBucketLocation", "s3:GetObject",
                      "s3:ListBucket", "s3:ListBucketMultipartUploads", "s3:PutObject"},
                     withChildren(bucketArn, "/"));
    Tree destination =
        map({{"BucketARN", bucketArn},
             {"RoleARN", getAtt(role, "Arn")},
             {"BufferingHints",
              map({{"IntervalInSeconds", intNum(num(c, n, "bufferIntervalSeconds", 300))},
                   {"SizeInMBs", intNum(num(c, n, "bufferSizeMb", 5))}})},
             {"CompressionFormat", text(prop(c, n, "compression"))}});
    if (const Node *fn = connectedOfType(c, n, "lambda-function")) {
        const Tree arn = getAtt(lid(c, *fn), "Arn");
        destination.set(
            "ProcessingConfiguration",
            map({{"Enabled", boolean(true)},
                 {"Processors",
                  list({map({{"Type", text("Lambda")},
                             {"Parameters", list({map({{"ParameterName", text("LambdaArn")},
                                                       {"ParameterValue", arn}})})}})})}}));
        c.grantStatement(n, {"lambda:InvokeFunction", "lambda:GetFunctionConfiguration"},
                         withChildren(arn, ":"));
    }
    p.set("ExtendedS3DestinationConfiguration", std::move(destination));
    put(c, fh, "AWS::KinesisFirehose::DeliveryStream", &n, std::move(p));
}

bool firehoseOutgoing(ExportContext &c, const Edge &, const Node &n, const Node &t)
{
    return c.hasResource(lid(c, n)) && (t.type == "s3-bucket" || t.type == "lambda-function");
}

// --- IoT rules ----------------------------------------------------------------------------------

void iotResources(ExportContext &c, const Node &n)
{
    const auto out = live(c.outgoing(n.id));
    if (out.empty())
        c.warn(n.name + " acts on nothing: connect a target");
    const bool onFailure = std::any_of(
        out.begin(), out.end(), [](const Edge *e) { return edgePurpose(*e) == "on-failure"; });
    if (flag(c, n, "errorActionEnabled") && !onFailure)
        c.warn(n.name + " has errorActionEnabled but no on-failure connection to send errors to");
    Tree payload = map({{"Sql", text(prop(c, n, "sql"))},
                        {"AwsIotSqlVersion", Tree::makeScalar(prop(c, n, "sqlVersion"), true)},
                        {"RuleDisabled", boolean(flag(c, n, "ruleDisabled"))},
                        {"Actions", Tree::makeSequence()}});
    put(c, lid(c, n), "AWS::IoT::TopicRule", &n, map({{"TopicRulePayload", std::move(payload)}}));
}

/// One rule action and the grant its role needs; a null tree for targets with no action.
Tree iotAction(ExportContext &c, const Node &n, const Node &t)
{
    const std::string &tid = lid(c, t);
    if (t.type == "lambda-function") {
        const std::string permission =
            lambdaPermission(c, lid(c, n) + tid + "Permission", n, getAtt(tid, "Arn"),
                             "iot.amazonaws.com", getAtt(lid(c, n), "Arn"));
        c.properties(permission).set("SourceAccount", cfn::ref("AWS::AccountId"));
        return map({{"Lambda", map({{"FunctionArn", getAtt(tid, "Arn")}})}});
    }
    static const std::map<std::string, std::pair<const char *, std::vector<std::string>>> actions =
        {{"kinesis-stream", {"Kinesis", {"kinesis:PutRecord"}}},
         {"dynamodb-table", {"DynamoDBv2", {"dynamodb:PutItem"}}},
         {"sqs-queue", {"Sqs", {"sqs:SendMessage"}}},
         {"sns-topic", {"Sns", {"sns:Publish"}}},
         {"s3-bucket", {"S3", {"s3:PutObject"}}},
         {"firehose-stream", {"Firehose", {"firehose:PutRecord", "firehose:PutRecordBatch"}}},
         {"step-functions", {"StepFunctions", {"states:StartExecution"}}}};
    auto it = actions.find(t.type);
    if (it == actions.end())
        return {};
    const std::string role = c.serviceRole(n, "iot.amazonaws.com");
    c.grantStatement(n, it->second.second,
                     t.type == "s3-bucket" ? sub("${" + tid + ".Arn}/*") : arnOf(c, t));
    Tree a = map({{"RoleArn", getAtt(role, "Arn")}});
    if (t.type == "kinesis-stream") {
        a.set("StreamName", cfn::ref(tid));
        a.set("PartitionKey", text("${newuuid()}"));
    } else if (t.type == "dynamodb-table") {
        a.set("PutItem", map({{"TableName", cfn::ref(tid)}}));
    } else if (t.type == "sqs-queue") {
        a.set("QueueUrl", cfn::ref(tid));
        a.set("UseBase64", boolean(false));
    } else if (t.type == "sns-topic") {
        a.set("TargetArn", cfn::ref(tid));
        a.set("MessageFormat", text("RAW"));
    } else if (t.type == "s3-bucket") {
        a.set("BucketName", cfn::ref(tid));
        a.set("Key", text("${topic()}/${timestamp()}"));
    } else if (t.type == "firehose-stream") {
        a.set("DeliveryStreamName", cfn::ref(tid));
        a.set("Separator", text("\n"));
    } else {
        a.set("StateMachineName", getAtt(tid, "Name"));
    }
    return map({{it->second.first, std::move(a)}});
}

bool iotOutgoing(ExportContext &c, const Edge &e, const Node &n, const Node &t)
{
    const std::string &rule = lid(c, n);
    if (c.isAbsorbed(n.id) || !c.hasResource(rule))
        return false;
    const bool error = edgePurpose(e) == "on-failure";
    if (error && !flag(c, n, "errorActionEnabled")) {
        c.info(n.name + " -> " + t.name +
               " is an on-failure connection, but errorActionEnabled is off; it is not written");
        return true;
    }
    if (error && c.properties(rule).find("TopicRulePayload")->find("ErrorAction") != nullptr) {
        c.warn(n.name + " has one error action; " + t.name + " is left out");
        return true;
    }
    Tree action = iotAction(c, n, t);
    if (action.isNull())
        return false;
    Tree &payload = cfn::child(c.properties(rule), "TopicRulePayload");
    if (error)
        payload.set("ErrorAction", std::move(action));
    else
        cfn::childList(payload, "Actions").items.push_back(std::move(action));
    return true;
}

} // namespace

std::string addSubscription(ExportContext &c, const Node &topic, const Node &target,
                            const Node &owner, const char *protocol, Tree endpoint)
{
    const std::string &tid = lid(c, topic);
    const std::string sid = c.reserveId(tid + "To" + lid(c, target) + "Subscription");
    put(c, sid, "AWS::SNS::Subscription", &owner,
        map({{"Protocol", text(protocol)},
             {"TopicArn", cfn::ref(tid)},
             {"Endpoint", std::move(endpoint)}}));
    return sid;
}

void registerMessagingExporters(Registry &r)
{
    r["sqs-queue"] = {queueResources, queueOutgoing};
    r["sns-topic"] = {topicResources, topicOutgoing};
    r["kinesis-stream"] = {streamResources, streamOutgoing};
    r["firehose-stream"] = {firehoseResources, firehoseOutgoing};
    r["iot-rule"] = {iotResources, iotOutgoing};
}

} // namespace nimbus::model::iac::exporting
