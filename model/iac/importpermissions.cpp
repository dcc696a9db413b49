// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
// Edges from permissions: SAM policy templates, inline and IAM role statements naming a
// resource, and resource policies naming their sender.
#include "templateimporter.h"

#include "cfntree.h"

#include <algorithm>
#include <cctype>
#include <functional>

namespace nimbus::model::iac::importing {

namespace {

bool startsWith(std::string_view text, std::string_view prefix)
{
    return text.substr(0, prefix.size()) == prefix;
}

/// True when every action only reads or consumes (what a poller or reader needs).
bool actionsReadOnly(const Tree *actions)
{
    static constexpr std::string_view readVerbs[] = {"Get",           "List",
                                                     "Describe",      "Query",
                                                     "Scan",          "Receive",
                                                     "BatchGet",      "Select",
                                                     "Subscribe",     "Head",
                                                     "Lookup",        "Search",
                                                     "DeleteMessage", "ChangeMessageVisibility"};
    bool any = false;
    bool readOnly = true;
    forEachItem(actions, [&](const Tree &action, std::size_t) {
        any = true;
        const std::string text = literal(&action);
        const std::size_t colon = text.find(':');
        const std::string_view verb = colon == std::string::npos
                                          ? std::string_view()
                                          : std::string_view(text).substr(colon + 1);
        const bool reads = std::any_of(std::begin(readVerbs), std::end(readVerbs),
                                       [&](std::string_view v) { return startsWith(verb, v); });
        readOnly = readOnly && reads;
    });
    return any && readOnly;
}

bool templateReadOnly(const std::string &name)
{
    for (const char *word : {"Read", "Poller", "Describe", "GetSecretValue", "List"}) {
        if (name.find(word) != std::string::npos)
            return true;
    }
    return false;
}

} // namespace

void TemplateImporter::findRoleUsers()
{
    auto isRole = [&](const std::string &id) {
        const Resource *r = resource(id);
        return r != nullptr && r->type == "AWS::IAM::Role";
    };
    auto addUser = [&](const std::string &role, const std::string &user) {
        auto &users = m_roleUsers[role];
        if (std::find(users.begin(), users.end(), user) == users.end())
            users.push_back(user);
    };
    for (const Resource &r : m_resources) {
        if (startsWith(r.type, "AWS::IAM::") || r.props == nullptr)
            continue;
        const std::optional<std::string> user = resolve(r.id);
        if (!user)
            continue;
        const bool sam =
            r.type == "AWS::Serverless::Function" || r.type == "AWS::Serverless::StateMachine";
        if (sam && r.props->find("Role") == nullptr)
            addUser(r.id + "Role", *user); // the role SAM generates for it
        std::function<void(const Tree &)> walk = [&](const Tree &t) {
            for (const auto &[key, value] : t.entries) {
                if (key.find("Role") != std::string::npos ||
                    key.find("Credentials") != std::string::npos) {
                    std::vector<std::string> refs;
                    cfn::collectReferences(value, refs);
                    for (const std::string &ref : refs) {
                        if (isRole(ref))
                            addUser(ref, *user);
                    }
                } else {
                    walk(value);
                }
            }
            for (const Tree &item : t.items)
                walk(item);
        };
        walk(*r.props);
    }
}

void TemplateImporter::inferPermissions(const Resource &r)
{
    if (r.type == "AWS::Serverless::Function" || r.type == "AWS::Serverless::StateMachine")
        samPolicies(r);
    else if (startsWith(r.type, "AWS::IAM::"))
        rolePolicies(r);
    else if (r.type == "AWS::SQS::QueuePolicy" || r.type == "AWS::SNS::TopicPolicy" ||
             r.type == "AWS::S3::BucketPolicy")
        resourcePolicy(r);
}

void TemplateImporter::samPolicies(const Resource &r)
{
    forEachItem(child(r.props, "Policies"), [&](const Tree &item, std::size_t) {
        if (!isPlainMap(item)) {
            std::vector<std::string> refs;
            cfn::collectReferences(item, refs);
            for (const std::string &ref : refs)
                managedPolicy(r.id, ref);
            return;
        }
        if (item.find("Statement") != nullptr) {
            statements(r.id, &item, "Policies.Statement");
            return;
        }
        for (const auto &[name, parameters] : item.entries) {
            const bool readOnly = templateReadOnly(name);
            connectAll({r.id}, targets(&parameters),
                       {readOnly ? ConnectionKind::Read : ConnectionKind::Write, "Policies." + name,
                        "", true, readOnly});
        }
    });
}

void TemplateImporter::managedPolicy(const std::string &principal, const std::string &policyId)
{
    const Resource *policy = resource(policyId);
    if (policy != nullptr && policy->type == "AWS::IAM::ManagedPolicy")
        statements(principal, child(policy->props, "PolicyDocument"),
                   policy->type + " " + policy->id);
}

void TemplateImporter::rolePolicies(const Resource &r)
{
    const std::string label = r.type + " " + r.id;
    if (r.type == "AWS::IAM::Role") {
        const auto users = m_roleUsers.find(r.id);
        if (users == m_roleUsers.end())
            return;
        for (const std::string &user : users->second) {
            forEachItem(child(r.props, "Policies"), [&](const Tree &policy, std::size_t) {
                statements(user, child(&policy, "PolicyDocument"), label);
            });
            std::vector<std::string> managed;
            if (const Tree *arns = child(r.props, "ManagedPolicyArns"))
                cfn::collectReferences(*arns, managed);
            for (const std::string &id : managed)
                managedPolicy(user, id);
        }
        return;
    }
    if (r.type != "AWS::IAM::Policy" && r.type != "AWS::IAM::ManagedPolicy")
        return;
    std::vector<std::string> roles;
    if (const Tree *list = child(r.props, "Roles"))
        cfn::collectReferences(*list, roles);
    for (const std::string &role : roles) {
        const auto users = m_roleUsers.find(role);
        if (users == m_roleUsers.end())
            continue;
        for (const std::string &user : users->second)
            statements(user, child(r.props, "PolicyDocument"), label);
    }
}

void TemplateImporter::statements(const std::string &principal, const Tree *document,
                                  const std::string &label)
{
    forEachItem(child(document, "Statement"), [&](const Tree &statement, std::size_t) {
        if (!isPlainMap(statement) || literal(child(&statement, "Effect")) == "Deny")
            return;
        const bool readOnly = actionsReadOnly(child(&statement, "Action"));
        connectAll(
            {principal}, targets(child(&statement, "Resource")),
            {readOnly ? ConnectionKind::Read : ConnectionKind::Write, label, "", true, readOnly});
    });
}

std::vector<std::string> TemplateImporter::sourceArns(const Tree *conditions) const
{
    std::vector<std::string> sources;
    if (conditions == nullptr || !isPlainMap(*conditions))
        return sources;
    for (const auto &[op, tests] : conditions->entries) {
        for (const auto &[key, value] : tests.entries) {
            std::string lower = key;
            std::transform(lower.begin(), lower.end(), lower.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            if (lower == "aws:sourcearn") {
                const std::vector<std::string> ids = targets(&value);
                sources.insert(sources.end(), ids.begin(), ids.end());
            }
        }
    }
    return sources;
}

void TemplateImporter::resourcePolicy(const Resource &r)
{
    const char *ownerKey = r.type == "AWS::SQS::QueuePolicy"   ? "Queues"
                           : r.type == "AWS::SNS::TopicPolicy" ? "Topics"
                                                               : "Bucket";
    const std::vector<std::string> owners = targets(child(r.props, ownerKey));
    const Tree *statementList = at(r.props, {"PolicyDocument", "Statement"});
    forEachItem(statementList, [&](const Tree &statement, std::size_t) {
        if (!isPlainMap(statement) || literal(child(&statement, "Effect")) == "Deny")
            return;
        // Who may send: the resource named by aws:SourceArn (a topic, a bucket, a rule...).
        const std::vector<std::string> sources = sourceArns(child(&statement, "Condition"));
        const std::vector<std::string> named = targets(child(&statement, "Resource"));
        connectAll(sources, named.empty() ? owners : named,
                   {ConnectionKind::Publish, r.type + " " + r.id, "", true, false});
    });
}

} // namespace nimbus::model::iac::importing
