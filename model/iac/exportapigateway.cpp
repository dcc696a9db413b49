// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// Exporters of the API Gateway APIs: REST, HTTP and WebSocket, with their integrations.
// Facts: AWS SAM specification (shared/reference/sam), CloudFormation resource reference
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-template-resource-type-ref.html
// and the API Gateway OpenAPI extensions
// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions.html
#include "cfntree.h"
#include "exporthelpers.h"
#include "exportservices.h"

#include <algorithm>
#include <cctype>

namespace nimbus::model::iac::exporting {

namespace {

using namespace cfn;

Tree lambdaInvocationUri(const std::string &arnVariable)
{
    return sub(
        "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${" +
        arnVariable + "}/invocations");
}

void addInvokeUrlOutput(ExportContext &c, const Node &api)
{
    const std::string &aid = lid(c, api);
    c.addOutput(
        aid + "Url", "Invoke URL of the " + api.name + " API",
        sub("https://${" + aid + "}.execute-api.${AWS::Region}.${AWS::URLSuffix}/${Stage}"));
}

Tree openApiBody(const Node &api)
{
    return map({{"openapi", text("3.0.1")},
                {"info", map({{"title", text(api.name)}, {"version", text("1.0")}})},
                {"paths", Tree::makeMap()}});
}

/// The user pool an API's authorizer uses: the last one it is connected to.
const Node *userPoolOf(ExportContext &c, const Node &api)
{
    const Node *pool = nullptr;
    for (const Edge *e : c.outgoing(api.id)) {
        if (c.node(e->target).type == "cognito-user-pool")
            pool = &c.node(e->target);
    }
    return pool;
}

// --- REST API ----------------------------------------------------------------------------

void restApiSamAuth(ExportContext &c, const Node &n, Tree &p)
{
    const std::string auth = prop(c, n, "authorizer");
    if (auth == "AWS_IAM") {
        p.set("Auth", map({{"DefaultAuthorizer", text("AWS_IAM")}}));
    } else if (auth == "COGNITO") {
        if (const Node *pool = userPoolOf(c, n))
            p.set("Auth", map({{"DefaultAuthorizer", text("CognitoAuthorizer")},
                               {"Authorizers",
                                map({{"CognitoAuthorizer",
                                      map({{"UserPoolArn", getAtt(lid(c, *pool), "Arn")}})}})}}));
        else
            c.warn(n.name + " uses a Cognito authorizer but is connected to no user pool; connect "
                            "one to write the authorizer");
    } else if (auth == "LAMBDA") {
        c.warn(n.name +
               " uses a Lambda authorizer; name the authorizer function in the template by hand");
    }
}

void restApiResources(ExportContext &c, const Node &n)
{
    const std::string &aid = lid(c, n);
    const bool sam = c.sam();
    Tree &p =
        cfn::child(c.addResource(aid, sam ? "AWS::Serverless::Api" : "AWS::ApiGateway::RestApi", &n,
                                 sam ? 3 : 1),
                   "Properties");
    const std::string endpoint = prop(c, n, "endpointType");
    Tree methodSettings = map({{"ResourcePath", text("/*")}, {"HttpMethod", text("*")}});
    if (auto rate = setNum(n, "throttlingRateLimit"))
        methodSettings.set("ThrottlingRateLimit", number(*rate));
    if (auto burst = setNum(n, "throttlingBurstLimit"))
        methodSettings.set("ThrottlingBurstLimit", intNum(*burst));
    const bool cache = flag(c, n, "cacheEnabled");
    if (cache)
        methodSettings.set("CachingEnabled", boolean(true));
    // SAM writes the stage from the API's own properties; CloudFormation needs a Stage.
    Tree stage = Tree::makeMap();
    if (cache) {
        stage.set("CacheClusterEnabled", boolean(true));
        stage.set("CacheClusterSize", text(prop(c, n, "cacheSizeGb")));
    }
    if (methodSettings.entries.size() > 2)
        stage.set("MethodSettings", list({methodSettings}));
    p.set("Name", stackScopedName(c, n));
    if (sam) {
        p.set("StageName", cfn::ref("Stage"));
        p.set("EndpointConfiguration", map({{"Type", text(endpoint)}}));
        for (auto &entry : stage.entries)
            p.set(entry.first, std::move(entry.second));
        restApiSamAuth(c, n, p);
    } else {
        p.set("EndpointConfiguration", map({{"Types", list({text(endpoint)})}}));
        p.set("Body", openApiBody(n));
        const std::string did = c.reserveId(aid + "Deployment");
        put(c, did, "AWS::ApiGateway::Deployment", &n, map({{"RestApiId", cfn::ref(aid)}}));
        stage.entries.insert(stage.entries.begin(), {{"RestApiId", cfn::ref(aid)},
                                                     {"DeploymentId", cfn::ref(did)},
                                                     {"StageName", cfn::ref("Stage")}});
        put(c, c.reserveId(aid + "Stage"), "AWS::ApiGateway::Stage", &n, std::move(stage));
        if (prop(c, n, "authorizer") != "NONE")
            c.warn(n.name + ": the plain CloudFormation export writes no authorizer; add one to "
                            "the API's OpenAPI body");
    }
    addInvokeUrlOutput(c, n);
}

// --- HTTP API ----------------------------------------------------------------------------

void httpApiSamAuth(ExportContext &c, const Node &n, Tree &p)
{
    const std::string auth = prop(c, n, "authorizer");
    if (auth == "AWS_IAM") {
        p.set("Auth", map({{"EnableIamAuthorizer", boolean(true)},
                           {"DefaultAuthorizer", text("AWS_IAM")}}));
        return;
    }
    if (auth != "JWT" && auth != "LAMBDA")
        return;
    const Node *pool = userPoolOf(c, n);
    if (auth == "JWT" && pool != nullptr) {
        const std::string &pid = lid(c, *pool);
        p.set("Auth",
              map({{"DefaultAuthorizer", text("JwtAuthorizer")},
                   {"Authorizers",
                    map({{"JwtAuthorizer",
                          map({{"IdentitySource", text("$request.header.Authorization")},
                               {"JwtConfiguration",
                                map({{"issuer",
                                      sub("https://cognito-idp.${AWS::Region}.amazonaws.com/${" +
                                          pid + "}")},
                                     {"audience", list({cfn::ref(pid + "Client")})}})}})}})}}));
    } else {
        c.warn(n.name + " uses a " + auth +
               " authorizer; write its issuer or function in the template by hand");
    }
}

void httpApiResources(ExportContext &c, const Node &n)
{
    const std::string &aid = lid(c, n);
    const bool sam = c.sam();
    Tree &p =
        cfn::child(c.addResource(aid, sam ? "AWS::Serverless::HttpApi" : "AWS::ApiGatewayV2::Api",
                                 &n, sam ? 2 : 1),
                   "Properties");
    Tree throttle = Tree::makeMap();
    if (auto rate = setNum(n, "throttlingRateLimit"))
        throttle.set("ThrottlingRateLimit", number(*rate));
    if (auto burst = setNum(n, "throttlingBurstLimit"))
        throttle.set("ThrottlingBurstLimit", intNum(*burst));
    const Tree cors =
        map({{"AllowOrigins", list({text("*")})}, {"AllowMethods", list({text("*")})}});
    if (sam) {
        p.set("StageName", cfn::ref("Stage"));
        if (flag(c, n, "corsEnabled"))
            p.set("CorsConfiguration", cors);
        if (!throttle.entries.empty())
            p.set("DefaultRouteSettings", throttle);
        httpApiSamAuth(c, n, p);
    } else {
        p.set("Name", stackScopedName(c, n));
        p.set("ProtocolType", text("HTTP"));
        if (flag(c, n, "corsEnabled"))
            p.set("CorsConfiguration", cors);
        Tree stage = map({{"ApiId", cfn::ref(aid)},
                          {"StageName", cfn::ref("Stage")},
                          {"AutoDeploy", boolean(true)}});
        if (!throttle.entries.empty())
            stage.set("DefaultRouteSettings", throttle);
        put(c, c.reserveId(aid + "Stage"), "AWS::ApiGatewayV2::Stage", &n, std::move(stage));
        if (prop(c, n, "authorizer") != "NONE")
            c.warn(n.name + ": the plain CloudFormation export writes no authorizer; add an "
                            "AWS::ApiGatewayV2::Authorizer by hand");
    }
    addInvokeUrlOutput(c, n);
}

// --- service integrations ----------------------------------------------------------------

/// A REST API integration calling `target`'s API directly (type aws), and the grant the
/// API's role needs for it. False for targets it cannot call.
bool restServiceIntegration(ExportContext &c, const Edge &e, const Node &api, const Node &target,
                            Tree &integration, std::string &method)
{
    const std::string &tid = lid(c, target);
    const bool read = e.kind == ConnectionKind::Read;
    std::string service, templ;
    if (target.type == "sqs-queue") {
        service = "sqs:path/${AWS::AccountId}/${" + tid + ".QueueName}";
        templ = "Action=SendMessage&MessageBody=$util.urlEncode($input.body)";
        c.grantStatement(api, {"sqs:SendMessage"}, getAtt(tid, "Arn"));
    } else if (target.type == "sns-topic") {
        service = "sns:action/Publish";
        templ = "Action=Publish&TopicArn=$util.urlEncode('${" + tid +
                "}')&Message=$util.urlEncode($input.body)";
        c.grantStatement(api, {"sns:Publish"}, cfn::ref(tid));
    } else if (target.type == "step-functions") {
        service = "states:action/StartExecution";
        templ = "{\"stateMachineArn\": \"${" + tid +
                "}\", \"input\": \"$util.escapeJavaScript($input.body)\"}";
        c.grantStatement(api, {"states:StartExecution"}, cfn::ref(tid));
    } else if (target.type == "eventbridge-bus") {
        service = "events:action/PutEvents";
        templ = "{\"Entries\": [{\"EventBusName\": \"${" + tid + "}\", \"Source\": \"" +
                kebab(api.name) +
                "\", \"DetailType\": \"ApiRequest\", \"Detail\": "
                "\"$util.escapeJavaScript($input.body)\"}]}";
        c.grantStatement(api, {"events:PutEvents"}, getAtt(tid, "Arn"));
    } else if (target.type == "dynamodb-table") {
        service = std::string("dynamodb:action/") + (read ? "GetItem" : "PutItem");
        templ = read ? "{\"TableName\": \"${" + tid +
                           "}\", \"Key\": {\"pk\": {\"S\": \"$input.params('id')\"}}}"
                     : "{\"TableName\": \"${" + tid +
                           "}\", \"Item\": {\"pk\": {\"S\": \"$context.requestId\"}, \"body\": "
                           "{\"S\": \"$util.escapeJavaScript($input.body)\"}}}";
        c.grantStatement(api, {read ? "dynamodb:GetItem" : "dynamodb:PutItem"}, getAtt(tid, "Arn"));
        if (read)
            method = "get";
    } else if (target.type == "kinesis-stream") {
        service = "kinesis:action/PutRecord";
        templ = "{\"StreamName\": \"${" + tid +
                "}\", \"Data\": \"$util.base64Encode($input.body)\", \"PartitionKey\": "
                "\"$context.requestId\"}";
        c.grantStatement(api, {"kinesis:PutRecord"}, getAtt(tid, "Arn"));
    } else if (target.type == "firehose-stream") {
        service = "firehose:action/PutRecord";
        templ = "{\"DeliveryStreamName\": \"${" + tid +
                "}\", \"Record\": {\"Data\": \"$util.base64Encode($input.body)\"}}";
        c.grantStatement(api, {"firehose:PutRecord"}, getAtt(tid, "Arn"));
    } else if (target.type == "s3-bucket") {
        service = std::string("s3:path/${") + tid + "}/{key}";
        method = read ? "get" : "put";
        c.grantStatement(api, {read ? "s3:GetObject" : "s3:PutObject"},
                         sub("${" + tid + ".Arn}/*"));
        integration.set("requestParameters",
                        map({{"integration.request.path.key", text("method.request.path.key")}}));
    } else {
        return false;
    }
    const std::string role = c.serviceRole(api, "apigateway.amazonaws.com");
    integration.set("type", text("aws"));
    integration.set("httpMethod",
                    text(target.type == "s3-bucket" ? (method == "get" ? "GET" : "PUT") : "POST"));
    integration.set("uri", sub("arn:${AWS::Partition}:apigateway:${AWS::Region}:" + service));
    integration.set("credentials", getAtt(role, "Arn"));
    if (!templ.empty()) {
        if (target.type == "sqs-queue" || target.type == "sns-topic")
            integration.set("requestParameters",
                            map({{"integration.request.header.Content-Type",
                                  text("'application/x-www-form-urlencoded'")}}));
        integration.set("requestTemplates", map({{"application/json", sub(templ)}}));
    }
    integration.set("passthroughBehavior", text("never"));
    integration.set("responses", map({{"default", map({{"statusCode", text("200")}})}}));
    return true;
}

/// An HTTP API first-class integration (type aws_proxy with a subtype), and the grant the
/// API's role needs for it. False for targets it cannot call.
bool httpServiceIntegration(ExportContext &c, const Edge &e, const Node &api, const Node &target,
                            Tree &integration)
{
    const std::string &tid = lid(c, target);
    std::string subtype;
    Tree params = Tree::makeMap();
    if (target.type == "sqs-queue") {
        const bool read = e.kind == ConnectionKind::Read;
        subtype = read ? "SQS-ReceiveMessage" : "SQS-SendMessage";
        params.set("QueueUrl", cfn::ref(tid));
        if (!read)
            params.set("MessageBody", text("$request.body"));
        c.grantStatement(api, {read ? "sqs:ReceiveMessage" : "sqs:SendMessage"},
                         getAtt(tid, "Arn"));
    } else if (target.type == "step-functions") {
        const bool sync = e.kind == ConnectionKind::SyncInvoke;
        subtype = sync ? "StepFunctions-StartSyncExecution" : "StepFunctions-StartExecution";
        params.set("StateMachineArn", cfn::ref(tid));
        params.set("Input", text("$request.body"));
        c.grantStatement(api, {sync ? "states:StartSyncExecution" : "states:StartExecution"},
                         cfn::ref(tid));
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
    const std::string role = c.serviceRole(api, "apigateway.amazonaws.com");
    integration.set("type", text("aws_proxy"));
    integration.set("integrationSubtype", text(subtype));
    integration.set("credentials", getAtt(role, "Arn"));
    integration.set("requestParameters", std::move(params));
    integration.set("payloadFormatVersion", text("1.0"));
    integration.set("connectionType", text("INTERNET"));
    return true;
}

/// API Gateway calling another AWS service directly: an integration in the API's OpenAPI
/// body and a role allowed to do exactly that call.
bool wireApiService(ExportContext &c, const Edge &e, const Node &api, const Node &target)
{
    // The role comes first, so that its id does not depend on whether the target fits.
    c.serviceRole(api, "apigateway.amazonaws.com");
    Tree integration = Tree::makeMap();
    std::string method = "post";
    const bool wired = api.type == "apigw-rest-api"
                           ? restServiceIntegration(c, e, api, target, integration, method)
                           : httpServiceIntegration(c, e, api, target, integration);
    if (!wired)
        return false;
    std::string path = apiPath(c, target);
    if (target.type == "s3-bucket")
        path += "/{key}";
    Tree op = map({{"x-amazon-apigateway-integration", std::move(integration)},
                   {"responses", map({{"200", map({{"description", text("OK")}})}})}});
    if (target.type == "s3-bucket")
        op.set("parameters", list({map({{"name", text("key")},
                                        {"in", text("path")},
                                        {"required", boolean(true)},
                                        {"schema", map({{"type", text("string")}})}})}));
    cfn::child(openApiPaths(c, api), path).set(method, std::move(op));
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

Tree authorizerArnParameter(ExportContext &c, const Node &api)
{
    return param(c, lid(c, api) + "AuthorizerArn", "String",
                 "ARN of the Lambda authorizer function of " + api.name);
}

/// The REQUEST authorizer of a WebSocket API and its permission; returns its logical id.
std::string websocketAuthorizer(ExportContext &c, const Node &n)
{
    const std::string &api = lid(c, n);
    const Tree fn = authorizerArnParameter(c, n);
    const std::string authorizer = c.reserveId(api + "Authorizer");
    put(c, authorizer, "AWS::ApiGatewayV2::Authorizer", &n,
        map({{"ApiId", cfn::ref(api)},
             {"AuthorizerType", text("REQUEST")},
             {"Name", text(authorizer)},
             {"AuthorizerUri", lambdaInvocationUri(fn.scalar)},
             {"IdentitySource", list({text("route.request.header.Authorization")})}}));
    lambdaPermission(c, authorizer + "Permission", n, fn, "apigateway.amazonaws.com",
                     arnSub("execute-api:${AWS::Region}:${AWS::AccountId}:${" + api +
                            "}/authorizers/${" + authorizer + "}"));
    return authorizer;
}

void websocketCfn(ExportContext &c, const Node &n, const std::vector<Route> &routes,
                  const std::string &auth)
{
    const std::string &api = lid(c, n);
    put(c, api, "AWS::ApiGatewayV2::Api", &n,
        map({{"Name", sub("${AWS::StackName}-" + dashed(c, n))},
             {"ProtocolType", text("WEBSOCKET")},
             {"RouteSelectionExpression", text(prop(c, n, "routeSelectionExpression"))}}));
    const std::string authorizer =
        auth == "LAMBDA" && !routes.empty() ? websocketAuthorizer(c, n) : std::string();
    std::vector<std::string> routeIds;
    for (const Route &r : routes) {
        const std::string &fid = lid(c, *r.function);
        const std::string base = api + routeSuffix(r.key);
        const std::string integration = c.reserveId(base + "Integration");
        put(c, integration, "AWS::ApiGatewayV2::Integration", &n,
            map({{"ApiId", cfn::ref(api)},
                 {"IntegrationType", text("AWS_PROXY")},
                 {"IntegrationUri", lambdaInvocationUri(fid + ".Arn")}}));
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
        lambdaPermission(
            c, base + "Permission", n, getAtt(fid, "Arn"), "apigateway.amazonaws.com",
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

void websocketSam(ExportContext &c, const Node &n, const std::vector<Route> &routes,
                  const std::string &auth)
{
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
                   {"AuthArn", authorizerArnParameter(c, n)},
                   {"IdentitySource", list({text("route.request.header.Authorization")})}}));
    put(c, lid(c, n), "AWS::Serverless::WebSocketApi", &n, std::move(p),
        3 + 3 * routes.size() + (auth == "LAMBDA" ? 2 : 0));
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
    if (c.sam() && !routes.empty())
        websocketSam(c, n, routes, auth);
    else
        websocketCfn(c, n, routes, auth);
    c.addOutput(api + "Url", "WebSocket URL of " + n.name,
                sub("wss://${" + api + "}.execute-api.${AWS::Region}.${AWS::URLSuffix}/${Stage}"));
}

bool websocketOutgoing(ExportContext &c, const Edge &, const Node &api, const Node &target)
{
    return target.type == "lambda-function" &&
           c.hasResource(lid(c, api)); // a route, written with the API
}

} // namespace

std::string apiPath(ExportContext &c, const Node &target)
{
    return "/" + kebab(target.name.empty() ? lid(c, target) : target.name);
}

Tree &openApiPaths(ExportContext &c, const Node &api)
{
    Tree &p = c.properties(lid(c, api));
    const char *key = c.sam() ? "DefinitionBody" : "Body";
    if (p.find(key) == nullptr) {
        if (!c.sam() && api.type == "apigw-http-api") {
            // With Body, CloudFormation takes the name and protocol from the OpenAPI body.
            std::erase_if(p.entries, [](const auto &e) {
                return e.first == "Name" || e.first == "ProtocolType";
            });
        }
        p.set(key, openApiBody(api));
    }
    return cfn::child(*p.find(key), "paths");
}

void wireApiLambdaCfn(ExportContext &c, const Node &api, const Node &fn)
{
    const std::string &fid = lid(c, fn);
    Tree integration = map({{"type", text("aws_proxy")},
                            {"httpMethod", text("POST")},
                            {"uri", lambdaInvocationUri(fid + ".Arn")}});
    if (api.type != "apigw-rest-api")
        integration.set("payloadFormatVersion", text(prop(c, api, "payloadFormatVersion")));
    Tree op = map({{"x-amazon-apigateway-integration", std::move(integration)},
                   {"responses", map({{"200", map({{"description", text("OK")}})}})}});
    cfn::child(openApiPaths(c, api), apiPath(c, fn))
        .set("x-amazon-apigateway-any-method", std::move(op));
    lambdaPermission(c, lid(c, api) + fid + "Permission", api, getAtt(fid, "Arn"),
                     "apigateway.amazonaws.com",
                     sub("arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${" +
                         lid(c, api) + "}/*"));
}

void registerApiGatewayExporters(Registry &r)
{
    r["apigw-rest-api"] = {restApiResources, apiOutgoing};
    r["apigw-http-api"] = {httpApiResources, apiOutgoing};
    r["apigw-websocket-api"] = {websocketResources, websocketOutgoing};
}

} // namespace nimbus::model::iac::exporting
