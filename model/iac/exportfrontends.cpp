// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// Exporters of the front doors beyond API Gateway: AppSync GraphQL APIs, CloudFront
// distributions and Application Load Balancers. Facts: CloudFormation resource reference
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-template-resource-type-ref.html
// and the AWS SAM specification (shared/reference/sam).
//
// Resources are built as whole Trees and added in one step: ExportContext keeps resources
// in a vector, so a reference to one resource's body does not survive adding another.
#include "cfntree.h"
#include "exporthelpers.h"
#include "exportservices.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace nimbus::model::iac::exporting {

namespace {

using namespace cfn;

// Managed CloudFront policies (ids are the same in every account).
const char *const kCachingOptimized = "658327ea-f89d-4fab-a63d-7e88639e58f6";
const char *const kCachingDisabled = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
const char *const kAllViewerExceptHost = "b689b0a8-53d0-40ab-baf2-68738e2966ac";

// --- AppSync GraphQL API ---------------------------------------------------------------------

const char *const kPlaceholderSchema =
    "# Placeholder schema written by Nimbus: replace it with the API's own.\n"
    "schema {\n  query: Query\n}\n\ntype Query {\n  ping: String\n}\n";

/// How an AppSync API signs callers in: at most one of these is set.
struct AppSyncAuth
{
    Tree userPool;
    Tree issuer;
    Tree authorizerArn;
};

AppSyncAuth appsyncAuth(ExportContext &c, const Node &n, const std::string &auth)
{
    const std::string &api = lid(c, n);
    AppSyncAuth a;
    if (auth == "AMAZON_COGNITO_USER_POOLS") {
        const Node *pool = connectedOfType(c, n, "cognito-user-pool");
        a.userPool = pool != nullptr ? cfn::ref(lid(c, *pool))
                                     : param(c, api + "UserPoolId", "String",
                                             "Cognito user pool that signs in users of " + n.name);
    } else if (auth == "OPENID_CONNECT") {
        a.issuer =
            param(c, api + "OidcIssuer", "String", "OpenID Connect issuer URL for " + n.name);
    } else if (auth == "AWS_LAMBDA") {
        a.authorizerArn = param(c, api + "AuthorizerArn", "String",
                                "ARN of the Lambda authorizer function of " + n.name);
    }
    return a;
}

/// The auth settings under SAM's names (UserPool, ...) or CloudFormation's (UserPoolConfig, ...).
void setAuthConfig(Tree &target, const AppSyncAuth &a, bool sam)
{
    if (!a.userPool.isNull())
        target.set(sam ? "UserPool" : "UserPoolConfig", map({{"UserPoolId", a.userPool},
                                                             {"AwsRegion", cfn::ref("AWS::Region")},
                                                             {"DefaultAction", text("ALLOW")}}));
    if (!a.issuer.isNull())
        target.set(sam ? "OpenIDConnect" : "OpenIDConnectConfig", map({{"Issuer", a.issuer}}));
    if (!a.authorizerArn.isNull())
        target.set(sam ? "LambdaAuthorizer" : "LambdaAuthorizerConfig",
                   map({{"AuthorizerUri", a.authorizerArn}}));
}

void appsyncSam(ExportContext &c, const Node &n, const std::string &auth, const AppSyncAuth &a,
                Tree cache)
{
    const std::string logLevel = prop(c, n, "fieldLogLevel");
    Tree authConfig = map({{"Type", text(auth)}});
    setAuthConfig(authConfig, a, true);
    Tree p = map({{"Name", sub("${AWS::StackName}-" + dashed(c, n))},
                  {"SchemaInline", text(kPlaceholderSchema)},
                  {"Auth", std::move(authConfig)},
                  {"XrayEnabled", boolean(flag(c, n, "xrayEnabled"))}});
    // SAM turns logging on (FieldLogLevel ALL) unless told otherwise.
    p.set("Logging",
          logLevel == "NONE" ? boolean(false) : map({{"FieldLogLevel", text(logLevel)}}));
    if (!cache.isNull())
        p.set("Cache", std::move(cache));
    if (auth == "API_KEY")
        p.set("ApiKeys", map({{"Default", map({{"Description", text("API key of " + n.name)}})}}));
    put(c, lid(c, n), "AWS::Serverless::GraphQLApi", &n, std::move(p), 3);
}

void appsyncCfn(ExportContext &c, const Node &n, const std::string &auth, const AppSyncAuth &a,
                Tree cache)
{
    const std::string &api = lid(c, n);
    const std::string logLevel = prop(c, n, "fieldLogLevel");
    Tree p = map({{"Name", sub("${AWS::StackName}-" + dashed(c, n))},
                  {"AuthenticationType", text(auth)},
                  {"XrayEnabled", boolean(flag(c, n, "xrayEnabled"))}});
    setAuthConfig(p, a, false);
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
    if (!cache.isNull()) {
        cache.entries.insert(cache.entries.begin(), {"ApiId", getAtt(api, "ApiId")});
        put(c, c.reserveId(api + "Cache"), "AWS::AppSync::ApiCache", &n, std::move(cache));
    }
    if (auth == "AWS_LAMBDA")
        lambdaPermission(c, api + "AuthorizerPermission", n, a.authorizerArn,
                         "appsync.amazonaws.com", getAtt(api, "Arn"));
}

void appsyncResources(ExportContext &c, const Node &n)
{
    const std::string &api = lid(c, n);
    const std::string auth = prop(c, n, "authentication");
    const std::string caching = prop(c, n, "cachingBehavior");
    const AppSyncAuth a = appsyncAuth(c, n, auth);
    Tree cache = caching == "NONE" ? Tree()
                                   : map({{"ApiCachingBehavior", text(caching)},
                                          {"Ttl", integer(3600)},
                                          {"Type", text("SMALL")}});
    if (c.sam())
        appsyncSam(c, n, auth, a, std::move(cache));
    else
        appsyncCfn(c, n, auth, a, std::move(cache));
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
        grantDataAccess(c, n, c.catalog().connections().rule("lambda-function", t.type), e, t);
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
    const std::string invoke =
        lambdaPermission(c, dist + fid + "InvokePermission", n, getAtt(fid, "Arn"),
                         "cloudfront.amazonaws.com", distributionArn(dist));
    c.properties(invoke).set("InvokedViaFunctionUrl", boolean(true));
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
        const std::string permission = lambdaPermission(
            c, group + "Permission", n, getAtt(tid, "Arn"), "elasticloadbalancing.amazonaws.com",
            subWith("arn:${AWS::Partition}:elasticloadbalancing:${AWS::Region}:"
                    "${AWS::AccountId}:targetgroup/${Name}/*",
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

} // namespace

void registerFrontendExporters(Registry &r)
{
    r["appsync-api"] = {appsyncResources, appsyncOutgoing};
    r["cloudfront-distribution"] = {distributionResources, distributionOutgoing};
    r["alb"] = {albResources, albOutgoing};
}

} // namespace nimbus::model::iac::exporting
