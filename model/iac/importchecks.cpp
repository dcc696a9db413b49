// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// What CloudFormation itself would refuse in a template, reported when it is imported: the
// design is still drawn, so the user sees and can mend it.

#include "cfntree.h"
#include "templateimporter.h"

#include <model/graph/components.h>

#include <algorithm>

namespace nimbus::model::iac::importing {

namespace {

bool isAttributeName(const Tree &t)
{
    return t.isScalar() && !t.scalar.empty();
}

/// Whether a GetAtt argument names a resource and an attribute: "Id.Attr" or [Id, Attr].
/// `tagged`: the argument is the "!GetAtt" scalar itself.
bool isWellFormedGetAtt(const Tree &arg, bool tagged)
{
    if (arg.isScalar() && (tagged || arg.tag.empty())) {
        const std::size_t dot = arg.scalar.find('.');
        return dot != std::string::npos && dot > 0 && dot + 1 < arg.scalar.size();
    }
    if (arg.isScalar())
        return false; // "!GetAtt !Ref x" and the like
    return arg.isSequence() && arg.items.size() == 2 && isAttributeName(arg.items[0]) &&
           arg.items[0].tag.empty() && (!arg.items[1].isScalar() || isAttributeName(arg.items[1]));
}

/// Refs and GetAtts below `tree` that name nothing, with what is wrong.
void findMalformed(const Tree &tree, std::vector<std::pair<const Tree *, std::string>> &out)
{
    const std::string fn = cfn::intrinsicName(tree);
    const Tree *arg = fn.empty() ? nullptr : cfn::intrinsicArgument(tree);
    if (fn == "Ref" && arg != nullptr && (!arg->isScalar() || arg->scalar.empty() || (arg != &tree && !arg->tag.empty()))) {
        out.emplace_back(&tree, "!Ref needs the logical id of a resource or a parameter");
        return;
    }
    if (fn == "Fn::GetAtt" && arg != nullptr && !isWellFormedGetAtt(*arg, arg == &tree)) {
        out.emplace_back(&tree, "!GetAtt needs a resource and an attribute ('Resource.Attribute' or "
                                "[Resource, Attribute])");
        return;
    }
    for (const auto &[key, value] : tree.entries)
        findMalformed(value, out);
    for (const Tree &item : tree.items)
        findMalformed(item, out);
}

std::vector<std::string> dependsOn(const Tree &body)
{
    std::vector<std::string> names;
    const Tree *depends = body.find("DependsOn");
    if (depends == nullptr)
        return names;
    if (depends->isScalar())
        names.push_back(depends->scalar);
    for (const Tree &item : depends->items) {
        if (item.isScalar())
            names.push_back(item.scalar);
    }
    return names;
}

std::string cycleText(const std::vector<std::string> &ids)
{
    std::string text;
    for (std::size_t i = 0; i < ids.size(); ++i)
        text += (i == 0 ? "" : i + 1 == ids.size() ? " and " : ", ") + ids[i];
    return text;
}

} // namespace

void TemplateImporter::checkIntrinsics(const Tree &root)
{
    std::vector<std::pair<const Tree *, std::string>> malformed;
    for (const char *section : {"Resources", "Outputs", "Conditions"}) {
        if (const Tree *tree = root.find(section))
            findMalformed(*tree, malformed);
    }
    for (const auto &[where, message] : malformed)
        warn(*where, message + "; CloudFormation refuses the template as it stands");
}

void TemplateImporter::checkDependencyCycles()
{
    // Edges from DependsOn and from every Ref, GetAtt and Sub variable naming another
    // resource: CloudFormation orders creation by both and refuses a circle.
    const int n = static_cast<int>(m_resources.size());
    std::vector<std::vector<int>> out(m_resources.size());
    std::vector<bool> selfLoop(m_resources.size(), false);
    for (int i = 0; i < n; ++i) {
        if (m_resources[i].id.rfind("Fn::", 0) == 0)
            continue; // a transform or a loop: its resources do not exist yet
        std::vector<std::string> names = dependsOn(*m_resources[i].body);
        cfn::collectReferences(*m_resources[i].body, names);
        for (const std::string &name : names) {
            const auto it = m_index.find(name.substr(0, name.find('.')));
            if (it == m_index.end())
                continue;
            if (static_cast<int>(it->second) == i)
                selfLoop[i] = true;
            else
                out[i].push_back(static_cast<int>(it->second));
        }
    }
    int count = 0;
    const std::vector<int> component = strongComponents(out, count);
    std::vector<std::vector<int>> members(count);
    for (int i = 0; i < n; ++i)
        members[component[i]].push_back(i);
    for (const std::vector<int> &cycle : members) {
        if (cycle.size() < 2 && !(cycle.size() == 1 && selfLoop[cycle.front()]))
            continue;
        std::vector<std::string> ids;
        for (const int i : cycle)
            ids.push_back(m_resources[i].id);
        std::sort(ids.begin(), ids.end());
        const Resource &first = m_resources[m_index.at(ids.front())];
        warn(*first.body, cycle.size() == 1
                              ? "resource '" + ids.front() + "' depends on itself; CloudFormation "
                                "refuses the template"
                              : "circular dependency between " + cycleText(ids) +
                                    " (DependsOn and references); CloudFormation refuses the "
                                    "template until one of them is removed");
    }
}

} // namespace nimbus::model::iac::importing
