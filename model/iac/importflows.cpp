// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
// Edges from what a template declares: events, targets, subscriptions, notifications,
// integrations, environment variables, definitions and connectors.
#include "templateimporter.h"

#include "cfntree.h"

#include <algorithm>
#include <functional>

namespace nimbus::model::iac::importing {

namespace {

constexpr EventSpec EventSpecs[] = {
    {"Api", "RestApiId", ConnectionKind::SyncInvoke, "ServerlessRestApi"},
    {"HttpApi", "ApiId", ConnectionKind::SyncInvoke, "ServerlessHttpApi"},
    {"S3", "Bucket", ConnectionKind::AsyncInvoke, ""},
    {"SQS", "Queue", ConnectionKind::Poll, ""},
    {"SNS", "Topic", ConnectionKind::AsyncInvoke, ""},
    {"Kinesis", "Stream", ConnectionKind::Stream, ""},
    {"DynamoDB", "Stream", ConnectionKind::Stream, ""},
    {"MSK", "Stream", ConnectionKind::Poll, ""},
    {"MQ", "Broker", ConnectionKind::Poll, ""},
    {"DocumentDB", "Cluster", ConnectionKind::Poll, ""},
    {"Cognito", "UserPool", ConnectionKind::SyncInvoke, ""},
    {"EventBridgeRule", "EventBusName", ConnectionKind::AsyncInvoke, ""},
    {"CloudWatchEvent", "EventBusName", ConnectionKind::AsyncInvoke, ""},
};

} // namespace

const EventSpec *eventSpec(const std::string &type)
{
    for (const EventSpec &spec : EventSpecs) {
        if (spec.type == type)
            return &spec;
    }
    return nullptr;
}

void TemplateImporter::inferFlows(const Resource &r)
{
    using T = TemplateImporter;
    static const std::unordered_map<std::string_view, std::vector<Handler>> handlers = {
        {"AWS::Serverless::Function", {&T::events, &T::environment, &T::functionDestinations}},
        {"AWS::Lambda::Function", {&T::environment, &T::functionDestinations}},
        {"AWS::Serverless::StateMachine", {&T::events, &T::stateMachine}},
        {"AWS::StepFunctions::StateMachine", {&T::stateMachine}},
        {"AWS::Events::Rule", {&T::rule}},
        {"AWS::Pipes::Pipe", {&T::pipe}},
        {"AWS::Scheduler::Schedule", {&T::schedule}},
        {"AWS::S3::Bucket", {&T::bucket}},
        {"AWS::SNS::Topic", {&T::topic}},
        {"AWS::SQS::Queue", {&T::queue}},
        {"AWS::IoT::TopicRule", {&T::topicRule}},
        {"AWS::KinesisFirehose::DeliveryStream", {&T::firehose}},
        {"AWS::CloudFront::Distribution", {&T::distribution}},
        {"AWS::Cognito::UserPool", {&T::userPool}},
        {"AWS::Serverless::Api", {&T::api}},
        {"AWS::Serverless::HttpApi", {&T::api}},
        {"AWS::ApiGateway::RestApi", {&T::api}},
        {"AWS::ApiGatewayV2::Api", {&T::api}},
        {"AWS::Serverless::GraphQLApi", {&T::graphQlApi}},
        {"AWS::AppSync::DataSource", {&T::appSyncDataSource}},
        {"AWS::Lambda::EventSourceMapping", {&T::eventSourceMapping}},
        {"AWS::SNS::Subscription", {&T::subscription}},
        {"AWS::Lambda::Permission", {&T::permission}},
        {"AWS::Serverless::Connector", {&T::connector}},
        {"AWS::Lambda::EventInvokeConfig", {&T::eventInvokeConfig}},
        {"AWS::ApiGateway::Method", {&T::method}},
        {"AWS::ApiGatewayV2::Integration", {&T::integration}},
        {"AWS::ApiGateway::Authorizer", {&T::authorizer}},
        {"AWS::ApiGatewayV2::Authorizer", {&T::authorizer}},
        {"AWS::ElasticLoadBalancingV2::TargetGroup", {&T::targetGroup}},
        {"AWS::ECS::Service", {&T::ecsService}},
    };
    if (const auto it = handlers.find(r.type); it != handlers.end()) {
        for (Handler handler : it->second)
            (this->*handler)(r);
    }
    embeddedConnectors(r);
}

void TemplateImporter::events(const Resource &r)
{
    const Tree *events = child(r.props, "Events");
    if (events == nullptr || !events->isMap())
        return;
    for (const auto &[name, event] : events->entries) {
        const std::string type = literal(child(&event, "Type"));
        const EventSpec *spec = eventSpec(type);
        const Tree *props = child(&event, "Properties");
        const std::string label = "Events." + name + " (" + type + ")";
        if (spec != nullptr) {
            const Tree *source = child(props, std::string(spec->sourceKey));
            std::vector<std::string> sources = targets(source);
            if (source == nullptr && !spec->implicitApi.empty()) {
                const std::string implicit(spec->implicitApi);
                sources = resolve(implicit) ? std::vector<std::string>{implicit}
                                            : std::vector<std::string>{};
            }
            connectAll(sources, {r.id}, {spec->fallback, label});
        }
        destination(r.id, at(props, {"DestinationConfig", "OnFailure", "Destination"}),
                    label + " DestinationConfig.OnFailure", "on-failure");
    }
}

void TemplateImporter::environment(const Resource &r)
{
    const Tree *variables = at(r.props, {"Environment", "Variables"});
    if (variables != nullptr && isPlainMap(*variables)) {
        for (const auto &[name, value] : variables->entries)
            connectAll({r.id}, targets(&value),
                       {ConnectionKind::SyncInvoke, "Environment.Variables." + name});
    }
    if (r.type != "AWS::Serverless::Function" || m_globalVariables == nullptr ||
        !isPlainMap(*m_globalVariables))
        return;
    for (const auto &[name, value] : m_globalVariables->entries) {
        if (child(variables, name) == nullptr) // the function's own value wins
            connectAll(
                {r.id}, targets(&value),
                {ConnectionKind::SyncInvoke, "Globals.Function.Environment.Variables." + name});
    }
}

void TemplateImporter::functionDestinations(const Resource &r)
{
    for (const char *outcome : {"OnSuccess", "OnFailure"}) {
        const std::string purpose =
            outcome == std::string("OnSuccess") ? "on-success" : "on-failure";
        destination(r.id,
                    at(r.props, {"EventInvokeConfig", "DestinationConfig", outcome, "Destination"}),
                    std::string("EventInvokeConfig.DestinationConfig.") + outcome, purpose.c_str());
    }
    destination(r.id, at(r.props, {"DeadLetterQueue", "TargetArn"}), "DeadLetterQueue",
                "dead-letter");
    destination(r.id, at(r.props, {"DeadLetterConfig", "TargetArn"}), "DeadLetterConfig",
                "dead-letter");
}

void TemplateImporter::stateMachine(const Resource &r)
{
    for (const char *key :
         {"Definition", "DefinitionString", "DefinitionUri", "DefinitionS3Location"})
        connectAll({r.id}, targets(child(r.props, key)), {ConnectionKind::SyncInvoke, key});
    const Tree *substitutions = child(r.props, "DefinitionSubstitutions");
    if (substitutions == nullptr || !isPlainMap(*substitutions))
        return;
    for (const auto &[name, value] : substitutions->entries)
        connectAll({r.id}, targets(&value),
                   {ConnectionKind::SyncInvoke, "DefinitionSubstitutions." + name});
}

void TemplateImporter::rule(const Resource &r)
{
    connectAll(targets(child(r.props, "EventBusName")), {r.id},
               {ConnectionKind::Trigger, "EventBusName"});
    forEachItem(child(r.props, "Targets"), [&](const Tree &target, std::size_t i) {
        const std::string id = literal(child(&target, "Id"));
        const std::string label = "Targets." + (id.empty() ? std::to_string(i) : id);
        connectAll({r.id}, targets(child(&target, "Arn")), {ConnectionKind::Trigger, label});
        destination(r.id, at(&target, {"DeadLetterConfig", "Arn"}), label + ".DeadLetterConfig",
                    "dead-letter");
    });
}

void TemplateImporter::pipe(const Resource &r)
{
    connectAll(targets(child(r.props, "Source")), {r.id}, {ConnectionKind::Poll, "Source"});
    connectAll({r.id}, targets(child(r.props, "Enrichment")),
               {ConnectionKind::SyncInvoke, "Enrichment"});
    connectAll({r.id}, targets(child(r.props, "Target")), {ConnectionKind::Trigger, "Target"});
}

void TemplateImporter::schedule(const Resource &r)
{
    const Tree *target = child(r.props, "Target");
    connectAll({r.id}, targets(child(target, "Arn")), {ConnectionKind::Trigger, "Target"});
    destination(r.id, at(target, {"DeadLetterConfig", "Arn"}), "Target.DeadLetterConfig",
                "dead-letter");
}

void TemplateImporter::bucket(const Resource &r)
{
    static constexpr std::pair<const char *, const char *> kinds[] = {
        {"LambdaConfigurations", "Function"},
        {"QueueConfigurations", "Queue"},
        {"TopicConfigurations", "Topic"}};
    const Tree *config = child(r.props, "NotificationConfiguration");
    for (const auto &[list, key] : kinds) {
        const std::string label = std::string("NotificationConfiguration.") + list;
        forEachItem(child(config, list), [&, field = key](const Tree &item, std::size_t) {
            connectAll({r.id}, targets(child(&item, field)), {ConnectionKind::AsyncInvoke, label});
        });
    }
}

void TemplateImporter::topic(const Resource &r)
{
    forEachItem(child(r.props, "Subscription"), [&](const Tree &item, std::size_t) {
        connectAll({r.id}, targets(child(&item, "Endpoint")),
                   {ConnectionKind::Subscribe, "Subscription"});
    });
}

void TemplateImporter::queue(const Resource &r)
{
    destination(r.id, at(r.props, {"RedrivePolicy", "deadLetterTargetArn"}), "RedrivePolicy",
                "dead-letter");
}

void TemplateImporter::topicRule(const Resource &r)
{
    const Tree *payload = child(r.props, "TopicRulePayload");
    auto actions = [&](const Tree *list, const std::string &prefix, const char *purpose) {
        forEachItem(list, [&](const Tree &action, std::size_t) {
            if (!isPlainMap(action))
                return;
            for (const auto &[kind, config] : action.entries)
                connectAll({r.id}, targets(&config, {"RoleArn", "RoleARN"}),
                           {ConnectionKind::Trigger, prefix + kind, purpose});
        });
    };
    actions(child(payload, "Actions"), "TopicRulePayload.Actions.", "");
    actions(child(payload, "ErrorAction"), "TopicRulePayload.ErrorAction.", "on-failure");
}

void TemplateImporter::firehose(const Resource &r)
{
    if (r.props == nullptr)
        return;
    connectAll(targets(child(r.props, "KinesisStreamSourceConfiguration"), {"RoleARN"}), {r.id},
               {ConnectionKind::Stream, "KinesisStreamSourceConfiguration"});
    for (const auto &[key, config] : r.props->entries) {
        if (key.size() > 24 && key.compare(key.size() - 24, 24, "DestinationConfiguration") == 0)
            connectAll({r.id}, targets(&config, {"RoleARN", "RoleArn", "CloudWatchLoggingOptions"}),
                       {ConnectionKind::Write, key});
    }
}

void TemplateImporter::distribution(const Resource &r)
{
    const Tree *config = child(r.props, "DistributionConfig");
    forEachItem(child(config, "Origins"), [&](const Tree &origin, std::size_t i) {
        const std::string id = literal(child(&origin, "Id"));
        connectAll(
            {r.id}, targets(child(&origin, "DomainName")),
            {ConnectionKind::SyncInvoke, "Origins." + (id.empty() ? std::to_string(i) : id)});
    });
    auto associations = [&](const Tree &behavior, std::size_t) {
        forEachItem(child(&behavior, "LambdaFunctionAssociations"),
                    [&](const Tree &a, std::size_t) {
                        connectAll({r.id}, targets(child(&a, "LambdaFunctionARN")),
                                   {ConnectionKind::SyncInvoke, "LambdaFunctionAssociations"});
                    });
    };
    forEachItem(child(config, "DefaultCacheBehavior"), associations);
    forEachItem(child(config, "CacheBehaviors"), associations);
}

void TemplateImporter::userPool(const Resource &r)
{
    const Tree *config = child(r.props, "LambdaConfig");
    if (config == nullptr || !isPlainMap(*config))
        return;
    for (const auto &[trigger, value] : config->entries) {
        if (trigger != "KMSKeyID")
            connectAll({r.id}, targets(&value),
                       {ConnectionKind::SyncInvoke, "LambdaConfig." + trigger});
    }
}

void TemplateImporter::api(const Resource &r)
{
    const std::string bodyKey = child(r.props, "DefinitionBody") ? "DefinitionBody" : "Body";
    std::function<void(const Tree &)> walk = [&](const Tree &t) {
        for (const auto &[key, value] : t.entries) {
            if (key == "x-amazon-apigateway-integration" || key == "x-amazon-apigateway-authorizer")
                connectAll({r.id}, targets(&value, {"credentials", "authorizerCredentials"}),
                           {ConnectionKind::SyncInvoke, bodyKey + " " + key});
            else if (value.isMap())
                walk(value);
        }
        for (const Tree &item : t.items)
            walk(item);
    };
    if (const Tree *body = child(r.props, bodyKey))
        walk(*body);
    const Tree *authorizers = at(r.props, {"Auth", "Authorizers"});
    if (authorizers == nullptr || !isPlainMap(*authorizers))
        return;
    for (const auto &[name, config] : authorizers->entries)
        connectAll({r.id}, targets(&config, {"FunctionInvokeRole"}),
                   {ConnectionKind::SyncInvoke, "Auth.Authorizers." + name});
}

void TemplateImporter::graphQlApi(const Resource &r)
{
    const Tree *sources = child(r.props, "DataSources");
    if (sources == nullptr || !isPlainMap(*sources))
        return;
    for (const auto &[kind, list] : sources->entries) {
        if (!isPlainMap(list))
            continue;
        for (const auto &[name, config] : list.entries)
            connectAll({r.id}, targets(&config, {"ServiceRoleArn", "Permissions"}),
                       {ConnectionKind::SyncInvoke, "DataSources." + kind + "." + name});
    }
}

void TemplateImporter::appSyncDataSource(const Resource &r)
{
    // Folded into its API: the API reads or calls what the data source names.
    connectAll(targets(child(r.props, "ApiId")), targets(r.props, {"ServiceRoleArn", "ApiId"}),
               {ConnectionKind::SyncInvoke, r.type + " " + r.id});
}

void TemplateImporter::eventSourceMapping(const Resource &r)
{
    const std::string label = r.type + " " + r.id;
    const std::vector<std::string> functions = targets(child(r.props, "FunctionName"));
    connectAll(targets(child(r.props, "EventSourceArn")), functions, {ConnectionKind::Poll, label});
    for (const std::string &fn : functions)
        destination(fn, at(r.props, {"DestinationConfig", "OnFailure", "Destination"}), label,
                    "on-failure");
}

void TemplateImporter::subscription(const Resource &r)
{
    connectAll(targets(child(r.props, "TopicArn")), targets(child(r.props, "Endpoint")),
               {ConnectionKind::Subscribe, r.type + " " + r.id});
}

void TemplateImporter::permission(const Resource &r)
{
    connectAll(targets(child(r.props, "SourceArn")), targets(child(r.props, "FunctionName")),
               {ConnectionKind::AsyncInvoke, r.type + " " + r.id});
}

std::vector<std::string> TemplateImporter::connectorEnd(const Tree &end) const
{
    if (const std::string id = literal(child(&end, "Id")); !id.empty()) {
        if (auto resolved = resolve(id))
            return {*resolved};
        return {};
    }
    return targets(&end, {"Type", "RoleName"});
}

void TemplateImporter::connectorEdges(const std::string &source, const Tree *props,
                                      const std::string &label)
{
    bool writes = false;
    forEachItem(child(props, "Permissions"),
                [&](const Tree &p, std::size_t) { writes = writes || literal(&p) == "Write"; });
    forEachItem(child(props, "Destination"), [&](const Tree &destination, std::size_t) {
        connectAll({source}, connectorEnd(destination),
                   {writes ? ConnectionKind::Write : ConnectionKind::Read, label});
    });
}

void TemplateImporter::connector(const Resource &r)
{
    if (const Tree *source = child(r.props, "Source")) {
        for (const std::string &id : connectorEnd(*source))
            connectorEdges(id, r.props, r.type + " " + r.id);
    }
}

void TemplateImporter::embeddedConnectors(const Resource &r)
{
    const Tree *connectors = child(r.body, "Connectors");
    if (connectors == nullptr || !isPlainMap(*connectors))
        return;
    for (const auto &[name, config] : connectors->entries)
        connectorEdges(r.id, child(&config, "Properties"), "Connectors." + name);
}

void TemplateImporter::eventInvokeConfig(const Resource &r)
{
    const std::string label = r.type + " " + r.id;
    for (const std::string &fn : targets(child(r.props, "FunctionName"))) {
        destination(fn, at(r.props, {"DestinationConfig", "OnSuccess", "Destination"}), label,
                    "on-success");
        destination(fn, at(r.props, {"DestinationConfig", "OnFailure", "Destination"}), label,
                    "on-failure");
    }
}

void TemplateImporter::method(const Resource &r)
{
    connectAll(targets(child(r.props, "RestApiId")),
               targets(child(r.props, "Integration"), {"Credentials"}),
               {ConnectionKind::SyncInvoke, r.type + " " + r.id});
}

void TemplateImporter::integration(const Resource &r)
{
    std::vector<std::string> to = targets(child(r.props, "IntegrationUri"));
    for (const std::string &id : targets(child(r.props, "RequestParameters"))) {
        if (std::find(to.begin(), to.end(), id) == to.end())
            to.push_back(id);
    }
    connectAll(targets(child(r.props, "ApiId")), to,
               {ConnectionKind::SyncInvoke, r.type + " " + r.id});
}

void TemplateImporter::authorizer(const Resource &r)
{
    const char *apiKey = r.type == "AWS::ApiGateway::Authorizer" ? "RestApiId" : "ApiId";
    connectAll(targets(child(r.props, apiKey)),
               targets(r.props, {"RestApiId", "ApiId", "AuthorizerCredentials",
                                 "AuthorizerCredentialsArn", "IdentitySource"}),
               {ConnectionKind::SyncInvoke, r.type + " " + r.id});
}

// ---- load balancers: listener -> target group -> targets ----

void TemplateImporter::findLoadBalancers()
{
    std::unordered_map<std::string, std::vector<std::string>> listenerBalancers;
    for (const Resource &r : m_resources) {
        if (r.type == "AWS::ElasticLoadBalancingV2::Listener")
            listenerBalancers[r.id] = targets(child(r.props, "LoadBalancerArn"));
    }
    for (const Resource &r : m_resources) {
        std::vector<std::string> balancers;
        std::vector<std::string> groups;
        if (r.type == "AWS::ElasticLoadBalancingV2::Listener") {
            balancers = listenerBalancers[r.id];
            referencesUnder(child(r.props, "DefaultActions"), "TargetGroupArn", groups);
        } else if (r.type == "AWS::ElasticLoadBalancingV2::ListenerRule") {
            std::vector<std::string> listeners;
            if (const Tree *arn = child(r.props, "ListenerArn"))
                cfn::collectReferences(*arn, listeners);
            for (const std::string &listener : listeners) {
                const auto &found = listenerBalancers[listener];
                balancers.insert(balancers.end(), found.begin(), found.end());
            }
            referencesUnder(child(r.props, "Actions"), "TargetGroupArn", groups);
        }
        for (const std::string &group : groups) {
            auto &list = m_targetGroupBalancers[group];
            for (const std::string &balancer : balancers) {
                if (std::find(list.begin(), list.end(), balancer) == list.end())
                    list.push_back(balancer);
            }
        }
    }
}

void TemplateImporter::targetGroup(const Resource &r)
{
    const auto balancers = m_targetGroupBalancers.find(r.id);
    if (balancers == m_targetGroupBalancers.end())
        return;
    forEachItem(child(r.props, "Targets"), [&](const Tree &target, std::size_t) {
        connectAll(balancers->second, targets(child(&target, "Id")),
                   {ConnectionKind::SyncInvoke, r.type + " " + r.id});
    });
}

void TemplateImporter::ecsService(const Resource &r)
{
    std::vector<std::string> groups;
    referencesUnder(child(r.props, "LoadBalancers"), "TargetGroupArn", groups);
    for (const std::string &group : groups) {
        if (const auto balancers = m_targetGroupBalancers.find(group);
            balancers != m_targetGroupBalancers.end())
            connectAll(balancers->second, {r.id}, {ConnectionKind::SyncInvoke, "LoadBalancers"});
    }
}

} // namespace nimbus::model::iac::importing
