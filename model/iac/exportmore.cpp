// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// Exporters of the catalog services beyond the core: WebSocket and GraphQL APIs, CloudFront,
// load balancers, Fargate, Aurora, Glue, Athena, SageMaker, Firehose, Pipes and IoT rules.
// Facts: CloudFormation resource reference
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-template-resource-type-ref.html
// and the AWS SAM specification (shared/reference/sam).
//
// Resources are built as whole Trees and added in one step: ExportContext keeps resources
// in a vector, so a reference to one resource's body does not survive adding another.
#include "cfntree.h"
#include "exportcontext.h"
#include "policytemplates.h"

#include <model/analysis/propertyaccess.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <iterator>
#include <map>
#include <optional>

namespace nimbus::model::iac {

namespace {

using namespace cfn;

// Managed CloudFront policies (ids are the same in every account).
const char *const kCachingOptimized = "658327ea-f89d-4fab-a63d-7e88639e58f6";
const char *const kCachingDisabled = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
const char *const kAllViewerExceptHost = "b689b0a8-53d0-40ab-baf2-68738e2966ac";
const char *const kLambdaArnPath =
    "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/";

// --- helpers -------------------------------------------------------------------------------

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

bool flag(ExportContext &c, const Node &n, const char *key)
{
    return prop(c, n, key) == "true";
}

/// A number offered as a choice ("2048"): choices are text, so numberProperty gives none.
double choiceNumber(ExportContext &c, const Node &n, const char *key, double fallback)
{
    const std::string value = prop(c, n, key);
    char *end = nullptr;
    const double v = std::strtod(value.c_str(), &end);
    return value.empty() || *end != '\0' ? fallback : v;
}

std::optional<double> optNum(ExportContext &c, const Node &n, const char *key)
{
    const ServiceType *t = c.type(n);
    return t != nullptr ? optionalNumber(n, *t, key) : std::nullopt;
}

Tree intNum(double v)
{
    return integer(std::llround(v));
}

const std::string &lid(ExportContext &c, const Node &n)
{
    return c.logicalId(n.id);
}

std::string dashed(ExportContext &c, const Node &n, std::size_t limit = 40)
{
    std::string s = kebab(n.name.empty() ? lid(c, n) : n.name).substr(0, limit);
    while (!s.empty() && s.back() == '-')
        s.pop_back();
    return s.empty() ? std::string("x") : s;
}

/// Edges the design draws (not read from a template, which already expresses them).
std::vector<const Edge *> live(const std::vector<const Edge *> &edges)
{
    std::vector<const Edge *> out;
    std::copy_if(edges.begin(), edges.end(), std::back_inserter(out),
                 [](const Edge *e) { return !isImportedEdge(*e); });
    return out;
}

Tree arnSub(const std::string &rest)
{
    return sub("arn:${AWS::Partition}:" + rest);
}

Tree managedPolicy(const std::string &path)
{
    return arnSub("iam::aws:policy/" + path);
}

Tree tagged(const char *tag, std::vector<Tree> items)
{
    Tree t = list(std::move(items));
    t.tag = tag;
    t.flow = true;
    return t;
}

/// `!Select [index, !Split [separator, value]]`
Tree selectSplit(int index, const std::string &separator, Tree value)
{
    return tagged("!Select",
                  {integer(index), tagged("!Split", {text(separator), std::move(value)})});
}

/// `!Sub [pattern, {name: value}]`
Tree subWith(const std::string &pattern, const std::string &name, Tree value)
{
    Tree t = list({text(pattern), map({{name, std::move(value)}})});
    t.tag = "!Sub";
    return t;
}

/// Declares a template parameter and returns a reference to it.
Tree param(ExportContext &c, const std::string &name, const std::string &type,
           const std::string &description, const std::string &defaultValue = {})
{
    Tree body = map({{"Type", text(type)}, {"Description", text(description)}});
    if (!defaultValue.empty())
        body.set("Default", text(defaultValue));
    c.addParameter(name, std::move(body));
    return cfn::ref(name);
}

Tree subnets(ExportContext &c, bool isPublic)
{
    return isPublic
               ? param(c, "PublicSubnets", "List<AWS::EC2::Subnet::Id>",
                       "Public subnets for internet-facing load balancers")
               : param(c, "Subnets", "List<AWS::EC2::Subnet::Id>",
                       "Private subnets for containers, databases and internal load balancers");
}

Tree securityGroups(ExportContext &c, const Node &n)
{
    return param(c, lid(c, n) + "SecurityGroups", "List<AWS::EC2::SecurityGroup::Id>",
                 "Security groups of " + n.name);
}

void put(ExportContext &c, const std::string &id, const std::string &type, const Node *owner,
         Tree props, std::size_t expanded = 1)
{
    c.addResource(id, type, owner, expanded).set("Properties", std::move(props));
}

/// A role that is not the node's service role (an execution or logging role).
std::string addRole(ExportContext &c, const std::string &base, const Node &owner,
                    const std::string &principal, const std::string &managed)
{
    const std::string id = c.reserveId(base);
    put(c, id, "AWS::IAM::Role", &owner,
        map({{"AssumeRolePolicyDocument", assumeRolePolicy(principal)},
             {"ManagedPolicyArns", list({managedPolicy(managed)})}}));
    return id;
}

std::string addPermission(ExportContext &c, const std::string &base, const Node &owner,
                          const Node &function, const std::string &principal, Tree sourceArn)
{
    const std::string id = c.reserveId(base);
    put(c, id, "AWS::Lambda::Permission", &owner,
        map({{"Action", text("lambda:InvokeFunction")},
             {"FunctionName", getAtt(lid(c, function), "Arn")},
             {"Principal", text(principal)},
             {"SourceArn", std::move(sourceArn)}}));
    return id;
}

bool isOfType(const ResourceEntry &r, const std::string &type)
{
    const Tree *t = r.body.find("Type");
    return t != nullptr && t->scalar == type;
}

/// The ids of the resources of one type made for a node, in the order they were made.
std::vector<std::string> ownedResources(ExportContext &c, const Node &owner,
                                        const std::string &type)
{
    std::vector<std::string> out;
    for (const ResourceEntry &r : c.resources()) {
        if (r.owner == owner.id.str() && isOfType(r, type))
            out.push_back(r.logicalId);
    }
    return out;
}

std::string ownedResource(ExportContext &c, const Node &owner, const std::string &type)
{
    const std::vector<std::string> ids = ownedResources(c, owner, type);
    return ids.empty() ? std::string() : ids.front();
}

Tree arnOf(ExportContext &c, const Node &n)
{
    const std::string &i = lid(c, n);
    if (n.type == "sns-topic" || n.type == "step-functions" ||
        n.type == "sagemaker-serverless-endpoint")
        return cfn::ref(i);
    if (n.type == "aurora-serverless")
        return getAtt(i, "DBClusterArn");
    if (n.type == "glue-job")
        return arnSub("glue:${AWS::Region}:${AWS::AccountId}:job/${" + i + "}");
    if (n.type == "athena-workgroup")
        return arnSub("athena:${AWS::Region}:${AWS::AccountId}:workgroup/${" + i + "}");
    if (n.type == "apigw-websocket-api")
        return arnSub("execute-api:${AWS::Region}:${AWS::AccountId}:${" + i +
                      "}/${Stage}/POST/@connections/*");
    return getAtt(i, "Arn");
}

/// An ARN and everything below it ("bucket" and "bucket/*", "function" and its versions).
Tree withChildren(const Tree &arn, const std::string &separator)
{
    const std::string var = arn.tag == "!GetAtt" ? arn.scalar
                            : arn.tag == "!Ref"  ? arn.scalar
                                                 : std::string();
    return list({arn, sub("${" + var + "}" + separator + "*")});
}

bool isCaller(const Node &n)
{
    return n.type == "lambda-function" || n.type == "step-functions" || n.type == "fargate-service";
}

// --- the data access a Lambda function would get, for other principals -------------------

std::string narrowedPolicy(const std::string &policy, ConnectionKind kind)
{
    if (policy == "DynamoDBCrudPolicy")
        return kind == ConnectionKind::Read    ? "DynamoDBReadPolicy"
               : kind == ConnectionKind::Write ? "DynamoDBWritePolicy"
                                               : policy;
    if (policy == "S3CrudPolicy")
        return kind == ConnectionKind::Read    ? "S3ReadPolicy"
               : kind == ConnectionKind::Write ? "S3WritePolicy"
                                               : policy;
    if (policy == "KinesisCrudPolicy" && kind == ConnectionKind::Read)
        return "KinesisStreamReadPolicy";
    return policy;
}

Tree policyArgument(ExportContext &c, const std::string &parameter, const Node &target)
{
    const std::string &tid = lid(c, target);
    if (parameter == "QueueName")
        return getAtt(tid, "QueueName");
    if (parameter == "TopicName")
        return getAtt(tid, "TopicName");
    if (parameter == "StateMachineName")
        return getAtt(tid, "Name");
    return cfn::ref(tid);
}

/// Grants `principal` what a Lambda function gets for the same edge: the rule's SAM policy
/// template, narrowed by the edge's kind, or explicit statements where no template exists.
bool grantLikeFunction(ExportContext &c, const Node &principal, const Edge &e, const Node &t)
{
    const ConnectionRule *rule = c.catalog().connections().rule("lambda-function", t.type);
    if (rule != nullptr && !rule->sam.policy.empty()) {
        const std::string policy = narrowedPolicy(rule->sam.policy, e.kind);
        const std::vector<std::string> params = c.policyTemplates().parameters(policy);
        const std::string parameter = params.empty() ? std::string() : params.front();
        c.grantPolicyTemplate(principal, policy, parameter,
                              parameter.empty() ? Tree() : policyArgument(c, parameter, t));
        return true;
    }
    const std::string &tid = lid(c, t);
    if (t.type == "aurora-serverless") {
        c.grantStatement(principal,
                         {"rds-data:ExecuteStatement", "rds-data:BatchExecuteStatement",
                          "rds-data:BeginTransaction", "rds-data:CommitTransaction",
                          "rds-data:RollbackTransaction"},
                         getAtt(tid, "DBClusterArn"));
        c.grantStatement(principal, {"secretsmanager:GetSecretValue"},
                         getAtt(tid, "MasterUserSecret.SecretArn"));
    } else if (t.type == "sagemaker-serverless-endpoint") {
        c.grantStatement(principal, {"sagemaker:InvokeEndpoint"}, cfn::ref(tid));
    } else if (t.type == "glue-job") {
        c.grantStatement(
            principal,
            {"glue:StartJobRun", "glue:GetJobRun", "glue:GetJobRuns", "glue:BatchStopJobRun"},
            arnOf(c, t));
    } else if (t.type == "cognito-user-pool") {
        std::vector<std::string> actions = {"cognito-idp:AdminGetUser", "cognito-idp:ListUsers"};
        if (e.kind != ConnectionKind::Read)
            actions = {"cognito-idp:AdminGetUser", "cognito-idp:AdminCreateUser",
                       "cognito-idp:AdminUpdateUserAttributes", "cognito-idp:AdminDeleteUser"};
        c.grantStatement(principal, std::move(actions), getAtt(tid, "Arn"));
    } else if (t.type == "apigw-websocket-api") {
        c.grantStatement(principal, {"execute-api:ManageConnections"}, arnOf(c, t));
    } else {
        return false;
    }
    return true;
}

/// Environment variable names as functions get them ("ORDERS_TABLE", "JOBS_QUEUE_URL").
std::string environmentName(ExportContext &c, const Node &target)
{
    static const std::map<std::string, std::string> suffixes = {
        {"dynamodb-table", "TABLE"},
        {"s3-bucket", "BUCKET"},
        {"sqs-queue", "QUEUE_URL"},
        {"sns-topic", "TOPIC_ARN"},
        {"eventbridge-bus", "EVENT_BUS"},
        {"kinesis-stream", "STREAM"},
        {"firehose-stream", "DELIVERY_STREAM"},
        {"step-functions", "STATE_MACHINE_ARN"},
        {"lambda-function", "FUNCTION"},
        {"athena-workgroup", "WORKGROUP"},
        {"sagemaker-serverless-endpoint", "ENDPOINT"},
        {"cognito-user-pool", "USER_POOL_ID"},
        {"aurora-serverless", "CLUSTER_ARN"},
        {"apigw-websocket-api", "API_ID"},
        {"glue-job", "JOB"}};
    auto it = suffixes.find(target.type);
    const std::string suffix = it == suffixes.end() ? std::string("ID") : it->second;
    std::string base = upperSnake(target.name.empty() ? lid(c, target) : target.name);
    const std::string word = suffix.substr(0, suffix.find('_'));
    if (base.size() >= word.size() &&
        base.compare(base.size() - word.size(), word.size(), word) == 0 &&
        (base.size() == word.size() || base[base.size() - word.size() - 1] == '_'))
        base.resize(base.size() - word.size());
    if (!base.empty() && base.back() != '_')
        base += '_';
    if (base.empty() || std::isdigit(static_cast<unsigned char>(base[0])) != 0)
        base = "R_" + base;
    return base + suffix;
}

Tree environmentValue(ExportContext &c, const Node &target, const std::string &how)
{
    if (how == "Arn")
        return arnOf(c, target);
    if (how == "Name" && target.type == "sagemaker-serverless-endpoint")
        return getAtt(lid(c, target), "EndpointName");
    return cfn::ref(lid(c, target)); // Ref, QueueUrl (a queue's Ref is its URL), Name of a bus
}

// --- WebSocket API --------------------------------------------------------------------------

struct Route
{
    std::string key;
    const Node *function = nullptr;
};

/// Route keys from the connected functions: "...disconnect..." and "...connect..." by name,
/// the first other function takes $default, the rest a route named after them.
std::vector<Route> websocketRoutes(ExportContext &c, const Node &api)
{
    std::vector<Route> routes;
    auto used = [&](const std::string &key) {
        return std::any_of(routes.begin(), routes.end(),
                           [&](const Route &r) { return r.key == key; });
    };
    for (const Edge *e : live(c.outgoing(api.id))) {
        const Node &fn = c.node(e->target);
        if (fn.type != "lambda-function" ||
            std::any_of(routes.begin(), routes.end(),
                        [&](const Route &r) { return r.function == &fn; }))
            continue;
        std::string lower = fn.name;
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char ch) { return std::tolower(ch); });
        std::string key = lower.find("disconnect") != std::string::npos ? "$disconnect"
                          : lower.find("connect") != std::string::npos  ? "$connect"
                                                                        : "$default";
        if (used(key)) {
            std::string camel = pascalCase(fn.name.empty() ? lid(c, fn) : fn.name);
            camel[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(camel[0])));
            key = camel;
            for (int n = 2; used(key); ++n)
                key = camel + std::to_string(n);
        }
        routes.push_back({key, &fn});
    }
    return routes;
}

std::string routeSuffix(const std::string &key)
{
    return pascalCase(key[0] == '$' ? key.substr(1) : key);
}

void websocketCfn(ExportContext &c, const Node &n, const std::vector<Route> &routes,
                  const std::string &auth)
{
    const std::string &api = lid(c, n);
    put(c, api, "AWS::ApiGatewayV2::Api", &n,
        map({{"Name", sub("${AWS::StackName}-" + dashed(c, n))},
             {"ProtocolType", text("WEBSOCKET")},
             {"RouteSelectionExpression", text(prop(c, n, "routeSelectionExpression"))}}));
    std::string authorizer;
    if (auth == "LAMBDA" && !routes.empty()) {
        const Tree fn = param(c, api + "AuthorizerArn", "String",
                              "ARN of the Lambda authorizer function of " + n.name);
        authorizer = c.reserveId(api + "Authorizer");
        put(c, authorizer, "AWS::ApiGatewayV2::Authorizer", &n,
            map({{"ApiId", cfn::ref(api)},
                 {"AuthorizerType", text("REQUEST")},
                 {"Name", text(authorizer)},
                 {"AuthorizerUri",
                  sub(std::string(kLambdaArnPath) + "${" + fn.scalar + "}/invocations")},
                 {"IdentitySource", list({text("route.request.header.Authorization")})}}));
        const std::string pid = c.reserveId(authorizer + "Permission");
        put(c, pid, "AWS::Lambda::Permission", &n,
            map({{"Action", text("lambda:InvokeFunction")},
                 {"FunctionName", fn},
                 {"Principal", text("apigateway.amazonaws.com")},
                 {"SourceArn", arnSub("execute-api:${AWS::Region}:${AWS::AccountId}:${" + api +
                                      "}/authorizers/${" + authorizer + "}")}}));
    }
    std::vector<std::string> routeIds;
    for (const Route &r : routes) {
        const std::string &fid = lid(c, *r.function);
        const std::string base = api + routeSuffix(r.key);
        const std::string integration = c.reserveId(base + "Integration");
        put(c, integration, "AWS::ApiGatewayV2::Integration", &n,
            map({{"ApiId", cfn::ref(api)},
                 {"IntegrationType", text("AWS_PROXY")},
                 {"IntegrationUri",
                  sub(std::string(kLambdaArnPath) + "${" + fid + ".Arn}/invocations")}}));
        Tree route = map({{"ApiId", cfn::ref(api)},
                          {"RouteKey", text(r.key)},
                          {"Target", sub("integrations/${" + integration + "}")}});
        if (r.key == "$connect" && auth != "NONE") { // authorizers run on $connect only
            route.set("AuthorizationType", text(auth == "LAMBDA" ? "CUSTOM" : auth));
            if (!authorizer.empty())
                route.set("AuthorizerId", cfn::ref(authorizer));
        }
        routeIds.push_back(c.reserveId(base + "Route"));
        put(c, routeIds.back(), "AWS::ApiGatewayV2::Route", &n, std::move(route));
        addPermission(
            c, base + "Permission", n, *r.function, "apigateway.amazonaws.com",
            arnSub("execute-api:${AWS::Region}:${AWS::AccountId}:${" + api + "}/*/" + r.key));
    }
    Tree stage = map({{"ApiId", cfn::ref(api)}, {"StageName", cfn::ref("Stage")}});
    if (!routes.empty()) { // a deployment needs at least one route
        const std::string deployment = c.reserveId(api + "Deployment");
        put(c, deployment, "AWS::ApiGatewayV2::Deployment", &n, map({{"ApiId", cfn::ref(api)}}));
        for (const std::string &r : routeIds)
            c.addDependsOn(deployment, r);
        stage.set("DeploymentId", cfn::ref(deployment));
    }
    put(c, c.reserveId(api + "Stage"), "AWS::ApiGatewayV2::Stage", &n, std::move(stage));
}

void websocketResources(ExportContext &c, const Node &n)
{
    const std::string &api = lid(c, n);
    const std::vector<Route> routes = websocketRoutes(c, n);
    const std::string auth = prop(c, n, "authorizer");
    if (auth == "AWS_IAM" || auth == "LAMBDA") {
        const bool connect = std::any_of(routes.begin(), routes.end(),
                                         [](const Route &r) { return r.key == "$connect"; });
        if (!connect)
            c.warn(n.name + ": WebSocket authorizers run on the $connect route; connect a function "
                            "named \"...connect...\" to use one");
    }
    if (routes.empty())
        c.warn(n.name +
               " has no route: connect functions to it ($connect, $disconnect, $default by name)");
    if (c.sam() && !routes.empty()) {
        Tree routeMap = Tree::makeMap();
        for (const Route &r : routes)
            routeMap.set(r.key, map({{"FunctionArn", getAtt(lid(c, *r.function), "Arn")}}));
        Tree p = map({{"RouteSelectionExpression", text(prop(c, n, "routeSelectionExpression"))},
                      {"StageName", cfn::ref("Stage")},
                      {"Routes", std::move(routeMap)}});
        if (auth == "AWS_IAM")
            p.set("Auth", map({{"AuthType", text("AWS_IAM")}}));
        else if (auth == "LAMBDA")
            p.set("Auth",
                  map({{"AuthType", text("CUSTOM")},
                       {"AuthArn", param(c, api + "AuthorizerArn", "String",
                                         "ARN of the Lambda authorizer function of " + n.name)},
                       {"IdentitySource", list({text("route.request.header.Authorization")})}}));
        put(c, api, "AWS::Serverless::WebSocketApi", &n, std::move(p),
            3 + 3 * routes.size() + (auth == "LAMBDA" ? 2 : 0));
    } else {
        websocketCfn(c, n, routes, auth);
    }
    c.addOutput(api + "Url", "WebSocket URL of " + n.name,
                sub("wss://${" + api + "}.execute-api.${AWS::Region}.${AWS::URLSuffix}/${Stage}"));
}

bool websocketOutgoing(ExportContext &c, const Edge &, const Node &api, const Node &target)
{
    return target.type == "lambda-function" &&
           c.hasResource(lid(c, api)); // a route, written with the API
}

// --- AppSync GraphQL API ---------------------------------------------------------------------

const char *const kPlaceholderSchema =
    "# Placeholder schema written by Nimbus: replace it with the API's own.\n"
    "schema {\n  query: Query\n}\n\ntype Query {\n  ping: String\n}\n";

const Node *connectedOfType(ExportContext &c, const Node &n, const char *type)
{
    for (const Edge *e : live(c.outgoing(n.id))) {
        if (c.node(e->target).type == type)
            return &c.node(e->target);
    }
    return nullptr;
}

void appsyncResources(ExportContext &c, const Node &n)
{
    const std::string &api = lid(c, n);
    const std::string auth = prop(c, n, "authentication");
    const std::string logLevel = prop(c, n, "fieldLogLevel");
    const std::string caching = prop(c, n, "cachingBehavior");
    Tree userPool, issuer, authorizerArn;
    if (auth == "AMAZON_COGNITO_USER_POOLS") {
        const Node *pool = connectedOfType(c, n, "cognito-user-pool");
        userPool = pool != nullptr ? cfn::ref(lid(c, *pool))
                                   : param(c, api + "UserPoolId", "String",
                                           "Cognito user pool that signs in users of " + n.name);
    } else if (auth == "OPENID_CONNECT") {
        issuer = param(c, api + "OidcIssuer", "String", "OpenID Connect issuer URL for " + n.name);
    } else if (auth == "AWS_LAMBDA") {
        authorizerArn = param(c, api + "AuthorizerArn", "String",
                              "ARN of the Lambda authorizer function of " + n.name);
    }
    Tree cache = map(
        {{"ApiCachingBehavior", text(caching)}, {"Ttl", integer(3600)}, {"Type", text("SMALL")}});
    if (c.sam()) {
        Tree a = map({{"Type", text(auth)}});
        if (!userPool.isNull())
            a.set("UserPool", map({{"UserPoolId", userPool},
                                   {"AwsRegion", cfn::ref("AWS::Region")},
                                   {"DefaultAction", text("ALLOW")}}));
        if (!issuer.isNull())
            a.set("OpenIDConnect", map({{"Issuer", issuer}}));
        if (!authorizerArn.isNull())
            a.set("LambdaAuthorizer", map({{"AuthorizerUri", authorizerArn}}));
        Tree p = map({{"Name", sub("${AWS::StackName}-" + dashed(c, n))},
                      {"SchemaInline", text(kPlaceholderSchema)},
                      {"Auth", std::move(a)},
                      {"XrayEnabled", boolean(flag(c, n, "xrayEnabled"))}});
        // SAM turns logging on (FieldLogLevel ALL) unless told otherwise.
        p.set("Logging",
              logLevel == "NONE" ? boolean(false) : map({{"FieldLogLevel", text(logLevel)}}));
        if (caching != "NONE")
            p.set("Cache", std::move(cache));
        if (auth == "API_KEY")
            p.set("ApiKeys",
                  map({{"Default", map({{"Description", text("API key of " + n.name)}})}}));
        put(c, api, "AWS::Serverless::GraphQLApi", &n, std::move(p), 3);
    } else {
        Tree p = map({{"Name", sub("${AWS::StackName}-" + dashed(c, n))},
                      {"AuthenticationType", text(auth)},
                      {"XrayEnabled", boolean(flag(c, n, "xrayEnabled"))}});
        if (!userPool.isNull())
            p.set("UserPoolConfig", map({{"UserPoolId", userPool},
                                         {"AwsRegion", cfn::ref("AWS::Region")},
                                         {"DefaultAction", text("ALLOW")}}));
        if (!issuer.isNull())
            p.set("OpenIDConnectConfig", map({{"Issuer", issuer}}));
        if (!authorizerArn.isNull())
            p.set("LambdaAuthorizerConfig", map({{"AuthorizerUri", authorizerArn}}));
        if (logLevel != "NONE") {
            const std::string logs = addRole(c, api + "LogsRole", n, "appsync.amazonaws.com",
                                             "service-role/AWSAppSyncPushToCloudWatchLogs");
            p.set("LogConfig", map({{"CloudWatchLogsRoleArn", getAtt(logs, "Arn")},
                                    {"FieldLogLevel", text(logLevel)}}));
        }
        put(c, api, "AWS::AppSync::GraphQLApi", &n, std::move(p));
        put(c, c.reserveId(api + "Schema"), "AWS::AppSync::GraphQLSchema", &n,
            map({{"ApiId", getAtt(api, "ApiId")}, {"Definition", text(kPlaceholderSchema)}}));
        if (auth == "API_KEY")
            put(c, c.reserveId(api + "ApiKey"), "AWS::AppSync::ApiKey", &n,
                map({{"ApiId", getAtt(api, "ApiId")}}));
        if (caching != "NONE") {
            cache.entries.insert(cache.entries.begin(), {"ApiId", getAtt(api, "ApiId")});
            put(c, c.reserveId(api + "Cache"), "AWS::AppSync::ApiCache", &n, std::move(cache));
        }
        if (auth == "AWS_LAMBDA")
            put(c, c.reserveId(api + "AuthorizerPermission"), "AWS::Lambda::Permission", &n,
                map({{"Action", text("lambda:InvokeFunction")},
                     {"FunctionName", authorizerArn},
                     {"Principal", text("appsync.amazonaws.com")},
                     {"SourceArn", getAtt(api, "Arn")}}));
    }
    c.addOutput(api + "GraphQLUrl", "GraphQL endpoint of " + n.name, getAtt(api, "GraphQLUrl"));
}

/// A data source for one connected service, with its access granted to the API's role.
bool appsyncOutgoing(ExportContext &c, const Edge &e, const Node &n, const Node &t)
{
    const std::string &api = lid(c, n);
    if (!c.hasResource(api))
        return false;
    if (t.type == "cognito-user-pool")
        return prop(c, n, "authentication") == "AMAZON_COGNITO_USER_POOLS"; // the API's authorizer
    const std::string &tid = lid(c, t);
    const std::string role = c.serviceRole(n, "appsync.amazonaws.com");
    const Tree roleArn = getAtt(role, "Arn");
    Tree config;
    std::string type;
    if (t.type == "lambda-function") {
        c.grantStatement(n, {"lambda:InvokeFunction"}, withChildren(getAtt(tid, "Arn"), ":"));
        if (c.sam()) {
            cfn::child(cfn::child(c.properties(api), "DataSources"), "Lambda")
                .set(tid, map({{"FunctionArn", getAtt(tid, "Arn")}, {"ServiceRoleArn", roleArn}}));
            return true;
        }
        type = "AWS_LAMBDA";
        config = map({{"LambdaConfig", map({{"LambdaFunctionArn", getAtt(tid, "Arn")}})}});
    } else if (t.type == "dynamodb-table") {
        c.grantPolicyTemplate(
            n, e.kind == ConnectionKind::Read ? "DynamoDBReadPolicy" : "DynamoDBCrudPolicy",
            "TableName", cfn::ref(tid));
        if (c.sam()) {
            cfn::child(cfn::child(c.properties(api), "DataSources"), "DynamoDb")
                .set(tid, map({{"TableName", cfn::ref(tid)},
                               {"TableArn", getAtt(tid, "Arn")},
                               {"ServiceRoleArn", roleArn}}));
            return true;
        }
        type = "AMAZON_DYNAMODB";
        config =
            map({{"DynamoDBConfig",
                  map({{"TableName", cfn::ref(tid)}, {"AwsRegion", cfn::ref("AWS::Region")}})}});
    } else if (t.type == "eventbridge-bus") {
        c.grantStatement(n, {"events:PutEvents"}, getAtt(tid, "Arn"));
        type = "AMAZON_EVENTBRIDGE";
        config = map({{"EventBridgeConfig", map({{"EventBusArn", getAtt(tid, "Arn")}})}});
    } else if (t.type == "aurora-serverless") {
        if (!flag(c, t, "dataApiEnabled"))
            c.warn(n.name + " -> " + t.name +
                   ": AppSync reaches Aurora through the Data API; turn dataApiEnabled on");
        grantLikeFunction(c, n, e, t);
        type = "RELATIONAL_DATABASE";
        config = map(
            {{"RelationalDatabaseConfig",
              map({{"RelationalDatabaseSourceType", text("RDS_HTTP_ENDPOINT")},
                   {"RdsHttpEndpointConfig",
                    map({{"AwsRegion", cfn::ref("AWS::Region")},
                         {"DbClusterIdentifier", getAtt(tid, "DBClusterArn")},
                         {"AwsSecretStoreArn", getAtt(tid, "MasterUserSecret.SecretArn")}})}})}});
    } else {
        return false;
    }
    Tree p = map({{"ApiId", getAtt(api, "ApiId")}, {"Name", text(tid)}, {"Type", text(type)}});
    for (auto &entry : config.entries)
        p.set(entry.first, std::move(entry.second));
    p.set("ServiceRoleArn", roleArn);
    put(c, c.reserveId(api + tid + "DataSource"), "AWS::AppSync::DataSource", &n, std::move(p));
    return true;
}

// --- CloudFront ------------------------------------------------------------------------------

struct Origin
{
    std::string id;
    Tree body;
    bool dynamic = false; ///< an API or function: no caching, every method, viewer headers
    std::string name;
};

Tree distributionArn(const std::string &dist)
{
    return arnSub("cloudfront::${AWS::AccountId}:distribution/${" + dist + "}");
}

Tree customOrigin(const char *protocol)
{
    return map({{"OriginProtocolPolicy", text(protocol)},
                {"OriginSSLProtocols", list({text("TLSv1.2")})}});
}

/// The Origin Access Control of a distribution for one origin type, created once.
std::string originAccessControl(ExportContext &c, const Node &n, const std::string &type)
{
    for (const std::string &id : ownedResources(c, n, "AWS::CloudFront::OriginAccessControl")) {
        if (c.properties(id)
                .find("OriginAccessControlConfig")
                ->find("OriginAccessControlOriginType")
                ->scalar == type)
            return id;
    }
    const std::string id = c.reserveId(lid(c, n) + pascalCase(type) + "Oac");
    put(c, id, "AWS::CloudFront::OriginAccessControl", &n,
        map({{"OriginAccessControlConfig",
              map({{"Name", sub("${AWS::StackName}-" + dashed(c, n, 20) + "-" + type)},
                   {"OriginAccessControlOriginType", text(type)},
                   {"SigningBehavior", text("always")},
                   {"SigningProtocol", text("sigv4")}})}}));
    return id;
}

/// Lets one distribution read a bucket's objects: a statement in the bucket's policy.
void allowDistributionToRead(ExportContext &c, const Node &n, const Node &bucket)
{
    const std::string &dist = lid(c, n);
    const std::string &bid = lid(c, bucket);
    Tree statement = map(
        {{"Sid", text("CloudFrontRead" + dist)},
         {"Effect", text("Allow")},
         {"Principal", map({{"Service", text("cloudfront.amazonaws.com")}})},
         {"Action", text("s3:GetObject")},
         {"Resource", sub("${" + bid + ".Arn}/*")},
         {"Condition", map({{"StringEquals", map({{"AWS:SourceArn", distributionArn(dist)}})}})}});
    // A bucket has one policy: distributions that share the bucket share its statements.
    const std::string policyId = ownedResource(c, bucket, "AWS::S3::BucketPolicy");
    if (!policyId.empty()) {
        cfn::childList(cfn::child(c.properties(policyId), "PolicyDocument"), "Statement")
            .items.push_back(std::move(statement));
        return;
    }
    put(c, c.reserveId(bid + "Policy"), "AWS::S3::BucketPolicy", &bucket,
        map({{"Bucket", cfn::ref(bid)},
             {"PolicyDocument", map({{"Version", Tree::makeScalar("2012-10-17", true)},
                                     {"Statement", list({std::move(statement)})}})}}));
}

/// A function URL origin signed by CloudFront (origin access control), both permissions
/// a function URL needs, scoped to this distribution.
Tree lambdaOrigin(ExportContext &c, const Node &n, const Node &fn)
{
    const std::string &dist = lid(c, n);
    const std::string &fid = lid(c, fn);
    const std::string url = c.reserveId(dist + fid + "Url");
    put(c, url, "AWS::Lambda::Url", &n,
        map({{"TargetFunctionArn", getAtt(fid, "Arn")}, {"AuthType", text("AWS_IAM")}}));
    put(c, c.reserveId(dist + fid + "UrlPermission"), "AWS::Lambda::Permission", &n,
        map({{"Action", text("lambda:InvokeFunctionUrl")},
             {"FunctionName", getAtt(fid, "Arn")},
             {"Principal", text("cloudfront.amazonaws.com")},
             {"SourceArn", distributionArn(dist)},
             {"FunctionUrlAuthType", text("AWS_IAM")}}));
    put(c, c.reserveId(dist + fid + "InvokePermission"), "AWS::Lambda::Permission", &n,
        map({{"Action", text("lambda:InvokeFunction")},
             {"FunctionName", getAtt(fid, "Arn")},
             {"Principal", text("cloudfront.amazonaws.com")},
             {"SourceArn", distributionArn(dist)},
             {"InvokedViaFunctionUrl", boolean(true)}}));
    return map({{"DomainName", selectSplit(2, "/", getAtt(url, "FunctionUrl"))},
                {"CustomOriginConfig", customOrigin("https-only")},
                {"OriginAccessControlId", getAtt(originAccessControl(c, n, "lambda"), "Id")}});
}

std::optional<Origin> makeOrigin(ExportContext &c, const Node &n, const Node &t)
{
    const std::string &tid = lid(c, t);
    Origin o{tid, {}, true, t.name};
    if (t.type == "s3-bucket") {
        allowDistributionToRead(c, n, t);
        o.dynamic = false;
        o.body =
            map({{"DomainName", getAtt(tid, "RegionalDomainName")},
                 {"S3OriginConfig", map({{"OriginAccessIdentity", Tree::makeScalar("", true)}})},
                 {"OriginAccessControlId", getAtt(originAccessControl(c, n, "s3"), "Id")}});
    } else if (t.type == "apigw-rest-api" || t.type == "apigw-http-api") {
        o.body =
            map({{"DomainName", sub("${" + tid + "}.execute-api.${AWS::Region}.${AWS::URLSuffix}")},
                 {"OriginPath", sub("/${Stage}")},
                 {"CustomOriginConfig", customOrigin("https-only")}});
    } else if (t.type == "alb") {
        const bool https = prop(c, t, "listenerProtocol") == "HTTPS";
        if (prop(c, t, "scheme") == "internal")
            c.warn(n.name + " -> " + t.name +
                   ": CloudFront reaches only internet-facing load balancers (or VPC origins)");
        if (https)
            c.info(n.name + " -> " + t.name +
                   ": CloudFront checks the load balancer's certificate against its DNS name; "
                   "give the load balancer a domain of its own that the certificate covers");
        o.body = map({{"DomainName", getAtt(tid, "DNSName")},
                      {"CustomOriginConfig", customOrigin(https ? "https-only" : "http-only")}});
    } else if (t.type == "lambda-function") {
        o.body = lambdaOrigin(c, n, t);
    } else {
        return std::nullopt;
    }
    o.body.entries.insert(o.body.entries.begin(), {"Id", text(tid)});
    if (flag(c, n, "originShieldEnabled"))
        o.body.set("OriginShield", map({{"Enabled", boolean(true)},
                                        {"OriginShieldRegion", cfn::ref("AWS::Region")}}));
    return o;
}

Tree cacheBehavior(ExportContext &c, const Node &n, const Origin &o, const Tree &staticPolicy)
{
    Tree b = map({{"TargetOriginId", text(o.id)},
                  {"ViewerProtocolPolicy", text(prop(c, n, "viewerProtocolPolicy"))},
                  {"Compress", boolean(flag(c, n, "compress"))}});
    if (o.dynamic) {
        b.set("AllowedMethods", list({text("GET"), text("HEAD"), text("OPTIONS"), text("PUT"),
                                      text("PATCH"), text("POST"), text("DELETE")}));
        b.set("CachePolicyId", text(kCachingDisabled));
        b.set("OriginRequestPolicyId", text(kAllViewerExceptHost));
    } else {
        b.set("AllowedMethods", list({text("GET"), text("HEAD")}));
        b.set("CachePolicyId", staticPolicy);
    }
    return b;
}

/// CachingOptimized keeps objects a day by default; another default TTL needs a policy.
Tree staticCachePolicy(ExportContext &c, const Node &n)
{
    const double ttl = num(c, n, "defaultTtlSeconds", 86400);
    if (ttl == 86400)
        return text(kCachingOptimized);
    const std::string id = c.reserveId(lid(c, n) + "CachePolicy");
    Tree none = map({{"CookiesConfig", map({{"CookieBehavior", text("none")}})},
                     {"HeadersConfig", map({{"HeaderBehavior", text("none")}})},
                     {"QueryStringsConfig", map({{"QueryStringBehavior", text("none")}})},
                     {"EnableAcceptEncodingGzip", boolean(true)},
                     {"EnableAcceptEncodingBrotli", boolean(true)}});
    put(c, id, "AWS::CloudFront::CachePolicy", &n,
        map({{"CachePolicyConfig",
              map({{"Name", sub("${AWS::StackName}-" + dashed(c, n, 40))},
                   {"MinTTL", integer(1)},
                   {"DefaultTTL", intNum(ttl)},
                   {"MaxTTL", intNum(std::max(ttl, 31536000.0))},
                   {"ParametersInCacheKeyAndForwardedToOrigin", std::move(none)}})}}));
    return cfn::ref(id);
}

void distributionResources(ExportContext &c, const Node &n)
{
    const std::string &dist = lid(c, n);
    std::vector<Origin> origins;
    for (const Edge *e : live(c.outgoing(n.id))) {
        const Node &t = c.node(e->target);
        if (std::none_of(origins.begin(), origins.end(),
                         [&](const Origin &o) { return o.id == lid(c, t); }))
            if (std::optional<Origin> o = makeOrigin(c, n, t))
                origins.push_back(std::move(*o));
    }
    if (origins.empty()) {
        c.warn(n.name + " has no origin: connect a bucket, API, load balancer or function; the "
                        "template asks for a domain meanwhile");
        origins.push_back({"Origin",
                           map({{"Id", text("Origin")},
                                {"DomainName", param(c, dist + "OriginDomain", "String",
                                                     "Origin domain name of " + n.name)},
                                {"CustomOriginConfig", customOrigin("https-only")}}),
                           false, "origin"});
    }
    // The default behaviour serves the first bucket (the site); other origins get a path.
    if (auto first = std::find_if(origins.begin(), origins.end(),
                                  [](const Origin &o) { return !o.dynamic; });
        first != origins.end())
        std::rotate(origins.begin(), first, first + 1);
    const bool anyStatic =
        std::any_of(origins.begin(), origins.end(), [](const Origin &o) { return !o.dynamic; });
    const Tree staticPolicy = anyStatic ? staticCachePolicy(c, n) : Tree();
    Tree config = map({{"Enabled", boolean(true)},
                       {"Comment", text(n.name.substr(0, 128))},
                       {"PriceClass", text(prop(c, n, "priceClass"))},
                       {"HttpVersion", text("http2and3")}});
    Tree originList = Tree::makeSequence();
    Tree behaviors = Tree::makeSequence();
    std::vector<std::string> paths;
    for (std::size_t i = 0; i < origins.size(); ++i) {
        originList.items.push_back(origins[i].body);
        if (i == 0)
            continue;
        std::string path = "/" + kebab(origins[i].name.empty() ? origins[i].id : origins[i].name);
        for (int k = 2; std::find(paths.begin(), paths.end(), path) != paths.end(); ++k)
            path = "/" + kebab(origins[i].name) + std::to_string(k);
        paths.push_back(path);
        Tree b = cacheBehavior(c, n, origins[i], staticPolicy);
        b.entries.insert(b.entries.begin(), {"PathPattern", text(path + "/*")});
        behaviors.items.push_back(std::move(b));
    }
    if (!origins.front().dynamic && origins.front().id != "Origin")
        config.set("DefaultRootObject", text("index.html"));
    config.set("Origins", std::move(originList));
    config.set("DefaultCacheBehavior", cacheBehavior(c, n, origins.front(), staticPolicy));
    if (!behaviors.items.empty())
        config.set("CacheBehaviors", std::move(behaviors));
    if (flag(c, n, "wafEnabled"))
        config.set("WebACLId",
                   param(c, dist + "WebAclArn", "String",
                         "ARN of the AWS WAF web ACL (scope CLOUDFRONT) protecting " + n.name));
    put(c, dist, "AWS::CloudFront::Distribution", &n,
        map({{"DistributionConfig", std::move(config)}}));
    c.addOutput(dist + "DomainName", "Domain name of the " + n.name + " distribution",
                getAtt(dist, "DomainName"));
}

bool distributionOutgoing(ExportContext &c, const Edge &, const Node &n, const Node &t)
{
    static const std::vector<std::string> origins = {"s3-bucket", "apigw-rest-api",
                                                     "apigw-http-api", "alb", "lambda-function"};
    return c.hasResource(lid(c, n)) &&
           std::find(origins.begin(), origins.end(), t.type) != origins.end();
}

// --- Application Load Balancer -----------------------------------------------------------------

void albResources(ExportContext &c, const Node &n)
{
    const std::string &lb = lid(c, n);
    const bool internetFacing = prop(c, n, "scheme") != "internal";
    const bool https = prop(c, n, "listenerProtocol") == "HTTPS";
    put(c, lb, "AWS::ElasticLoadBalancingV2::LoadBalancer", &n,
        map({{"Type", text("application")},
             {"Scheme", text(internetFacing ? "internet-facing" : "internal")},
             {"IpAddressType", text(prop(c, n, "ipAddressType"))},
             {"Subnets", subnets(c, internetFacing)},
             {"SecurityGroups", securityGroups(c, n)},
             {"LoadBalancerAttributes",
              list({map({{"Key", text("idle_timeout.timeout_seconds")},
                         {"Value", text(std::to_string(
                                       std::llround(num(c, n, "idleTimeoutSeconds", 60))))}}),
                    map({{"Key", text("deletion_protection.enabled")},
                         {"Value",
                          text(flag(c, n, "deletionProtection") ? "true" : "false")}})})}}));
    Tree listener =
        map({{"LoadBalancerArn", cfn::ref(lb)},
             {"Port", integer(https ? 443 : 80)},
             {"Protocol", text(https ? "HTTPS" : "HTTP")},
             {"DefaultActions",
              list({map({{"Type", text("fixed-response")},
                         {"FixedResponseConfig", map({{"StatusCode", text("404")}})}})})}});
    if (https) {
        listener.set("SslPolicy", text("ELBSecurityPolicy-TLS13-1-2-2021-06"));
        listener.set("Certificates",
                     list({map({{"CertificateArn", param(c, lb + "CertificateArn", "String",
                                                         "ACM certificate of " + n.name)}})}));
    }
    put(c, c.reserveId(lb + "Listener"), "AWS::ElasticLoadBalancingV2::Listener", &n,
        std::move(listener));
    const auto out = live(c.outgoing(n.id));
    if (std::none_of(out.begin(), out.end(), [&](const Edge *e) {
            const std::string &t = c.node(e->target).type;
            return t == "lambda-function" || t == "fargate-service";
        }))
        c.warn(n.name + " forwards to nothing: connect a function or Fargate service; its listener "
                        "answers 404 meanwhile");
    c.addOutput(lb + "DnsName", "DNS name of the " + n.name + " load balancer",
                getAtt(lb, "DNSName"));
}

/// A target group name unique per stack ("orders-fn-1a2b3c4d": the stack id's first block),
/// so that a Lambda permission can name the group before it exists.
Tree targetGroupName(ExportContext &c, const Node &target)
{
    Tree stackBlock = selectSplit(0, "-", selectSplit(2, "/", cfn::ref("AWS::StackId")));
    return tagged("!Join", {text("-"), list({text(dashed(c, target, 22)), std::move(stackBlock)})});
}

/// Sends the listener's traffic to a target group: the default action for the first one,
/// a path rule ("/<target>/*") for the others. Returns what a service must wait for.
std::string attachTargetGroup(ExportContext &c, const Node &n, const std::string &listenerId,
                              const std::string &group, const Node &target)
{
    Tree forward = map({{"Type", text("forward")}, {"TargetGroupArn", cfn::ref(group)}});
    Tree &actions = cfn::childList(c.properties(listenerId), "DefaultActions");
    if (actions.items.empty() || actions.items.front().find("Type")->scalar == "fixed-response") {
        actions.items = {std::move(forward)};
        return listenerId;
    }
    const auto priority = static_cast<long long>(
        ownedResources(c, n, "AWS::ElasticLoadBalancingV2::ListenerRule").size() + 1);
    const std::string rule = c.reserveId(group + "Rule");
    put(c, rule, "AWS::ElasticLoadBalancingV2::ListenerRule", &n,
        map({{"ListenerArn", cfn::ref(listenerId)},
             {"Priority", integer(priority)},
             {"Conditions",
              list({map({{"Field", text("path-pattern")},
                         {"PathPatternConfig",
                          map({{"Values", list({text("/" + dashed(c, target) + "/*")})}})}})})},
             {"Actions", list({std::move(forward)})}}));
    return rule;
}

bool albOutgoing(ExportContext &c, const Edge &, const Node &n, const Node &t)
{
    const std::string listener = ownedResource(c, n, "AWS::ElasticLoadBalancingV2::Listener");
    if (listener.empty() || (t.type != "lambda-function" && t.type != "fargate-service"))
        return false;
    const std::string &lb = lid(c, n);
    const std::string &tid = lid(c, t);
    const std::string group = c.reserveId(lb + tid + "TargetGroup");
    if (t.type == "lambda-function") {
        Tree name = targetGroupName(c, t);
        const std::string permission =
            addPermission(c, group + "Permission", n, t, "elasticloadbalancing.amazonaws.com",
                          subWith("arn:${AWS::Partition}:elasticloadbalancing:${AWS::Region}:${AWS:"
                                  ":AccountId}:targetgroup/${Name}/*",
                                  "Name", name));
        put(c, group, "AWS::ElasticLoadBalancingV2::TargetGroup", &n,
            map({{"Name", name},
                 {"TargetType", text("lambda")},
                 {"Targets", list({map({{"Id", getAtt(tid, "Arn")}})})},
                 {"TargetGroupAttributes",
                  list({map(
                      {{"Key", text("lambda.multi_value_headers.enabled")},
                       {"Value",
                        text(flag(c, n, "lambdaMultiValueHeaders") ? "true" : "false")}})})}}));
        c.addDependsOn(group,
                       permission); // ELB checks the permission when it registers the function
        attachTargetGroup(c, n, listener, group, t);
        return true;
    }
    const std::string task = ownedResource(c, t, "AWS::ECS::TaskDefinition");
    if (!c.hasResource(tid) || task.empty())
        return false;
    const Tree port = cfn::ref(tid + "ContainerPort");
    put(c, group, "AWS::ElasticLoadBalancingV2::TargetGroup", &n,
        map({{"TargetType", text("ip")},
             {"Protocol", text("HTTP")},
             {"Port", port},
             {"VpcId",
              param(c, "VpcId", "AWS::EC2::VPC::Id", "VPC of the load balancers' target groups")},
             {"HealthCheckPath", text("/")}}));
    const std::string wait = attachTargetGroup(c, n, listener, group, t);
    Tree mapping = map({{"ContainerName", text(dashed(c, t))},
                        {"ContainerPort", port},
                        {"TargetGroupArn", cfn::ref(group)}});
    cfn::childList(c.properties(tid), "LoadBalancers").items.push_back(std::move(mapping));
    c.addDependsOn(tid,
                   wait); // the group must belong to a load balancer before the service uses it
    return true;
}

// --- Fargate ------------------------------------------------------------------------------

/// The ECS cluster every Fargate service of the template runs in.
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

void fargateResources(ExportContext &c, const Node &n)
{
    const std::string &svc = lid(c, n);
    const std::string cluster = sharedCluster(c);
    const std::string taskRole = c.serviceRole(n, "ecs-tasks.amazonaws.com");
    const std::string execRole = addRole(c, svc + "ExecutionRole", n, "ecs-tasks.amazonaws.com",
                                         "service-role/AmazonECSTaskExecutionRolePolicy");
    const std::string logs = c.reserveId(svc + "Logs");
    put(c, logs, "AWS::Logs::LogGroup", &n, map({{"RetentionInDays", integer(30)}}));
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
             {"ContainerDefinitions", list({std::move(container)})}});
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
    for (const Edge *e : in) {
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
    if (!grantLikeFunction(c, n, e, t))
        return false;
    const ConnectionRule *rule = c.catalog().connections().rule("lambda-function", t.type);
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

// --- Aurora Serverless v2 ---------------------------------------------------------------------

void auroraResources(ExportContext &c, const Node &n)
{
    const std::string &db = lid(c, n);
    const std::string engine = prop(c, n, "engine");
    const std::string subnetGroup = c.reserveId(db + "SubnetGroup");
    put(c, subnetGroup, "AWS::RDS::DBSubnetGroup", &n,
        map({{"DBSubnetGroupDescription", text("Subnets of " + n.name)},
             {"SubnetIds", subnets(c, false)}}));
    const double minAcu = num(c, n, "minCapacityAcu", 0.5);
    Tree scaling = map({{"MinCapacity", number(minAcu)},
                        {"MaxCapacity", number(num(c, n, "maxCapacityAcu", 16))}});
    if (minAcu == 0)
        scaling.set("SecondsUntilAutoPause", intNum(num(c, n, "secondsUntilAutoPause", 300)));
    put(c, db, "AWS::RDS::DBCluster", &n,
        map({{"Engine", text(engine)},
             {"EngineMode", text("provisioned")},
             {"ServerlessV2ScalingConfiguration", std::move(scaling)},
             {"MasterUsername", param(c, db + "MasterUsername", "String",
                                      "Master user name of " + n.name, "dbadmin")},
             {"ManageMasterUserPassword", boolean(true)},
             {"StorageEncrypted", boolean(true)},
             {"StorageType", text(prop(c, n, "storageType"))},
             {"EnableHttpEndpoint", boolean(flag(c, n, "dataApiEnabled"))},
             {"DBSubnetGroupName", cfn::ref(subnetGroup)},
             {"VpcSecurityGroupIds", securityGroups(c, n)}}));
    c.resource(db).set("DeletionPolicy", text("Snapshot"));
    c.resource(db).set("UpdateReplacePolicy", text("Snapshot"));
    const long long readers = std::llround(num(c, n, "readerCount", 0));
    for (long long i = 0; i <= readers; ++i) {
        put(c, c.reserveId(db + (i == 0 ? std::string("Writer") : "Reader" + std::to_string(i))),
            "AWS::RDS::DBInstance", &n,
            map({{"DBClusterIdentifier", cfn::ref(db)},
                 {"DBInstanceClass", text("db.serverless")},
                 {"Engine", text(engine)}}));
    }
    c.addOutput(db + "Endpoint", "Writer endpoint of " + n.name, getAtt(db, "Endpoint.Address"));
    c.addOutput(db + "SecretArn", "Secret holding the master password of " + n.name,
                getAtt(db, "MasterUserSecret.SecretArn"));
}

// --- Glue, Athena ---------------------------------------------------------------------------

void glueResources(ExportContext &c, const Node &n)
{
    const std::string &job = lid(c, n);
    const std::string role = c.serviceRole(n, "glue.amazonaws.com");
    c.properties(role).set("ManagedPolicyArns",
                           list({managedPolicy("service-role/AWSGlueServiceRole")}));
    const Tree script = param(c, job + "ScriptLocation", "String",
                              "S3 URI (s3://bucket/key) of the script of " + n.name);
    c.grantStatement(
        n, {"s3:GetObject"},
        subWith("arn:${AWS::Partition}:s3:::${Path}", "Path", selectSplit(1, "s3://", script)));
    const std::string type = prop(c, n, "jobType");
    Tree command = map({{"Name", text(type)},
                        {"ScriptLocation", script},
                        {"PythonVersion", text(type == "pythonshell" ? "3.9" : "3")}});
    Tree p = map({{"Role", getAtt(role, "Arn")}, {"Command", std::move(command)}});
    if (type == "pythonshell") {
        p.set("GlueVersion", text("3.0"));
        p.set("MaxCapacity", number(0.0625));
    } else {
        p.set("GlueVersion", text(prop(c, n, "glueVersion")));
        p.set("WorkerType", text(prop(c, n, "workerType")));
        p.set("NumberOfWorkers", intNum(num(c, n, "numberOfWorkers", 10)));
        const std::string execution = prop(c, n, "executionClass");
        if (execution == "FLEX" && type != "glueetl")
            c.warn(n.name +
                   ": the FLEX execution class is for Spark ETL jobs only; the job runs STANDARD");
        else if (!execution.empty())
            p.set("ExecutionClass", text(execution));
    }
    put(c, job, "AWS::Glue::Job", &n, std::move(p));
}

bool glueOutgoing(ExportContext &c, const Edge &e, const Node &n, const Node &t)
{
    if (t.type != "s3-bucket" || !c.hasResource(lid(c, n)))
        return false;
    c.grantPolicyTemplate(n, e.kind == ConnectionKind::Read ? "S3ReadPolicy" : "S3CrudPolicy",
                          "BucketName", cfn::ref(lid(c, t)));
    return true;
}

void athenaResources(ExportContext &c, const Node &n)
{
    const std::string &wg = lid(c, n);
    Tree config = map({{"EnforceWorkGroupConfiguration", boolean(true)},
                       {"PublishCloudWatchMetricsEnabled", boolean(true)}});
    if (const auto gb = optNum(c, n, "bytesScannedCutoffGb"))
        config.set("BytesScannedCutoffPerQuery",
                   intNum(std::max(*gb * 1024 * 1024 * 1024, 10000000.0)));
    Tree result = Tree::makeMap();
    for (const Edge *e : live(c.outgoing(n.id))) {
        if (c.node(e->target).type == "s3-bucket" && e->kind == ConnectionKind::Write) {
            result.set("OutputLocation",
                       sub("s3://${" + lid(c, c.node(e->target)) + "}/athena-results/"));
            break;
        }
    }
    const std::string encryption = prop(c, n, "resultEncryption");
    if (!encryption.empty() && encryption != "NONE") {
        Tree enc = map({{"EncryptionOption", text(encryption)}});
        if (encryption != "SSE_S3")
            enc.set("KmsKey", param(c, wg + "KmsKey", "String",
                                    "KMS key (ARN) encrypting the query results of " + n.name));
        result.set("EncryptionConfiguration", std::move(enc));
    }
    if (!result.entries.empty())
        config.set("ResultConfiguration", std::move(result));
    put(c, wg, "AWS::Athena::WorkGroup", &n,
        map({{"Name", sub("${AWS::StackName}-" + dashed(c, n))},
             {"State", text(prop(c, n, "state"))},
             {"WorkGroupConfiguration", std::move(config)}}));
}

/// Athena reads and writes S3 with the credentials of whoever runs the query: the callers of
/// the workgroup get read access to its data and write access to its results.
bool athenaOutgoing(ExportContext &c, const Edge &e, const Node &n, const Node &t)
{
    if (t.type != "s3-bucket")
        return false;
    bool granted = false;
    for (const Edge *in : live(c.incoming(n.id))) {
        const Node &caller = c.node(in->source);
        if (!isCaller(caller) || importedResource(caller) != nullptr)
            continue;
        c.grantPolicyTemplate(caller,
                              e.kind == ConnectionKind::Read ? "S3ReadPolicy" : "S3CrudPolicy",
                              "BucketName", cfn::ref(lid(c, t)));
        granted = true;
    }
    return granted || e.kind == ConnectionKind::Write; // the write edge is the results location
}

// --- SageMaker, Rekognition ------------------------------------------------------------------

void sagemakerResources(ExportContext &c, const Node &n)
{
    const std::string &endpoint = lid(c, n);
    const std::string role = c.serviceRole(n, "sagemaker.amazonaws.com");
    const std::string model = c.reserveId(endpoint + "Model");
    put(c, model, "AWS::SageMaker::Model", &n,
        map({{"ExecutionRoleArn", getAtt(role, "Arn")},
             {"PrimaryContainer", map({{"Image", param(c, endpoint + "Image", "String",
                                                       "Inference image URI of " + n.name)}})}}));
    const double maxConcurrency = num(c, n, "maxConcurrency", 20);
    Tree serverless = map({{"MemorySizeInMB", intNum(choiceNumber(c, n, "memoryMb", 2048))},
                           {"MaxConcurrency", intNum(maxConcurrency)}});
    if (const double provisioned = num(c, n, "provisionedConcurrency", 0); provisioned > 0)
        serverless.set("ProvisionedConcurrency", intNum(std::min(provisioned, maxConcurrency)));
    const std::string config = c.reserveId(endpoint + "Config");
    put(c, config, "AWS::SageMaker::EndpointConfig", &n,
        map({{"ProductionVariants", list({map({{"VariantName", text("AllTraffic")},
                                               {"ModelName", getAtt(model, "ModelName")},
                                               {"ServerlessConfig", std::move(serverless)}})})}}));
    put(c, endpoint, "AWS::SageMaker::Endpoint", &n,
        map({{"EndpointConfigName", getAtt(config, "EndpointConfigName")}}));
    c.addOutput(endpoint + "Name", "Name of the " + n.name + " endpoint",
                getAtt(endpoint, "EndpointName"));
}

void noResources(ExportContext &, const Node &) {}

/// Rekognition reads S3 objects with the caller's credentials.
bool rekognitionOutgoing(ExportContext &c, const Edge &, const Node &n, const Node &t)
{
    if (t.type != "s3-bucket")
        return false;
    bool granted = false;
    for (const Edge *in : live(c.incoming(n.id))) {
        const Node &caller = c.node(in->source);
        if (isCaller(caller) && importedResource(caller) == nullptr) {
            c.grantPolicyTemplate(caller, "S3ReadPolicy", "BucketName", cfn::ref(lid(c, t)));
            granted = true;
        }
    }
    return granted;
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

// --- EventBridge Pipes --------------------------------------------------------------------------

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
        const std::string task = ownedResource(c, t, "AWS::ECS::TaskDefinition");
        if (task.empty())
            return false;
        arn = getAtt(sharedCluster(c), "Arn");
        c.grantStatement(n, {"ecs:RunTask"}, cfn::ref(task));
        Tree roles = Tree::makeSequence(); // the task and execution roles
        for (const std::string &role : ownedResources(c, t, "AWS::IAM::Role"))
            roles.items.push_back(getAtt(role, "Arn"));
        c.grantStatement(n, {"iam:PassRole"}, std::move(roles));
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
        put(c, c.reserveId(lid(c, n) + tid + "Permission"), "AWS::Lambda::Permission", &n,
            map({{"Action", text("lambda:InvokeFunction")},
                 {"FunctionName", getAtt(tid, "Arn")},
                 {"Principal", text("iot.amazonaws.com")},
                 {"SourceArn", getAtt(lid(c, n), "Arn")},
                 {"SourceAccount", cfn::ref("AWS::AccountId")}}));
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

void registerMoreExporters(std::map<std::string, ServiceExporter> &r)
{
    r["apigw-websocket-api"] = {websocketResources, websocketOutgoing};
    r["appsync-api"] = {appsyncResources, appsyncOutgoing};
    r["cloudfront-distribution"] = {distributionResources, distributionOutgoing};
    r["alb"] = {albResources, albOutgoing};
    r["fargate-service"] = {fargateResources, fargateOutgoing};
    r["aurora-serverless"] = {auroraResources, nullptr};
    r["glue-job"] = {glueResources, glueOutgoing};
    r["athena-workgroup"] = {athenaResources, athenaOutgoing};
    r["sagemaker-serverless-endpoint"] = {sagemakerResources, nullptr};
    r["sagemaker-batch-transform"] = {noResources, nullptr}; // API only: no CloudFormation resource
    r["rekognition"] = {noResources, rekognitionOutgoing};   // API only
    r["firehose-stream"] = {firehoseResources, firehoseOutgoing};
    r["eventbridge-pipe"] = {pipeResources, pipeOutgoing};
    r["iot-rule"] = {iotResources, iotOutgoing};
}

} // namespace nimbus::model::iac
