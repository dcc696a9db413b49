// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// Exporters of EventBridge: event buses, rules, Scheduler schedules and pipes. Facts:
// CloudFormation resource reference
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-template-resource-type-ref.html
// and the EventBridge targets
// https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-targets.html
#include "cfntree.h"
#include "exporthelpers.h"
#include "exportservices.h"

#include <model/analysis/propertyaccess.h>

#include <model/io/yamlreader.h>

#include <algorithm>

namespace nimbus::model::iac::exporting {

namespace {

using namespace cfn;

// --- buses and rules ---------------------------------------------------------------------

/// The account's own bus ("default") is not a resource of the template.
bool isDefaultBus(ExportContext &c, const Node &n)
{
    return n.type == "eventbridge-bus" && importedResource(n) == nullptr && prop(c, n, "busName") == "default";
}

const char *const kDefaultBusArn = "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/default";

/// Points references to a default-bus node at the account's default bus.
void pointAtDefaultBus(Tree &tree, const std::string &id)
{
    const std::string fn = cfn::intrinsicName(tree);
    const Tree *arg = fn.empty() ? nullptr : cfn::intrinsicArgument(tree);
    if (fn == "Ref" && arg != nullptr && arg->isScalar() && arg->scalar == id) {
        tree = text("default");
        return;
    }
    if (fn == "Fn::GetAtt" && arg != nullptr) {
        const bool ours = arg->isScalar() ? arg->scalar.rfind(id + ".", 0) == 0
                                          : arg->isSequence() && !arg->items.empty() && arg->items[0].scalar == id;
        if (ours) {
            const std::string attribute = arg->isScalar() ? arg->scalar.substr(id.size() + 1)
                                                          : (arg->items.size() > 1 ? arg->items[1].scalar : std::string());
            tree = attribute == "Name" ? text("default") : sub(kDefaultBusArn);
            return;
        }
    }
    if (fn == "Fn::Sub" && arg != nullptr) {
        Tree *pattern = const_cast<Tree *>(arg->isScalar() ? arg : (arg->isSequence() && !arg->items.empty() ? &arg->items[0] : nullptr));
        if (pattern != nullptr && pattern->isScalar()) {
            std::string &s = pattern->scalar;
            for (const auto &[from, to] : {std::pair<std::string, std::string>{"${" + id + ".Arn}", kDefaultBusArn},
                                           {"${" + id + ".Name}", "default"},
                                           {"${" + id + "}", "default"}}) {
                for (std::size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
                    s.replace(pos, from.size(), to);
            }
        }
    }
    for (auto &entry : tree.entries)
        pointAtDefaultBus(entry.second, id);
    for (auto &item : tree.items)
        pointAtDefaultBus(item, id);
}

void busResources(ExportContext &c, const Node &n)
{
    const std::string &bid = lid(c, n);
    if (isDefaultBus(c, n)) {
        if (flag(c, n, "archiveEnabled")) {
            Tree archive = map({{"SourceArn", sub(kDefaultBusArn)}});
            if (auto days = optNum(c, n, "archiveRetentionDays"); days && *days > 0)
                archive.set("RetentionDays", intNum(*days));
            cfn::child(c.addResource(c.reserveId(bid + "Archive"), "AWS::Events::Archive", &n), "Properties") = std::move(archive);
        }
        return;
    }
    Tree &p = cfn::child(c.addResource(bid, "AWS::Events::EventBus", &n), "Properties");
    p.set("Name", stackScopedName(c, n));
    if (flag(c, n, "archiveEnabled")) {
        Tree archive = map({{"SourceArn", getAtt(bid, "Arn")}});
        if (auto days = optNum(c, n, "archiveRetentionDays"); days && *days > 0)
            archive.set("RetentionDays", intNum(*days));
        put(c, c.reserveId(bid + "Archive"), "AWS::Events::Archive", &n, std::move(archive));
    }
    c.addOutput(bid + "Name", "Name of the " + n.name + " event bus", cfn::ref(bid));
}

Tree parseJsonText(ExportContext &c, const Node &n, const std::string &textValue)
{
    YamlParseResult parsed = parseYaml(textValue, n.name);
    if (!parsed.ok() || !parsed.tree.isMap()) {
        c.warn(n.name +
               ": the event pattern is not valid JSON; it is written as a catch-all pattern");
        return {};
    }
    return parsed.tree;
}

Tree catchAllPattern()
{
    return map({{"source", list({map({{"prefix", text("")}})})}});
}

bool isFailureEdge(const Edge &e)
{
    const std::string use = edgePurpose(e);
    return use == "dead-letter" || use == "on-failure";
}

/// The queue a rule's failed deliveries go to: its dead-letter (or on-failure) edge.
const Node *ruleDeadLetterQueue(ExportContext &c, const Node &rule)
{
    for (const Edge *e : c.outgoing(rule.id)) {
        const Node &target = c.node(e->target);
        if (isFailureEdge(*e) && target.type == "sqs-queue")
            return &target;
    }
    return nullptr;
}

/// Adds one target to an EventBridge rule resource, with the permission the target needs.
void addRuleTarget(ExportContext &c, const std::string &ruleId, const Node &owner,
                   const Node &target, Tree retry)
{
    const std::string &tid = lid(c, target);
    Tree t = map({{"Id", text(tid)}});
    if (target.type == "lambda-function") {
        t.set("Arn", getAtt(tid, "Arn"));
        lambdaPermission(c, ruleId + tid + "Permission", owner, getAtt(tid, "Arn"),
                         "events.amazonaws.com", getAtt(ruleId, "Arn"));
    } else if (target.type == "sqs-queue") {
        t.set("Arn", getAtt(tid, "Arn"));
        allowServiceToSend(c, target, "events.amazonaws.com", getAtt(ruleId, "Arn"), owner);
    } else if (target.type == "sns-topic") {
        t.set("Arn", cfn::ref(tid));
        allowServiceToSend(c, target, "events.amazonaws.com", getAtt(ruleId, "Arn"), owner);
    } else {
        const std::string role = c.serviceRole(owner, "events.amazonaws.com");
        if (target.type == "step-functions") {
            t.set("Arn", cfn::ref(tid));
            c.grantStatement(owner, {"states:StartExecution"}, cfn::ref(tid));
        } else if (target.type == "kinesis-stream") {
            t.set("Arn", getAtt(tid, "Arn"));
            t.set("KinesisParameters", map({{"PartitionKeyPath", text("$.id")}}));
            c.grantStatement(owner, {"kinesis:PutRecord", "kinesis:PutRecords"},
                             getAtt(tid, "Arn"));
        } else if (target.type == "firehose-stream") {
            t.set("Arn", getAtt(tid, "Arn"));
            c.grantStatement(owner, {"firehose:PutRecord", "firehose:PutRecordBatch"},
                             getAtt(tid, "Arn"));
        } else if (target.type == "eventbridge-bus") {
            t.set("Arn", getAtt(tid, "Arn"));
            c.grantStatement(owner, {"events:PutEvents"}, getAtt(tid, "Arn"));
        } else if (target.type == "apigw-rest-api") {
            const Tree arn = arnSub("execute-api:${AWS::Region}:${AWS::AccountId}:${" + tid +
                                    "}/${Stage}/POST/*");
            t.set("Arn", arn);
            c.grantStatement(owner, {"execute-api:Invoke"}, arn);
        } else if (target.type == "appsync-api") {
            t.set("Arn", getAtt(tid, "GraphQLEndpointArn"));
            t.set("AppSyncParameters",
                  map({{"GraphQLOperation",
                        text("mutation Publish($input: String) { publish(input: $input) }")}}));
            c.grantStatement(owner, {"appsync:GraphQL"},
                             sub("${" + tid + ".Arn}/types/Mutation/*"));
        } else if (target.type == "fargate-service") {
            c.info(
                owner.name + " -> " + target.name +
                ": a rule starts new Fargate tasks, not the service; add the task target by hand");
            return;
        } else {
            return;
        }
        t.set("RoleArn", getAtt(role, "Arn"));
    }
    if (!retry.entries.empty())
        t.set("RetryPolicy", std::move(retry));
    if (const Node *dlq = ruleDeadLetterQueue(c, owner))
        t.set("DeadLetterConfig", map({{"Arn", getAtt(lid(c, *dlq), "Arn")}}));
    cfn::childList(c.properties(ruleId), "Targets").items.push_back(std::move(t));
}

void ruleResources(ExportContext &c, const Node &n)
{
    const std::string &rid = lid(c, n);
    Tree &p = cfn::child(c.addResource(rid, "AWS::Events::Rule", &n), "Properties");
    if (const Node *bus = ruleBus(c, n))
        p.set("EventBusName", cfn::ref(lid(c, *bus)));
    const std::string schedule = prop(c, n, "scheduleExpression");
    if (!schedule.empty())
        p.set("ScheduleExpression", text(schedule));
    else
        p.set("EventPattern", rulePattern(c, n));
    p.set("State", text(enabledState(c, n)));
}

bool ruleOutgoing(ExportContext &c, const Edge &edge, const Node &rule, const Node &target)
{
    if (!c.hasResource(lid(c, rule)))
        return false;
    if (isFailureEdge(edge) && target.type == "sqs-queue") {
        // Not a target: the queue receives what the targets could not take (each
        // target's DeadLetterConfig), and EventBridge needs leave to send to it.
        allowServiceToSend(c, target, "events.amazonaws.com", getAtt(lid(c, rule), "Arn"), rule);
        return true;
    }
    addRuleTarget(c, lid(c, rule), rule, target, retryPolicy(rule));
    return true;
}

/// A bus wired straight to a target: a catch-all rule on that bus.
bool busOutgoing(ExportContext &c, const Edge &, const Node &bus, const Node &target)
{
    if (target.type == "eventbridge-rule")
        return true; // the rule names its bus
    if (target.type == "eventbridge-pipe")
        return true;
    const std::string rid = c.reserveId(lid(c, bus) + "To" + lid(c, target) + "Rule");
    put(c, rid, "AWS::Events::Rule", &bus,
        map({{"Description", text("All events on " + bus.name + " go to " + target.name)},
             {"EventBusName", cfn::ref(lid(c, bus))},
             {"EventPattern", catchAllPattern()},
             {"State", text("ENABLED")}}));
    addRuleTarget(c, rid, bus, target, Tree::makeMap());
    return true;
}

// --- schedules ---------------------------------------------------------------------------

Tree flexibleWindow(ExportContext &c, const Node &n)
{
    const double minutes = num(c, n, "flexibleWindowMinutes", 0);
    if (minutes <= 0)
        return map({{"Mode", text("OFF")}});
    return map({{"Mode", text("FLEXIBLE")}, {"MaximumWindowInMinutes", intNum(minutes)}});
}

void scheduleResources(ExportContext &c, const Node &n)
{
    // One AWS::Scheduler::Schedule per target: a schedule has exactly one target.
    bool first = true;
    for (const Edge *e : live(c.outgoing(n.id))) {
        const Node &target = c.node(e->target);
        const std::string sid = first ? lid(c, n) : c.reserveId(lid(c, n) + lid(c, target));
        Tree t = scheduleTarget(c, n, target);
        if (t.isNull()) {
            c.info(n.name + " -> " + target.name + ": add this schedule target by hand");
            continue;
        }
        first = false;
        Tree p = scheduleSettings(c, n);
        p.set("Target", std::move(t));
        put(c, sid, "AWS::Scheduler::Schedule", &n, std::move(p));
    }
    if (first)
        c.warn(n.name + " triggers nothing; connect it to a target to export it");
}

bool scheduleOutgoing(ExportContext &, const Edge &, const Node &, const Node &)
{
    return true; // written with the schedule's resources
}

// --- pipes -------------------------------------------------------------------------------

bool isPipeTarget(const Node &t)
{
    static const std::vector<std::string> targets = {
        "lambda-function", "step-functions",  "sqs-queue",      "sns-topic",      "eventbridge-bus",
        "kinesis-stream",  "firehose-stream", "apigw-rest-api", "fargate-service"};
    return std::find(targets.begin(), targets.end(), t.type) != targets.end();
}

void pipeResources(ExportContext &c, const Node &n)
{
    const std::string &pipe = lid(c, n);
    const std::string role = c.serviceRole(n, "pipes.amazonaws.com");
    Tree p =
        map({{"RoleArn", getAtt(role, "Arn")}, {"DesiredState", text(prop(c, n, "desiredState"))}});
    Tree source = Tree::makeMap();
    Tree batching = Tree::makeMap();
    if (const auto batch = optNum(c, n, "batchSize"))
        batching.set("BatchSize", intNum(*batch));
    if (const double window = num(c, n, "maximumBatchingWindowSeconds", 0); window > 0)
        batching.set("MaximumBatchingWindowInSeconds", intNum(window));
    const Node *from = nullptr;
    for (const Edge *e : live(c.incoming(n.id))) {
        const std::string &type = c.node(e->source).type;
        if (type == "sqs-queue" || type == "kinesis-stream" || type == "dynamodb-table") {
            if (from != nullptr) {
                c.warn(n.name + " has one source; " + c.node(e->source).name + " is left out");
                continue;
            }
            from = &c.node(e->source);
        }
    }
    if (from == nullptr) {
        c.warn(n.name + " has no source: connect a queue or a Kinesis or DynamoDB stream; the "
                        "template asks for its ARN meanwhile");
        p.set("Source", param(c, pipe + "SourceArn", "String", "ARN of the source of " + n.name));
    } else if (from->type == "sqs-queue") {
        const Tree arn = getAtt(lid(c, *from), "Arn");
        p.set("Source", arn);
        c.grantStatement(n, {"sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"},
                         arn);
        if (!batching.entries.empty())
            source.set("SqsQueueParameters", std::move(batching));
    } else {
        const bool kinesis = from->type == "kinesis-stream";
        const Tree arn = getAtt(lid(c, *from), kinesis ? "Arn" : "StreamArn");
        p.set("Source", arn);
        if (kinesis)
            c.grantStatement(n,
                             {"kinesis:DescribeStream", "kinesis:DescribeStreamSummary",
                              "kinesis:GetRecords", "kinesis:GetShardIterator",
                              "kinesis:ListShards"},
                             arn);
        else
            c.grantStatement(n,
                             {"dynamodb:DescribeStream", "dynamodb:GetRecords",
                              "dynamodb:GetShardIterator", "dynamodb:ListStreams"},
                             arn);
        batching.entries.insert(batching.entries.begin(), {"StartingPosition", text("LATEST")});
        source.set(kinesis ? "KinesisStreamParameters" : "DynamoDBStreamParameters",
                   std::move(batching));
    }
    const std::string filter = prop(c, n, "filterPattern");
    if (!filter.empty())
        source.set("FilterCriteria", map({{"Filters", list({map({{"Pattern", text(filter)}})})}}));
    if (!source.entries.empty())
        p.set("SourceParameters", std::move(source));
    const auto out = live(c.outgoing(n.id));
    if (std::none_of(out.begin(), out.end(),
                     [&](const Edge *e) { return isPipeTarget(c.node(e->target)); })) {
        c.warn(n.name + " has no target Nimbus can write; the template asks for its ARN meanwhile");
        p.set("Target", param(c, pipe + "TargetArn", "String", "ARN of the target of " + n.name));
    }
    put(c, pipe, "AWS::Pipes::Pipe", &n, std::move(p));
}

/// The target of a pipe: its ARN, parameters and the permission to send to it.
bool pipeOutgoing(ExportContext &c, const Edge &e, const Node &n, const Node &t)
{
    const std::string &pipe = lid(c, n);
    if (!c.hasResource(pipe) || !isPipeTarget(t))
        return false;
    if (c.properties(pipe).find("Target") != nullptr) {
        c.warn(n.name + " has one target; " + t.name + " is left out");
        return true;
    }
    const std::string &tid = lid(c, t);
    Tree arn = arnOf(c, t);
    Tree params = Tree::makeMap();
    if (t.type == "lambda-function") {
        c.grantStatement(n, {"lambda:InvokeFunction"}, arn);
        params.set("LambdaFunctionParameters",
                   map({{"InvocationType",
                         text(e.kind == ConnectionKind::AsyncInvoke ? "FIRE_AND_FORGET"
                                                                    : "REQUEST_RESPONSE")}}));
    } else if (t.type == "step-functions") {
        c.grantStatement(n, {"states:StartExecution"}, arn);
        params.set("StepFunctionStateMachineParameters",
                   map({{"InvocationType", text("FIRE_AND_FORGET")}}));
    } else if (t.type == "sqs-queue") {
        c.grantStatement(n, {"sqs:SendMessage"}, arn);
        if (prop(c, t, "queueType") == "fifo")
            params.set("SqsQueueParameters", map({{"MessageGroupId", text(pipe)}}));
    } else if (t.type == "sns-topic") {
        c.grantStatement(n, {"sns:Publish"}, arn);
    } else if (t.type == "eventbridge-bus") {
        c.grantStatement(n, {"events:PutEvents"}, arn);
    } else if (t.type == "kinesis-stream") {
        c.grantStatement(n, {"kinesis:PutRecord", "kinesis:PutRecords"}, arn);
        params.set("KinesisStreamParameters", map({{"PartitionKey", text(pipe)}}));
    } else if (t.type == "firehose-stream") {
        c.grantStatement(n, {"firehose:PutRecord", "firehose:PutRecordBatch"}, arn);
    } else if (t.type == "apigw-rest-api") {
        arn = arnSub("execute-api:${AWS::Region}:${AWS::AccountId}:${" + tid + "}/${Stage}/POST/");
        c.grantStatement(
            n, {"execute-api:Invoke"},
            arnSub("execute-api:${AWS::Region}:${AWS::AccountId}:${" + tid + "}/${Stage}/POST/*"));
    } else if (t.type == "fargate-service") {
        const std::string task = grantRunTask(c, n, t);
        if (task.empty())
            return false;
        arn = getAtt(sharedCluster(c), "Arn");
        params.set(
            "EcsTaskParameters",
            map({{"TaskDefinitionArn", cfn::ref(task)},
                 {"LaunchType", text("FARGATE")},
                 {"TaskCount", integer(1)},
                 {"NetworkConfiguration",
                  map({{"AwsvpcConfiguration", map({{"Subnets", subnets(c, false)},
                                                    {"SecurityGroups", securityGroups(c, t)},
                                                    {"AssignPublicIp", text("DISABLED")}})}})}}));
    } else {
        return false;
    }
    Tree &p = c.properties(pipe);
    p.set("Target", std::move(arn));
    if (!params.entries.empty())
        p.set("TargetParameters", std::move(params));
    return true;
}

} // namespace

const Node *ruleBus(ExportContext &c, const Node &rule)
{
    for (const Edge *e : c.incoming(rule.id)) {
        if (c.node(e->source).type == "eventbridge-bus")
            return &c.node(e->source);
    }
    return nullptr;
}

Tree rulePattern(ExportContext &c, const Node &rule)
{
    const std::string pattern = prop(c, rule, "eventPattern");
    if (!pattern.empty()) {
        Tree t = parseJsonText(c, rule, pattern);
        if (!t.isNull())
            return t;
    }
    return catchAllPattern();
}

Tree scheduleSettings(ExportContext &c, const Node &schedule)
{
    Tree p = map({{"ScheduleExpression", text(prop(c, schedule, "scheduleExpression"))}});
    const std::string tz = prop(c, schedule, "timezone");
    if (!tz.empty())
        p.set("ScheduleExpressionTimezone", text(tz));
    p.set("FlexibleTimeWindow", flexibleWindow(c, schedule));
    p.set("State", text(enabledState(c, schedule)));
    return p;
}

Tree scheduleTarget(ExportContext &c, const Node &schedule, const Node &target)
{
    const std::string role = c.serviceRole(schedule, "scheduler.amazonaws.com");
    const std::string &tid = lid(c, target);
    Tree t = Tree::makeMap();
    if (target.type == "lambda-function") {
        t.set("Arn", getAtt(tid, "Arn"));
        c.grantStatement(schedule, {"lambda:InvokeFunction"}, getAtt(tid, "Arn"));
    } else if (target.type == "step-functions") {
        t.set("Arn", cfn::ref(tid));
        c.grantStatement(schedule, {"states:StartExecution"}, cfn::ref(tid));
    } else if (target.type == "sqs-queue") {
        t.set("Arn", getAtt(tid, "Arn"));
        c.grantStatement(schedule, {"sqs:SendMessage"}, getAtt(tid, "Arn"));
    } else if (target.type == "sns-topic") {
        t.set("Arn", cfn::ref(tid));
        c.grantStatement(schedule, {"sns:Publish"}, cfn::ref(tid));
    } else if (target.type == "eventbridge-bus") {
        t.set("Arn", getAtt(tid, "Arn"));
        t.set("EventBridgeParameters",
              map({{"DetailType", text("Scheduled")}, {"Source", text(kebab(schedule.name))}}));
        c.grantStatement(schedule, {"events:PutEvents"}, getAtt(tid, "Arn"));
    } else if (target.type == "kinesis-stream") {
        t.set("Arn", getAtt(tid, "Arn"));
        t.set("KinesisParameters", map({{"PartitionKey", text(kebab(schedule.name))}}));
        c.grantStatement(schedule, {"kinesis:PutRecord"}, getAtt(tid, "Arn"));
    } else if (target.type == "firehose-stream") {
        t.set("Arn", getAtt(tid, "Arn"));
        c.grantStatement(schedule, {"firehose:PutRecord"}, getAtt(tid, "Arn"));
    } else {
        return {};
    }
    t.set("RoleArn", getAtt(role, "Arn"));
    Tree retry = retryPolicy(schedule);
    if (!retry.entries.empty())
        t.set("RetryPolicy", std::move(retry));
    return t;
}

void useDefaultBuses(ExportContext &c)
{
    for (const Node &n : c.design().nodes()) {
        if (!isDefaultBus(c, n))
            continue;
        const std::string &id = lid(c, n);
        for (ResourceEntry &r : c.resources())
            pointAtDefaultBus(r.body, id);
    }
}

void registerEventExporters(Registry &r)
{
    r["eventbridge-bus"] = {busResources, busOutgoing};
    r["eventbridge-rule"] = {ruleResources, ruleOutgoing};
    r["eventbridge-schedule"] = {scheduleResources, scheduleOutgoing};
    r["eventbridge-pipe"] = {pipeResources, pipeOutgoing};
}

} // namespace nimbus::model::iac::exporting
