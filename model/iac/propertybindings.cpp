// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "propertybindings.h"

#include "cfntree.h"

#include <model/core/architecture.h>
#include <model/core/catalog.h>
#include <model/core/limits.h>
#include <model/core/tree.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

namespace nimbus::model::iac {

namespace {

using Mode = PropertyBinding::Mode;

PropertyBinding binding(std::string type, std::string key, std::string sam, std::string cfn,
                        std::vector<std::pair<std::string, std::string>> values = {})
{
    PropertyBinding b;
    b.typeId = std::move(type);
    b.key = std::move(key);
    b.samPath = std::move(sam);
    b.cloudFormationPath = std::move(cfn);
    b.values = std::move(values);
    return b;
}

/// The same path in SAM and in CloudFormation.
PropertyBinding both(std::string type, std::string key, const std::string &path,
                     std::vector<std::pair<std::string, std::string>> values = {})
{
    return binding(std::move(type), std::move(key), path, path, std::move(values));
}

std::vector<PropertyBinding> makeBindings()
{
    const std::string fn = "lambda-function";
    const std::string q = "sqs-queue";
    const std::string ddb = "dynamodb-table";
    const std::string rest = "apigw-rest-api";
    std::vector<PropertyBinding> v = {
        both(fn, "memoryMb", "MemorySize"),
        both(fn, "timeoutSeconds", "Timeout"),
        both(fn, "runtime", "Runtime"),
        both(fn, "architecture", "Architectures[0]"),
        both(fn, "ephemeralStorageMb", "EphemeralStorage.Size"),
        both(fn, "reservedConcurrency", "ReservedConcurrentExecutions"),
        both(fn, "recursiveLoop", "RecursiveLoop"),
        binding(fn, "provisionedConcurrency",
                "ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions", ""),
        both(q, "queueType", "FifoQueue", {{"fifo", "true"}, {"standard", "false"}}),
        both(q, "visibilityTimeoutSeconds", "VisibilityTimeout"),
        both(q, "messageRetentionSeconds", "MessageRetentionPeriod"),
        both(q, "delaySeconds", "DelaySeconds"),
        both(q, "receiveWaitSeconds", "ReceiveMessageWaitTimeSeconds"),
        both(q, "maxMessageSizeBytes", "MaximumMessageSize"),
        both(q, "contentBasedDeduplication", "ContentBasedDeduplication"),
        both("sns-topic", "topicType", "FifoTopic", {{"fifo", "true"}, {"standard", "false"}}),
        both("sns-topic", "contentBasedDeduplication", "ContentBasedDeduplication"),
        both("sns-topic", "fifoThroughputScope", "FifoThroughputScope"),
        // SAM's SimpleTable has only ProvisionedThroughput of these.
        binding(ddb, "capacityMode", "", "BillingMode"),
        binding(ddb, "tableClass", "", "TableClass"),
        binding(ddb, "streamEnabled", "", "StreamSpecification.StreamViewType"),
        binding(ddb, "streamViewType", "", "StreamSpecification.StreamViewType"),
        both(ddb, "readCapacityUnits", "ProvisionedThroughput.ReadCapacityUnits"),
        both(ddb, "writeCapacityUnits", "ProvisionedThroughput.WriteCapacityUnits"),
        binding(ddb, "pointInTimeRecovery", "",
                "PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled"),
        both("kinesis-stream", "shardCount", "ShardCount"),
        both("kinesis-stream", "retentionHours", "RetentionPeriodHours"),
        both("kinesis-stream", "capacityMode", "StreamModeDetails.StreamMode"),
        binding("step-functions", "workflowType", "Type", "StateMachineType"),
        both("s3-bucket", "versioning", "VersioningConfiguration.Status",
             {{"true", "Enabled"}, {"false", "Suspended"}}),
        both("eventbridge-bus", "busName", "Name"),
        both("eventbridge-rule", "scheduleExpression", "ScheduleExpression"),
        both("eventbridge-rule", "state", "State"),
        both("eventbridge-schedule", "scheduleExpression", "ScheduleExpression"),
        both("eventbridge-schedule", "timezone", "ScheduleExpressionTimezone"),
        both("eventbridge-schedule", "state", "State"),
        both("aurora-serverless", "engine", "Engine"),
        both("aurora-serverless", "minCapacityAcu", "ServerlessV2ScalingConfiguration.MinCapacity"),
        both("aurora-serverless", "maxCapacityAcu", "ServerlessV2ScalingConfiguration.MaxCapacity"),
        both("aurora-serverless", "secondsUntilAutoPause",
             "ServerlessV2ScalingConfiguration.SecondsUntilAutoPause"),
        both("aurora-serverless", "dataApiEnabled", "EnableHttpEndpoint"),
        binding(rest, "endpointType", "EndpointConfiguration.Type",
                "EndpointConfiguration.Types[0]"),
        binding(rest, "stageName", "StageName", ""),
        binding("apigw-http-api", "stageName", "StageName", ""),
        both("glue-job", "jobType", "Command.Name"),
        both("glue-job", "glueVersion", "GlueVersion"),
        both("glue-job", "workerType", "WorkerType"),
        both("glue-job", "numberOfWorkers", "NumberOfWorkers"),
        both("glue-job", "executionClass", "ExecutionClass"),
        both("iot-rule", "sql", "TopicRulePayload.Sql"),
        both("iot-rule", "sqlVersion", "TopicRulePayload.AwsIotSqlVersion"),
        both("iot-rule", "ruleDisabled", "TopicRulePayload.RuleDisabled"),
        both("cognito-user-pool", "mfa", "MfaConfiguration"),
        both("cognito-user-pool", "deletionProtection", "DeletionProtection"),
        both("cognito-user-pool", "passwordMinLength", "Policies.PasswordPolicy.MinimumLength"),
    };
    for (PropertyBinding &b : v) {
        if (b.typeId == ddb && b.key == "streamEnabled") {
            b.mode = Mode::Presence;
            b.presenceText = "NEW_AND_OLD_IMAGES";
        }
        if (b.typeId == rest && b.key == "endpointType")
            b.parentShorthand = true;
    }
    return v;
}

struct Step
{
    std::string key;
    int index = -1; ///< "[n]" after the key, -1 when none
};

std::vector<Step> parsePath(const std::string &path)
{
    std::vector<Step> steps;
    std::size_t begin = 0;
    while (begin <= path.size()) {
        std::size_t end = path.find('.', begin);
        if (end == std::string::npos)
            end = path.size();
        std::string part = path.substr(begin, end - begin);
        Step step;
        if (const std::size_t bracket = part.find('['); bracket != std::string::npos) {
            step.index = std::atoi(part.c_str() + bracket + 1);
            part.resize(bracket);
        }
        step.key = std::move(part);
        steps.push_back(std::move(step));
        begin = end + 1;
    }
    return steps;
}

bool isSamBody(const Tree &body)
{
    const Tree *type = body.find("Type");
    return type != nullptr && type->isScalar() && type->scalar.rfind("AWS::Serverless::", 0) == 0;
}

const std::string &pathFor(const PropertyBinding &b, const Tree &body)
{
    return isSamBody(body) ? b.samPath : b.cloudFormationPath;
}

bool isLiteral(const Tree &t)
{
    return t.isScalar() && t.tag.empty();
}

bool isPlainMap(const Tree &t)
{
    return t.isMap() && t.tag.empty() && cfn::intrinsicName(t).empty();
}

/// The value at `steps` below `props`, or nullptr. With `shorthand`, a literal scalar
/// standing where the last step's parent map should be is the value.
const Tree *locate(const Tree &props, const std::vector<Step> &steps, bool shorthand)
{
    const Tree *at = &props;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        if (shorthand && i + 1 == steps.size() && isLiteral(*at))
            return at;
        if (!isPlainMap(*at))
            return nullptr;
        at = at->find(steps[i].key);
        if (at == nullptr)
            return nullptr;
        if (steps[i].index >= 0) {
            if (!at->isSequence() || !at->tag.empty() ||
                static_cast<std::size_t>(steps[i].index) >= at->items.size())
                return nullptr;
            at = &at->items[static_cast<std::size_t>(steps[i].index)];
        }
    }
    return at;
}

bool equalsIgnoringCase(const std::string &a, const std::string &b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

enum class ReadStatus { Absent, NotLiteral, Invalid, Ok };

struct ReadOutcome
{
    ReadStatus status = ReadStatus::Absent;
    PropertyValue value;
    std::string problem;
    int line = 0;
};

ReadOutcome readOne(const PropertyBinding &b, const PropertyDef &def, const Tree &body)
{
    ReadOutcome out;
    const std::string &path = pathFor(b, body);
    const Tree *props = body.find("Properties");
    if (path.empty() || props == nullptr)
        return out;
    const Tree *at = locate(*props, parsePath(path), b.parentShorthand);
    if (at == nullptr || at->isNull())
        return out;
    out.line = at->line;
    if (b.mode == Mode::Presence) {
        out.status = ReadStatus::Ok;
        out.value = true;
        return out;
    }
    if (!isLiteral(*at)) {
        out.status = ReadStatus::NotLiteral;
        return out;
    }
    std::string text = at->scalar;
    if (!b.values.empty()) {
        auto it = std::find_if(b.values.begin(), b.values.end(),
                               [&](const auto &p) { return equalsIgnoringCase(p.second, text); });
        if (it == b.values.end()) {
            out.status = ReadStatus::Invalid;
            out.problem = "'" + text + "' has no meaning for Nimbus";
            return out;
        }
        text = it->first;
    }
    if (def.type == PropertyType::Boolean && !at->quoted)
        std::transform(text.begin(), text.end(), text.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const std::optional<PropertyValue> value = parsePropertyValue(def, text);
    if (!value) {
        out.status = ReadStatus::Invalid;
        out.problem = "'" + text + "' is not a valid " + propertyTypeName(def.type);
        return out;
    }
    if (const auto problem = checkPropertyValue(def, *value)) {
        out.status = ReadStatus::Invalid;
        out.problem = *problem;
        return out;
    }
    out.status = ReadStatus::Ok;
    out.value = *value;
    return out;
}

bool sameValue(const PropertyValue &a, const PropertyValue &b)
{
    const auto na = toNumber(a);
    const auto nb = toNumber(b);
    if (na && nb)
        return *na == *nb;
    return a == b;
}

/// The slot at `steps` below `props`, created as needed. Intrinsic functions and scalars
/// standing where a map or list must go are replaced.
Tree &ensure(Tree &props, const std::vector<Step> &steps, bool shorthand)
{
    Tree *at = &props;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        if (shorthand && i + 1 == steps.size() && isLiteral(*at))
            return *at;
        if (!isPlainMap(*at))
            *at = Tree::makeMap();
        Tree *next = at->find(steps[i].key);
        if (next == nullptr) {
            at->set(steps[i].key, Tree());
            next = at->find(steps[i].key);
        }
        at = next;
        if (steps[i].index >= 0) {
            if (!at->isSequence() || !at->tag.empty())
                *at = Tree::makeSequence();
            const auto index = static_cast<std::size_t>(steps[i].index);
            if (at->items.size() <= index)
                at->items.resize(index + 1);
            at = &at->items[index];
        }
    }
    return *at;
}

/// Removes the map entry at `steps` and then parent maps left empty (not Properties).
void erase(Tree &props, const std::vector<Step> &steps, std::size_t depth = 0)
{
    if (!isPlainMap(props) || depth >= steps.size() || steps[depth].index >= 0)
        return;
    auto &entries = props.entries;
    auto it = std::find_if(entries.begin(), entries.end(),
                           [&](const auto &e) { return e.first == steps[depth].key; });
    if (it == entries.end())
        return;
    if (depth + 1 == steps.size()) {
        entries.erase(it);
        return;
    }
    erase(it->second, steps, depth + 1);
    if (it->second.isMap() && it->second.entries.empty())
        entries.erase(it);
}

Tree scalarFor(const PropertyDef &def, const std::string &text)
{
    const bool plain = def.type == PropertyType::Integer || def.type == PropertyType::Number ||
                       def.type == PropertyType::Boolean || text == "true" || text == "false";
    return plain ? Tree::makeScalar(text) : cfn::text(text);
}

} // namespace

const std::vector<PropertyBinding> &propertyBindings()
{
    static const std::vector<PropertyBinding> bindings = makeBindings();
    return bindings;
}

std::vector<const PropertyBinding *> propertyBindingsFor(const std::string &typeId)
{
    std::vector<const PropertyBinding *> out;
    for (const PropertyBinding &b : propertyBindings()) {
        if (b.typeId == typeId)
            out.push_back(&b);
    }
    return out;
}

PropertyMap readBoundProperties(const std::string &typeId, const Tree &resourceBody,
                                const Catalog &catalog, Diagnostics *diagnostics,
                                const std::string &fileName)
{
    PropertyMap out;
    const ServiceType *type = catalog.type(typeId);
    if (type == nullptr || !resourceBody.isMap())
        return out;
    for (const PropertyBinding *b : propertyBindingsFor(typeId)) {
        const PropertyDef *def = type->property(b->key);
        if (def == nullptr)
            continue;
        ReadOutcome r = readOne(*b, *def, resourceBody);
        const std::string *text = std::get_if<std::string>(&r.value);
        if (r.status == ReadStatus::Ok && text != nullptr && utf8Length(*text) > kMaxPropertyTextLength) {
            if (diagnostics != nullptr)
                diagnostics->push_back({Severity::Warning, fileName, r.line, 0,
                                        tooLongMessage(pathFor(*b, resourceBody) + " of a " + type->name,
                                                       utf8Length(*text), kMaxPropertyTextLength)
                                            + "; kept in the template, not modelled"});
        } else if (r.status == ReadStatus::Ok) {
            out.emplace(b->key, std::move(r.value));
        } else if (r.status == ReadStatus::Invalid && diagnostics != nullptr) {
            diagnostics->push_back({Severity::Info, fileName, r.line, 0,
                                    pathFor(*b, resourceBody) + " of a " + type->name + ": " +
                                        r.problem + "; kept in the template, not modelled"});
        }
    }
    return out;
}

void writeBoundProperties(const Node &node, Tree &resourceBody, const Catalog &catalog)
{
    const ServiceType *type = catalog.type(node.type);
    if (type == nullptr || !resourceBody.isMap())
        return;
    std::set<std::string> switchedOff; // paths a Presence binding removed
    for (const PropertyBinding *b : propertyBindingsFor(node.type)) {
        const PropertyDef *def = type->property(b->key);
        const auto value = node.properties.find(b->key);
        const std::string &path = pathFor(*b, resourceBody);
        if (def == nullptr || value == node.properties.end() || path.empty() ||
            switchedOff.count(path) != 0)
            continue;
        const ReadOutcome current = readOne(*b, *def, resourceBody);
        if (current.status == ReadStatus::Ok && sameValue(current.value, value->second))
            continue;
        const std::vector<Step> steps = parsePath(path);
        if (b->mode == Mode::Presence) {
            const bool on =
                std::holds_alternative<bool>(value->second) && std::get<bool>(value->second);
            if (on) {
                ensure(cfn::child(resourceBody, "Properties"), steps, false) =
                    cfn::text(b->presenceText);
            } else {
                if (Tree *props = resourceBody.find("Properties"))
                    erase(*props, steps);
                switchedOff.insert(path);
            }
            continue;
        }
        std::string text = toString(value->second);
        if (!b->values.empty()) {
            auto it = std::find_if(b->values.begin(), b->values.end(),
                                   [&](const auto &p) { return p.first == text; });
            if (it == b->values.end())
                continue;
            text = it->second;
        }
        Tree &props = cfn::child(resourceBody, "Properties");
        ensure(props, steps, b->parentShorthand) = scalarFor(*def, text);
    }
}

} // namespace nimbus::model::iac
