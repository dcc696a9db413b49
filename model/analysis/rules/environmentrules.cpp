// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// The environment variables a design sets on functions and containers (the
// environmentVariables property, also filled by the template import): names AWS accepts,
// secrets written in clear, variables that run code before the handler, Lambda's 4 KB.

#include "rulecontext.h"

#include <model/analysis/secrets.h>
#include <model/core/environment.h>

namespace nimbus::model {

namespace {

const char *const kEnvironmentKey = "environmentVariables";
const char *const kLambdaEnvDocs =
    "https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html";

void invalid(const RuleContext &c, const Node &node, const std::string &problem)
{
    c.add({"properties/environment-invalid",
           Severity::Error,
           c.label(node) + ": the environment variable " + problem,
           {node.id},
           {},
           "Fix the entry in Environment variables: NAME=value pairs separated by ';' (write \\; "
           "for a ';' inside a value), names made of a letter followed by letters, digits or '_'.",
           std::string(kLambdaEnvDocs) + "#configuration-envvars-runtime"});
}

void checkNames(const RuleContext &c, const Node &node, const ParsedEnvironment &env)
{
    for (const EnvironmentProblem &p : env.problems)
        invalid(c, node, "'" + p.entry.substr(0, 80) + "' " + p.message);
    const bool lambda = c.isType(node, "lambda-function");
    for (const EnvironmentVariable &v : env.variables) {
        const std::string name = "'" + v.name.substr(0, 80) + "'";
        if (!isValidVariableName(v.name))
            invalid(c, node,
                    name + " is not a valid name (a letter, then letters, digits or "
                           "'_', at least two characters)");
        else if (lambda && isReservedLambdaVariable(v.name))
            invalid(c, node,
                    name + " is set by Lambda itself; AWS refuses it in a function's "
                           "configuration");
    }
}

void checkHooks(const RuleContext &c, const Node &node, const ParsedEnvironment &env)
{
    for (const EnvironmentVariable &v : env.variables) {
        if (!isStartupHookVariable(v.name))
            continue;
        const std::string shown =
            detectSecret(v.name, v.value).found ? maskSecret(v.value) : v.value.substr(0, 200);
        c.add({"security/startup-hook-variable",
               Severity::Warning,
               c.label(node) + " sets " + v.name + " to '" + shown +
                   "': the runtime runs that code before the function's own code",
               {node.id},
               {},
               "Keep it only if the script or library comes from your own package or a layer "
               "you trust; remove it otherwise.",
               "https://docs.aws.amazon.com/lambda/latest/dg/runtimes-modify.html"});
    }
}

void checkSecrets(const RuleContext &c, const Node &node, const ParsedEnvironment &env)
{
    for (const EnvironmentVariable &v : env.variables) {
        const SecretMatch match = detectSecret(v.name, v.value);
        if (!match.found)
            continue;
        c.add({"security/secret-in-environment",
               Severity::Warning,
               c.label(node) + " sets the environment variable " + v.name.substr(0, 80) + " to " +
                   maskSecret(v.value) + ", which looks like a secret (" + match.reason +
                   "); anyone who can read the configuration can read it",
               {node.id},
               {},
               "Keep the secret in AWS Secrets Manager or Parameter Store and pass only its name "
               "or ARN (for example " +
                   v.name.substr(0, 80) +
                   "_SECRET_ARN), read at run time. "
                   "Until then the template export writes the value as a Secrets Manager dynamic "
                   "reference, never in clear.",
               kLambdaEnvDocs});
    }
}

void checkSize(const RuleContext &c, const Node &node, const ParsedEnvironment &env)
{
    const double limitKb = c.limit(node, "envVarsMax", 0);
    const std::size_t size = environmentSize(env.variables);
    if (limitKb <= 0 || double(size) <= limitKb * 1024)
        return;
    c.add({"limits/environment-size",
           Severity::Error,
           c.label(node) + "'s environment variables take " + std::to_string(size) +
               " bytes, more than the " + formatNumber(limitKb) +
               " KB Lambda allows for all "
               "names and values (before the variables its connections add)",
           {node.id},
           {},
           "Move large values to Parameter Store, S3 or the function's package.",
           "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html"});
}

} // namespace

void checkEnvironment(const RuleContext &c)
{
    for (const Node &node : c.architecture.nodes()) {
        const ServiceType *type = c.type(node);
        if (type == nullptr || type->property(kEnvironmentKey) == nullptr)
            continue;
        const std::string text = c.text(node, kEnvironmentKey);
        if (text.empty())
            continue;
        const ParsedEnvironment env = parseEnvironment(text);
        checkNames(c, node, env);
        checkHooks(c, node, env);
        checkSecrets(c, node, env);
        checkSize(c, node, env);
    }
}

} // namespace nimbus::model
