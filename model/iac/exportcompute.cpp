// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// Exporters of the compute services: Lambda functions, Step Functions state machines and
// Fargate services. Facts: AWS SAM specification (shared/reference/sam), CloudFormation
// resource reference
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-template-resource-type-ref.html
// and the Step Functions service integrations
// https://docs.aws.amazon.com/step-functions/latest/dg/integrate-optimized.html
#include "cfntree.h"
#include "exporthelpers.h"
#include "exportservices.h"

#include <model/analysis/propertyaccess.h>

#include <algorithm>
#include <cmath>

namespace nimbus::model::iac::exporting {

namespace {

using namespace cfn;

// --- Lambda ----------------------------------------------------------------------------------

std::string handlerFor(const std::string &runtime)
{
    if (runtime.rfind("nodejs", 0) == 0)
        return "index.handler";
    if (runtime.rfind("java", 0) == 0)
        return "example.Handler::handleRequest";
    if (runtime.rfind("dotnet", 0) == 0)
        return "Function::Function.Handler::FunctionHandler";
    if (runtime.rfind("provided", 0) == 0)
        return "bootstrap";
    return "app.handler";
}

/// Asynchronous retries and event age, when they differ from AWS's defaults.
void lambdaInvokeConfig(ExportContext &c, const Node &n, Tree &p)
{
    const double retries = num(c, n, "maximumRetryAttempts", 2);
    const double age = num(c, n, "maximumEventAgeSeconds", 21600);
    if (retries == 2 && age == 21600)
        return;
    Tree config =
        map({{"MaximumRetryAttempts", intNum(retries)}, {"MaximumEventAgeInSeconds", intNum(age)}});
    if (c.sam()) {
        p.set("EventInvokeConfig", config);
        return;
    }
    const std::string &fid = lid(c, n);
    config.entries.insert(config.entries.begin(), {"Qualifier", text("$LATEST")});
    config.entries.insert(config.entries.begin(), {"FunctionName", cfn::ref(fid)});
    put(c, c.reserveId(fid + "InvokeConfig"), "AWS::Lambda::EventInvokeConfig", &n,
        std::move(config));
}

void lambdaProvisionedConcurrency(ExportContext &c, const Node &n, Tree &p)
{
    const double provisioned = num(c, n, "provisionedConcurrency", 0);
    if (provisioned <= 0)
        return;
    const std::string &fid = lid(c, n);
    Tree config = map({{"ProvisionedConcurrentExecutions", intNum(provisioned)}});
    if (c.sam()) {
        p.set("AutoPublishAlias", text("live"));
        p.set("ProvisionedConcurrencyConfig", std::move(config));
        c.addExpanded(fid, 2);
        return;
    }
    const std::string vid = c.reserveId(fid + "Version");
    put(c, vid, "AWS::Lambda::Version", &n, map({{"FunctionName", cfn::ref(fid)}}));
    put(c, c.reserveId(fid + "Alias"), "AWS::Lambda::Alias", &n,
        map({{"FunctionName", cfn::ref(fid)},
             {"FunctionVersion", getAtt(vid, "Version")},
             {"Name", text("live")},
             {"ProvisionedConcurrencyConfig", std::move(config)}}));
}

void lambdaResources(ExportContext &c, const Node &n)
{
    const std::string &fid = lid(c, n);
    const bool sam = c.sam();
    Tree &body = c.addResource(fid, sam ? "AWS::Serverless::Function" : "AWS::Lambda::Function", &n,
                               sam ? 2 : 1);
    // An entry of the body's map: its storage moves with the body, so it survives resources
    // added later (the body itself does not).
    Tree &p = cfn::child(body, "Properties");
    p.set("Description", text(n.name));
    const std::string runtime = prop(c, n, "runtime");
    const std::string package = kebab(n.name.empty() ? fid : n.name);
    if (sam) {
        p.set("CodeUri", text("src/" + package + "/"));
    } else {
        c.useParameter("ArtifactBucket");
        c.addParameter("ArtifactBucket",
                       map({{"Type", text("String")},
                            {"Description", text("S3 bucket holding the functions' deployment "
                                                 "packages (<stage>/<function>.zip).")}}));
        p.set("Code", map({{"S3Bucket", cfn::ref("ArtifactBucket")},
                           {"S3Key", sub("${Stage}/" + package + ".zip")}}));
    }
    p.set("Handler", text(handlerFor(runtime)));
    p.set("Runtime", text(runtime));
    p.set("Architectures", list({text(prop(c, n, "architecture"))}));
    p.set("MemorySize", intNum(num(c, n, "memoryMb", 128)));
    p.set("Timeout", intNum(num(c, n, "timeoutSeconds", 3)));
    const double tmp = num(c, n, "ephemeralStorageMb", 512);
    if (tmp != 512)
        p.set("EphemeralStorage", map({{"Size", intNum(tmp)}}));
    if (auto reserved = setNum(n, "reservedConcurrency"))
        p.set("ReservedConcurrentExecutions", intNum(*reserved));
    if (prop(c, n, "recursiveLoop") == "Allow")
        p.set("RecursiveLoop", text("Allow"));
    if (!sam) {
        const std::string role = c.serviceRole(n, "lambda.amazonaws.com");
        c.properties(role).set("ManagedPolicyArns",
                               list({managedPolicy("service-role/AWSLambdaBasicExecutionRole")}));
        p.set("Role", getAtt(role, "Arn"));
    }
    c.setEnvironment(n, "STAGE", cfn::ref("Stage"));
    lambdaInvokeConfig(c, n, p);
    lambdaProvisionedConcurrency(c, n, p);
    c.addOutput(fid + "Arn", "ARN of the " + n.name + " function", getAtt(fid, "Arn"));
}

// --- State machines ---------------------------------------------------------------------

Tree task(const std::string &resource, Tree params)
{
    return map(
        {{"Type", text("Task")}, {"Resource", text(resource)}, {"Parameters", std::move(params)}});
}

/// Runs a task of a Fargate service and, in a Standard workflow, waits for it to stop.
/// wireStateMachineTask fills in the variables once the service's resources exist.
Tree fargateTask(ExportContext &c, const Edge &e, const std::string &var)
{
    const auto split = [&](const char *what) {
        return text("States.StringSplit('${" + var + what + "}', ',')");
    };
    const bool standard = prop(c, c.node(e.source), "workflowType") != "EXPRESS";
    return task(
        standard ? "arn:aws:states:::ecs:runTask.sync" : "arn:aws:states:::ecs:runTask",
        map({{"Cluster", text("${" + var + "Cluster}")},
             {"TaskDefinition", text("${" + var + "TaskDefinition}")},
             {"LaunchType", text("FARGATE")},
             {"NetworkConfiguration",
              map({{"AwsvpcConfiguration", map({{"Subnets.$", split("Subnets")},
                                                {"SecurityGroups.$", split("SecurityGroups")},
                                                {"AssignPublicIp", text("DISABLED")}})}})}}));
}

/// A Task state for calling `target` from a state machine, or a null tree when Step
/// Functions has no integration Nimbus writes for it.
Tree taskFor(ExportContext &c, const Edge &e, const Node &target, const std::string &var)
{
    const std::string v = "${" + var + "}";
    const std::string t = target.type;
    if (t == "lambda-function") {
        Tree s = task("arn:aws:states:::lambda:invoke",
                      map({{"FunctionName", text(v)}, {"Payload.$", text("$")}}));
        s.set("OutputPath", text("$.Payload"));
        s.set("Retry", list({map({{"ErrorEquals", list({text("Lambda.ServiceException"),
                                                        text("Lambda.TooManyRequestsException"),
                                                        text("Lambda.SdkClientException")})},
                                  {"IntervalSeconds", integer(2)},
                                  {"MaxAttempts", integer(3)},
                                  {"BackoffRate", integer(2)}})}));
        return s;
    }
    if (t == "sqs-queue")
        return task("arn:aws:states:::sqs:sendMessage",
                    map({{"QueueUrl", text(v)}, {"MessageBody.$", text("$")}}));
    if (t == "sns-topic")
        return task("arn:aws:states:::sns:publish",
                    map({{"TopicArn", text(v)}, {"Message.$", text("$")}}));
    if (t == "dynamodb-table") {
        if (e.kind == ConnectionKind::Read)
            return task("arn:aws:states:::dynamodb:getItem",
                        map({{"TableName", text(v)},
                             {"Key", map({{"pk", map({{"S.$", text("$.id")}})}})}}));
        return task("arn:aws:states:::dynamodb:putItem",
                    map({{"TableName", text(v)},
                         {"Item", map({{"pk", map({{"S.$", text("$$.Execution.Id")}})}})}}));
    }
    if (t == "s3-bucket") {
        if (e.kind == ConnectionKind::Read)
            return task("arn:aws:states:::aws-sdk:s3:getObject",
                        map({{"Bucket", text(v)}, {"Key.$", text("$.key")}}));
        return task("arn:aws:states:::aws-sdk:s3:putObject",
                    map({{"Bucket", text(v)},
                         {"Key.$", text("$$.Execution.Name")},
                         {"Body.$", text("$")}}));
    }
    if (t == "eventbridge-bus")
        return task("arn:aws:states:::events:putEvents",
                    map({{"Entries", list({map({{"EventBusName", text(v)},
                                                {"Source", text(kebab(c.node(e.source).name))},
                                                {"DetailType", text("StepCompleted")},
                                                {"Detail.$", text("$")}})})}}));
    if (t == "step-functions")
        return task(e.kind == ConnectionKind::SyncInvoke
                        ? "arn:aws:states:::states:startExecution.sync:2"
                        : "arn:aws:states:::states:startExecution",
                    map({{"StateMachineArn", text(v)}, {"Input.$", text("$")}}));
    if (t == "glue-job")
        return task("arn:aws:states:::glue:startJobRun.sync", map({{"JobName", text(v)}}));
    if (t == "athena-workgroup")
        return task("arn:aws:states:::athena:startQueryExecution",
                    map({{"QueryString.$", text("$.query")}, {"WorkGroup", text(v)}}));
    if (t == "kinesis-stream")
        return task("arn:aws:states:::aws-sdk:kinesis:putRecord",
                    map({{"StreamName", text(v)},
                         {"Data.$", text("$")},
                         {"PartitionKey.$", text("$$.Execution.Name")}}));
    if (t == "firehose-stream")
        return task("arn:aws:states:::aws-sdk:firehose:putRecord",
                    map({{"DeliveryStreamName", text(v)},
                         {"Record", map({{"Data.$", text("States.JsonToString($)")}})}}));
    if (t == "sagemaker-serverless-endpoint")
        return task("arn:aws:states:::aws-sdk:sagemakerruntime:invokeEndpoint",
                    map({{"EndpointName", text(v)},
                         {"Body.$", text("States.JsonToString($)")},
                         {"ContentType", text("application/json")}}));
    if (t == "rekognition")
        return task("arn:aws:states:::aws-sdk:rekognition:detectLabels",
                    map({{"Image", map({{"S3Object", map({{"Bucket.$", text("$.bucket")},
                                                          {"Name.$", text("$.key")}})}})}}));
    if (t == "aurora-serverless")
        return task("arn:aws:states:::aws-sdk:rdsdata:executeStatement",
                    map({{"ResourceArn", text(v)},
                         {"SecretArn", text("${" + var + "Secret}")},
                         {"Sql.$", text("$.sql")}}));
    if (t == "fargate-service" && importedResource(target) == nullptr)
        return fargateTask(c, e, var);
    return {};
}

/// Adds the values a state machine definition substitutes for a target ("${Orders}").
/// Rekognition needs none; a Fargate service's are added when its edge is wired.
void addSubstitutions(ExportContext &c, Tree &substitutions, const Node &target)
{
    const std::string &i = lid(c, target);
    const std::string &t = target.type;
    if (substitutions.find(i) != nullptr || t == "rekognition" || t == "fargate-service")
        return;
    if (t == "lambda-function")
        substitutions.set(i, getAtt(i, "Arn"));
    else if (t == "sagemaker-serverless-endpoint")
        substitutions.set(i, getAtt(i, "EndpointName"));
    else if (t == "aurora-serverless")
        substitutions.set(i, getAtt(i, "DBClusterArn"));
    else
        substitutions.set(i, cfn::ref(i));
}

/// The states of a state machine: each connected service called in turn; failure edges
/// become a Catch that notifies the failure target. Returns the start state's name.
std::string writeStates(ExportContext &c, const Node &n, Tree &states, Tree &substitutions)
{
    std::vector<std::string> order;
    const Edge *failureEdge = nullptr;
    for (const Edge *e : live(c.outgoing(n.id))) {
        const Node &target = c.node(e->target);
        const std::string use = edgePurpose(*e);
        if (use == "on-failure" || use == "dead-letter") {
            failureEdge = e;
            continue;
        }
        Tree state = taskFor(c, *e, target, lid(c, target));
        if (state.isNull()) {
            c.info(
                n.name + " -> " + target.name +
                ": Step Functions has no integration Nimbus writes for it; add the state by hand");
            continue;
        }
        std::string name = pascalCase(target.name.empty() ? lid(c, target) : target.name);
        if (states.find(name) != nullptr)
            name += std::to_string(order.size() + 1);
        order.push_back(name);
        states.entries.emplace_back(name, std::move(state));
        addSubstitutions(c, substitutions, target);
        if (target.type == "aurora-serverless")
            substitutions.set(lid(c, target) + "Secret",
                              getAtt(lid(c, target), "MasterUserSecret.SecretArn"));
    }
    if (order.empty()) {
        order.push_back("Start");
        states.entries.emplace_back("Start", map({{"Type", text("Pass")}}));
    }
    for (std::size_t i = 0; i < order.size(); ++i) {
        Tree &s = *states.find(order[i]);
        if (i + 1 < order.size())
            s.set("Next", text(order[i + 1]));
        else
            s.set("End", boolean(true));
        if (failureEdge != nullptr && s.find("Resource") != nullptr)
            s.set("Catch", list({map({{"ErrorEquals", list({text("States.ALL")})},
                                      {"Next", text("NotifyFailure")}})}));
    }
    if (failureEdge != nullptr) {
        const Node &failureTarget = c.node(failureEdge->target);
        Tree notify = taskFor(c, *failureEdge, failureTarget, lid(c, failureTarget));
        if (!notify.isNull()) {
            notify.set("Next", text("Failed"));
            states.set("NotifyFailure", std::move(notify));
            states.set("Failed", map({{"Type", text("Fail")}, {"Error", text("WorkflowFailed")}}));
            addSubstitutions(c, substitutions, failureTarget);
        }
    }
    return order.front();
}

void stateMachineResources(ExportContext &c, const Node &n)
{
    const std::string &sid = lid(c, n);
    const bool sam = c.sam();
    Tree &body = c.addResource(
        sid, sam ? "AWS::Serverless::StateMachine" : "AWS::StepFunctions::StateMachine", &n,
        sam ? 2 : 1);
    Tree &p = cfn::child(body, "Properties");
    p.set(sam ? "Type" : "StateMachineType", text(prop(c, n, "workflowType")));
    Tree states = Tree::makeMap();
    Tree substitutions = Tree::makeMap();
    const std::string start = writeStates(c, n, states, substitutions);
    p.set("Definition",
          map({{"Comment", text(n.name + " (generated by Nimbus from the design's connections)")},
               {"StartAt", text(start)},
               {"States", std::move(states)}}));
    if (!substitutions.entries.empty())
        p.set("DefinitionSubstitutions", std::move(substitutions));
    if (flag(c, n, "tracingEnabled"))
        p.set(sam ? "Tracing" : "TracingConfiguration", map({{"Enabled", boolean(true)}}));
    if (!sam)
        p.set("RoleArn", getAtt(c.serviceRole(n, "states.amazonaws.com"), "Arn"));
    else
        p.set("Policies", Tree::makeSequence());
    c.addOutput(sid + "Arn", "ARN of the " + n.name + " state machine", cfn::ref(sid));
}

// --- Fargate ------------------------------------------------------------------------------

Tree fargateContainer(ExportContext &c, const Node &n, const std::string &logs)
{
    const std::string &svc = lid(c, n);
    const std::string name = dashed(c, n);
    Tree container = map(
        {{"Name", text(name)},
         {"Image", param(c, svc + "Image", "String", "Container image URI of " + n.name)},
         {"Essential", boolean(true)},
         {"LogConfiguration", map({{"LogDriver", text("awslogs")},
                                   {"Options", map({{"awslogs-group", cfn::ref(logs)},
                                                    {"awslogs-region", cfn::ref("AWS::Region")},
                                                    {"awslogs-stream-prefix", text(name)}})}})}});
    const auto in = live(c.incoming(n.id));
    if (std::any_of(in.begin(), in.end(),
                    [&](const Edge *e) { return c.node(e->source).type == "alb"; })) {
        const Tree port = param(c, svc + "ContainerPort", "Number",
                                "Port the " + n.name + " container listens on", "80");
        container.set("PortMappings",
                      list({map({{"ContainerPort", port}, {"Protocol", text("tcp")}})}));
    }
    return container;
}

void fargateResources(ExportContext &c, const Node &n)
{
    const std::string &svc = lid(c, n);
    const std::string cluster = sharedCluster(c);
    const std::string taskRole = c.serviceRole(n, "ecs-tasks.amazonaws.com");
    const std::string execRole = addRole(c, svc + "ExecutionRole", n, "ecs-tasks.amazonaws.com",
                                         "service-role/AmazonECSTaskExecutionRolePolicy");
    const std::string logs = c.reserveId(svc + "Logs");
    put(c, logs, "AWS::Logs::LogGroup", &n, map({{"RetentionInDays", integer(30)}}));
    const std::string os = prop(c, n, "operatingSystem");
    Tree task =
        map({{"Cpu", text(prop(c, n, "cpuUnits"))},
             {"Memory", text(std::to_string(std::llround(num(c, n, "memoryMb", 512))))},
             {"NetworkMode", text("awsvpc")},
             {"RequiresCompatibilities", list({text("FARGATE")})},
             {"RuntimePlatform", map({{"CpuArchitecture", text(prop(c, n, "architecture"))},
                                      {"OperatingSystemFamily", text(os.empty() ? "LINUX" : os)}})},
             {"ExecutionRoleArn", getAtt(execRole, "Arn")},
             {"TaskRoleArn", getAtt(taskRole, "Arn")},
             {"ContainerDefinitions", list({fargateContainer(c, n, logs)})}});
    if (const double storage = num(c, n, "ephemeralStorageGb", 20); storage > 20)
        task.set("EphemeralStorage", map({{"SizeInGiB", intNum(storage)}}));
    const std::string taskId = c.reserveId(svc + "TaskDefinition");
    put(c, taskId, "AWS::ECS::TaskDefinition", &n, std::move(task));
    Tree service = map({{"Cluster", cfn::ref(cluster)},
                        {"TaskDefinition", cfn::ref(taskId)},
                        {"DesiredCount", intNum(num(c, n, "desiredCount", 1))}});
    if (prop(c, n, "capacityProvider") == "FARGATE_SPOT")
        service.set(
            "CapacityProviderStrategy",
            list({map({{"CapacityProvider", text("FARGATE_SPOT")}, {"Weight", integer(1)}})}));
    else
        service.set("LaunchType", text("FARGATE"));
    service.set("NetworkConfiguration",
                map({{"AwsvpcConfiguration", map({{"Subnets", subnets(c, false)},
                                                  {"SecurityGroups", securityGroups(c, n)},
                                                  {"AssignPublicIp", text("DISABLED")}})}}));
    put(c, svc, "AWS::ECS::Service", &n, std::move(service));
    // Queues the service polls (streams are granted by the stream's exporter).
    for (const Edge *e : live(c.incoming(n.id))) {
        const Node &s = c.node(e->source);
        if (s.type == "sqs-queue")
            c.grantPolicyTemplate(n, "SQSPollerPolicy", "QueueName",
                                  getAtt(lid(c, s), "QueueName"));
    }
}

/// SDK calls from the containers: the task role gets what a function would, and the
/// container an environment variable naming the target.
bool fargateOutgoing(ExportContext &c, const Edge &e, const Node &n, const Node &t)
{
    const std::string task = ownedResource(c, n, "AWS::ECS::TaskDefinition");
    if (task.empty())
        return false;
    c.serviceRole(n, "ecs-tasks.amazonaws.com");
    const ConnectionRule *rule = c.catalog().connections().rule("lambda-function", t.type);
    if (!grantDataAccess(c, n, rule, e, t))
        return false;
    if (rule != nullptr && !rule->sam.environment.empty()) {
        Tree &container = cfn::childList(c.properties(task), "ContainerDefinitions").items.front();
        Tree &env = cfn::childList(container, "Environment");
        const std::string name = environmentName(c, t);
        if (std::none_of(env.items.begin(), env.items.end(),
                         [&](const Tree &v) { return v.find("Name")->scalar == name; }))
            env.items.push_back(map(
                {{"Name", text(name)}, {"Value", environmentValue(c, t, rule->sam.environment)}}));
    }
    return true;
}

} // namespace

std::string sharedCluster(ExportContext &c)
{
    for (const ResourceEntry &r : c.resources()) {
        if (r.owner.empty() && isOfType(r, "AWS::ECS::Cluster"))
            return r.logicalId;
    }
    const std::string id = c.reserveId("EcsCluster");
    put(c, id, "AWS::ECS::Cluster", nullptr,
        map({{"CapacityProviders", list({text("FARGATE"), text("FARGATE_SPOT")})},
             {"ClusterSettings",
              list({map({{"Name", text("containerInsights")}, {"Value", text("enabled")}})})}}));
    return id;
}

std::string grantRunTask(ExportContext &c, const Node &principal, const Node &service)
{
    const std::string task = ownedResource(c, service, "AWS::ECS::TaskDefinition");
    if (task.empty())
        return task;
    c.grantStatement(principal, {"ecs:RunTask"}, cfn::ref(task));
    Tree roles = Tree::makeSequence(); // the task and execution roles
    for (const std::string &role : ownedResources(c, service, "AWS::IAM::Role"))
        roles.items.push_back(getAtt(role, "Arn"));
    c.grantStatement(principal, {"iam:PassRole"}, std::move(roles));
    return task;
}

bool wireStateMachineTask(ExportContext &c, const Node &stateMachine, const Node &service)
{
    const std::string task = grantRunTask(c, stateMachine, service);
    if (task.empty())
        return false;
    const std::string cluster = sharedCluster(c);
    if (prop(c, stateMachine, "workflowType") != "EXPRESS") {
        // runTask.sync learns that the task stopped through a rule Step Functions manages.
        c.grantStatement(stateMachine, {"ecs:StopTask", "ecs:DescribeTasks"},
                         arnSub("ecs:${AWS::Region}:${AWS::AccountId}:task/${" + cluster + "}/*"));
        c.grantStatement(stateMachine,
                         {"events:PutTargets", "events:PutRule", "events:DescribeRule"},
                         arnSub("events:${AWS::Region}:${AWS::AccountId}:rule/"
                                "StepFunctionsGetEventsForECSTaskRule"));
    }
    // Substitutions are strings: the subnet and security group lists travel joined, and
    // the Task state splits them again (States.StringSplit).
    const std::string &var = lid(c, service);
    Tree &substitutions = cfn::child(c.properties(lid(c, stateMachine)), "DefinitionSubstitutions");
    substitutions.set(var + "Cluster", getAtt(cluster, "Arn"));
    substitutions.set(var + "TaskDefinition", cfn::ref(task));
    substitutions.set(var + "Subnets", tagged("!Join", {text(","), subnets(c, false)}));
    substitutions.set(var + "SecurityGroups",
                      tagged("!Join", {text(","), securityGroups(c, service)}));
    return true;
}

void registerComputeExporters(Registry &r)
{
    r["lambda-function"] = {lambdaResources, nullptr};
    r["step-functions"] = {stateMachineResources, nullptr};
    r["fargate-service"] = {fargateResources, fargateOutgoing};
}

} // namespace nimbus::model::iac::exporting
