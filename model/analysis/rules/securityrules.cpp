// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// Security: public APIs without an authorizer and broad permissions added by hand (secrets in
// environment variables: environmentrules.cpp).

#include "rulecontext.h"

namespace nimbus::model {

namespace {

bool calledByOutsideActor(const RuleContext &c, const Node &node)
{
    for (const Edge *e : c.incoming(node)) {
        const ServiceType *type = c.type(c.source(*e));
        if (type && type->kind == ServiceKind::Actor)
            return true;
        if (c.isType(c.source(*e), "cloudfront-distribution"))
            return calledByOutsideActor(c, c.source(*e));
    }
    return false;
}

bool authorizedByPool(const RuleContext &c, const Node &api)
{
    for (const Edge *e : c.outgoing(api)) {
        if (c.isType(c.target(*e), "cognito-user-pool"))
            return true;
    }
    return false;
}

void checkPublicApi(const RuleContext &c, const Node &node)
{
    std::string key;
    std::string open;
    if (c.isType(node, "apigw-rest-api") || c.isType(node, "apigw-http-api")
        || c.isType(node, "apigw-websocket-api")) {
        key = "authorizer";
        open = "NONE";
    } else if (c.isType(node, "appsync-api")) {
        key = "authentication";
        open = "API_KEY";
    } else {
        return;
    }
    if (c.text(node, key) != open || !calledByOutsideActor(c, node) || authorizedByPool(c, node))
        return;
    c.add({"security/public-api-no-auth", Severity::Warning,
           c.label(node) + " is called from outside AWS and has no authorizer"
               + (open == "API_KEY" ? " (an API key identifies callers but does not authenticate them)" : ""),
           {node.id}, {},
           "Add a Cognito user pool, IAM or Lambda authorizer, or mark the API as intentionally "
           "public by setting an authorizer of your choice.",
           "https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-to-api.html"});
}

void checkWildcards(const RuleContext &c, const Node &node)
{
    const std::string policies = c.text(node, "managedPolicies");
    const bool wildcard = policies.find('*') != std::string::npos;
    const bool admin = policies.find("AdministratorAccess") != std::string::npos
                       || policies.find("FullAccess") != std::string::npos;
    if (!wildcard && !admin)
        return;
    c.add({"security/wildcard-permissions", Severity::Warning,
           "'" + node.name + "' is given broad permissions (" + policies
               + ") beyond what its connections need",
           {node.id}, {},
           "Remove them: Nimbus grants each connection exactly the actions it needs, scoped to "
           "the connected resource.",
           "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html"});
}

} // namespace

void checkSecurity(const RuleContext &c)
{
    for (const Node &node : c.architecture.nodes()) {
        checkPublicApi(c, node);
        if (c.isType(node, "lambda-function"))
            checkWildcards(c, node);
    }
}

} // namespace nimbus::model
