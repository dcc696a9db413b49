// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// Export of the services beyond the core (model/iac/export*.cpp): one small design per
// service type, exported as SAM and as plain CloudFormation, read back and inspected.
#include "common/testdata.h"
#include "testdesign.h"
#include "templatechecks.h"

#include <app/cli/builtincatalog.h>
#include <model/iac/cfntree.h>
#include <model/iac/exporter.h>
#include <model/io/yamlreader.h>
#include <model/io/yamlwriter.h>

#include <QTest>

#include <filesystem>
#include <fstream>
#include <set>

using namespace nimbus;
using namespace nimbus::model;
using nimbus::tests::builtinCatalog;

namespace {

const iac::TemplateFormat kSam = iac::TemplateFormat::Sam;
const iac::TemplateFormat kCfn = iac::TemplateFormat::CloudFormation;

using Design = tests::TestDesign;

struct Exported
{
    iac::ExportResult result;
    Tree root;
    std::string text;

    const Tree *resource(const std::string &id) const
    {
        const Tree *r = root.find("Resources");
        return r != nullptr ? r->find(id) : nullptr;
    }
    /// A resource's property at a path of map keys and sequence indices ("0", "1", ...).
    const Tree *at(const std::string &id, std::initializer_list<std::string> path) const
    {
        const Tree *t = resource(id);
        t = t != nullptr ? t->find("Properties") : nullptr;
        for (const std::string &key : path) {
            if (t == nullptr)
                return nullptr;
            if (t->isSequence()) {
                const std::size_t i = std::stoul(key);
                t = i < t->items.size() ? &t->items[i] : nullptr;
            } else {
                t = t->find(key);
            }
        }
        return t;
    }
    std::string scalar(const std::string &id, std::initializer_list<std::string> path) const
    {
        const Tree *t = at(id, path);
        return t != nullptr ? t->tag + (t->tag.empty() ? "" : " ") + t->scalar
                            : std::string("<missing>");
    }
    std::vector<std::string> ofType(const std::string &type) const
    {
        std::vector<std::string> ids;
        if (const Tree *r = root.find("Resources")) {
            for (const auto &[id, body] : r->entries) {
                if (body.find("Type") != nullptr && body.find("Type")->scalar == type)
                    ids.push_back(id);
            }
        }
        return ids;
    }
    std::string yaml(const std::string &id) const
    {
        const Tree *r = resource(id);
        return r != nullptr ? writeYaml(*r) : std::string();
    }
    bool hasDiagnostic(Severity severity, const std::string &part) const
    {
        return std::any_of(
            result.diagnostics.begin(), result.diagnostics.end(), [&](const Diagnostic &d) {
                return d.severity == severity && d.message.find(part) != std::string::npos;
            });
    }
};

Exported exportAs(const Architecture &design, iac::TemplateFormat format)
{
    iac::ExportOptions options;
    options.format = format;
    options.nimbusVersion = "test";
    options.fileStem = design.name() + "." + iac::templateFormatName(format);
    Exported e{iac::exportDesign(design, builtinCatalog(), app::builtinPolicyTemplates(), options),
               {},
               {}};
    if (e.result.files.empty())
        return e;
    e.text = e.result.files.front().text;
    YamlParseResult parsed = parseYaml(e.text, "export.yaml");
    e.root = parsed.tree;
    // For the AWS specification check: NIMBUS_EXPORT_DUMP=DIR writes the templates there
    // (then: node tests/iac/validator/validate.mjs --sam-schema ... DIR).
    if (const QByteArray dir = qgetenv("NIMBUS_EXPORT_DUMP"); !dir.isEmpty()) {
        std::filesystem::create_directories(dir.toStdString());
        std::ofstream(std::filesystem::path(dir.toStdString()) / (options.fileStem + ".yaml"))
            << e.text;
    }
    return e;
}

#define CHECK_TEMPLATE(e)                                                                          \
    do {                                                                                           \
        QVERIFY2((e).result.ok(), "export failed");                                                \
        QVERIFY((e).root.isMap());                                                                 \
        const std::string wildcard = tests::wildcardStatement((e).root);                           \
        QVERIFY2(wildcard.empty(), wildcard.c_str());                                              \
        const std::string unresolved = tests::unresolvedReference((e).root);                       \
        QVERIFY2(unresolved.empty(), unresolved.c_str());                                          \
    } while (false)

#define CONTAINS(haystack, needle)                                                                 \
    QVERIFY2((haystack).find(needle) != std::string::npos,                                         \
             (std::string(needle) + " not in:\n" + (haystack)).c_str())

} // namespace

class TestExportMore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void websocketApi()
    {
        Design d("websocket");
        const NodeId api =
            d.add("apigw-websocket-api", "Chat", {{"authorizer", std::string("AWS_IAM")}});
        d.connect(d.add("client", "Browser"), api);
        d.connect(api, d.add("lambda-function", "On connect"));
        d.connect(api, d.add("lambda-function", "On disconnect"));
        d.connect(api, d.add("lambda-function", "Send message"));

        const Exported sam = exportAs(d.design(), kSam);
        CHECK_TEMPLATE(sam);
        QCOMPARE(sam.resource("Chat")->find("Type")->scalar,
                 std::string("AWS::Serverless::WebSocketApi"));
        QCOMPARE(sam.scalar("Chat", {"Routes", "$connect", "FunctionArn"}),
                 std::string("!GetAtt OnConnect.Arn"));
        QCOMPARE(sam.scalar("Chat", {"Routes", "$disconnect", "FunctionArn"}),
                 std::string("!GetAtt OnDisconnect.Arn"));
        QCOMPARE(sam.scalar("Chat", {"Routes", "$default", "FunctionArn"}),
                 std::string("!GetAtt SendMessage.Arn"));
        QCOMPARE(sam.scalar("Chat", {"RouteSelectionExpression"}),
                 std::string("$request.body.action"));
        QCOMPARE(sam.scalar("Chat", {"StageName"}), std::string("!Ref Stage"));
        QCOMPARE(sam.scalar("Chat", {"Auth", "AuthType"}), std::string("AWS_IAM"));

        const Exported cfn = exportAs(d.design(), kCfn);
        CHECK_TEMPLATE(cfn);
        QCOMPARE(cfn.scalar("Chat", {"ProtocolType"}), std::string("WEBSOCKET"));
        QCOMPARE(cfn.ofType("AWS::ApiGatewayV2::Route").size(), std::size_t(3));
        QCOMPARE(cfn.ofType("AWS::ApiGatewayV2::Integration").size(), std::size_t(3));
        QCOMPARE(cfn.ofType("AWS::Lambda::Permission").size(), std::size_t(3));
        QCOMPARE(cfn.scalar("ChatConnectRoute", {"AuthorizationType"}), std::string("AWS_IAM"));
        QVERIFY(cfn.at("ChatDefaultRoute", {"AuthorizationType"}) == nullptr);
        QCOMPARE(cfn.scalar("ChatConnectIntegration", {"IntegrationType"}),
                 std::string("AWS_PROXY"));
        CONTAINS(cfn.scalar("ChatConnectPermission", {"SourceArn"}), "${Chat}/*/$connect");
        CONTAINS(cfn.yaml("ChatDeployment"), "ChatConnectRoute");
        QCOMPARE(cfn.scalar("ChatStage", {"DeploymentId"}), std::string("!Ref ChatDeployment"));
    }

    void websocketWithoutRoutes()
    {
        Design d("websocket-empty");
        d.add("apigw-websocket-api", "Lonely");
        const Exported sam = exportAs(d.design(), kSam);
        CHECK_TEMPLATE(sam);
        QCOMPARE(sam.resource("Lonely")->find("Type")->scalar,
                 std::string("AWS::ApiGatewayV2::Api"));
        QVERIFY(sam.ofType("AWS::ApiGatewayV2::Deployment").empty()); // a deployment needs a route
        QVERIFY(sam.hasDiagnostic(Severity::Warning, "no route"));
    }

    void appsyncApi()
    {
        Design d("appsync");
        const NodeId api = d.add("appsync-api", "Graph");
        d.connect(api, d.add("lambda-function", "Resolver"));
        d.connect(api, d.add("dynamodb-table", "Orders"), ConnectionKind::Write);
        d.connect(api, d.add("eventbridge-bus", "Events", {{"busName", std::string("orders")}}));

        const Exported sam = exportAs(d.design(), kSam);
        CHECK_TEMPLATE(sam);
        QCOMPARE(sam.resource("Graph")->find("Type")->scalar,
                 std::string("AWS::Serverless::GraphQLApi"));
        CONTAINS(sam.scalar("Graph", {"SchemaInline"}), "type Query");
        QCOMPARE(sam.scalar("Graph", {"Auth", "Type"}), std::string("API_KEY"));
        QVERIFY(sam.at("Graph", {"ApiKeys"}) != nullptr);
        QCOMPARE(sam.scalar("Graph", {"DataSources", "Lambda", "Resolver", "FunctionArn"}),
                 std::string("!GetAtt Resolver.Arn"));
        QCOMPARE(sam.scalar("Graph", {"DataSources", "Lambda", "Resolver", "ServiceRoleArn"}),
                 std::string("!GetAtt GraphRole.Arn"));
        QCOMPARE(sam.scalar("Graph", {"DataSources", "DynamoDb", "Orders", "TableName"}),
                 std::string("!Ref Orders"));
        QCOMPARE(sam.scalar("GraphEventsDataSource", {"Type"}), std::string("AMAZON_EVENTBRIDGE"));
        QCOMPARE(sam.scalar("Graph", {"Logging"}), std::string("false"));
        const std::string role = sam.yaml("GraphRole");
        CONTAINS(role, "appsync.amazonaws.com");
        CONTAINS(role, "lambda:InvokeFunction");
        CONTAINS(role, "${Resolver.Arn}:*");
        CONTAINS(role, "dynamodb:PutItem");
        CONTAINS(role, "table/${tableName}");
        CONTAINS(role, "events:PutEvents");
        CONTAINS(role, "Events.Arn");

        const Exported cfn = exportAs(d.design(), kCfn);
        CHECK_TEMPLATE(cfn);
        QCOMPARE(cfn.scalar("Graph", {"AuthenticationType"}), std::string("API_KEY"));
        QCOMPARE(cfn.scalar("GraphSchema", {"ApiId"}), std::string("!GetAtt Graph.ApiId"));
        QCOMPARE(cfn.ofType("AWS::AppSync::ApiKey").size(), std::size_t(1));
        QCOMPARE(cfn.ofType("AWS::AppSync::DataSource").size(), std::size_t(3));
        QCOMPARE(cfn.scalar("GraphResolverDataSource", {"LambdaConfig", "LambdaFunctionArn"}),
                 std::string("!GetAtt Resolver.Arn"));
        QCOMPARE(cfn.scalar("GraphOrdersDataSource", {"DynamoDBConfig", "TableName"}),
                 std::string("!Ref Orders"));
    }

    void appsyncWithUserPool()
    {
        Design d("appsync-cognito");
        const NodeId api = d.add("appsync-api", "Graph",
                                 {{"authentication", std::string("AMAZON_COGNITO_USER_POOLS")},
                                  {"fieldLogLevel", std::string("ERROR")}});
        d.connect(api, d.add("cognito-user-pool", "Users"));
        const Exported sam = exportAs(d.design(), kSam);
        CHECK_TEMPLATE(sam);
        QCOMPARE(sam.scalar("Graph", {"Auth", "UserPool", "UserPoolId"}),
                 std::string("!Ref Users"));
        QCOMPARE(sam.scalar("Graph", {"Logging", "FieldLogLevel"}), std::string("ERROR"));
        const Exported cfn = exportAs(d.design(), kCfn);
        CHECK_TEMPLATE(cfn);
        QCOMPARE(cfn.scalar("Graph", {"UserPoolConfig", "UserPoolId"}), std::string("!Ref Users"));
        QCOMPARE(cfn.scalar("Graph", {"LogConfig", "FieldLogLevel"}), std::string("ERROR"));
        CONTAINS(cfn.yaml("GraphLogsRole"), "AWSAppSyncPushToCloudWatchLogs");
    }

    void cloudfrontDistribution()
    {
        Design d("cloudfront");
        const NodeId cdn = d.add("cloudfront-distribution", "Cdn", {{"compress", true}});
        d.connect(cdn, d.add("apigw-http-api", "Api"));
        d.connect(cdn, d.add("s3-bucket", "Site"));
        d.connect(cdn, d.add("lambda-function", "Render"));
        for (auto format : {kSam, kCfn}) {
            const Exported e = exportAs(d.design(), format);
            CHECK_TEMPLATE(e);
            QCOMPARE(e.scalar("Cdn", {"DistributionConfig", "Enabled"}), std::string("true"));
            QCOMPARE(e.scalar("Cdn", {"DistributionConfig", "PriceClass"}),
                     std::string("PriceClass_All"));
            QCOMPARE(e.at("Cdn", {"DistributionConfig", "Origins"})->items.size(), std::size_t(3));
            // The bucket is the default origin, cached with CachingOptimized.
            QCOMPARE(
                e.scalar("Cdn", {"DistributionConfig", "DefaultCacheBehavior", "TargetOriginId"}),
                std::string("Site"));
            QCOMPARE(
                e.scalar("Cdn", {"DistributionConfig", "DefaultCacheBehavior", "CachePolicyId"}),
                std::string("658327ea-f89d-4fab-a63d-7e88639e58f6"));
            QCOMPARE(e.scalar("Cdn", {"DistributionConfig", "DefaultCacheBehavior",
                                      "ViewerProtocolPolicy"}),
                     std::string("redirect-to-https"));
            QCOMPARE(e.scalar("Cdn", {"DistributionConfig", "DefaultCacheBehavior", "Compress"}),
                     std::string("true"));
            QCOMPARE(e.scalar("Cdn", {"DistributionConfig", "Origins", "0", "DomainName"}),
                     std::string("!GetAtt Site.RegionalDomainName"));
            QCOMPARE(
                e.scalar("Cdn", {"DistributionConfig", "Origins", "0", "OriginAccessControlId"}),
                std::string("!GetAtt CdnS3Oac.Id"));
            QCOMPARE(e.scalar("Cdn", {"DistributionConfig", "Origins", "1", "DomainName"}),
                     std::string("!Sub ${Api}.execute-api.${AWS::Region}.${AWS::URLSuffix}"));
            // The API is not cached and gets every method under its own path.
            QCOMPARE(e.scalar("Cdn", {"DistributionConfig", "CacheBehaviors", "0", "PathPattern"}),
                     std::string("/api/*"));
            QCOMPARE(
                e.scalar("Cdn", {"DistributionConfig", "CacheBehaviors", "0", "CachePolicyId"}),
                std::string("4135ea2d-6df8-44a3-9df3-4b5a84be39ad"));
            QCOMPARE(e.scalar("CdnS3Oac",
                              {"OriginAccessControlConfig", "OriginAccessControlOriginType"}),
                     std::string("s3"));
            // The bucket policy lets this distribution, and only it, read the objects.
            const std::string policy = e.yaml("SitePolicy");
            CONTAINS(policy, "AWS::S3::BucketPolicy");
            CONTAINS(policy, "s3:GetObject");
            CONTAINS(policy, "${Site.Arn}/*");
            CONTAINS(policy, "cloudfront.amazonaws.com");
            CONTAINS(policy, "AWS:SourceArn");
            CONTAINS(policy, "distribution/${Cdn}");
            // The function is reached through its URL, signed by CloudFront.
            QCOMPARE(e.scalar("CdnRenderUrl", {"AuthType"}), std::string("AWS_IAM"));
            QCOMPARE(e.scalar("CdnRenderUrlPermission", {"Action"}),
                     std::string("lambda:InvokeFunctionUrl"));
            QCOMPARE(e.scalar("CdnRenderInvokePermission", {"InvokedViaFunctionUrl"}),
                     std::string("true"));
        }
    }

    void cloudfrontWithoutOrigin()
    {
        Design d("cloudfront-empty");
        d.add("cloudfront-distribution", "Cdn");
        const Exported e = exportAs(d.design(), kCfn);
        CHECK_TEMPLATE(e);
        QVERIFY(e.hasDiagnostic(Severity::Warning, "no origin"));
        QVERIFY(e.root.find("Parameters")->find("CdnOriginDomain") != nullptr);
        QCOMPARE(e.scalar("Cdn", {"DistributionConfig", "Origins", "0", "DomainName"}),
                 std::string("!Ref CdnOriginDomain"));
    }

    void loadBalancer()
    {
        Design d("alb");
        const NodeId lb = d.add("alb", "Front");
        d.connect(lb, d.add("lambda-function", "Handler"));
        d.connect(lb, d.add("fargate-service", "Web"));
        for (auto format : {kSam, kCfn}) {
            const Exported e = exportAs(d.design(), format);
            CHECK_TEMPLATE(e);
            QCOMPARE(e.scalar("Front", {"Type"}), std::string("application"));
            QCOMPARE(e.scalar("Front", {"Scheme"}), std::string("internet-facing"));
            QCOMPARE(e.scalar("Front", {"Subnets"}), std::string("!Ref PublicSubnets"));
            QCOMPARE(e.root.find("Parameters")->find("PublicSubnets")->find("Type")->scalar,
                     std::string("List<AWS::EC2::Subnet::Id>"));
            QCOMPARE(e.scalar("FrontListener", {"Protocol"}), std::string("HTTPS"));
            QCOMPARE(e.scalar("FrontListener", {"Certificates", "0", "CertificateArn"}),
                     std::string("!Ref FrontCertificateArn"));
            QCOMPARE(e.scalar("FrontListener", {"DefaultActions", "0", "TargetGroupArn"}),
                     std::string("!Ref FrontHandlerTargetGroup"));
            QCOMPARE(e.scalar("FrontHandlerTargetGroup", {"TargetType"}), std::string("lambda"));
            CONTAINS(e.yaml("FrontHandlerTargetGroup"),
                     "FrontHandlerTargetGroupPermission"); // DependsOn
            QCOMPARE(e.scalar("FrontHandlerTargetGroupPermission", {"Principal"}),
                     std::string("elasticloadbalancing.amazonaws.com"));
            CONTAINS(e.yaml("FrontHandlerTargetGroupPermission"), "targetgroup/${Name}/*");
            QCOMPARE(e.scalar("FrontWebTargetGroup", {"TargetType"}), std::string("ip"));
            QCOMPARE(e.scalar("FrontWebTargetGroupRule",
                              {"Conditions", "0", "PathPatternConfig", "Values", "0"}),
                     std::string("/web/*"));
            QCOMPARE(e.scalar("Web", {"LoadBalancers", "0", "TargetGroupArn"}),
                     std::string("!Ref FrontWebTargetGroup"));
            QCOMPARE(e.scalar("Web", {"LoadBalancers", "0", "ContainerPort"}),
                     std::string("!Ref WebContainerPort"));
            CONTAINS(e.yaml("Web"), "FrontWebTargetGroupRule"); // DependsOn
            QCOMPARE(e.scalar("WebTaskDefinition",
                              {"ContainerDefinitions", "0", "PortMappings", "0", "ContainerPort"}),
                     std::string("!Ref WebContainerPort"));
        }
    }

    void fargateService()
    {
        Design d("fargate");
        const NodeId svc = d.add("fargate-service", "Worker",
                                 {{"cpuUnits", std::string("1024")},
                                  {"memoryMb", std::int64_t(2048)},
                                  {"architecture", std::string("ARM64")},
                                  {"desiredCount", std::int64_t(2)}});
        const NodeId other = d.add("fargate-service", "Reporter",
                                   {{"capacityProvider", std::string("FARGATE_SPOT")}});
        d.connect(svc, d.add("dynamodb-table", "Orders"), ConnectionKind::Write);
        d.connect(svc, d.add("sqs-queue", "Jobs"));
        d.connect(d.add("sqs-queue", "Inbox"), svc);
        d.connect(other, d.add("s3-bucket", "Reports"), ConnectionKind::Read);
        for (auto format : {kSam, kCfn}) {
            const Exported e = exportAs(d.design(), format);
            CHECK_TEMPLATE(e);
            QCOMPARE(e.ofType("AWS::ECS::Cluster").size(), std::size_t(1)); // shared
            QCOMPARE(e.scalar("Worker", {"LaunchType"}), std::string("FARGATE"));
            QCOMPARE(e.scalar("Worker", {"DesiredCount"}), std::string("2"));
            QCOMPARE(e.scalar("Worker", {"NetworkConfiguration", "AwsvpcConfiguration", "Subnets"}),
                     std::string("!Ref Subnets"));
            QCOMPARE(e.scalar("Reporter", {"CapacityProviderStrategy", "0", "CapacityProvider"}),
                     std::string("FARGATE_SPOT"));
            QCOMPARE(e.scalar("WorkerTaskDefinition", {"Cpu"}), std::string("1024"));
            QCOMPARE(e.scalar("WorkerTaskDefinition", {"Memory"}), std::string("2048"));
            QCOMPARE(e.scalar("WorkerTaskDefinition", {"NetworkMode"}), std::string("awsvpc"));
            QCOMPARE(e.scalar("WorkerTaskDefinition", {"RequiresCompatibilities", "0"}),
                     std::string("FARGATE"));
            QCOMPARE(e.scalar("WorkerTaskDefinition", {"RuntimePlatform", "CpuArchitecture"}),
                     std::string("ARM64"));
            QCOMPARE(e.scalar("WorkerTaskDefinition", {"TaskRoleArn"}),
                     std::string("!GetAtt WorkerRole.Arn"));
            QCOMPARE(e.scalar("WorkerTaskDefinition", {"ContainerDefinitions", "0", "Image"}),
                     std::string("!Ref WorkerImage"));
            const std::string env = writeYaml(
                *e.at("WorkerTaskDefinition", {"ContainerDefinitions", "0", "Environment"}));
            CONTAINS(env, "ORDERS_TABLE");
            CONTAINS(env, "JOBS_QUEUE_URL");
            CONTAINS(e.yaml("WorkerExecutionRole"), "AmazonECSTaskExecutionRolePolicy");
            // The task role gets what a function would, scoped to each target.
            const std::string role = e.yaml("WorkerRole");
            CONTAINS(role, "ecs-tasks.amazonaws.com");
            CONTAINS(role, "dynamodb:PutItem");
            QVERIFY(role.find("dynamodb:Scan") == std::string::npos); // a write edge does not read
            CONTAINS(role, "tableName: !Ref Orders");
            CONTAINS(role, "sqs:SendMessage");
            CONTAINS(role, "queueName: !GetAtt Jobs.QueueName");
            CONTAINS(role, "sqs:ReceiveMessage"); // polls Inbox
            CONTAINS(role, "queueName: !GetAtt Inbox.QueueName");
            const std::string reporter = e.yaml("ReporterRole");
            CONTAINS(reporter, "s3:GetObject");
            QVERIFY(reporter.find("s3:PutObject") == std::string::npos);
        }
    }

    void auroraCluster()
    {
        Design d("aurora");
        d.add("aurora-serverless", "Ledger",
              {{"readerCount", std::int64_t(1)},
               {"dataApiEnabled", true},
               {"minCapacityAcu", 0.0},
               {"maxCapacityAcu", 8.0}});
        for (auto format : {kSam, kCfn}) {
            const Exported e = exportAs(d.design(), format);
            CHECK_TEMPLATE(e);
            QCOMPARE(e.scalar("Ledger", {"Engine"}), std::string("aurora-postgresql"));
            QCOMPARE(e.scalar("Ledger", {"EngineMode"}), std::string("provisioned"));
            QCOMPARE(e.scalar("Ledger", {"ServerlessV2ScalingConfiguration", "MinCapacity"}),
                     std::string("0"));
            QCOMPARE(e.scalar("Ledger", {"ServerlessV2ScalingConfiguration", "MaxCapacity"}),
                     std::string("8"));
            QCOMPARE(
                e.scalar("Ledger", {"ServerlessV2ScalingConfiguration", "SecondsUntilAutoPause"}),
                std::string("300"));
            QCOMPARE(e.scalar("Ledger", {"ManageMasterUserPassword"}), std::string("true"));
            QCOMPARE(e.scalar("Ledger", {"MasterUsername"}),
                     std::string("!Ref LedgerMasterUsername"));
            QCOMPARE(e.scalar("Ledger", {"EnableHttpEndpoint"}), std::string("true"));
            QCOMPARE(e.scalar("Ledger", {"DBSubnetGroupName"}),
                     std::string("!Ref LedgerSubnetGroup"));
            QCOMPARE(e.scalar("LedgerSubnetGroup", {"SubnetIds"}), std::string("!Ref Subnets"));
            QCOMPARE(e.ofType("AWS::RDS::DBInstance").size(),
                     std::size_t(2)); // writer + one reader
            QCOMPARE(e.scalar("LedgerWriter", {"DBInstanceClass"}), std::string("db.serverless"));
            QCOMPARE(e.resource("Ledger")->find("DeletionPolicy")->scalar, std::string("Snapshot"));
        }
    }

    void glueJob()
    {
        Design d("glue");
        const NodeId job = d.add("glue-job", "Nightly");
        d.connect(job, d.add("s3-bucket", "Lake"), ConnectionKind::Write);
        d.add("glue-job", "Small", {{"jobType", std::string("pythonshell")}});
        for (auto format : {kSam, kCfn}) {
            const Exported e = exportAs(d.design(), format);
            CHECK_TEMPLATE(e);
            QCOMPARE(e.scalar("Nightly", {"Command", "Name"}), std::string("glueetl"));
            QCOMPARE(e.scalar("Nightly", {"Command", "ScriptLocation"}),
                     std::string("!Ref NightlyScriptLocation"));
            QCOMPARE(e.scalar("Nightly", {"GlueVersion"}), std::string("5.0"));
            QCOMPARE(e.scalar("Nightly", {"WorkerType"}), std::string("G.1X"));
            QCOMPARE(e.scalar("Nightly", {"NumberOfWorkers"}), std::string("10"));
            QCOMPARE(e.scalar("Nightly", {"Role"}), std::string("!GetAtt NightlyRole.Arn"));
            const std::string role = e.yaml("NightlyRole");
            CONTAINS(role, "glue.amazonaws.com");
            CONTAINS(role, "AWSGlueServiceRole");
            CONTAINS(role, "s3:PutObject");
            CONTAINS(role, "bucketName: !Ref Lake");
            CONTAINS(role, "s3://"); // the script object, from the parameter
            QCOMPARE(e.scalar("Small", {"MaxCapacity"}), std::string("0.0625"));
            QVERIFY(e.at("Small", {"WorkerType"}) == nullptr);
        }
    }

    void athenaWorkgroup()
    {
        Design d("athena");
        const NodeId wg =
            d.add("athena-workgroup", "Analytics",
                  {{"bytesScannedCutoffGb", 1.0}, {"resultEncryption", std::string("SSE_KMS")}});
        d.connect(d.add("lambda-function", "Query"), wg);
        d.connect(wg, d.add("s3-bucket", "Results"), ConnectionKind::Write);
        d.connect(wg, d.add("s3-bucket", "Data"), ConnectionKind::Read);
        for (auto format : {kSam, kCfn}) {
            const Exported e = exportAs(d.design(), format);
            CHECK_TEMPLATE(e);
            CONTAINS(e.scalar("Analytics", {"Name"}), "${AWS::StackName}-analytics");
            QCOMPARE(e.scalar("Analytics", {"State"}), std::string("ENABLED"));
            QCOMPARE(
                e.scalar("Analytics", {"WorkGroupConfiguration", "BytesScannedCutoffPerQuery"}),
                std::string("1073741824"));
            QCOMPARE(e.scalar("Analytics",
                              {"WorkGroupConfiguration", "ResultConfiguration", "OutputLocation"}),
                     std::string("!Sub s3://${Results}/athena-results/"));
            QCOMPARE(e.scalar("Analytics", {"WorkGroupConfiguration", "ResultConfiguration",
                                            "EncryptionConfiguration", "EncryptionOption"}),
                     std::string("SSE_KMS"));
            QCOMPARE(e.scalar("Analytics", {"WorkGroupConfiguration", "ResultConfiguration",
                                            "EncryptionConfiguration", "KmsKey"}),
                     std::string("!Ref AnalyticsKmsKey"));
        }
        // The caller reads the data and writes the results with its own credentials.
        const Exported sam = exportAs(d.design(), kSam);
        const std::string query = writeYaml(*sam.at("Query", {"Policies"}));
        CONTAINS(query, "S3CrudPolicy:\n    BucketName: !Ref Results");
        CONTAINS(query, "S3ReadPolicy:\n    BucketName: !Ref Data");
    }

    void sagemakerEndpoint()
    {
        Design d("sagemaker");
        d.add("sagemaker-serverless-endpoint", "Scorer",
              {{"memoryMb", std::string("4096")},
               {"maxConcurrency", std::int64_t(10)},
               {"provisionedConcurrency", std::int64_t(2)}});
        d.add("sagemaker-batch-transform", "Batch");
        d.add("rekognition", "Vision");
        for (auto format : {kSam, kCfn}) {
            const Exported e = exportAs(d.design(), format);
            CHECK_TEMPLATE(e);
            QCOMPARE(e.scalar("ScorerModel", {"ExecutionRoleArn"}),
                     std::string("!GetAtt ScorerRole.Arn"));
            QCOMPARE(e.scalar("ScorerModel", {"PrimaryContainer", "Image"}),
                     std::string("!Ref ScorerImage"));
            QCOMPARE(e.scalar("ScorerConfig", {"ProductionVariants", "0", "ModelName"}),
                     std::string("!GetAtt ScorerModel.ModelName"));
            QCOMPARE(e.scalar("ScorerConfig",
                              {"ProductionVariants", "0", "ServerlessConfig", "MemorySizeInMB"}),
                     std::string("4096"));
            QCOMPARE(e.scalar("ScorerConfig",
                              {"ProductionVariants", "0", "ServerlessConfig", "MaxConcurrency"}),
                     std::string("10"));
            QCOMPARE(e.scalar("ScorerConfig", {"ProductionVariants", "0", "ServerlessConfig",
                                               "ProvisionedConcurrency"}),
                     std::string("2"));
            QCOMPARE(e.scalar("Scorer", {"EndpointConfigName"}),
                     std::string("!GetAtt ScorerConfig.EndpointConfigName"));
            CONTAINS(e.yaml("ScorerRole"), "sagemaker.amazonaws.com");
            QVERIFY(e.resource("Batch") == nullptr); // API only
            QVERIFY(e.resource("Vision") == nullptr);
        }
    }

    void rekognitionReadsWithCallerCredentials()
    {
        Design d("rekognition");
        const NodeId vision = d.add("rekognition", "Vision");
        d.connect(d.add("lambda-function", "Tagger"), vision);
        d.connect(vision, d.add("s3-bucket", "Photos"));
        const Exported sam = exportAs(d.design(), kSam);
        CHECK_TEMPLATE(sam);
        CONTAINS(writeYaml(*sam.at("Tagger", {"Policies"})),
                 "S3ReadPolicy:\n    BucketName: !Ref Photos");
        const Exported cfn = exportAs(d.design(), kCfn);
        CHECK_TEMPLATE(cfn);
        CONTAINS(cfn.yaml("TaggerRole"), "s3:GetObject");
    }

    void firehoseStream()
    {
        Design d("firehose");
        const NodeId fh =
            d.add("firehose-stream", "Clicks",
                  {{"compression", std::string("GZIP")}, {"bufferSizeMb", std::int64_t(64)}});
        d.connect(d.add("kinesis-stream", "Raw"), fh);
        d.connect(fh, d.add("s3-bucket", "Archive"));
        d.connect(fh, d.add("lambda-function", "Transform"));
        for (auto format : {kSam, kCfn}) {
            const Exported e = exportAs(d.design(), format);
            CHECK_TEMPLATE(e);
            QCOMPARE(e.scalar("Clicks", {"DeliveryStreamType"}),
                     std::string("KinesisStreamAsSource"));
            QCOMPARE(e.scalar("Clicks", {"KinesisStreamSourceConfiguration", "KinesisStreamARN"}),
                     std::string("!GetAtt Raw.Arn"));
            QCOMPARE(e.scalar("Clicks", {"KinesisStreamSourceConfiguration", "RoleARN"}),
                     std::string("!GetAtt ClicksRole.Arn"));
            QCOMPARE(e.scalar("Clicks", {"ExtendedS3DestinationConfiguration", "BucketARN"}),
                     std::string("!GetAtt Archive.Arn"));
            QCOMPARE(
                e.scalar("Clicks", {"ExtendedS3DestinationConfiguration", "CompressionFormat"}),
                std::string("GZIP"));
            QCOMPARE(e.scalar("Clicks", {"ExtendedS3DestinationConfiguration", "BufferingHints",
                                         "SizeInMBs"}),
                     std::string("64"));
            QCOMPARE(e.scalar("Clicks", {"ExtendedS3DestinationConfiguration", "BufferingHints",
                                         "IntervalInSeconds"}),
                     std::string("300"));
            QCOMPARE(e.scalar("Clicks", {"ExtendedS3DestinationConfiguration",
                                         "ProcessingConfiguration", "Processors", "0", "Type"}),
                     std::string("Lambda"));
            const std::string role = e.yaml("ClicksRole");
            CONTAINS(role, "firehose.amazonaws.com");
            CONTAINS(role, "kinesis:GetRecords");
            CONTAINS(role, "!GetAtt Raw.Arn");
            CONTAINS(role, "s3:PutObject");
            CONTAINS(role, "${Archive.Arn}/*");
            CONTAINS(role, "lambda:InvokeFunction");
        }
    }

    void eventbridgePipe()
    {
        Design d("pipes");
        const NodeId pipe =
            d.add("eventbridge-pipe", "Orders pipe",
                  {{"filterPattern", std::string("{\"body\":{\"type\":[\"order\"]}}")},
                   {"batchSize", std::int64_t(5)}});
        d.connect(d.add("sqs-queue", "Incoming"), pipe);
        d.connect(pipe, d.add("step-functions", "Fulfil"));
        const NodeId streamPipe = d.add("eventbridge-pipe", "Changes");
        d.connect(d.add("dynamodb-table", "Orders"), streamPipe);
        d.connect(streamPipe, d.add("fargate-service", "Indexer"));
        for (auto format : {kSam, kCfn}) {
            const Exported e = exportAs(d.design(), format);
            CHECK_TEMPLATE(e);
            QCOMPARE(e.scalar("OrdersPipe", {"Source"}), std::string("!GetAtt Incoming.Arn"));
            QCOMPARE(e.scalar("OrdersPipe", {"Target"}), std::string("!Ref Fulfil"));
            QCOMPARE(e.scalar("OrdersPipe", {"RoleArn"}),
                     std::string("!GetAtt OrdersPipeRole.Arn"));
            QCOMPARE(e.scalar("OrdersPipe", {"DesiredState"}), std::string("RUNNING"));
            QCOMPARE(
                e.scalar("OrdersPipe", {"SourceParameters", "SqsQueueParameters", "BatchSize"}),
                std::string("5"));
            CONTAINS(e.scalar("OrdersPipe",
                              {"SourceParameters", "FilterCriteria", "Filters", "0", "Pattern"}),
                     "order");
            QCOMPARE(
                e.scalar("OrdersPipe", {"TargetParameters", "StepFunctionStateMachineParameters",
                                        "InvocationType"}),
                std::string("FIRE_AND_FORGET"));
            const std::string role = e.yaml("OrdersPipeRole");
            CONTAINS(role, "pipes.amazonaws.com");
            CONTAINS(role, "sqs:ReceiveMessage");
            CONTAINS(role, "states:StartExecution");
            // A DynamoDB stream source; a Fargate task target.
            QCOMPARE(e.scalar("Changes", {"Source"}), std::string("!GetAtt Orders.StreamArn"));
            QCOMPARE(e.scalar("Changes",
                              {"SourceParameters", "DynamoDBStreamParameters", "StartingPosition"}),
                     std::string("LATEST"));
            QVERIFY(e.at("Orders", {"StreamSpecification"}) != nullptr);
            QCOMPARE(e.scalar("Changes", {"Target"}), std::string("!GetAtt EcsCluster.Arn"));
            QCOMPARE(
                e.scalar("Changes", {"TargetParameters", "EcsTaskParameters", "TaskDefinitionArn"}),
                std::string("!Ref IndexerTaskDefinition"));
            const std::string changes = e.yaml("ChangesRole");
            CONTAINS(changes, "dynamodb:GetRecords");
            CONTAINS(changes, "ecs:RunTask");
            CONTAINS(changes, "iam:PassRole");
            CONTAINS(changes, "IndexerExecutionRole.Arn");
        }
    }

    void iotRule()
    {
        Design d("iot");
        const NodeId rule =
            d.add("iot-rule", "Telemetry",
                  {{"errorActionEnabled", true}, {"sqlVersion", std::string("2016-03-23")}});
        d.connect(d.add("iot-device", "Sensors"), rule);
        d.connect(rule, d.add("dynamodb-table", "Readings"));
        d.connect(rule, d.add("lambda-function", "Alert"));
        d.connect(rule, d.add("sqs-queue", "Errors"), std::nullopt, "on-failure");
        for (auto format : {kSam, kCfn}) {
            const Exported e = exportAs(d.design(), format);
            CHECK_TEMPLATE(e);
            QCOMPARE(e.scalar("Telemetry", {"TopicRulePayload", "Sql"}),
                     std::string("SELECT * FROM 'devices/+/telemetry'"));
            QCOMPARE(e.scalar("Telemetry", {"TopicRulePayload", "AwsIotSqlVersion"}),
                     std::string("2016-03-23"));
            QCOMPARE(e.scalar("Telemetry", {"TopicRulePayload", "RuleDisabled"}),
                     std::string("false"));
            QCOMPARE(e.scalar("Telemetry", {"TopicRulePayload", "Actions", "0", "DynamoDBv2",
                                            "PutItem", "TableName"}),
                     std::string("!Ref Readings"));
            QCOMPARE(e.scalar("Telemetry",
                              {"TopicRulePayload", "Actions", "0", "DynamoDBv2", "RoleArn"}),
                     std::string("!GetAtt TelemetryRole.Arn"));
            QCOMPARE(e.scalar("Telemetry",
                              {"TopicRulePayload", "Actions", "1", "Lambda", "FunctionArn"}),
                     std::string("!GetAtt Alert.Arn"));
            QCOMPARE(e.scalar("Telemetry", {"TopicRulePayload", "ErrorAction", "Sqs", "QueueUrl"}),
                     std::string("!Ref Errors"));
            QCOMPARE(e.scalar("TelemetryAlertPermission", {"Principal"}),
                     std::string("iot.amazonaws.com"));
            QCOMPARE(e.scalar("TelemetryAlertPermission", {"SourceArn"}),
                     std::string("!GetAtt Telemetry.Arn"));
            const std::string role = e.yaml("TelemetryRole");
            CONTAINS(role, "iot.amazonaws.com");
            CONTAINS(role, "dynamodb:PutItem");
            CONTAINS(role, "!GetAtt Readings.Arn");
            CONTAINS(role, "sqs:SendMessage");
            CONTAINS(role, "!GetAtt Errors.Arn");
        }
    }

    void iotRuleAbsorbedBySam()
    {
        Design d("iot-absorbed");
        const NodeId rule = d.add("iot-rule", "Telemetry");
        d.connect(rule, d.add("lambda-function", "Ingest"));
        const Exported sam = exportAs(d.design(), kSam);
        CHECK_TEMPLATE(sam);
        QVERIFY(sam.ofType("AWS::IoT::TopicRule").empty());
        QCOMPARE(sam.scalar("Ingest", {"Events", "Telemetry", "Type"}), std::string("IoTRule"));
        const Exported cfn = exportAs(d.design(), kCfn);
        CHECK_TEMPLATE(cfn);
        QCOMPARE(cfn.ofType("AWS::IoT::TopicRule").size(), std::size_t(1));
        QCOMPARE(
            cfn.scalar("Telemetry", {"TopicRulePayload", "Actions", "0", "Lambda", "FunctionArn"}),
            std::string("!GetAtt Ingest.Arn"));
    }

    void sameDesignSameBytes()
    {
        Design d("everything");
        const NodeId cdn = d.add("cloudfront-distribution", "Cdn");
        const NodeId lb = d.add("alb", "Front", {{"listenerProtocol", std::string("HTTP")}});
        const NodeId svc = d.add("fargate-service", "Web");
        d.connect(cdn, d.add("s3-bucket", "Site"));
        d.connect(cdn, lb);
        d.connect(lb, svc);
        d.connect(svc, d.add("aurora-serverless", "Db"));
        const NodeId pipe = d.add("eventbridge-pipe", "Pipe");
        d.connect(d.add("kinesis-stream", "Stream"), pipe);
        d.connect(pipe, d.add("firehose-stream", "Archive"));
        for (auto format : {kSam, kCfn}) {
            const Exported a = exportAs(d.design(), format);
            const Exported b = exportAs(d.design(), format);
            CHECK_TEMPLATE(a);
            QCOMPARE(a.text, b.text);
            QCOMPARE(a.scalar("Cdn", {"DistributionConfig", "Origins", "1", "CustomOriginConfig",
                                      "OriginProtocolPolicy"}),
                     std::string("http-only"));
            CONTAINS(a.yaml("WebRole"), "rds-data:ExecuteStatement");
            QCOMPARE(a.scalar("Pipe",
                              {"SourceParameters", "KinesisStreamParameters", "StartingPosition"}),
                     std::string("LATEST"));
        }
    }

    void fargateTasksAndConsumers()
    {
        // State machines written before the service they run tasks of; a queue and a
        // stream the service consumes; a function reading the same stream.
        Design d("fargate-tasks");
        const NodeId flow = d.add("step-functions", "Flow");
        const NodeId quick =
            d.add("step-functions", "Quick", {{"workflowType", std::string("EXPRESS")}});
        const NodeId svc = d.add("fargate-service", "Worker");
        const NodeId clicks = d.add("kinesis-stream", "Clicks");
        d.connect(flow, svc);
        d.connect(quick, svc);
        d.connect(d.add("sqs-queue", "Jobs"), svc);
        d.connect(clicks, svc);
        d.connect(clicks, d.add("lambda-function", "Reader"));
        for (auto format : {kSam, kCfn}) {
            const Exported e = exportAs(d.design(), format);
            CHECK_TEMPLATE(e);
            // The Fargate exporter grants the queue's poller: no "check it by hand".
            QVERIFY(!e.hasDiagnostic(Severity::Info, "Jobs -> Worker"));
            // A Task state running the service's task definition, scoped grants.
            QVERIFY(!e.hasDiagnostic(Severity::Warning, "finish the state by hand"));
            QVERIFY(!e.hasDiagnostic(Severity::Info, "no integration Nimbus writes"));
            QCOMPARE(e.scalar("Flow", {"Definition", "States", "Worker", "Resource"}),
                     std::string("arn:aws:states:::ecs:runTask.sync"));
            QCOMPARE(e.scalar("Flow", {"Definition", "States", "Worker", "Parameters", "LaunchType"}),
                     std::string("FARGATE"));
            QCOMPARE(e.scalar("Flow", {"Definition", "States", "Worker", "Parameters",
                                       "TaskDefinition"}),
                     std::string("${WorkerTaskDefinition}"));
            QCOMPARE(e.scalar("Flow", {"DefinitionSubstitutions", "WorkerTaskDefinition"}),
                     std::string("!Ref WorkerTaskDefinition"));
            QCOMPARE(e.scalar("Flow", {"DefinitionSubstitutions", "WorkerCluster"}),
                     std::string("!GetAtt EcsCluster.Arn"));
            CONTAINS(writeYaml(*e.at("Flow", {"DefinitionSubstitutions", "WorkerSubnets"})),
                     "!Ref Subnets");
            // Express workflows cannot wait (.sync) for a task.
            QCOMPARE(e.scalar("Quick", {"Definition", "States", "Worker", "Resource"}),
                     std::string("arn:aws:states:::ecs:runTask"));
            const std::string flowAccess = e.yaml(format == kSam ? "Flow" : "FlowRole");
            CONTAINS(flowAccess, "ecs:RunTask");
            CONTAINS(flowAccess, "!Ref WorkerTaskDefinition");
            CONTAINS(flowAccess, "iam:PassRole");
            CONTAINS(flowAccess, "!GetAtt WorkerRole.Arn");
            CONTAINS(flowAccess, "!GetAtt WorkerExecutionRole.Arn");
            CONTAINS(flowAccess, "StepFunctionsGetEventsForECSTaskRule");
            QVERIFY(flowAccess.find("task-definition/*") == std::string::npos);
            QVERIFY(e.yaml(format == kSam ? "Quick" : "QuickRole").find("events:PutRule")
                    == std::string::npos);
            // Stream consumers read that one stream, not every stream of the account.
            const std::string worker = e.yaml("WorkerRole");
            CONTAINS(worker, "kinesis:SubscribeToShard");
            CONTAINS(worker, "!GetAtt Clicks.Arn");
            QVERIFY(worker.find("stream/*") == std::string::npos);
            QVERIFY(e.text.find("KinesisStreamReadPolicy") == std::string::npos);
            if (format == kCfn)
                CONTAINS(e.yaml("ReaderRole"), "kinesis:SubscribeToShard");
        }
    }
};

QTEST_GUILESS_MAIN(TestExportMore)
#include "tst_exportmore.moc"
