// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// Exporters of the data and analytics services: DynamoDB tables, S3 buckets, Cognito user
// pools, Aurora Serverless v2, Glue jobs, Athena workgroups, SageMaker and Rekognition.
// Facts: CloudFormation resource reference
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-template-resource-type-ref.html
// and the AWS SAM specification (shared/reference/sam).
#include "cfntree.h"
#include "exporthelpers.h"
#include "exportservices.h"

#include <algorithm>
#include <cmath>

namespace nimbus::model::iac::exporting {

namespace {

using namespace cfn;

/// Services that call other services with their own role (and so take grants).
bool isCaller(const Node &n)
{
    return n.type == "lambda-function" || n.type == "step-functions" || n.type == "fargate-service";
}

// --- DynamoDB ----------------------------------------------------------------------------

void tableResources(ExportContext &c, const Node &n)
{
    const std::string &tid = lid(c, n);
    Tree &p = cfn::child(c.addResource(tid, "AWS::DynamoDB::Table", &n), "Properties");
    p.set("AttributeDefinitions",
          list({map({{"AttributeName", text("pk")}, {"AttributeType", text("S")}})}));
    p.set("KeySchema", list({map({{"AttributeName", text("pk")}, {"KeyType", text("HASH")}})}));
    const std::string mode = prop(c, n, "capacityMode");
    p.set("BillingMode", text(mode));
    if (mode == "PROVISIONED")
        p.set("ProvisionedThroughput",
              map({{"ReadCapacityUnits", intNum(num(c, n, "readCapacityUnits", 5))},
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
        p.set("StreamSpecification",
              map({{"StreamViewType", text(view.empty() ? "NEW_AND_OLD_IMAGES" : view)}}));
    }
    if (flag(c, n, "pointInTimeRecovery"))
        p.set("PointInTimeRecoverySpecification",
              map({{"PointInTimeRecoveryEnabled", boolean(true)}}));
    c.addOutput(tid + "Name", "Name of the " + n.name + " table", cfn::ref(tid));
}

bool tableOutgoing(ExportContext &c, const Edge &, const Node &t, const Node &target)
{
    if (target.type == "kinesis-stream") {
        c.properties(lid(c, t)).set("KinesisStreamSpecification",
                                    map({{"StreamArn", getAtt(lid(c, target), "Arn")}}));
        return true;
    }
    return target.type == "eventbridge-pipe";
}

// --- S3 ----------------------------------------------------------------------------------

/// Buckets that deliver notifications need a name known before they exist, to break the
/// bucket -> permission -> bucket cycle; lower case, unique per account and region.
Tree bucketName(ExportContext &c, const Node &b)
{
    return sub(kebab(b.name.empty() ? lid(c, b) : b.name) + "-${AWS::AccountId}-${AWS::Region}");
}

void bucketResources(ExportContext &c, const Node &n)
{
    const std::string &bid = lid(c, n);
    Tree &p = cfn::child(c.addResource(bid, "AWS::S3::Bucket", &n), "Properties");
    if (prop(c, n, "versioning") == "true")
        p.set("VersioningConfiguration", map({{"Status", text("Enabled")}}));
    const std::string enc = prop(c, n, "encryption");
    p.set("BucketEncryption",
          map({{"ServerSideEncryptionConfiguration",
                list({map({{"ServerSideEncryptionByDefault",
                            map({{"SSEAlgorithm", text(enc.empty() ? "AES256" : enc)}})}})})}}));
    if (prop(c, n, "publicAccessBlocked") != "false")
        p.set("PublicAccessBlockConfiguration", map({{"BlockPublicAcls", boolean(true)},
                                                     {"BlockPublicPolicy", boolean(true)},
                                                     {"IgnorePublicAcls", boolean(true)},
                                                     {"RestrictPublicBuckets", boolean(true)}}));
    if (auto days = setNum(n, "lifecycleExpirationDays"); days && *days > 0)
        p.set("LifecycleConfiguration",
              map({{"Rules", list({map({{"Id", text("expire-objects")},
                                        {"Status", text("Enabled")},
                                        {"ExpirationInDays", intNum(*days)}})})}}));
    if (flag(c, n, "websiteHosting"))
        p.set("WebsiteConfiguration",
              map({{"IndexDocument", text("index.html")}, {"ErrorDocument", text("error.html")}}));
    bool eventBridge = flag(c, n, "eventBridgeEnabled");
    for (const Edge *e : c.outgoing(n.id))
        eventBridge = eventBridge || c.node(e->target).type == "eventbridge-bus";
    if (eventBridge)
        cfn::child(p, "NotificationConfiguration")
            .set("EventBridgeConfiguration", map({{"EventBridgeEnabled", boolean(true)}}));
    c.addOutput(bid + "Name", "Name of the " + n.name + " bucket", cfn::ref(bid));
}

bool bucketOutgoing(ExportContext &c, const Edge &, const Node &b, const Node &target)
{
    if (target.type == "eventbridge-bus")
        return true; // EventBridgeConfiguration sends to the default bus; rules pick events up
    return bucketNotify(c, b, target);
}

// --- Cognito -----------------------------------------------------------------------------

void userPoolResources(ExportContext &c, const Node &n)
{
    const std::string &pid = lid(c, n);
    Tree &p = cfn::child(c.addResource(pid, "AWS::Cognito::UserPool", &n), "Properties");
    p.set("UserPoolName", stackScopedName(c, n));
    p.set("AutoVerifiedAttributes", list({text("email")}));
    p.set("UsernameAttributes", list({text("email")}));
    p.set("Policies", map({{"PasswordPolicy",
                            map({{"MinimumLength", intNum(num(c, n, "passwordMinLength", 8))}})}}));
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
    put(c, cid, "AWS::Cognito::UserPoolClient", &n,
        map({{"UserPoolId", cfn::ref(pid)},
             {"GenerateSecret", boolean(false)},
             {"ExplicitAuthFlows",
              list({text("ALLOW_USER_SRP_AUTH"), text("ALLOW_REFRESH_TOKEN_AUTH")})}}));
    c.addOutput(pid + "Id", "Id of the " + n.name + " user pool", cfn::ref(pid));
    c.addOutput(cid + "Id", "App client id of the " + n.name + " user pool", cfn::ref(cid));
}

bool userPoolOutgoing(ExportContext &c, const Edge &, const Node &pool, const Node &target)
{
    if (target.type != "lambda-function")
        return false;
    const std::string &pid = lid(c, pool);
    const std::string &fid = lid(c, target);
    cfn::child(c.properties(pid), "LambdaConfig").set("PostConfirmation", getAtt(fid, "Arn"));
    lambdaPermission(c, pid + fid + "Permission", pool, getAtt(fid, "Arn"),
                     "cognito-idp.amazonaws.com", getAtt(pid, "Arn"));
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
    // One instance per reader, as many as Aurora allows (the catalog's maximum, 15): a
    // count beyond it is a validation error, and must not make the export write 10^15
    // resources.
    const PropertyDef *readerDef = c.type(n) != nullptr ? c.type(n)->property("readerCount") : nullptr;
    const double mostReaders = readerDef != nullptr && readerDef->maximum ? *readerDef->maximum : 15;
    const auto readers = static_cast<long long>(std::clamp(std::round(num(c, n, "readerCount", 0)), 0.0, mostReaders));
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

} // namespace

bool bucketNotify(ExportContext &c, const Node &bucket, const Node &target)
{
    const std::string &bid = lid(c, bucket);
    const std::string &tid = lid(c, target);
    Tree &p = c.properties(bid);
    if (p.find("BucketName") == nullptr)
        p.set("BucketName", bucketName(c, bucket));
    const Tree arn = sub("arn:${AWS::Partition}:s3:::" + bucketName(c, bucket).scalar);
    cfn::child(p, "NotificationConfiguration");
    // Adding the permission or policy moves the bucket's body: look its properties up again.
    const auto configurations = [&](const char *key) -> Tree & {
        return cfn::childList(cfn::child(c.properties(bid), "NotificationConfiguration"), key);
    };
    if (target.type == "lambda-function") {
        const std::string permission = lambdaPermission(
            c, bid + tid + "Permission", bucket, getAtt(tid, "Arn"), "s3.amazonaws.com", arn);
        c.properties(permission).set("SourceAccount", cfn::ref("AWS::AccountId"));
        c.addDependsOn(bid, permission);
        configurations("LambdaConfigurations")
            .items.push_back(
                map({{"Event", text("s3:ObjectCreated:*")}, {"Function", getAtt(tid, "Arn")}}));
        return true;
    }
    if (target.type == "sqs-queue" || target.type == "sns-topic") {
        const bool queue = target.type == "sqs-queue";
        allowServiceToSend(c, target, "s3.amazonaws.com", arn, bucket);
        c.addDependsOn(bid, c.resources().back().logicalId);
        configurations(queue ? "QueueConfigurations" : "TopicConfigurations")
            .items.push_back(
                map({{"Event", text("s3:ObjectCreated:*")},
                     {queue ? "Queue" : "Topic", queue ? getAtt(tid, "Arn") : cfn::ref(tid)}}));
        return true;
    }
    return false;
}

void registerDataExporters(Registry &r)
{
    r["dynamodb-table"] = {tableResources, tableOutgoing};
    r["s3-bucket"] = {bucketResources, bucketOutgoing};
    r["cognito-user-pool"] = {userPoolResources, userPoolOutgoing};
    r["aurora-serverless"] = {auroraResources, nullptr};
    r["glue-job"] = {glueResources, glueOutgoing};
    r["athena-workgroup"] = {athenaResources, athenaOutgoing};
    r["sagemaker-serverless-endpoint"] = {sagemakerResources, nullptr};
    r["sagemaker-batch-transform"] = {noResources, nullptr}; // API only: no CloudFormation resource
    r["rekognition"] = {noResources, rekognitionOutgoing};   // API only
}

} // namespace nimbus::model::iac::exporting
