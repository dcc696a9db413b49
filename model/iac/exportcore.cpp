// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// Exporters of the core services and the wiring around functions and state machines.
// Facts: AWS SAM specification (shared/reference/sam), CloudFormation resource reference
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-template-resource-type-ref.html
#include "cfntree.h"
#include "exportcontext.h"
#include "policytemplates.h"

#include <model/analysis/propertyaccess.h>
#include <model/io/yamlreader.h>

#include <cmath>

namespace nimbus::model::iac {

namespace {

using namespace cfn;

// --- small helpers -------------------------------------------------------------------------

std::string prop(ExportContext &c, const Node &n, const char *key)
{
    const ServiceType *t = c.type(n);
    return t != nullptr ? textProperty(n, *t, key) : std::string();
}

double num(ExportContext &c, const Node &n, const char *key, double fallback)
{
    const ServiceType *t = c.type(n);
    return t != nullptr ? numberProperty(n, *t, key, fallback) : fallback;
}

std::optional<double> optNum(ExportContext &c, const Node &n, const char *key)
{
    const ServiceType *t = c.type(n);
    return t != nullptr ? optionalNumber(n, *t, key) : std::nullopt;
}

bool flag(ExportContext &c, const Node &n, const char *key)
{
    return prop(c, n, key) == "true";
}

/// The node's value when the user set it (not the catalog default).
std::optional<double> setNum(const Node &n, const char *key)
{
    auto it = n.properties.find(key);
    return it == n.properties.end() ? std::nullopt : toNumber(it->second);
}

Tree intNum(double v)
{
    return integer(static_cast<long long>(std::llround(v)));
}

const std::string &id(ExportContext &c, const Node &n)
{
    return c.logicalId(n.id);
}

Tree arnOf(ExportContext &c, const Node &n)
{
    const std::string &i = id(c, n);
    if (n.type == "sns-topic" || n.type == "step-functions" || n.type == "sagemaker-serverless-endpoint")
        return cfn::ref(i);
    if (n.type == "aurora-serverless")
        return getAtt(i, "DBClusterArn");
    if (n.type == "glue-job")
        return sub("arn:${AWS::Partition}:glue:${AWS::Region}:${AWS::AccountId}:job/${" + i + "}");
    if (n.type == "athena-workgroup")
        return sub("arn:${AWS::Partition}:athena:${AWS::Region}:${AWS::AccountId}:workgroup/${" + i + "}");
    if (n.type == "apigw-websocket-api")
        return sub("arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${" + i + "}/${Stage}/POST/@connections/*");
    if (n.type == "firehose-stream" || n.type == "kinesis-stream" || n.type == "dynamodb-table"
        || n.type == "sqs-queue" || n.type == "lambda-function" || n.type == "s3-bucket"
        || n.type == "eventbridge-bus" || n.type == "cognito-user-pool" || n.type == "appsync-api")
        return getAtt(i, n.type == "appsync-api" ? "Arn" : "Arn");
    return getAtt(i, "Arn");
}

bool isFunction(const Node &n) { return n.type == "lambda-function"; }
bool isStateMachine(const Node &n) { return n.type == "step-functions"; }

std::string purpose(const Edge &e)
{
    return edgePurpose(e);
}

/// Edge property as a number, when set.
std::optional<double> edgeNum(const Edge &e, const char *key)
{
    auto it = e.properties.find(key);
    return it == e.properties.end() ? std::nullopt : toNumber(it->second);
}

Tree lambdaPermission(ExportContext &c, const Node &function, const std::string &idBase,
                      const std::string &principal, Tree sourceArn, const Node *owner)
{
    const std::string pid = c.reserveId(idBase);
    Tree &props = cfn::child(c.addResource(pid, "AWS::Lambda::Permission", owner), "Properties");
    props.set("Action", text("lambda:InvokeFunction"));
    props.set("FunctionName", getAtt(id(c, function), "Arn"));
    props.set("Principal", text(principal));
    if (!sourceArn.isNull())
        props.set("SourceArn", std::move(sourceArn));
    return cfn::ref(pid);
}

/// A resource policy letting an AWS service send to a queue (SQS) or topic (SNS).
void allowServiceToSend(ExportContext &c, const Node &target, const std::string &service, Tree sourceArn,
                        const Node &owner)
{
    const bool queue = target.type == "sqs-queue";
    const std::string pid = c.reserveId(id(c, target) + (queue ? "Policy" : "TopicPolicy") + id(c, owner));
    Tree &props = cfn::child(c.addResource(pid, queue ? "AWS::SQS::QueuePolicy" : "AWS::SNS::TopicPolicy", &owner),
                             "Properties");
    Tree statement = map({{"Effect", text("Allow")},
                          {"Principal", map({{"Service", text(service)}})},
                          {"Action", text(queue ? "sqs:SendMessage" : "sns:Publish")},
                          {"Resource", queue ? getAtt(id(c, target), "Arn") : cfn::ref(id(c, target))},
                          {"Condition", map({{"ArnEquals", map({{"aws:SourceArn", std::move(sourceArn)}})}})}});
    props.set("PolicyDocument", map({{"Version", Tree::makeScalar("2012-10-17", true)},
                                     {"Statement", list({statement})}}));
    if (queue)
        props.set("Queues", list({cfn::ref(id(c, target))}));
    else
        props.set("Topics", list({cfn::ref(id(c, target))}));
}

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

// --- Lambda ----------------------------------------------------------------------------------

void lambdaResources(ExportContext &c, const Node &n)
{
    const std::string &fid = id(c, n);
    const bool sam = c.sam();
    Tree &body = c.addResource(fid, sam ? "AWS::Serverless::Function" : "AWS::Lambda::Function", &n, sam ? 2 : 1);
    Tree &p = cfn::child(body, "Properties");
    p.set("Description", text(n.name));
    const std::string runtime = prop(c, n, "runtime");
    if (sam) {
        p.set("CodeUri", text("src/" + kebab(n.name.empty() ? fid : n.name) + "/"));
    } else {
        c.useParameter("ArtifactBucket");
        c.addParameter("ArtifactBucket", map({{"Type", text("String")},
                                              {"Description", text("S3 bucket holding the functions' deployment packages (<stage>/<function>.zip).")}}));
        p.set("Code", map({{"S3Bucket", cfn::ref("ArtifactBucket")},
                           {"S3Key", sub("${Stage}/" + kebab(n.name.empty() ? fid : n.name) + ".zip")}}));
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
        cfn::child(c.resource(role), "Properties")
            .set("ManagedPolicyArns", list({sub("arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")}));
        p.set("Role", getAtt(role, "Arn"));
    }
    c.setEnvironment(n, "STAGE", cfn::ref("Stage"));
    // Asynchronous retries and event age, when they differ from AWS's defaults.
    const double retries = num(c, n, "maximumRetryAttempts", 2);
    const double age = num(c, n, "maximumEventAgeSeconds", 21600);
    if (retries != 2 || age != 21600) {
        Tree config = map({{"MaximumRetryAttempts", intNum(retries)}, {"MaximumEventAgeInSeconds", intNum(age)}});
        if (sam) {
            p.set("EventInvokeConfig", config);
        } else {
            const std::string cid = c.reserveId(fid + "InvokeConfig");
            Tree &cp = cfn::child(c.addResource(cid, "AWS::Lambda::EventInvokeConfig", &n), "Properties");
            cp = config;
            cp.entries.insert(cp.entries.begin(), {"Qualifier", text("$LATEST")});
            cp.entries.insert(cp.entries.begin(), {"FunctionName", cfn::ref(fid)});
        }
    }
    const double provisioned = num(c, n, "provisionedConcurrency", 0);
    if (provisioned > 0) {
        if (sam) {
            p.set("AutoPublishAlias", text("live"));
            p.set("ProvisionedConcurrencyConfig", map({{"ProvisionedConcurrentExecutions", intNum(provisioned)}}));
            c.addExpanded(fid, 2);
        } else {
            const std::string vid = c.reserveId(fid + "Version");
            cfn::child(c.addResource(vid, "AWS::Lambda::Version", &n), "Properties").set("FunctionName", cfn::ref(fid));
            const std::string aid = c.reserveId(fid + "Alias");
            Tree &ap = cfn::child(c.addResource(aid, "AWS::Lambda::Alias", &n), "Properties");
            ap.set("FunctionName", cfn::ref(fid));
            ap.set("FunctionVersion", getAtt(vid, "Version"));
            ap.set("Name", text("live"));
            ap.set("ProvisionedConcurrencyConfig", map({{"ProvisionedConcurrentExecutions", intNum(provisioned)}}));
        }
    }
    c.addOutput(fid + "Arn", "ARN of the " + n.name + " function", getAtt(fid, "Arn"));
}

/// The failure or success destination config of a function (CloudFormation resource form).
Tree &invokeConfig(ExportContext &c, const Node &fn)
{
    const std::string &fid = id(c, fn);
    if (c.sam())
        return cfn::child(c.properties(fid), "EventInvokeConfig");
    const std::string cid = fid + "InvokeConfig";
    if (!c.hasResource(cid)) {
        Tree &cp = cfn::child(c.addResource(cid, "AWS::Lambda::EventInvokeConfig", &fn), "Properties");
        cp.set("FunctionName", cfn::ref(fid));
        cp.set("Qualifier", text("$LATEST"));
    }
    return c.properties(cid);
}

// --- State machines ---------------------------------------------------------------------

/// A Task state for calling `target` from a state machine, or a null tree when Step
/// Functions has no integration Nimbus writes for it.
Tree taskFor(ExportContext &c, const Edge &e, const Node &target, const std::string &var)
{
    const std::string v = "${" + var + "}";
    auto task = [](const std::string &resource, Tree params) {
        return map({{"Type", text("Task")}, {"Resource", text(resource)}, {"Parameters", std::move(params)}});
    };
    const std::string t = target.type;
    if (t == "lambda-function") {
        Tree s = task("arn:aws:states:::lambda:invoke", map({{"FunctionName", text(v)}, {"Payload.$", text("$")}}));
        s.set("OutputPath", text("$.Payload"));
        s.set("Retry", list({map({{"ErrorEquals", list({text("Lambda.ServiceException"), text("Lambda.TooManyRequestsException"), text("Lambda.SdkClientException")})},
                                  {"IntervalSeconds", integer(2)}, {"MaxAttempts", integer(3)}, {"BackoffRate", integer(2)}})}));
        return s;
    }
    if (t == "sqs-queue")
        return task("arn:aws:states:::sqs:sendMessage", map({{"QueueUrl", text(v)}, {"MessageBody.$", text("$")}}));
    if (t == "sns-topic")
        return task("arn:aws:states:::sns:publish", map({{"TopicArn", text(v)}, {"Message.$", text("$")}}));
    if (t == "dynamodb-table") {
        if (e.kind == ConnectionKind::Read)
            return task("arn:aws:states:::dynamodb:getItem",
                        map({{"TableName", text(v)}, {"Key", map({{"pk", map({{"S.$", text("$.id")}})}})}}));
        return task("arn:aws:states:::dynamodb:putItem",
                    map({{"TableName", text(v)}, {"Item", map({{"pk", map({{"S.$", text("$$.Execution.Id")}})}})}}));
    }
    if (t == "s3-bucket") {
        if (e.kind == ConnectionKind::Read)
            return task("arn:aws:states:::aws-sdk:s3:getObject", map({{"Bucket", text(v)}, {"Key.$", text("$.key")}}));
        return task("arn:aws:states:::aws-sdk:s3:putObject",
                    map({{"Bucket", text(v)}, {"Key.$", text("$$.Execution.Name")}, {"Body.$", text("$")}}));
    }
    if (t == "eventbridge-bus")
        return task("arn:aws:states:::events:putEvents",
                    map({{"Entries", list({map({{"EventBusName", text(v)}, {"Source", text(kebab(c.node(e.source).name))},
                                                {"DetailType", text("StepCompleted")}, {"Detail.$", text("$")}})})}}));
    if (t == "step-functions")
        return task(e.kind == ConnectionKind::SyncInvoke ? "arn:aws:states:::states:startExecution.sync:2"
                                                         : "arn:aws:states:::states:startExecution",
                    map({{"StateMachineArn", text(v)}, {"Input.$", text("$")}}));
    if (t == "glue-job")
        return task("arn:aws:states:::glue:startJobRun.sync", map({{"JobName", text(v)}}));
    if (t == "athena-workgroup")
        return task("arn:aws:states:::athena:startQueryExecution",
                    map({{"QueryString.$", text("$.query")}, {"WorkGroup", text(v)}}));
    if (t == "kinesis-stream")
        return task("arn:aws:states:::aws-sdk:kinesis:putRecord",
                    map({{"StreamName", text(v)}, {"Data.$", text("$")}, {"PartitionKey.$", text("$$.Execution.Name")}}));
    if (t == "firehose-stream")
        return task("arn:aws:states:::aws-sdk:firehose:putRecord",
                    map({{"DeliveryStreamName", text(v)}, {"Record", map({{"Data.$", text("States.JsonToString($)")}})}}));
    if (t == "sagemaker-serverless-endpoint")
        return task("arn:aws:states:::aws-sdk:sagemakerruntime:invokeEndpoint",
                    map({{"EndpointName", text(v)}, {"Body.$", text("States.JsonToString($)")}, {"ContentType", text("application/json")}}));
    if (t == "rekognition")
        return task("arn:aws:states:::aws-sdk:rekognition:detectLabels",
                    map({{"Image", map({{"S3Object", map({{"Bucket.$", text("$.bucket"), }, {"Name.$", text("$.key")}})}})}}));
    if (t == "aurora-serverless")
        return task("arn:aws:states:::aws-sdk:rdsdata:executeStatement",
                    map({{"ResourceArn", text(v)}, {"SecretArn", text("${" + var + "Secret}")}, {"Sql.$", text("$.sql")}}));
    return {};
}

/// The value a state machine definition substitutes for a target ("${Orders}").
Tree substitutionFor(ExportContext &c, const Node &target)
{
    const std::string &i = id(c, target);
    if (target.type == "lambda-function")
        return getAtt(i, "Arn");
    if (target.type == "sqs-queue" || target.type == "s3-bucket" || target.type == "dynamodb-table"
        || target.type == "eventbridge-bus" || target.type == "kinesis-stream"
        || target.type == "firehose-stream" || target.type == "glue-job" || target.type == "athena-workgroup"
        || target.type == "sns-topic" || target.type == "step-functions")
        return cfn::ref(i);
    if (target.type == "sagemaker-serverless-endpoint")
        return getAtt(i, "EndpointName");
    if (target.type == "aurora-serverless")
        return getAtt(i, "DBClusterArn");
    return cfn::ref(i);
}

void stateMachineResources(ExportContext &c, const Node &n)
{
    const std::string &sid = id(c, n);
    const bool sam = c.sam();
    Tree &body = c.addResource(sid, sam ? "AWS::Serverless::StateMachine" : "AWS::StepFunctions::StateMachine", &n, sam ? 2 : 1);
    Tree &p = cfn::child(body, "Properties");
    p.set(sam ? "Type" : "StateMachineType", text(prop(c, n, "workflowType")));

    // The definition calls each connected service in turn; failure edges become a Catch.
    Tree states = Tree::makeMap();
    Tree substitutions = Tree::makeMap();
    std::vector<std::string> order;
    const Node *failureTarget = nullptr;
    const Edge *failureEdge = nullptr;
    for (const Edge *e : c.outgoing(n.id)) {
        if (isImportedEdge(*e))
            continue;
        const Node &target = c.node(e->target);
        const std::string p2 = purpose(*e);
        if (p2 == "on-failure" || p2 == "dead-letter") {
            failureTarget = &target;
            failureEdge = e;
            continue;
        }
        Tree task = taskFor(c, *e, target, id(c, target));
        if (task.isNull()) {
            c.info(n.name + " -> " + target.name + ": Step Functions has no integration Nimbus writes for it; add the state by hand");
            continue;
        }
        std::string name = pascalCase(target.name.empty() ? id(c, target) : target.name);
        if (states.find(name) != nullptr)
            name += std::to_string(order.size() + 1);
        order.push_back(name);
        states.entries.emplace_back(name, std::move(task));
        if (substitutions.find(id(c, target)) == nullptr && target.type != "rekognition") {
            substitutions.set(id(c, target), substitutionFor(c, target));
            if (target.type == "aurora-serverless")
                substitutions.set(id(c, target) + "Secret", getAtt(id(c, target), "MasterUserSecret.SecretArn"));
        }
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
        if (failureTarget != nullptr && s.find("Resource") != nullptr)
            s.set("Catch", list({map({{"ErrorEquals", list({text("States.ALL")})}, {"Next", text("NotifyFailure")}})}));
    }
    if (failureTarget != nullptr) {
        Tree task = taskFor(c, *failureEdge, *failureTarget, id(c, *failureTarget));
        if (!task.isNull()) {
            task.set("Next", text("Failed"));
            states.set("NotifyFailure", std::move(task));
            states.set("Failed", map({{"Type", text("Fail")}, {"Error", text("WorkflowFailed")}}));
            if (substitutions.find(id(c, *failureTarget)) == nullptr)
                substitutions.set(id(c, *failureTarget), substitutionFor(c, *failureTarget));
        }
    }
    p.set("Definition", map({{"Comment", text(n.name + " (generated by Nimbus from the design's connections)")},
                             {"StartAt", text(order.front())},
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

// --- APIs --------------------------------------------------------------------------------

std::string apiPath(ExportContext &c, const Node &target)
{
    return "/" + kebab(target.name.empty() ? id(c, target) : target.name);
}

void restApiResources(ExportContext &c, const Node &n)
{
    const std::string &aid = id(c, n);
    const bool sam = c.sam();
    Tree &p = cfn::child(c.addResource(aid, sam ? "AWS::Serverless::Api" : "AWS::ApiGateway::RestApi", &n, sam ? 3 : 1), "Properties");
    const std::string endpoint = prop(c, n, "endpointType");
    Tree methodSettings = map({{"ResourcePath", text("/*")}, {"HttpMethod", text("*")}});
    if (auto rate = setNum(n, "throttlingRateLimit"))
        methodSettings.set("ThrottlingRateLimit", number(*rate));
    if (auto burst = setNum(n, "throttlingBurstLimit"))
        methodSettings.set("ThrottlingBurstLimit", intNum(*burst));
    const bool cache = flag(c, n, "cacheEnabled");
    if (cache)
        methodSettings.set("CachingEnabled", boolean(true));
    if (sam) {
        p.set("Name", sub("${AWS::StackName}-" + kebab(n.name.empty() ? aid : n.name)));
        p.set("StageName", cfn::ref("Stage"));
        p.set("EndpointConfiguration", map({{"Type", text(endpoint)}}));
        if (cache) {
            p.set("CacheClusterEnabled", boolean(true));
            p.set("CacheClusterSize", text(prop(c, n, "cacheSizeGb")));
        }
        if (methodSettings.entries.size() > 2)
            p.set("MethodSettings", list({methodSettings}));
        const std::string auth = prop(c, n, "authorizer");
        if (auth == "AWS_IAM") {
            p.set("Auth", map({{"DefaultAuthorizer", text("AWS_IAM")}}));
        } else if (auth == "COGNITO") {
            const Node *pool = nullptr;
            for (const Edge *e : c.outgoing(n.id)) {
                if (c.node(e->target).type == "cognito-user-pool")
                    pool = &c.node(e->target);
            }
            if (pool != nullptr)
                p.set("Auth", map({{"DefaultAuthorizer", text("CognitoAuthorizer")},
                                   {"Authorizers", map({{"CognitoAuthorizer", map({{"UserPoolArn", getAtt(id(c, *pool), "Arn")}})}})}}));
            else
                c.warn(n.name + " uses a Cognito authorizer but is connected to no user pool; connect one to write the authorizer");
        } else if (auth == "LAMBDA") {
            c.warn(n.name + " uses a Lambda authorizer; name the authorizer function in the template by hand");
        }
    } else {
        p.set("Name", sub("${AWS::StackName}-" + kebab(n.name.empty() ? aid : n.name)));
        p.set("EndpointConfiguration", map({{"Types", list({text(endpoint)})}}));
        p.set("Body", map({{"openapi", text("3.0.1")},
                           {"info", map({{"title", text(n.name)}, {"version", text("1.0")}})},
                           {"paths", Tree::makeMap()}}));
        const std::string did = c.reserveId(aid + "Deployment");
        Tree &dp = cfn::child(c.addResource(did, "AWS::ApiGateway::Deployment", &n), "Properties");
        dp.set("RestApiId", cfn::ref(aid));
        const std::string stid = c.reserveId(aid + "Stage");
        Tree &sp = cfn::child(c.addResource(stid, "AWS::ApiGateway::Stage", &n), "Properties");
        sp.set("RestApiId", cfn::ref(aid));
        sp.set("DeploymentId", cfn::ref(did));
        sp.set("StageName", cfn::ref("Stage"));
        if (cache) {
            sp.set("CacheClusterEnabled", boolean(true));
            sp.set("CacheClusterSize", text(prop(c, n, "cacheSizeGb")));
        }
        if (methodSettings.entries.size() > 2)
            sp.set("MethodSettings", list({methodSettings}));
        if (prop(c, n, "authorizer") != "NONE")
            c.warn(n.name + ": the plain CloudFormation export writes no authorizer; add one to the API's OpenAPI body");
    }
    c.addOutput(aid + "Url", "Invoke URL of the " + n.name + " API",
                sub("https://${" + aid + "}.execute-api.${AWS::Region}.${AWS::URLSuffix}/${Stage}"));
}

void httpApiResources(ExportContext &c, const Node &n)
{
    const std::string &aid = id(c, n);
    const bool sam = c.sam();
    Tree &p = cfn::child(c.addResource(aid, sam ? "AWS::Serverless::HttpApi" : "AWS::ApiGatewayV2::Api", &n, sam ? 2 : 1), "Properties");
    Tree throttle = Tree::makeMap();
    if (auto rate = setNum(n, "throttlingRateLimit"))
        throttle.set("ThrottlingRateLimit", number(*rate));
    if (auto burst = setNum(n, "throttlingBurstLimit"))
        throttle.set("ThrottlingBurstLimit", intNum(*burst));
    if (sam) {
        p.set("StageName", cfn::ref("Stage"));
        if (flag(c, n, "corsEnabled"))
            p.set("CorsConfiguration", map({{"AllowOrigins", list({text("*")})}, {"AllowMethods", list({text("*")})}}));
        if (!throttle.entries.empty())
            p.set("DefaultRouteSettings", throttle);
        const std::string auth = prop(c, n, "authorizer");
        if (auth == "AWS_IAM")
            p.set("Auth", map({{"EnableIamAuthorizer", boolean(true)}, {"DefaultAuthorizer", text("AWS_IAM")}}));
        else if (auth == "JWT" || auth == "LAMBDA") {
            const Node *pool = nullptr;
            for (const Edge *e : c.outgoing(n.id)) {
                if (c.node(e->target).type == "cognito-user-pool")
                    pool = &c.node(e->target);
            }
            if (auth == "JWT" && pool != nullptr) {
                const std::string &pid = id(c, *pool);
                p.set("Auth", map({{"DefaultAuthorizer", text("JwtAuthorizer")},
                                   {"Authorizers", map({{"JwtAuthorizer", map({
                                       {"IdentitySource", text("$request.header.Authorization")},
                                       {"JwtConfiguration", map({{"issuer", sub("https://cognito-idp.${AWS::Region}.amazonaws.com/${" + pid + "}")},
                                                                 {"audience", list({cfn::ref(pid + "Client")})}})}})}})}}));
            } else {
                c.warn(n.name + " uses a " + auth + " authorizer; write its issuer or function in the template by hand");
            }
        }
    } else {
        p.set("Name", sub("${AWS::StackName}-" + kebab(n.name.empty() ? aid : n.name)));
        p.set("ProtocolType", text("HTTP"));
        if (flag(c, n, "corsEnabled"))
            p.set("CorsConfiguration", map({{"AllowOrigins", list({text("*")})}, {"AllowMethods", list({text("*")})}}));
        const std::string stid = c.reserveId(aid + "Stage");
        Tree &sp = cfn::child(c.addResource(stid, "AWS::ApiGatewayV2::Stage", &n), "Properties");
        sp.set("ApiId", cfn::ref(aid));
        sp.set("StageName", cfn::ref("Stage"));
        sp.set("AutoDeploy", boolean(true));
        if (!throttle.entries.empty())
            sp.set("DefaultRouteSettings", throttle);
        if (prop(c, n, "authorizer") != "NONE")
            c.warn(n.name + ": the plain CloudFormation export writes no authorizer; add an AWS::ApiGatewayV2::Authorizer by hand");
    }
    c.addOutput(aid + "Url", "Invoke URL of the " + n.name + " API",
                sub("https://${" + aid + "}.execute-api.${AWS::Region}.${AWS::URLSuffix}/${Stage}"));
}

/// The OpenAPI body of an API, created on first use (SAM: DefinitionBody, CFN: Body).
Tree &openApiPaths(ExportContext &c, const Node &api)
{
    Tree &p = c.properties(id(c, api));
    const char *key = c.sam() ? "DefinitionBody" : "Body";
    if (p.find(key) == nullptr) {
        if (!c.sam() && api.type == "apigw-http-api") {
            // With Body, CloudFormation takes the name and protocol from the OpenAPI body.
            std::erase_if(p.entries, [](const auto &e) { return e.first == "Name" || e.first == "ProtocolType"; });
        }
        p.set(key, map({{"openapi", text("3.0.1")},
                        {"info", map({{"title", text(api.name)}, {"version", text("1.0")}})},
                        {"paths", Tree::makeMap()}}));
    }
    return cfn::child(*p.find(key), "paths");
}

/// API Gateway calling another AWS service directly: an integration in the API's OpenAPI
/// body and a role allowed to do exactly that call.
bool wireApiService(ExportContext &c, const Edge &e, const Node &api, const Node &target)
{
    const bool rest = api.type == "apigw-rest-api";
    const std::string &tid = id(c, target);
    const std::string role = c.serviceRole(api, "apigateway.amazonaws.com");
    Tree integration = Tree::makeMap();
    std::string method = "post";
    if (rest) {
        std::string action, service, templ;
        if (target.type == "sqs-queue") {
            service = "sqs:path/${AWS::AccountId}/${" + tid + ".QueueName}";
            templ = "Action=SendMessage&MessageBody=$util.urlEncode($input.body)";
            c.grantStatement(api, {"sqs:SendMessage"}, getAtt(tid, "Arn"));
        } else if (target.type == "sns-topic") {
            service = "sns:action/Publish";
            templ = "Action=Publish&TopicArn=$util.urlEncode('${" + tid + "}')&Message=$util.urlEncode($input.body)";
            c.grantStatement(api, {"sns:Publish"}, cfn::ref(tid));
        } else if (target.type == "step-functions") {
            service = "states:action/" + std::string(e.kind == ConnectionKind::SyncInvoke && false ? "StartSyncExecution" : "StartExecution");
            templ = "{\"stateMachineArn\": \"${" + tid + "}\", \"input\": \"$util.escapeJavaScript($input.body)\"}";
            c.grantStatement(api, {"states:StartExecution"}, cfn::ref(tid));
        } else if (target.type == "eventbridge-bus") {
            service = "events:action/PutEvents";
            templ = "{\"Entries\": [{\"EventBusName\": \"${" + tid + "}\", \"Source\": \"" + kebab(api.name) + "\", \"DetailType\": \"ApiRequest\", \"Detail\": \"$util.escapeJavaScript($input.body)\"}]}";
            c.grantStatement(api, {"events:PutEvents"}, getAtt(tid, "Arn"));
        } else if (target.type == "dynamodb-table") {
            const bool read = e.kind == ConnectionKind::Read;
            service = std::string("dynamodb:action/") + (read ? "GetItem" : "PutItem");
            templ = read ? "{\"TableName\": \"${" + tid + "}\", \"Key\": {\"pk\": {\"S\": \"$input.params('id')\"}}}"
                         : "{\"TableName\": \"${" + tid + "}\", \"Item\": {\"pk\": {\"S\": \"$context.requestId\"}, \"body\": {\"S\": \"$util.escapeJavaScript($input.body)\"}}}";
            c.grantStatement(api, {read ? "dynamodb:GetItem" : "dynamodb:PutItem"}, getAtt(tid, "Arn"));
            if (read)
                method = "get";
        } else if (target.type == "kinesis-stream") {
            service = "kinesis:action/PutRecord";
            templ = "{\"StreamName\": \"${" + tid + "}\", \"Data\": \"$util.base64Encode($input.body)\", \"PartitionKey\": \"$context.requestId\"}";
            c.grantStatement(api, {"kinesis:PutRecord"}, getAtt(tid, "Arn"));
        } else if (target.type == "firehose-stream") {
            service = "firehose:action/PutRecord";
            templ = "{\"DeliveryStreamName\": \"${" + tid + "}\", \"Record\": {\"Data\": \"$util.base64Encode($input.body)\"}}";
            c.grantStatement(api, {"firehose:PutRecord"}, getAtt(tid, "Arn"));
        } else if (target.type == "s3-bucket") {
            const bool read = e.kind == ConnectionKind::Read;
            service = std::string("s3:path/${") + tid + "}/{key}";
            method = read ? "get" : "put";
            c.grantStatement(api, {read ? "s3:GetObject" : "s3:PutObject"}, sub("${" + tid + ".Arn}/*"));
            integration.set("requestParameters", map({{"integration.request.path.key", text("method.request.path.key")}}));
        } else {
            return false;
        }
        integration.set("type", text("aws"));
        integration.set("httpMethod", text(target.type == "s3-bucket" ? (method == "get" ? "GET" : "PUT") : "POST"));
        integration.set("uri", sub("arn:${AWS::Partition}:apigateway:${AWS::Region}:" + service));
        integration.set("credentials", getAtt(role, "Arn"));
        if (!templ.empty()) {
            const bool form = target.type == "sqs-queue" || target.type == "sns-topic";
            if (form)
                integration.set("requestParameters", map({{"integration.request.header.Content-Type", text("'application/x-www-form-urlencoded'")}}));
            integration.set("requestTemplates", map({{"application/json", sub(templ)}}));
        }
        integration.set("passthroughBehavior", text("never"));
        integration.set("responses", map({{"default", map({{"statusCode", text("200")}})}}));
    } else {
        std::string subtype;
        Tree params = Tree::makeMap();
        if (target.type == "sqs-queue") {
            subtype = e.kind == ConnectionKind::Read ? "SQS-ReceiveMessage" : "SQS-SendMessage";
            params.set("QueueUrl", cfn::ref(tid));
            if (e.kind != ConnectionKind::Read)
                params.set("MessageBody", text("$request.body"));
            c.grantStatement(api, {e.kind == ConnectionKind::Read ? "sqs:ReceiveMessage" : "sqs:SendMessage"}, getAtt(tid, "Arn"));
        } else if (target.type == "step-functions") {
            subtype = e.kind == ConnectionKind::SyncInvoke ? "StepFunctions-StartSyncExecution" : "StepFunctions-StartExecution";
            params.set("StateMachineArn", cfn::ref(tid));
            params.set("Input", text("$request.body"));
            c.grantStatement(api, {e.kind == ConnectionKind::SyncInvoke ? "states:StartSyncExecution" : "states:StartExecution"}, cfn::ref(tid));
        } else if (target.type == "eventbridge-bus") {
            subtype = "EventBridge-PutEvents";
            params.set("EventBusName", cfn::ref(tid));
            params.set("Source", text(kebab(api.name)));
            params.set("DetailType", text("ApiRequest"));
            params.set("Detail", text("$request.body"));
            c.grantStatement(api, {"events:PutEvents"}, getAtt(tid, "Arn"));
        } else if (target.type == "kinesis-stream") {
            subtype = "Kinesis-PutRecord";
            params.set("StreamName", cfn::ref(tid));
            params.set("Data", text("$request.body"));
            params.set("PartitionKey", text("$context.requestId"));
            c.grantStatement(api, {"kinesis:PutRecord"}, getAtt(tid, "Arn"));
        } else {
            return false;
        }
        integration.set("type", text("aws_proxy"));
        integration.set("integrationSubtype", text(subtype));
        integration.set("credentials", getAtt(role, "Arn"));
        integration.set("requestParameters", std::move(params));
        integration.set("payloadFormatVersion", text("1.0"));
        integration.set("connectionType", text("INTERNET"));
    }
    std::string path = apiPath(c, target);
    if (target.type == "s3-bucket")
        path += "/{key}";
    Tree op = map({{"x-amazon-apigateway-integration", std::move(integration)},
                   {"responses", map({{"200", map({{"description", text("OK")}})}})}});
    if (target.type == "s3-bucket")
        op.set("parameters", list({map({{"name", text("key")}, {"in", text("path")}, {"required", boolean(true)}, {"schema", map({{"type", text("string")}})}})}));
    cfn::child(openApiPaths(c, api), path).set(method, std::move(op));
    return true;
}

/// API Gateway in front of a Lambda function, plain CloudFormation: a proxy integration in
/// the OpenAPI body and a permission for API Gateway to invoke the function.
void wireApiLambdaCfn(ExportContext &c, const Node &api, const Node &fn)
{
    const bool rest = api.type == "apigw-rest-api";
    const std::string &fid = id(c, fn);
    Tree integration = map({{"type", text("aws_proxy")},
                            {"httpMethod", text("POST")},
                            {"uri", sub("arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${" + fid + ".Arn}/invocations")}});
    if (!rest)
        integration.set("payloadFormatVersion", text(prop(c, api, "payloadFormatVersion")));
    Tree op = map({{"x-amazon-apigateway-integration", std::move(integration)},
                   {"responses", map({{"200", map({{"description", text("OK")}})}})}});
    cfn::child(openApiPaths(c, api), apiPath(c, fn)).set("x-amazon-apigateway-any-method", std::move(op));
    lambdaPermission(c, fn, id(c, api) + fid + "Permission", "apigateway.amazonaws.com",
                     sub("arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${" + id(c, api) + "}/*"), &api);
}

// --- Messaging, storage, databases -------------------------------------------------------

void queueResources(ExportContext &c, const Node &n)
{
    const std::string &qid = id(c, n);
    Tree &p = cfn::child(c.addResource(qid, "AWS::SQS::Queue", &n), "Properties");
    const bool fifo = prop(c, n, "queueType") == "fifo";
    if (fifo) {
        p.set("QueueName", sub("${AWS::StackName}-" + kebab(n.name.empty() ? qid : n.name) + ".fifo"));
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
        Tree &p = c.properties(id(c, q));
        p.set("RedrivePolicy", map({{"deadLetterTargetArn", getAtt(id(c, target), "Arn")},
                                    {"maxReceiveCount", intNum(num(c, q, "maxReceiveCount", 5))}}));
        if (purpose(e) != "dead-letter" && purpose(e) != "data")
            c.info(q.name + " -> " + target.name + " is written as the queue's dead-letter queue");
        return true;
    }
    return target.type == "eventbridge-pipe"; // the pipe reads its source itself
}

void topicResources(ExportContext &c, const Node &n)
{
    const std::string &tid = id(c, n);
    Tree &p = cfn::child(c.addResource(tid, "AWS::SNS::Topic", &n), "Properties");
    if (prop(c, n, "topicType") == "fifo") {
        p.set("TopicName", sub("${AWS::StackName}-" + kebab(n.name.empty() ? tid : n.name) + ".fifo"));
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
    if (target.type == "sqs-queue") {
        const std::string sid = c.reserveId(id(c, t) + "To" + id(c, target) + "Subscription");
        Tree &p = cfn::child(c.addResource(sid, "AWS::SNS::Subscription", &t), "Properties");
        p.set("Protocol", text("sqs"));
        p.set("TopicArn", cfn::ref(id(c, t)));
        p.set("Endpoint", getAtt(id(c, target), "Arn"));
        p.set("RawMessageDelivery", boolean(true));
        if (c.sam()) {
            const std::string cid = c.reserveId(id(c, t) + "To" + id(c, target) + "Connector");
            Tree &cp = cfn::child(c.addResource(cid, "AWS::Serverless::Connector", &t), "Properties");
            cp.set("Source", map({{"Id", text(id(c, t))}}));
            cp.set("Destination", map({{"Id", text(id(c, target))}}));
            cp.set("Permissions", list({text("Write")}));
        } else {
            allowServiceToSend(c, target, "sns.amazonaws.com", cfn::ref(id(c, t)), t);
        }
        return true;
    }
    if (target.type == "firehose-stream") {
        const std::string sid = c.reserveId(id(c, t) + "To" + id(c, target) + "Subscription");
        Tree &p = cfn::child(c.addResource(sid, "AWS::SNS::Subscription", &t), "Properties");
        p.set("Protocol", text("firehose"));
        p.set("TopicArn", cfn::ref(id(c, t)));
        p.set("Endpoint", getAtt(id(c, target), "Arn"));
        const std::string role = c.serviceRole(t, "sns.amazonaws.com");
        c.grantStatement(t, {"firehose:PutRecord", "firehose:PutRecordBatch"}, getAtt(id(c, target), "Arn"));
        p.set("SubscriptionRoleArn", getAtt(role, "Arn"));
        return true;
    }
    if (target.type == "apigw-rest-api" || target.type == "apigw-http-api") {
        const std::string sid = c.reserveId(id(c, t) + "To" + id(c, target) + "Subscription");
        Tree &p = cfn::child(c.addResource(sid, "AWS::SNS::Subscription", &t), "Properties");
        p.set("Protocol", text("https"));
        p.set("TopicArn", cfn::ref(id(c, t)));
        p.set("Endpoint", sub("https://${" + id(c, target) + "}.execute-api.${AWS::Region}.${AWS::URLSuffix}/${Stage}/"));
        return true;
    }
    return false;
}

void tableResources(ExportContext &c, const Node &n)
{
    const std::string &tid = id(c, n);
    Tree &p = cfn::child(c.addResource(tid, "AWS::DynamoDB::Table", &n), "Properties");
    p.set("AttributeDefinitions", list({map({{"AttributeName", text("pk")}, {"AttributeType", text("S")}})}));
    p.set("KeySchema", list({map({{"AttributeName", text("pk")}, {"KeyType", text("HASH")}})}));
    const std::string mode = prop(c, n, "capacityMode");
    p.set("BillingMode", text(mode));
    if (mode == "PROVISIONED")
        p.set("ProvisionedThroughput", map({{"ReadCapacityUnits", intNum(num(c, n, "readCapacityUnits", 5))},
                                            {"WriteCapacityUnits", intNum(num(c, n, "writeCapacityUnits", 5))}}));
    if (prop(c, n, "tableClass") == "STANDARD_INFREQUENT_ACCESS")
        p.set("TableClass", text("STANDARD_INFREQUENT_ACCESS"));
    bool stream = flag(c, n, "streamEnabled");
    for (const Edge *e : c.outgoing(n.id)) {
        const std::string &t = c.node(e->target).type;
        stream = stream || t == "lambda-function" || t == "eventbridge-pipe";
    }
    if (stream) {
        std::string view = prop(c, n, "streamViewType");
        p.set("StreamSpecification", map({{"StreamViewType", text(view.empty() ? "NEW_AND_OLD_IMAGES" : view)}}));
    }
    if (flag(c, n, "pointInTimeRecovery"))
        p.set("PointInTimeRecoverySpecification", map({{"PointInTimeRecoveryEnabled", boolean(true)}}));
    c.addOutput(tid + "Name", "Name of the " + n.name + " table", cfn::ref(tid));
}

bool tableOutgoing(ExportContext &c, const Edge &, const Node &t, const Node &target)
{
    if (target.type == "kinesis-stream") {
        c.properties(id(c, t)).set("KinesisStreamSpecification", map({{"StreamArn", getAtt(id(c, target), "Arn")}}));
        return true;
    }
    return target.type == "eventbridge-pipe";
}

/// Buckets that deliver notifications need a name known before they exist, to break the
/// bucket -> permission -> bucket cycle; lower case, unique per account and region.
Tree bucketName(ExportContext &c, const Node &b)
{
    return sub(kebab(b.name.empty() ? id(c, b) : b.name) + "-${AWS::AccountId}-${AWS::Region}");
}

void bucketResources(ExportContext &c, const Node &n)
{
    const std::string &bid = id(c, n);
    Tree &p = cfn::child(c.addResource(bid, "AWS::S3::Bucket", &n), "Properties");
    if (prop(c, n, "versioning") == "true")
        p.set("VersioningConfiguration", map({{"Status", text("Enabled")}}));
    const std::string enc = prop(c, n, "encryption");
    p.set("BucketEncryption", map({{"ServerSideEncryptionConfiguration",
                                    list({map({{"ServerSideEncryptionByDefault", map({{"SSEAlgorithm", text(enc.empty() ? "AES256" : enc)}})}})})}}));
    if (prop(c, n, "publicAccessBlocked") != "false")
        p.set("PublicAccessBlockConfiguration", map({{"BlockPublicAcls", boolean(true)}, {"BlockPublicPolicy", boolean(true)},
                                                     {"IgnorePublicAcls", boolean(true)}, {"RestrictPublicBuckets", boolean(true)}}));
    if (auto days = setNum(n, "lifecycleExpirationDays"); days && *days > 0)
        p.set("LifecycleConfiguration", map({{"Rules", list({map({{"Id", text("expire-objects")}, {"Status", text("Enabled")},
                                                                   {"ExpirationInDays", intNum(*days)}})})}}));
    if (flag(c, n, "websiteHosting"))
        p.set("WebsiteConfiguration", map({{"IndexDocument", text("index.html")}, {"ErrorDocument", text("error.html")}}));
    bool eventBridge = flag(c, n, "eventBridgeEnabled");
    for (const Edge *e : c.outgoing(n.id))
        eventBridge = eventBridge || c.node(e->target).type == "eventbridge-bus";
    if (eventBridge)
        cfn::child(p, "NotificationConfiguration").set("EventBridgeConfiguration", map({{"EventBridgeEnabled", boolean(true)}}));
    c.addOutput(bid + "Name", "Name of the " + n.name + " bucket", cfn::ref(bid));
}

/// S3 event notifications to a function (CloudFormation), queue or topic (both formats).
bool bucketNotify(ExportContext &c, const Node &bucket, const Node &target)
{
    const std::string &bid = id(c, bucket);
    const std::string &tid = id(c, target);
    Tree &p = c.properties(bid);
    if (p.find("BucketName") == nullptr)
        p.set("BucketName", bucketName(c, bucket));
    const Tree arn = sub("arn:${AWS::Partition}:s3:::" + bucketName(c, bucket).scalar);
    Tree &notifications = cfn::child(p, "NotificationConfiguration");
    if (target.type == "lambda-function") {
        Tree permission = lambdaPermission(c, target, bid + tid + "Permission", "s3.amazonaws.com", arn, &bucket);
        c.properties(permission.scalar).set("SourceAccount", cfn::ref("AWS::AccountId"));
        c.addDependsOn(bid, permission.scalar);
        cfn::childList(notifications, "LambdaConfigurations").items.push_back(
            map({{"Event", text("s3:ObjectCreated:*")}, {"Function", getAtt(tid, "Arn")}}));
        return true;
    }
    if (target.type == "sqs-queue" || target.type == "sns-topic") {
        const bool queue = target.type == "sqs-queue";
        allowServiceToSend(c, target, "s3.amazonaws.com", arn, bucket);
        c.addDependsOn(bid, c.resources().back().logicalId);
        cfn::childList(notifications, queue ? "QueueConfigurations" : "TopicConfigurations").items.push_back(
            map({{"Event", text("s3:ObjectCreated:*")}, {queue ? "Queue" : "Topic", queue ? getAtt(tid, "Arn") : cfn::ref(tid)}}));
        return true;
    }
    return false;
}

bool bucketOutgoing(ExportContext &c, const Edge &, const Node &b, const Node &target)
{
    if (target.type == "eventbridge-bus")
        return true; // EventBridgeConfiguration sends to the default bus; rules pick events up
    return bucketNotify(c, b, target);
}

void busResources(ExportContext &c, const Node &n)
{
    const std::string &bid = id(c, n);
    Tree &p = cfn::child(c.addResource(bid, "AWS::Events::EventBus", &n), "Properties");
    p.set("Name", sub("${AWS::StackName}-" + kebab(n.name.empty() ? bid : n.name)));
    if (flag(c, n, "archiveEnabled")) {
        const std::string aid = c.reserveId(bid + "Archive");
        Tree &ap = cfn::child(c.addResource(aid, "AWS::Events::Archive", &n), "Properties");
        ap.set("SourceArn", getAtt(bid, "Arn"));
        if (auto days = optNum(c, n, "archiveRetentionDays"); days && *days > 0)
            ap.set("RetentionDays", intNum(*days));
    }
    c.addOutput(bid + "Name", "Name of the " + n.name + " event bus", cfn::ref(bid));
}

Tree parseJsonText(ExportContext &c, const Node &n, const std::string &textValue)
{
    YamlParseResult parsed = parseYaml(textValue, n.name);
    if (!parsed.ok() || !parsed.tree.isMap()) {
        c.warn(n.name + ": the event pattern is not valid JSON; it is written as a catch-all pattern");
        return {};
    }
    return parsed.tree;
}

/// Event pattern of a rule node, or a pattern matching the events the sources send.
Tree rulePattern(ExportContext &c, const Node &rule)
{
    const std::string pattern = prop(c, rule, "eventPattern");
    if (!pattern.empty()) {
        Tree t = parseJsonText(c, rule, pattern);
        if (!t.isNull())
            return t;
    }
    return map({{"source", list({map({{"prefix", text("")}})})}});
}

/// The bus that feeds a rule node, if the design draws one.
const Node *ruleBus(ExportContext &c, const Node &rule)
{
    for (const Edge *e : c.incoming(rule.id)) {
        if (c.node(e->source).type == "eventbridge-bus")
            return &c.node(e->source);
    }
    return nullptr;
}

/// Adds one target to an EventBridge rule resource, with the permission the target needs.
void addRuleTarget(ExportContext &c, const std::string &ruleId, const Node &owner, const Node &target,
                   std::optional<double> retries, std::optional<double> age)
{
    const std::string &tid = id(c, target);
    Tree t = map({{"Id", text(tid)}});
    if (target.type == "lambda-function") {
        t.set("Arn", getAtt(tid, "Arn"));
        lambdaPermission(c, target, ruleId + tid + "Permission", "events.amazonaws.com", getAtt(ruleId, "Arn"), &owner);
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
            c.grantStatement(owner, {"kinesis:PutRecord", "kinesis:PutRecords"}, getAtt(tid, "Arn"));
        } else if (target.type == "firehose-stream") {
            t.set("Arn", getAtt(tid, "Arn"));
            c.grantStatement(owner, {"firehose:PutRecord", "firehose:PutRecordBatch"}, getAtt(tid, "Arn"));
        } else if (target.type == "eventbridge-bus") {
            t.set("Arn", getAtt(tid, "Arn"));
            c.grantStatement(owner, {"events:PutEvents"}, getAtt(tid, "Arn"));
        } else if (target.type == "apigw-rest-api") {
            t.set("Arn", sub("arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${" + tid + "}/${Stage}/POST/*"));
            c.grantStatement(owner, {"execute-api:Invoke"}, sub("arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${" + tid + "}/${Stage}/POST/*"));
        } else if (target.type == "appsync-api") {
            t.set("Arn", getAtt(tid, "GraphQLEndpointArn"));
            t.set("AppSyncParameters", map({{"GraphQLOperation", text("mutation Publish($input: String) { publish(input: $input) }")}}));
            c.grantStatement(owner, {"appsync:GraphQL"}, sub("${" + tid + ".Arn}/types/Mutation/*"));
        } else if (target.type == "fargate-service") {
            c.info(owner.name + " -> " + target.name + ": a rule starts new Fargate tasks, not the service; add the task target by hand");
            return;
        } else {
            return;
        }
        t.set("RoleArn", getAtt(role, "Arn"));
    }
    if (retries || age) {
        Tree policy = Tree::makeMap();
        if (retries)
            policy.set("MaximumRetryAttempts", intNum(*retries));
        if (age)
            policy.set("MaximumEventAgeInSeconds", intNum(*age));
        t.set("RetryPolicy", std::move(policy));
    }
    cfn::childList(c.properties(ruleId), "Targets").items.push_back(std::move(t));
}

void ruleResources(ExportContext &c, const Node &n)
{
    const std::string &rid = id(c, n);
    Tree &p = cfn::child(c.addResource(rid, "AWS::Events::Rule", &n), "Properties");
    if (const Node *bus = ruleBus(c, n))
        p.set("EventBusName", cfn::ref(id(c, *bus)));
    const std::string schedule = prop(c, n, "scheduleExpression");
    if (!schedule.empty())
        p.set("ScheduleExpression", text(schedule));
    else
        p.set("EventPattern", rulePattern(c, n));
    p.set("State", text(prop(c, n, "state").empty() ? "ENABLED" : prop(c, n, "state")));
}

bool ruleOutgoing(ExportContext &c, const Edge &, const Node &rule, const Node &target)
{
    if (!c.hasResource(id(c, rule)))
        return false;
    addRuleTarget(c, id(c, rule), rule, target, setNum(rule, "retryAttempts"), setNum(rule, "maximumEventAgeSeconds"));
    return true;
}

/// A bus wired straight to a target: a catch-all rule on that bus.
bool busOutgoing(ExportContext &c, const Edge &, const Node &bus, const Node &target)
{
    if (target.type == "eventbridge-rule")
        return true; // the rule names its bus
    if (target.type == "eventbridge-pipe")
        return true;
    const std::string rid = c.reserveId(id(c, bus) + "To" + id(c, target) + "Rule");
    Tree &p = cfn::child(c.addResource(rid, "AWS::Events::Rule", &bus), "Properties");
    p.set("Description", text("All events on " + bus.name + " go to " + target.name));
    p.set("EventBusName", cfn::ref(id(c, bus)));
    p.set("EventPattern", map({{"source", list({map({{"prefix", text("")}})})}}));
    p.set("State", text("ENABLED"));
    addRuleTarget(c, rid, bus, target, std::nullopt, std::nullopt);
    return true;
}

Tree scheduleTarget(ExportContext &c, const Node &schedule, const Node &target)
{
    const std::string role = c.serviceRole(schedule, "scheduler.amazonaws.com");
    const std::string &tid = id(c, target);
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
        t.set("EventBridgeParameters", map({{"DetailType", text("Scheduled")}, {"Source", text(kebab(schedule.name))}}));
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
    Tree retry = Tree::makeMap();
    if (auto r = setNum(schedule, "retryAttempts"))
        retry.set("MaximumRetryAttempts", intNum(*r));
    if (auto a = setNum(schedule, "maximumEventAgeSeconds"))
        retry.set("MaximumEventAgeInSeconds", intNum(*a));
    if (!retry.entries.empty())
        t.set("RetryPolicy", std::move(retry));
    return t;
}

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
    for (const Edge *e : c.outgoing(n.id)) {
        if (isImportedEdge(*e))
            continue;
        const Node &target = c.node(e->target);
        const std::string sid = first ? id(c, n) : c.reserveId(id(c, n) + id(c, target));
        Tree t = scheduleTarget(c, n, target);
        if (t.isNull()) {
            c.info(n.name + " -> " + target.name + ": add this schedule target by hand");
            continue;
        }
        first = false;
        Tree &p = cfn::child(c.addResource(sid, "AWS::Scheduler::Schedule", &n), "Properties");
        p.set("ScheduleExpression", text(prop(c, n, "scheduleExpression")));
        const std::string tz = prop(c, n, "timezone");
        if (!tz.empty())
            p.set("ScheduleExpressionTimezone", text(tz));
        p.set("FlexibleTimeWindow", flexibleWindow(c, n));
        p.set("State", text(prop(c, n, "state").empty() ? "ENABLED" : prop(c, n, "state")));
        p.set("Target", std::move(t));
    }
    if (first)
        c.warn(n.name + " triggers nothing; connect it to a target to export it");
}

bool scheduleOutgoing(ExportContext &, const Edge &, const Node &, const Node &)
{
    return true; // written with the schedule's resources
}

void streamResources(ExportContext &c, const Node &n)
{
    const std::string &sid = id(c, n);
    Tree &p = cfn::child(c.addResource(sid, "AWS::Kinesis::Stream", &n), "Properties");
    const std::string mode = prop(c, n, "capacityMode");
    p.set("StreamModeDetails", map({{"StreamMode", text(mode.empty() ? "ON_DEMAND" : mode)}}));
    if (mode == "PROVISIONED")
        p.set("ShardCount", intNum(num(c, n, "shardCount", 1)));
    p.set("RetentionPeriodHours", intNum(num(c, n, "retentionHours", 24)));
    if (prop(c, n, "encryptionEnabled") != "false")
        p.set("StreamEncryption", map({{"EncryptionType", text("KMS")}, {"KeyId", text("alias/aws/kinesis")}}));
    c.addOutput(sid + "Name", "Name of the " + n.name + " stream", cfn::ref(sid));
}

bool streamOutgoing(ExportContext &c, const Edge &, const Node &s, const Node &target)
{
    if (target.type == "eventbridge-pipe" || target.type == "firehose-stream")
        return true; // the pipe or delivery stream names its source itself
    if (target.type == "fargate-service" || target.type == "glue-job") {
        const std::string role = c.serviceRole(target, target.type == "glue-job" ? "glue.amazonaws.com" : "ecs-tasks.amazonaws.com");
        (void)role;
        c.grantPolicyTemplate(target, "KinesisStreamReadPolicy", "StreamName", cfn::ref(id(c, s)));
        return true;
    }
    return false;
}

void userPoolResources(ExportContext &c, const Node &n)
{
    const std::string &pid = id(c, n);
    Tree &p = cfn::child(c.addResource(pid, "AWS::Cognito::UserPool", &n), "Properties");
    p.set("UserPoolName", sub("${AWS::StackName}-" + kebab(n.name.empty() ? pid : n.name)));
    p.set("AutoVerifiedAttributes", list({text("email")}));
    p.set("UsernameAttributes", list({text("email")}));
    p.set("Policies", map({{"PasswordPolicy", map({{"MinimumLength", intNum(num(c, n, "passwordMinLength", 8))}})}}));
    const std::string mfa = prop(c, n, "mfa");
    if (!mfa.empty()) {
        p.set("MfaConfiguration", Tree::makeScalar(mfa, true));
        if (mfa != "OFF")
            p.set("EnabledMfas", list({text("SOFTWARE_TOKEN_MFA")}));
    }
    const std::string plan = prop(c, n, "featurePlan");
    if (!plan.empty())
        p.set("UserPoolTier", text(plan));
    if (prop(c, n, "deletionProtection") == "ACTIVE")
        p.set("DeletionProtection", text("ACTIVE"));
    const std::string cid = c.reserveId(pid + "Client");
    Tree &cp = cfn::child(c.addResource(cid, "AWS::Cognito::UserPoolClient", &n), "Properties");
    cp.set("UserPoolId", cfn::ref(pid));
    cp.set("GenerateSecret", boolean(false));
    cp.set("ExplicitAuthFlows", list({text("ALLOW_USER_SRP_AUTH"), text("ALLOW_REFRESH_TOKEN_AUTH")}));
    c.addOutput(pid + "Id", "Id of the " + n.name + " user pool", cfn::ref(pid));
    c.addOutput(cid + "Id", "App client id of the " + n.name + " user pool", cfn::ref(cid));
}

bool userPoolOutgoing(ExportContext &c, const Edge &, const Node &pool, const Node &target)
{
    if (target.type != "lambda-function")
        return false;
    Tree &config = cfn::child(c.properties(id(c, pool)), "LambdaConfig");
    config.set("PostConfirmation", getAtt(id(c, target), "Arn"));
    lambdaPermission(c, target, id(c, pool) + id(c, target) + "Permission", "cognito-idp.amazonaws.com",
                     getAtt(id(c, pool), "Arn"), &pool);
    return true;
}

bool apiOutgoing(ExportContext &c, const Edge &e, const Node &api, const Node &target)
{
    if (target.type == "cognito-user-pool")
        return true; // written as the API's authorizer
    if (target.type == "lambda-function") {
        wireApiLambdaCfn(c, api, target);
        return true;
    }
    return wireApiService(c, e, api, target);
}

} // namespace

// --- the wiring around functions and state machines ------------------------------------

void decideAbsorbedNodes(ExportContext &c)
{
    if (!c.sam())
        return;
    for (const Node &n : c.design().nodes()) {
        if (importedResource(n) != nullptr)
            continue;
        if (n.type != "eventbridge-rule" && n.type != "eventbridge-schedule" && n.type != "iot-rule")
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

namespace {

Tree &eventsOf(ExportContext &c, const Node &target)
{
    return cfn::child(c.properties(id(c, target)), "Events");
}

void addEvent(ExportContext &c, const Node &target, const std::string &name, const std::string &type, Tree props)
{
    Tree &events = eventsOf(c, target);
    std::string eventName = name;
    for (int i = 2; events.find(eventName) != nullptr; ++i)
        eventName = name + std::to_string(i);
    events.set(eventName, map({{"Type", text(type)}, {"Properties", std::move(props)}}));
    c.addExpanded(id(c, target), type == "SNS" || type == "EventBridgeRule" || type == "Schedule"
                                         || type == "ScheduleV2" || type == "IoTRule" ? 2 : 1);
    ++c.stats().events;
}

Tree eventSourceMapping(ExportContext &c, const Node &source, const Node &fn, const Edge &e, Tree sourceArn, bool stream)
{
    const std::string mid = c.reserveId(id(c, source) + "To" + id(c, fn) + "Mapping");
    Tree &p = cfn::child(c.addResource(mid, "AWS::Lambda::EventSourceMapping", &fn), "Properties");
    p.set("EventSourceArn", std::move(sourceArn));
    p.set("FunctionName", cfn::ref(id(c, fn)));
    if (auto batch = edgeNum(e, "batchSize"))
        p.set("BatchSize", intNum(*batch));
    if (stream)
        p.set("StartingPosition", text("LATEST"));
    return cfn::ref(mid);
}

/// Where an async function sends failed events (its on-failure edge), as SAM's
/// DestinationConfig on a stream event.
void streamFailureDestination(ExportContext &c, const Node &fn, Tree &eventProps)
{
    for (const Edge *e : c.outgoing(fn.id)) {
        if (purpose(*e) != "on-failure")
            continue;
        const Node &d = c.node(e->target);
        if (d.type == "sqs-queue")
            eventProps.set("DestinationConfig", map({{"OnFailure", map({{"Type", text("SQS"), }, {"Destination", getAtt(id(c, d), "Arn")}})}}));
        else if (d.type == "sns-topic")
            eventProps.set("DestinationConfig", map({{"OnFailure", map({{"Type", text("SNS")}, {"Destination", cfn::ref(id(c, d))}})}}));
        return;
    }
}

} // namespace

bool wireEventTarget(ExportContext &c, const Edge &e, const Node &s, const Node &t)
{
    const bool fn = isFunction(t);
    const bool sm = isStateMachine(t);
    if (!(fn || sm) || importedResource(t) != nullptr || !c.hasResource(id(c, t)))
        return false;
    const bool sam = c.sam();
    const std::string &sid = id(c, s);
    const std::string &tid = id(c, t);
    const std::string eventName = pascalCase(s.name.empty() ? sid : s.name);

    if (s.type == "apigw-rest-api") {
        if (!sam) {
            if (fn) {
                wireApiLambdaCfn(c, s, t);
                return true;
            }
            return false; // a state machine behind a REST API: a service integration
        }
        addEvent(c, t, eventName, "Api", map({{"RestApiId", cfn::ref(sid)}, {"Path", text(apiPath(c, t))}, {"Method", text(fn ? "ANY" : "POST")}}));
        return true;
    }
    if (s.type == "apigw-http-api" && fn) {
        if (!sam) {
            wireApiLambdaCfn(c, s, t);
            return true;
        }
        addEvent(c, t, eventName, "HttpApi", map({{"ApiId", cfn::ref(sid)}, {"Path", text(apiPath(c, t))}, {"Method", text("ANY")}}));
        return true;
    }
    if (s.type == "s3-bucket" && fn) {
        if (!sam)
            return bucketNotify(c, s, t);
        addEvent(c, t, eventName, "S3", map({{"Bucket", cfn::ref(sid)}, {"Events", text("s3:ObjectCreated:*")}}));
        return true;
    }
    if (s.type == "sqs-queue" && fn) {
        if (!sam) {
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
    if (s.type == "sns-topic" && fn) {
        if (!sam) {
            const std::string subId = c.reserveId(sid + "To" + tid + "Subscription");
            Tree &p = cfn::child(c.addResource(subId, "AWS::SNS::Subscription", &t), "Properties");
            p.set("Protocol", text("lambda"));
            p.set("TopicArn", cfn::ref(sid));
            p.set("Endpoint", getAtt(tid, "Arn"));
            lambdaPermission(c, t, sid + tid + "Permission", "sns.amazonaws.com", cfn::ref(sid), &t);
            return true;
        }
        addEvent(c, t, eventName, "SNS", map({{"Topic", cfn::ref(sid)}}));
        return true;
    }
    if ((s.type == "kinesis-stream" || s.type == "dynamodb-table") && fn) {
        const bool kinesis = s.type == "kinesis-stream";
        Tree arn = kinesis ? getAtt(sid, "Arn") : getAtt(sid, "StreamArn");
        if (!sam) {
            eventSourceMapping(c, s, t, e, arn, true);
            if (kinesis)
                c.grantPolicyTemplate(t, "KinesisStreamReadPolicy", "StreamName", cfn::ref(sid));
            else
                c.grantStatement(t, {"dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams"},
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
    if (s.type == "cognito-user-pool" && fn) {
        if (!sam)
            return false; // the pool's LambdaConfig, written by the pool
        addEvent(c, t, eventName, "Cognito", map({{"UserPool", cfn::ref(sid)}, {"Trigger", text("PostConfirmation")}}));
        return true;
    }
    if (c.isAbsorbed(s.id)) {
        if (s.type == "eventbridge-rule") {
            const std::string schedule = prop(c, s, "scheduleExpression");
            if (!schedule.empty()) {
                addEvent(c, t, eventName, "Schedule", map({{"Schedule", text(schedule)}, {"State", text(prop(c, s, "state").empty() ? "ENABLED" : prop(c, s, "state"))}}));
                return true;
            }
            Tree props = Tree::makeMap();
            if (const Node *bus = ruleBus(c, s))
                props.set("EventBusName", cfn::ref(id(c, *bus)));
            props.set("Pattern", rulePattern(c, s));
            Tree retry = Tree::makeMap();
            if (auto r = setNum(s, "retryAttempts"))
                retry.set("MaximumRetryAttempts", intNum(*r));
            if (auto a = setNum(s, "maximumEventAgeSeconds"))
                retry.set("MaximumEventAgeInSeconds", intNum(*a));
            if (!retry.entries.empty())
                props.set("RetryPolicy", std::move(retry));
            if (prop(c, s, "state") == "DISABLED")
                props.set("State", text("DISABLED"));
            addEvent(c, t, eventName, "EventBridgeRule", std::move(props));
            return true;
        }
        if (s.type == "eventbridge-schedule") {
            Tree props = map({{"ScheduleExpression", text(prop(c, s, "scheduleExpression"))}});
            const std::string tz = prop(c, s, "timezone");
            if (!tz.empty())
                props.set("ScheduleExpressionTimezone", text(tz));
            props.set("FlexibleTimeWindow", flexibleWindow(c, s));
            props.set("State", text(prop(c, s, "state").empty() ? "ENABLED" : prop(c, s, "state")));
            Tree retry = Tree::makeMap();
            if (auto r = setNum(s, "retryAttempts"))
                retry.set("MaximumRetryAttempts", intNum(*r));
            if (auto a = setNum(s, "maximumEventAgeSeconds"))
                retry.set("MaximumEventAgeInSeconds", intNum(*a));
            if (!retry.entries.empty())
                props.set("RetryPolicy", std::move(retry));
            addEvent(c, t, eventName, "ScheduleV2", std::move(props));
            return true;
        }
        if (s.type == "iot-rule" && fn) {
            Tree props = map({{"Sql", text(prop(c, s, "sql"))}});
            const std::string version = prop(c, s, "sqlVersion");
            if (!version.empty())
                props.set("AwsIotSqlVersion", Tree::makeScalar(version, true));
            addEvent(c, t, eventName, "IoTRule", std::move(props));
            return true;
        }
    }
    if (s.type == "scheduled-trigger") {
        if (sam) {
            addEvent(c, t, eventName, "ScheduleV2", map({{"ScheduleExpression", text("rate(1 hour)")}, {"FlexibleTimeWindow", map({{"Mode", text("OFF")}})}}));
        } else {
            const std::string schedId = c.reserveId(eventName + "Schedule");
            Tree target = scheduleTarget(c, s, t);
            Tree &p = cfn::child(c.addResource(schedId, "AWS::Scheduler::Schedule", &s), "Properties");
            p.set("ScheduleExpression", text("rate(1 hour)"));
            p.set("FlexibleTimeWindow", map({{"Mode", text("OFF")}}));
            p.set("Target", std::move(target));
        }
        c.info(s.name + " is written as an hourly schedule; set the expression the design means");
        return true;
    }
    return false;
}

namespace {

/// How a function finds a target: the value of its environment variable.
Tree environmentValue(ExportContext &c, const Node &target, const std::string &how)
{
    const std::string &tid = id(c, target);
    if (how == "Arn")
        return arnOf(c, target);
    if (how == "Name") {
        if (target.type == "sagemaker-serverless-endpoint")
            return getAtt(tid, "EndpointName");
        return cfn::ref(tid);
    }
    return cfn::ref(tid); // Ref, QueueUrl (an SQS queue's Ref is its URL)
}

std::string environmentSuffix(const std::string &type)
{
    static const std::map<std::string, std::string> suffixes = {
        {"dynamodb-table", "TABLE"}, {"s3-bucket", "BUCKET"}, {"sqs-queue", "QUEUE_URL"},
        {"sns-topic", "TOPIC_ARN"}, {"eventbridge-bus", "EVENT_BUS"}, {"kinesis-stream", "STREAM"},
        {"firehose-stream", "DELIVERY_STREAM"}, {"step-functions", "STATE_MACHINE_ARN"},
        {"lambda-function", "FUNCTION"}, {"athena-workgroup", "WORKGROUP"},
        {"sagemaker-serverless-endpoint", "ENDPOINT"}, {"cognito-user-pool", "USER_POOL_ID"},
        {"aurora-serverless", "CLUSTER_ARN"}, {"apigw-websocket-api", "API_ID"}, {"glue-job", "JOB"}};
    auto it = suffixes.find(type);
    return it == suffixes.end() ? std::string("ID") : it->second;
}

std::string environmentName(ExportContext &c, const Node &target)
{
    std::string base = upperSnake(target.name.empty() ? id(c, target) : target.name);
    const std::string suffix = environmentSuffix(target.type);
    const std::string firstWord = suffix.substr(0, suffix.find('_'));
    if (base.size() >= firstWord.size() && base.compare(base.size() - firstWord.size(), firstWord.size(), firstWord) == 0
        && (base.size() == firstWord.size() || base[base.size() - firstWord.size() - 1] == '_'))
        base.resize(base.size() - firstWord.size());
    if (!base.empty() && base.back() != '_')
        base += '_';
    if (base.empty() || std::isdigit(static_cast<unsigned char>(base[0])))
        base = "R_" + base;
    return base + suffix;
}

/// The policy template for one edge, narrowed by the edge's kind (a read gets read-only).
std::string narrowedPolicy(const std::string &policy, ConnectionKind kind)
{
    if (policy == "DynamoDBCrudPolicy")
        return kind == ConnectionKind::Read ? "DynamoDBReadPolicy" : kind == ConnectionKind::Write ? "DynamoDBWritePolicy" : policy;
    if (policy == "S3CrudPolicy")
        return kind == ConnectionKind::Read ? "S3ReadPolicy" : kind == ConnectionKind::Write ? "S3WritePolicy" : policy;
    if (policy == "KinesisCrudPolicy" && kind == ConnectionKind::Read)
        return "KinesisStreamReadPolicy";
    return policy;
}

/// The value a policy template parameter takes for a target.
Tree policyArgument(ExportContext &c, const std::string &parameter, const Node &target)
{
    const std::string &tid = id(c, target);
    if (parameter == "QueueName")
        return getAtt(tid, "QueueName");
    if (parameter == "TopicName")
        return getAtt(tid, "TopicName");
    if (parameter == "StateMachineName")
        return getAtt(tid, "Name");
    return cfn::ref(tid);
}

/// Explicit statements for targets no SAM policy template covers.
bool grantWithoutTemplate(ExportContext &c, const Node &p, const Edge &e, const Node &t)
{
    const std::string &tid = id(c, t);
    const bool read = e.kind == ConnectionKind::Read;
    if (t.type == "aurora-serverless") {
        c.grantStatement(p, {"rds-data:ExecuteStatement", "rds-data:BatchExecuteStatement", "rds-data:BeginTransaction",
                             "rds-data:CommitTransaction", "rds-data:RollbackTransaction"},
                         getAtt(tid, "DBClusterArn"));
        c.grantStatement(p, {"secretsmanager:GetSecretValue"}, getAtt(tid, "MasterUserSecret.SecretArn"));
        return true;
    }
    if (t.type == "sagemaker-serverless-endpoint") {
        c.grantStatement(p, {"sagemaker:InvokeEndpoint"}, cfn::ref(tid));
        return true;
    }
    if (t.type == "glue-job") {
        c.grantStatement(p, {"glue:StartJobRun", "glue:GetJobRun", "glue:GetJobRuns", "glue:BatchStopJobRun"}, arnOf(c, t));
        return true;
    }
    if (t.type == "cognito-user-pool") {
        if (read)
            c.grantStatement(p, {"cognito-idp:AdminGetUser", "cognito-idp:ListUsers"}, getAtt(tid, "Arn"));
        else
            c.grantStatement(p, {"cognito-idp:AdminGetUser", "cognito-idp:AdminCreateUser", "cognito-idp:AdminUpdateUserAttributes",
                                 "cognito-idp:AdminDeleteUser"}, getAtt(tid, "Arn"));
        return true;
    }
    if (t.type == "apigw-websocket-api") {
        c.grantStatement(p, {"execute-api:ManageConnections"}, arnOf(c, t));
        return true;
    }
    if (t.type == "sagemaker-batch-transform") {
        c.grantStatement(p, {"sagemaker:CreateTransformJob", "sagemaker:DescribeTransformJob"},
                         sub("arn:${AWS::Partition}:sagemaker:${AWS::Region}:${AWS::AccountId}:transform-job/" + kebab(c.node(e.source).name) + "-*"));
        c.info(c.node(e.source).name + " starts SageMaker batch transform jobs named \"" + kebab(c.node(e.source).name)
               + "-*\"; it also needs iam:PassRole for the model's role, which the design does not name");
        return true;
    }
    if (t.type == "fargate-service") {
        c.grantStatement(p, {"ecs:RunTask"}, sub("arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:task-definition/*"));
        c.warn(c.node(e.source).name + " -> " + t.name + ": running Fargate tasks from a state machine needs the task definition and iam:PassRole; finish the state by hand");
        return true;
    }
    if (t.type == "apigw-rest-api" || t.type == "apigw-http-api") {
        c.grantStatement(p, {"execute-api:Invoke"}, sub("arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${" + tid + "}/*"));
        return true;
    }
    return false;
}

} // namespace

bool wirePrincipalSource(ExportContext &c, const Edge &e, const Node &p, const Node &t)
{
    if (importedResource(p) != nullptr || !c.hasResource(id(c, p)))
        return false;
    const bool sam = c.sam();
    const bool fn = isFunction(p);
    const std::string &tid = id(c, t);
    const std::string use = purpose(e);

    // Failure and success destinations, dead-letter queues.
    if (fn && (use == "on-failure" || use == "on-success")) {
        const bool asyncOnly = t.type == "sqs-queue" || t.type == "sns-topic" || t.type == "lambda-function" || t.type == "eventbridge-bus";
        if (!asyncOnly)
            return false;
        const char *type = t.type == "sqs-queue" ? "SQS" : t.type == "sns-topic" ? "SNS" : t.type == "lambda-function" ? "Lambda" : "EventBridge";
        Tree destination = t.type == "sns-topic" ? cfn::ref(tid) : getAtt(tid, "Arn");
        Tree &config = invokeConfig(c, p);
        Tree &dest = cfn::child(config, "DestinationConfig");
        const char *slot = use == "on-failure" ? "OnFailure" : "OnSuccess";
        if (sam)
            dest.set(slot, map({{"Type", text(type)}, {"Destination", destination}}));
        else
            dest.set(slot, map({{"Destination", destination}}));
        if (!sam) {
            if (t.type == "sqs-queue")
                c.grantStatement(p, {"sqs:SendMessage"}, getAtt(tid, "Arn"));
            else if (t.type == "sns-topic")
                c.grantStatement(p, {"sns:Publish"}, cfn::ref(tid));
            else if (t.type == "lambda-function")
                c.grantStatement(p, {"lambda:InvokeFunction"}, getAtt(tid, "Arn"));
            else
                c.grantStatement(p, {"events:PutEvents"}, getAtt(tid, "Arn"));
        }
        return true;
    }
    if (fn && use == "dead-letter" && (t.type == "sqs-queue" || t.type == "sns-topic")) {
        const bool queue = t.type == "sqs-queue";
        Tree arn = queue ? getAtt(tid, "Arn") : cfn::ref(tid);
        if (sam) {
            c.properties(id(c, p)).set("DeadLetterQueue", map({{"Type", text(queue ? "SQS" : "SNS")}, {"TargetArn", arn}}));
        } else {
            c.properties(id(c, p)).set("DeadLetterConfig", map({{"TargetArn", arn}}));
            c.grantStatement(p, {queue ? "sqs:SendMessage" : "sns:Publish"}, arn);
        }
        return true;
    }

    // Data edges: least-privilege permission scoped to the target, and (for functions)
    // an environment variable naming it.
    const ConnectionRule *rule = c.catalog().connections().rule(p.type, t.type);
    bool granted = false;
    if (rule != nullptr && !rule->sam.policy.empty()) {
        const std::string policy = narrowedPolicy(rule->sam.policy, e.kind);
        const std::vector<std::string> params = c.policyTemplates().parameters(policy);
        const std::string parameter = params.empty() ? std::string() : params.front();
        c.grantPolicyTemplate(p, policy, parameter, parameter.empty() ? Tree() : policyArgument(c, parameter, t));
        granted = true;
    } else {
        granted = grantWithoutTemplate(c, p, e, t);
    }
    if (fn && rule != nullptr && !rule->sam.environment.empty())
        c.setEnvironment(p, environmentName(c, t), environmentValue(c, t, rule->sam.environment));
    if (!granted && (rule == nullptr || rule->sam.environment.empty()))
        return false;
    return true;
}

void finishApis(ExportContext &c)
{
    // A REST API needs at least one method before it can be deployed: one that answers
    // 200 from API Gateway itself, until the design connects something behind it.
    for (const Node &n : c.design().nodes()) {
        if (n.type != "apigw-rest-api" || importedResource(n) != nullptr || !c.hasResource(id(c, n)))
            continue;
        if (c.sam()) {
            bool hasEvent = false;
            for (const Edge *e : c.outgoing(n.id))
                hasEvent = hasEvent || isFunction(c.node(e->target)) || isStateMachine(c.node(e->target));
            if (hasEvent)
                continue;
        }
        Tree &paths = openApiPaths(c, n);
        if (!paths.entries.empty())
            continue;
        Tree mock = map({{"type", text("mock")},
                         {"requestTemplates", map({{"application/json", text("{\"statusCode\": 200}")}})},
                         {"responses", map({{"default", map({{"statusCode", text("200")}})}})}});
        cfn::child(paths, "/").set("get", map({{"x-amazon-apigateway-integration", std::move(mock)},
                                               {"responses", map({{"200", map({{"description", text("OK")}})}})}}));
        c.info(n.name + " has nothing behind it; it is exported with a placeholder GET / that answers 200");
    }
}

void registerCoreExporters(std::map<std::string, ServiceExporter> &r)
{
    r["lambda-function"] = {lambdaResources, nullptr};
    r["step-functions"] = {stateMachineResources, nullptr};
    r["apigw-rest-api"] = {restApiResources, apiOutgoing};
    r["apigw-http-api"] = {httpApiResources, apiOutgoing};
    r["sqs-queue"] = {queueResources, queueOutgoing};
    r["sns-topic"] = {topicResources, topicOutgoing};
    r["dynamodb-table"] = {tableResources, tableOutgoing};
    r["s3-bucket"] = {bucketResources, bucketOutgoing};
    r["eventbridge-bus"] = {busResources, busOutgoing};
    r["eventbridge-rule"] = {ruleResources, ruleOutgoing};
    r["eventbridge-schedule"] = {scheduleResources, scheduleOutgoing};
    r["kinesis-stream"] = {streamResources, streamOutgoing};
    r["cognito-user-pool"] = {userPoolResources, userPoolOutgoing};
}

} // namespace nimbus::model::iac
