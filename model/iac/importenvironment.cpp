// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// The literal environment variables of functions and containers read into the node's
// environmentVariables property, where validation checks them and the user edits them;
// see environmentbinding.h.
#include "environmentbinding.h"
#include "templateimporter.h"

#include <model/analysis/secrets.h>
#include <model/core/catalog.h>

namespace nimbus::model::iac::importing {

namespace {

const char *const kSamFunction = "AWS::Serverless::Function";

/// The variables of a map or of a container's [{Name, Value}] list, as (name, value) pairs.
std::vector<std::pair<std::string, const Tree *>> entriesOf(const Tree &variables)
{
    std::vector<std::pair<std::string, const Tree *>> out;
    if (isPlainMap(variables)) {
        for (const auto &[name, value] : variables.entries)
            out.emplace_back(name, &value);
    } else if (variables.isSequence() && variables.tag.empty()) {
        for (const Tree &item : variables.items) {
            const std::string name = literal(child(&item, "Name"));
            const Tree *value = child(&item, "Value");
            if (!name.empty() && value != nullptr)
                out.emplace_back(name, value);
        }
    }
    return out;
}

bool isUsable(const Tree *variables, bool list)
{
    if (variables == nullptr || variables->isNull())
        return true;
    return list ? variables->isSequence() && variables->tag.empty() : isPlainMap(*variables);
}

} // namespace

void TemplateImporter::collectVariables(const Tree &variables, const std::string &where,
                                        std::vector<EnvironmentVariable> &out, bool report)
{
    for (const auto &[name, value] : entriesOf(variables)) {
        if (const auto text = literalValue(*value)) {
            if (isValidVariableName(name))
                out.push_back({name, *text});
            else if (report)
                warn(*value, where + ": '" + name.substr(0, 80) +
                                      "' is not a valid environment variable name; it is "
                                      "kept in the template as written");
        } else if (report) {
            warnOfSecret(name, *value, where);
        }
    }
}

void TemplateImporter::warnOfSecret(const std::string &name, const Tree &value,
                                    const std::string &where)
{
    const auto text = referenceText(value);
    const std::string shown = text ? *text : literalValue(value).value_or("");
    const SecretMatch match = detectSecret(name, shown);
    if (!match.found)
        return;
    warn(value, where + ": " + name.substr(0, 80) + " looks like a secret in clear (" +
                         match.reason +
                         "); it is kept in the template as written: move it "
                         "to AWS Secrets Manager");
}

void TemplateImporter::readEnvironment(const Resource &r, Node &node)
{
    const ServiceType *type = m_catalog.type(node.type);
    if (type == nullptr || type->property(kEnvironmentKey) == nullptr)
        return;
    std::vector<EnvironmentVariable> variables;
    bool usable = false;
    if (r.type == kSamFunction || r.type == "AWS::Lambda::Function") {
        const Tree *own = at(r.props, {"Environment", "Variables"});
        usable = isUsable(own, false);
        if (r.type == kSamFunction && m_globalVariables != nullptr &&
            isPlainMap(*m_globalVariables)) {
            std::vector<EnvironmentVariable> inherited;
            collectVariables(*m_globalVariables, "Globals.Function.Environment.Variables",
                             inherited, !m_globalsReported);
            m_globalsReported = true;
            for (EnvironmentVariable &v : inherited) {
                if (own == nullptr || child(own, v.name) == nullptr)
                    variables.push_back(std::move(v));
            }
        }
        if (own != nullptr && usable)
            collectVariables(*own, r.id + " Environment.Variables", variables, true);
    } else if (r.type == "AWS::ECS::Service") {
        usable = containerVariables(r, variables);
    }
    if (!usable)
        return;
    std::vector<std::string> names;
    for (const EnvironmentVariable &v : variables)
        names.push_back(v.name);
    setTemplateVariableNames(node.extra, names);
    if (!variables.empty())
        node.properties[kEnvironmentKey] = formatEnvironment(variables);
}

bool TemplateImporter::containerVariables(const Resource &service,
                                          std::vector<EnvironmentVariable> &out)
{
    std::vector<std::string> refs;
    if (const Tree *t = child(service.props, "TaskDefinition"))
        cfn::collectReferences(*t, refs);
    const Resource *task = refs.empty() ? nullptr : resource(refs.front());
    if (task == nullptr || task->type != "AWS::ECS::TaskDefinition")
        return false;
    const Tree *containers = child(task->props, "ContainerDefinitions");
    if (containers == nullptr || !containers->isSequence() || !containers->tag.empty() ||
        containers->items.empty())
        return false;
    // The design has one container per service, the first; the others keep their variables
    // as written, and a secret among them is reported here.
    for (std::size_t i = 1; i < containers->items.size(); ++i) {
        const Tree *env = child(&containers->items[i], "Environment");
        if (env == nullptr)
            continue;
        for (const auto &[name, value] : entriesOf(*env))
            warnOfSecret(name, *value, task->id + " container " + std::to_string(i + 1));
    }
    const Tree *env = child(&containers->items.front(), "Environment");
    if (!isUsable(env, true))
        return false;
    if (env != nullptr)
        collectVariables(*env, task->id + " ContainerDefinitions[0].Environment", out, true);
    return true;
}

} // namespace nimbus::model::iac::importing
