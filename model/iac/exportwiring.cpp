// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// The wiring around functions and state machines: the events that trigger them, the
// permissions, environment variables and destinations of the edges they start, and the
// registry of the service exporters. Facts: AWS SAM specification (shared/reference/sam).
#include "cfntree.h"
#include "exporthelpers.h"
#include "exportservices.h"

#include <model/analysis/propertyaccess.h>

namespace nimbus::model::iac {

using namespace cfn;
using namespace exporting;

namespace {

Tree &eventsOf(ExportContext &c, const Node &target)
{
    return cfn::child(c.properties(lid(c, target)), "Events");
}

void addEvent(ExportContext &c, const Node &target, const std::string &name,
              const std::string &type, Tree props)
{
    Tree &events = eventsOf(c, target);
    const std::string eventName = c.reserveKey(lid(c, target), "Events", events, name);
    events.entries.emplace_back(eventName, map({{"Type", text(type)}, {"Properties", std::move(props)}}));
    c.addExpanded(lid(c, target), type == "SNS" || type == "EventBridgeRule" ||
                                          type == "Schedule" || type == "ScheduleV2" ||
                                          type == "IoTRule"
                                      ? 2
                                      : 1);
    ++c.stats().events;
}

void eventSourceMapping(ExportContext &c, const Node &source, const Node &fn, const Edge &e,
                        Tree sourceArn, bool stream)
{
    Tree p =
        map({{"EventSourceArn", std::move(sourceArn)}, {"FunctionName", cfn::ref(lid(c, fn))}});
    if (auto batch = edgeNum(e, "batchSize"))
        p.set("BatchSize", intNum(*batch));
    if (stream)
        p.set("StartingPosition", text("LATEST"));
    put(c, c.reserveId(lid(c, source) + "To" + lid(c, fn) + "Mapping"),
        "AWS::Lambda::EventSourceMapping", &fn, std::move(p));
}

/// Where an async function sends failed events (its on-failure edge), as SAM's
/// DestinationConfig on a stream event.
void streamFailureDestination(ExportContext &c, const Node &fn, Tree &eventProps)
{
    for (const Edge *e : c.outgoing(fn.id)) {
        if (edgePurpose(*e) != "on-failure")
            continue;
        const Node &d = c.node(e->target);
        if (d.type == "sqs-queue")
            eventProps.set("DestinationConfig",
                           map({{"OnFailure", map({{"Type", text("SQS")},
                                                   {"Destination", getAtt(lid(c, d), "Arn")}})}}));
        else if (d.type == "sns-topic")
            eventProps.set("DestinationConfig",
                           map({{"OnFailure", map({{"Type", text("SNS")},
                                                   {"Destination", cfn::ref(lid(c, d))}})}}));
        return;
    }
}

/// Queues and streams that trigger a function: its event (SAM) or an event source mapping
/// and the permission to read the source (CloudFormation).
bool wirePolledSource(ExportContext &c, const Edge &e, const Node &s, const Node &t,
                      const std::string &eventName)
{
    const std::string &sid = lid(c, s);
    if (s.type == "sqs-queue") {
        if (!c.sam()) {
            eventSourceMapping(c, s, t, e, getAtt(sid, "Arn"), false);
            c.grantPolicyTemplate(t, "SQSPollerPolicy", "QueueName", getAtt(sid, "QueueName"));
            return true;
        }
        Tree props = map({{"Queue", getAtt(sid, "Arn")}});
        if (auto batch = edgeNum(e, "batchSize"))
            props.set("BatchSize", intNum(*batch));
        props.set("FunctionResponseTypes", list({text("ReportBatchItemFailures")}));
        addEvent(c, t, eventName, "SQS", std::move(props));
        return true;
    }
    const bool kinesis = s.type == "kinesis-stream";
    Tree arn = kinesis ? getAtt(sid, "Arn") : getAtt(sid, "StreamArn");
    if (!c.sam()) {
        eventSourceMapping(c, s, t, e, arn, true);
        if (kinesis)
            grantStreamRead(c, t, s);
        else
            c.grantStatement(t,
                             {"dynamodb:DescribeStream", "dynamodb:GetRecords",
                              "dynamodb:GetShardIterator", "dynamodb:ListStreams"},
                             getAtt(sid, "StreamArn"));
        return true;
    }
    Tree props = map({{"Stream", std::move(arn)}, {"StartingPosition", text("LATEST")}});
    if (auto batch = edgeNum(e, "batchSize"))
        props.set("BatchSize", intNum(*batch));
    props.set("BisectBatchOnFunctionError", boolean(true));
    streamFailureDestination(c, t, props);
    addEvent(c, t, eventName, kinesis ? "Kinesis" : "DynamoDB", std::move(props));
    return true;
}

/// A rule, schedule or IoT rule written as its one target's SAM event (decideAbsorbedNodes).
bool wireAbsorbedSource(ExportContext &c, const Node &s, const Node &t,
                        const std::string &eventName)
{
    if (s.type == "eventbridge-rule") {
        const std::string schedule = prop(c, s, "scheduleExpression");
        if (!schedule.empty()) {
            addEvent(c, t, eventName, "Schedule",
                     map({{"Schedule", text(schedule)}, {"State", text(enabledState(c, s))}}));
            return true;
        }
        Tree props = Tree::makeMap();
        if (const Node *bus = ruleBus(c, s))
            props.set("EventBusName", cfn::ref(lid(c, *bus)));
        props.set("Pattern", rulePattern(c, s));
        if (Tree retry = retryPolicy(s); !retry.entries.empty())
            props.set("RetryPolicy", std::move(retry));
        if (prop(c, s, "state") == "DISABLED")
            props.set("State", text("DISABLED"));
        addEvent(c, t, eventName, "EventBridgeRule", std::move(props));
        return true;
    }
    if (s.type == "eventbridge-schedule") {
        Tree props = scheduleSettings(c, s);
        if (Tree retry = retryPolicy(s); !retry.entries.empty())
            props.set("RetryPolicy", std::move(retry));
        addEvent(c, t, eventName, "ScheduleV2", std::move(props));
        return true;
    }
    if (s.type == "iot-rule" && isFunction(t)) {
        Tree props = map({{"Sql", text(prop(c, s, "sql"))}});
        const std::string version = prop(c, s, "sqlVersion");
        if (!version.empty())
            props.set("AwsIotSqlVersion", Tree::makeScalar(version, true));
        addEvent(c, t, eventName, "IoTRule", std::move(props));
        return true;
    }
    return false;
}

/// A scheduled trigger (the palette's generic timer): an hourly schedule.
void wireScheduledTrigger(ExportContext &c, const Node &s, const Node &t,
                          const std::string &eventName)
{
    if (c.sam()) {
        addEvent(c, t, eventName, "ScheduleV2",
                 map({{"ScheduleExpression", text("rate(1 hour)")},
                      {"FlexibleTimeWindow", map({{"Mode", text("OFF")}})}}));
    } else {
        const std::string schedId = c.reserveId(eventName + "Schedule");
        Tree target = scheduleTarget(c, s, t);
        put(c, schedId, "AWS::Scheduler::Schedule", &s,
            map({{"ScheduleExpression", text("rate(1 hour)")},
                 {"FlexibleTimeWindow", map({{"Mode", text("OFF")}})},
                 {"Target", std::move(target)}}));
    }
    c.info(s.name + " is written as an hourly schedule; set the expression the design means");
}

} // namespace

void decideAbsorbedNodes(ExportContext &c)
{
    if (!c.sam())
        return;
    for (const Node &n : c.design().nodes()) {
        if (importedResource(n) != nullptr)
            continue;
        if (n.type != "eventbridge-rule" && n.type != "eventbridge-schedule" &&
            n.type != "iot-rule")
            continue;
        const auto &out = c.outgoing(n.id);
        if (out.size() != 1 || isImportedEdge(*out.front()))
            continue;
        const Node &target = c.node(out.front()->target);
        if (importedResource(target) != nullptr)
            continue;
        const bool fn = isFunction(target);
        const bool sm = isStateMachine(target);
        if (!(fn || sm) || (n.type == "iot-rule" && !fn))
            continue;
        c.markAbsorbed(n.id);
    }
}

bool wireEventTarget(ExportContext &c, const Edge &e, const Node &s, const Node &t)
{
    const bool fn = isFunction(t);
    const bool sm = isStateMachine(t);
    if (!(fn || sm) || !canExtend(c, t))
        return false;
    const bool sam = c.sam();
    const std::string &sid = lid(c, s);
    const std::string &tid = lid(c, t);
    const std::string eventName = pascalCase(s.name.empty() ? sid : s.name);

    if (s.type == "apigw-rest-api") {
        if (!sam) {
            if (fn) {
                wireApiLambdaCfn(c, s, t);
                return true;
            }
            return false; // a state machine behind a REST API: a service integration
        }
        addEvent(c, t, eventName, "Api",
                 map({{"RestApiId", cfn::ref(sid)},
                      {"Path", text(apiPath(c, t))},
                      {"Method", text(fn ? "ANY" : "POST")}}));
        return true;
    }
    if (s.type == "apigw-http-api" && fn) {
        if (!sam) {
            wireApiLambdaCfn(c, s, t);
            return true;
        }
        addEvent(c, t, eventName, "HttpApi",
                 map({{"ApiId", cfn::ref(sid)},
                      {"Path", text(apiPath(c, t))},
                      {"Method", text("ANY")}}));
        return true;
    }
    if (s.type == "s3-bucket" && fn) {
        if (!sam)
            return bucketNotify(c, s, t);
        addEvent(c, t, eventName, "S3",
                 map({{"Bucket", cfn::ref(sid)}, {"Events", text("s3:ObjectCreated:*")}}));
        return true;
    }
    if ((s.type == "sqs-queue" || s.type == "kinesis-stream" || s.type == "dynamodb-table") && fn)
        return wirePolledSource(c, e, s, t, eventName);
    if (s.type == "sns-topic" && fn) {
        if (!sam) {
            addSubscription(c, s, t, t, "lambda", getAtt(tid, "Arn"));
            lambdaPermission(c, sid + tid + "Permission", t, getAtt(tid, "Arn"),
                             "sns.amazonaws.com", cfn::ref(sid));
            return true;
        }
        addEvent(c, t, eventName, "SNS", map({{"Topic", cfn::ref(sid)}}));
        return true;
    }
    if (s.type == "cognito-user-pool" && fn) {
        if (!sam)
            return false; // the pool's LambdaConfig, written by the pool
        addEvent(c, t, eventName, "Cognito",
                 map({{"UserPool", cfn::ref(sid)}, {"Trigger", text("PostConfirmation")}}));
        return true;
    }
    if (c.isAbsorbed(s.id) && wireAbsorbedSource(c, s, t, eventName))
        return true;
    if (s.type == "scheduled-trigger") {
        wireScheduledTrigger(c, s, t, eventName);
        return true;
    }
    return false;
}

namespace {

/// The failure or success destination config of a function (CloudFormation resource form).
Tree &invokeConfig(ExportContext &c, const Node &fn)
{
    const std::string &fid = lid(c, fn);
    if (c.sam())
        return cfn::child(c.properties(fid), "EventInvokeConfig");
    const std::string cid = fid + "InvokeConfig";
    if (!c.hasResource(cid))
        put(c, cid, "AWS::Lambda::EventInvokeConfig", &fn,
            map({{"FunctionName", cfn::ref(fid)}, {"Qualifier", text("$LATEST")}}));
    return c.properties(cid);
}

/// A function's on-failure or on-success destination.
bool wireDestination(ExportContext &c, const std::string &use, const Node &p, const Node &t)
{
    const bool asyncOnly = t.type == "sqs-queue" || t.type == "sns-topic" ||
                           t.type == "lambda-function" || t.type == "eventbridge-bus";
    if (!asyncOnly)
        return false;
    const std::string &tid = lid(c, t);
    const char *type = t.type == "sqs-queue"         ? "SQS"
                       : t.type == "sns-topic"       ? "SNS"
                       : t.type == "lambda-function" ? "Lambda"
                                                     : "EventBridge";
    Tree destination = t.type == "sns-topic" ? cfn::ref(tid) : getAtt(tid, "Arn");
    Tree &dest = cfn::child(invokeConfig(c, p), "DestinationConfig");
    const char *slot = use == "on-failure" ? "OnFailure" : "OnSuccess";
    if (c.sam()) {
        dest.set(slot, map({{"Type", text(type)}, {"Destination", destination}}));
        return true;
    }
    dest.set(slot, map({{"Destination", destination}}));
    if (t.type == "sqs-queue")
        c.grantStatement(p, {"sqs:SendMessage"}, getAtt(tid, "Arn"));
    else if (t.type == "sns-topic")
        c.grantStatement(p, {"sns:Publish"}, cfn::ref(tid));
    else if (t.type == "lambda-function")
        c.grantStatement(p, {"lambda:InvokeFunction"}, getAtt(tid, "Arn"));
    else
        c.grantStatement(p, {"events:PutEvents"}, getAtt(tid, "Arn"));
    return true;
}

/// Grants for targets only functions and state machines reach (beyond grantDataAccess).
bool grantPrincipalOnly(ExportContext &c, const Node &p, const Edge &e, const Node &t)
{
    if (t.type == "sagemaker-batch-transform") {
        const std::string &caller = c.node(e.source).name;
        c.grantStatement(p, {"sagemaker:CreateTransformJob", "sagemaker:DescribeTransformJob"},
                         arnSub("sagemaker:${AWS::Region}:${AWS::AccountId}:transform-job/" +
                                kebab(caller) + "-*"));
        c.info(caller + " starts SageMaker batch transform jobs named \"" + kebab(caller) +
               "-*\"; it also needs iam:PassRole for the model's role, which the design does not "
               "name");
        return true;
    }
    if (t.type == "fargate-service")
        return isStateMachine(p) ? wireStateMachineTask(c, p, t) : !grantRunTask(c, p, t).empty();
    if (t.type == "apigw-rest-api" || t.type == "apigw-http-api") {
        c.grantStatement(
            p, {"execute-api:Invoke"},
            arnSub("execute-api:${AWS::Region}:${AWS::AccountId}:${" + lid(c, t) + "}/*"));
        return true;
    }
    return false;
}

} // namespace

bool wirePrincipalSource(ExportContext &c, const Edge &e, const Node &p, const Node &t)
{
    if (!canExtend(c, p))
        return false;
    const bool fn = isFunction(p);
    const std::string &tid = lid(c, t);
    const std::string use = edgePurpose(e);

    // Failure and success destinations, dead-letter queues.
    if (fn && (use == "on-failure" || use == "on-success"))
        return wireDestination(c, use, p, t);
    if (fn && use == "dead-letter" && (t.type == "sqs-queue" || t.type == "sns-topic")) {
        const bool queue = t.type == "sqs-queue";
        Tree arn = queue ? getAtt(tid, "Arn") : cfn::ref(tid);
        if (c.sam()) {
            c.properties(lid(c, p)).set(
                "DeadLetterQueue",
                map({{"Type", text(queue ? "SQS" : "SNS")}, {"TargetArn", arn}}));
        } else {
            c.properties(lid(c, p)).set("DeadLetterConfig", map({{"TargetArn", arn}}));
            c.grantStatement(p, {queue ? "sqs:SendMessage" : "sns:Publish"}, arn);
        }
        return true;
    }

    // Data edges: least-privilege permission scoped to the target, and (for functions)
    // an environment variable naming it.
    const ConnectionRule *rule = c.catalog().connections().rule(p.type, t.type);
    const bool granted = grantDataAccess(c, p, rule, e, t) || grantPrincipalOnly(c, p, e, t);
    const bool named = rule != nullptr && !rule->sam.environment.empty();
    if (fn && named)
        c.setEnvironment(p, environmentName(c, t), environmentValue(c, t, rule->sam.environment));
    return granted || named;
}

void finishApis(ExportContext &c)
{
    // A REST API needs at least one method before it can be deployed: one that answers
    // 200 from API Gateway itself, until the design connects something behind it.
    for (const Node &n : c.design().nodes()) {
        if (n.type != "apigw-rest-api" || importedResource(n) != nullptr ||
            !c.hasResource(lid(c, n)))
            continue;
        if (c.sam()) {
            bool hasEvent = false;
            for (const Edge *e : c.outgoing(n.id))
                hasEvent =
                    hasEvent || isFunction(c.node(e->target)) || isStateMachine(c.node(e->target));
            if (hasEvent)
                continue;
        }
        Tree &paths = openApiPaths(c, n);
        if (!paths.entries.empty())
            continue;
        Tree mock =
            map({{"type", text("mock")},
                 {"requestTemplates", map({{"application/json", text("{\"statusCode\": 200}")}})},
                 {"responses", map({{"default", map({{"statusCode", text("200")}})}})}});
        cfn::child(paths, "/")
            .set("get", map({{"x-amazon-apigateway-integration", std::move(mock)},
                             {"responses", map({{"200", map({{"description", text("OK")}})}})}}));
        c.info(n.name +
               " has nothing behind it; it is exported with a placeholder GET / that answers 200");
    }
}

void registerCoreExporters(std::map<std::string, ServiceExporter> &registry)
{
    registerComputeExporters(registry);
    registerMessagingExporters(registry);
    registerEventExporters(registry);
}

void registerMoreExporters(std::map<std::string, ServiceExporter> &registry)
{
    registerApiGatewayExporters(registry);
    registerFrontendExporters(registry);
    registerDataExporters(registry);
}

} // namespace nimbus::model::iac
