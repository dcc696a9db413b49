// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "exporthelpers.h"

#include "cfntree.h"
#include "policytemplates.h"

#include <model/analysis/propertyaccess.h>
#include <model/core/numberlimits.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <iterator>
#include <map>

namespace nimbus::model::iac::exporting {

using namespace cfn;

namespace {

/// The policy template for one edge, narrowed by the edge's kind (a read gets read-only).
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

/// The value a policy template parameter takes for a target.
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

/// Explicit statements for the targets no SAM policy template covers.
bool grantWithoutTemplate(ExportContext &c, const Node &principal, const Edge &e, const Node &t)
{
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

} // namespace

// --- properties, ids and edges ----------------------------------------------------------

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

double choiceNumber(ExportContext &c, const Node &n, const char *key, double fallback)
{
    // A choice is text: one that is not a number within the limit gives the fallback.
    const std::string value = prop(c, n, key);
    char *end = nullptr;
    const double v = std::strtod(value.c_str(), &end);
    return value.empty() || *end != '\0' || !isWithinNumberLimit(v) ? fallback : v;
}

bool flag(ExportContext &c, const Node &n, const char *key)
{
    return prop(c, n, key) == "true";
}

std::optional<double> setNum(const Node &n, const char *key)
{
    auto it = n.properties.find(key);
    return it == n.properties.end() ? std::nullopt : toNumber(it->second);
}

std::optional<double> edgeNum(const Edge &e, const char *key)
{
    auto it = e.properties.find(key);
    return it == e.properties.end() ? std::nullopt : toNumber(it->second);
}

std::string enabledState(ExportContext &c, const Node &n)
{
    const std::string state = prop(c, n, "state");
    return state.empty() ? std::string("ENABLED") : state;
}

Tree intNum(double v)
{
    // Whole numbers a long long holds; a design's numbers are far within (numberlimits.h).
    return integer(std::isfinite(v) ? std::llround(std::clamp(v, -9e18, 9e18)) : 0);
}

Tree stackScopedName(ExportContext &c, const Node &n, const std::string &suffix)
{
    return sub("${AWS::StackName}-" + kebab(n.name.empty() ? lid(c, n) : n.name) + suffix);
}

const std::string &lid(ExportContext &c, const Node &n)
{
    return c.logicalId(n.id);
}

std::string dashed(ExportContext &c, const Node &n, std::size_t limit)
{
    std::string s = kebab(n.name.empty() ? lid(c, n) : n.name).substr(0, limit);
    while (!s.empty() && s.back() == '-')
        s.pop_back();
    return s.empty() ? std::string("x") : s;
}

bool isFunction(const Node &n)
{
    return n.type == "lambda-function";
}

bool isStateMachine(const Node &n)
{
    return n.type == "step-functions";
}

std::vector<const Edge *> live(const std::vector<const Edge *> &edges)
{
    std::vector<const Edge *> out;
    std::copy_if(edges.begin(), edges.end(), std::back_inserter(out),
                 [](const Edge *e) { return !isImportedEdge(*e); });
    return out;
}

const Node *connectedOfType(ExportContext &c, const Node &n, const char *type)
{
    for (const Edge *e : live(c.outgoing(n.id))) {
        if (c.node(e->target).type == type)
            return &c.node(e->target);
    }
    return nullptr;
}

bool isOfType(const ResourceEntry &r, const std::string &type)
{
    const Tree *t = r.body.find("Type");
    return t != nullptr && t->scalar == type;
}

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

// --- template fragments -----------------------------------------------------------------

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

Tree selectSplit(int index, const std::string &separator, Tree value)
{
    return tagged("!Select",
                  {integer(index), tagged("!Split", {text(separator), std::move(value)})});
}

Tree subWith(const std::string &pattern, const std::string &name, Tree value)
{
    Tree t = list({text(pattern), map({{name, std::move(value)}})});
    t.tag = "!Sub";
    return t;
}

Tree param(ExportContext &c, const std::string &name, const std::string &type,
           const std::string &description, const std::string &defaultValue)
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

Tree withChildren(const Tree &arn, const std::string &separator)
{
    const std::string var = arn.tag == "!GetAtt" ? arn.scalar
                            : arn.tag == "!Ref"  ? arn.scalar
                                                 : std::string();
    return list({arn, sub("${" + var + "}" + separator + "*")});
}

Tree retryPolicy(const Node &n)
{
    Tree retry = Tree::makeMap();
    if (auto r = setNum(n, "retryAttempts"))
        retry.set("MaximumRetryAttempts", intNum(*r));
    if (auto a = setNum(n, "maximumEventAgeSeconds"))
        retry.set("MaximumEventAgeInSeconds", intNum(*a));
    return retry;
}

// --- resources and permissions ----------------------------------------------------------

void put(ExportContext &c, const std::string &id, const std::string &type, const Node *owner,
         Tree props, std::size_t expanded)
{
    c.addResource(id, type, owner, expanded).set("Properties", std::move(props));
}

std::string addRole(ExportContext &c, const std::string &base, const Node &owner,
                    const std::string &principal, const std::string &managed)
{
    const std::string id = c.reserveId(base);
    put(c, id, "AWS::IAM::Role", &owner,
        map({{"AssumeRolePolicyDocument", assumeRolePolicy(principal)},
             {"ManagedPolicyArns", list({managedPolicy(managed)})}}));
    return id;
}

std::string lambdaPermission(ExportContext &c, const std::string &idBase, const Node &owner,
                             Tree functionArn, const std::string &principal, Tree sourceArn)
{
    const std::string id = c.reserveId(idBase);
    Tree props = map({{"Action", text("lambda:InvokeFunction")},
                      {"FunctionName", std::move(functionArn)},
                      {"Principal", text(principal)}});
    if (!sourceArn.isNull())
        props.set("SourceArn", std::move(sourceArn));
    put(c, id, "AWS::Lambda::Permission", &owner, std::move(props));
    return id;
}

void allowServiceToSend(ExportContext &c, const Node &target, const std::string &service,
                        Tree sourceArn, const Node &owner)
{
    const bool queue = target.type == "sqs-queue";
    const std::string &tid = lid(c, target);
    const std::string pid = c.reserveId(tid + (queue ? "Policy" : "TopicPolicy") + lid(c, owner));
    Tree statement =
        map({{"Effect", text("Allow")},
             {"Principal", map({{"Service", text(service)}})},
             {"Action", text(queue ? "sqs:SendMessage" : "sns:Publish")},
             {"Resource", queue ? getAtt(tid, "Arn") : cfn::ref(tid)},
             {"Condition", map({{"ArnEquals", map({{"aws:SourceArn", std::move(sourceArn)}})}})}});
    Tree props = map({{"PolicyDocument", map({{"Version", Tree::makeScalar("2012-10-17", true)},
                                              {"Statement", list({statement})}})},
                      {queue ? "Queues" : "Topics", list({cfn::ref(tid)})}});
    put(c, pid, queue ? "AWS::SQS::QueuePolicy" : "AWS::SNS::TopicPolicy", &owner,
        std::move(props));
}

void grantStreamRead(ExportContext &c, const Node &principal, const Node &stream)
{
    c.grantStatement(principal,
                     {"kinesis:DescribeStream", "kinesis:DescribeStreamSummary",
                      "kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:ListShards",
                      "kinesis:SubscribeToShard"},
                     getAtt(lid(c, stream), "Arn"));
}

bool grantDataAccess(ExportContext &c, const Node &principal, const ConnectionRule *rule,
                     const Edge &e, const Node &target)
{
    if (rule == nullptr || rule->sam.policy.empty())
        return grantWithoutTemplate(c, principal, e, target);
    const std::string policy = narrowedPolicy(rule->sam.policy, e.kind);
    if (policy == "KinesisStreamReadPolicy") {
        // The template also allows listing every stream of the account (stream/*).
        grantStreamRead(c, principal, target);
        return true;
    }
    const std::vector<std::string> params = c.policyTemplates().parameters(policy);
    const std::string parameter = params.empty() ? std::string() : params.front();
    c.grantPolicyTemplate(principal, policy, parameter,
                          parameter.empty() ? Tree() : policyArgument(c, parameter, target));
    return true;
}

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
    // "Orders table" + TABLE gives ORDERS_TABLE, not ORDERS_TABLE_TABLE.
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

} // namespace nimbus::model::iac::exporting
