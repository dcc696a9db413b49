// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "templatechecks.h"

#include <model/iac/cfntree.h>
#include <model/io/yamlwriter.h>

#include <set>

namespace nimbus::tests {

using model::Tree;

namespace {

/// A tree's scalar, or the items of a sequence.
std::vector<const Tree *> scalarsOf(const Tree *t)
{
    std::vector<const Tree *> out;
    if (t == nullptr)
        return out;
    if (t->isScalar())
        out.push_back(t);
    for (const Tree &i : t->items)
        out.push_back(&i);
    return out;
}

bool isWildcardAction(const std::string &action)
{
    return action == "*" || (action.size() > 2 && action.compare(action.size() - 2, 2, ":*") == 0);
}

/// SAM makes these ids for a function's role and an API's stage; templates may use them.
bool isSamGenerated(const std::string &name, const std::set<std::string> &defined)
{
    for (const std::string suffix : {"Role", "Stage", "Alias"}) {
        if (name.size() > suffix.size() &&
            name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0 &&
            defined.count(name.substr(0, name.size() - suffix.size())) != 0)
            return true;
    }
    return false;
}

} // namespace

void collectStatements(const Tree &tree, std::vector<const Tree *> &out)
{
    if (tree.isMap()) {
        if (tree.find("Effect") != nullptr && tree.find("Action") != nullptr)
            out.push_back(&tree);
        for (const auto &e : tree.entries)
            collectStatements(e.second, out);
    }
    for (const auto &i : tree.items)
        collectStatements(i, out);
}

bool isUnscopableAction(const std::string &action)
{
    static const std::set<std::string> actions = {"athena:ListWorkGroups",
                                                  "athena:GetExecutionEngine",
                                                  "athena:GetExecutionEngines",
                                                  "athena:GetNamespace",
                                                  "athena:GetCatalogs",
                                                  "athena:GetNamespaces",
                                                  "athena:GetTables",
                                                  "athena:GetTable",
                                                  "rekognition:DetectFaces",
                                                  "rekognition:DetectLabels",
                                                  "rekognition:DetectModerationLabels",
                                                  "rekognition:DetectText"};
    return actions.count(action) != 0;
}

std::string wildcardStatement(const Tree &root)
{
    std::vector<const Tree *> statements;
    collectStatements(root, statements);
    for (const Tree *s : statements) {
        bool allUnscopable = true;
        for (const Tree *action : scalarsOf(s->find("Action"))) {
            if (isWildcardAction(action->scalar))
                return model::writeYaml(*s);
            allUnscopable = allUnscopable && isUnscopableAction(action->scalar);
        }
        for (const Tree *resource : scalarsOf(s->find("Resource"))) {
            if (resource->tag.empty() && resource->scalar == "*" && !allUnscopable)
                return model::writeYaml(*s);
        }
    }
    return {};
}

std::string unresolvedReference(const Tree &root, bool allowSamGenerated)
{
    std::set<std::string> defined;
    for (const char *section : {"Resources", "Parameters"}) {
        if (const Tree *s = root.find(section)) {
            for (const auto &[id, body] : s->entries)
                defined.insert(id);
        }
    }
    std::vector<std::string> refs;
    for (const char *section : {"Resources", "Outputs"}) {
        if (const Tree *s = root.find(section))
            model::cfn::collectReferences(*s, refs);
    }
    for (const std::string &r : refs) {
        if (defined.count(r) == 0 && !(allowSamGenerated && isSamGenerated(r, defined)))
            return r;
    }
    return {};
}

} // namespace nimbus::tests
