// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "policytemplates.h"

#include "cfntree.h"

#include <model/io/yamlreader.h>

namespace nimbus::model::iac {

PolicyTemplates PolicyTemplates::parse(std::string_view json, const std::string &fileName,
                                       Diagnostics &diagnostics)
{
    PolicyTemplates result;
    YamlParseResult parsed = parseYaml(json, fileName);
    diagnostics.insert(diagnostics.end(), parsed.diagnostics.begin(), parsed.diagnostics.end());
    if (!parsed.ok())
        return result;
    const Tree *templates = parsed.tree.find("Templates");
    if (templates == nullptr || !templates->isMap()) {
        diagnostics.push_back({Severity::Error, fileName, 1, 1, "no \"Templates\" object"});
        return result;
    }
    for (const auto &[name, body] : templates->entries)
        result.m_templates.emplace(name, body);
    return result;
}

std::vector<std::string> PolicyTemplates::parameters(const std::string &name) const
{
    std::vector<std::string> out;
    auto it = m_templates.find(name);
    if (it == m_templates.end())
        return out;
    if (const Tree *params = it->second.find("Parameters"); params != nullptr && params->isMap()) {
        for (const auto &entry : params->entries)
            out.push_back(entry.first);
    }
    return out;
}

namespace {

void substitute(Tree &tree, const std::map<std::string, Tree> &arguments)
{
    if (cfn::intrinsicName(tree) == "Ref") {
        const Tree *arg = cfn::intrinsicArgument(tree);
        if (arg != nullptr && arg->isScalar()) {
            auto it = arguments.find(arg->scalar);
            if (it != arguments.end()) {
                tree = it->second;
                return;
            }
        }
    }
    for (auto &entry : tree.entries)
        substitute(entry.second, arguments);
    for (auto &item : tree.items)
        substitute(item, arguments);
}

/// JSON strings come back quoted; plain scalars read the same and print more cleanly.
void unquote(Tree &tree)
{
    tree.flow = false; // block style, like the rest of the template
    if (tree.isScalar()) {
        Tree plain = cfn::text(tree.scalar);
        plain.tag = tree.tag;
        tree = std::move(plain);
    }
    for (auto &entry : tree.entries)
        unquote(entry.second);
    for (auto &item : tree.items)
        unquote(item);
}

} // namespace

Tree PolicyTemplates::expand(const std::string &name, const std::map<std::string, Tree> &arguments) const
{
    auto it = m_templates.find(name);
    if (it == m_templates.end())
        return Tree::makeSequence();
    const Tree *definition = it->second.find("Definition");
    const Tree *statements = definition != nullptr ? definition->find("Statement") : nullptr;
    if (statements == nullptr)
        return Tree::makeSequence();
    Tree out = *statements;
    if (!out.isSequence()) {
        Tree seq = Tree::makeSequence();
        seq.items.push_back(out);
        out = seq;
    }
    unquote(out);
    substitute(out, arguments);
    return out;
}

} // namespace nimbus::model::iac
