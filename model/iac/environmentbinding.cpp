// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "environmentbinding.h"

#include "cfntree.h"

#include <model/analysis/secrets.h>

namespace nimbus::model::iac {

namespace {

/// A !Sub pattern with every ${Name} replaced by kReferenceMark; ${!Literal} is "${Literal}".
std::string markSubVariables(const std::string &pattern)
{
    std::string out;
    std::size_t at = 0;
    for (std::size_t open = pattern.find("${"); open != std::string::npos;
         open = pattern.find("${", at)) {
        const std::size_t close = pattern.find('}', open + 2);
        if (close == std::string::npos)
            break;
        out.append(pattern, at, open - at);
        if (pattern[open + 2] == '!')
            out += "${" + pattern.substr(open + 3, close - open - 2);
        else
            out += kReferenceMark;
        at = close + 1;
    }
    out.append(pattern, at, std::string::npos);
    return out;
}

std::optional<std::string> joinText(const Tree &argument)
{
    if (!argument.isSequence() || argument.items.size() != 2 || !argument.items[1].isSequence() ||
        !argument.items[1].tag.empty())
        return std::nullopt;
    const std::string delimiter = literalValue(argument.items[0]).value_or("");
    std::string out;
    for (std::size_t i = 0; i < argument.items[1].items.size(); ++i) {
        const Tree &item = argument.items[1].items[i];
        if (i > 0)
            out += delimiter;
        if (auto text = literalValue(item))
            out += *text;
        else if (auto inner = referenceText(item))
            out += *inner;
        else
            out += kReferenceMark;
    }
    return out;
}

} // namespace

std::optional<std::string> literalValue(const Tree &value)
{
    if (value.isNull() && value.tag.empty())
        return std::string();
    if (value.isScalar() && value.tag.empty())
        return value.scalar;
    return std::nullopt;
}

std::optional<std::string> referenceText(const Tree &value)
{
    const std::string fn = cfn::intrinsicName(value);
    const Tree *argument = cfn::intrinsicArgument(value);
    if (argument == nullptr)
        return std::nullopt;
    if (fn == "Fn::Sub") {
        const Tree *pattern = argument->isSequence() && !argument->items.empty()
                                  ? &argument->items.front()
                                  : argument;
        if (pattern->isScalar())
            return markSubVariables(pattern->scalar);
        return std::nullopt;
    }
    if (fn == "Fn::Join")
        return joinText(*argument);
    return std::nullopt;
}

std::string secretIdFor(const std::string &designName, const std::string &serviceName)
{
    std::string design = cfn::kebab(designName).substr(0, 200);
    std::string service = cfn::kebab(serviceName).substr(0, 200);
    return (design.empty() ? std::string("nimbus-design") : design) + "/" +
           (service.empty() ? std::string("service") : service);
}

std::string secretReference(const std::string &secretId, const std::string &name)
{
    return "{{resolve:secretsmanager:" + secretId + ":SecretString:" + name + "}}";
}

std::set<std::string> templateVariableNames(const Tree &nodeExtra)
{
    std::set<std::string> names;
    const Tree *list = nodeExtra.isMap() ? nodeExtra.find(kEnvironmentFromTemplate) : nullptr;
    if (list != nullptr && list->isSequence()) {
        for (const Tree &item : list->items)
            names.insert(item.scalar);
    }
    return names;
}

void setTemplateVariableNames(Tree &nodeExtra, const std::vector<std::string> &names)
{
    Tree list = Tree::makeSequence();
    list.flow = true;
    for (const std::string &name : names)
        list.items.push_back(cfn::text(name));
    if (!nodeExtra.isMap())
        nodeExtra = Tree::makeMap();
    nodeExtra.set(kEnvironmentFromTemplate, std::move(list));
}

std::vector<EnvironmentVariable> literalVariables(const Tree &variables)
{
    std::vector<EnvironmentVariable> out;
    if (variables.isMap() && variables.tag.empty() && cfn::intrinsicName(variables).empty()) {
        for (const auto &[name, value] : variables.entries) {
            if (auto text = literalValue(value))
                out.push_back({name, *text});
        }
    } else if (variables.isSequence() && variables.tag.empty()) {
        for (const Tree &entry : variables.items) {
            const Tree *name = entry.isMap() ? entry.find("Name") : nullptr;
            const Tree *value = entry.isMap() ? entry.find("Value") : nullptr;
            const auto nameText = name != nullptr ? literalValue(*name) : std::nullopt;
            const auto valueText = value != nullptr ? literalValue(*value) : std::string();
            if (nameText && !nameText->empty() && valueText)
                out.push_back({*nameText, *valueText});
        }
    }
    return out;
}

} // namespace nimbus::model::iac
