// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// Designs over CloudFormation's 500 resources per template are split into nested stacks.
#include "exportstacks.h"

#include "cfntree.h"
#include "exportfiles.h"

#include <model/graph/components.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace nimbus::model::iac::exporting {

namespace {

/// Parameters a stack needs from other stacks: parameter name -> (logical id, attribute).
using Needed = std::map<std::string, std::pair<std::string, std::string>>;
using StackOf = std::unordered_map<std::string, std::size_t>;

/// Whether a logical id belongs to another stack than `stack`.
struct External
{
    const StackOf &stackOf;
    std::size_t stack;
    bool operator()(const std::string &id) const
    {
        const auto it = stackOf.find(id);
        return it != stackOf.end() && it->second != stack;
    }
};

/// References of one resource that SAM requires to stay in the same template (an Api
/// event's RestApiId, an S3 event's Bucket).
void sameTemplateReferences(const Tree &body, std::vector<std::string> &out)
{
    const Tree *type = body.find("Type");
    const Tree *props = body.find("Properties");
    if (type == nullptr || props == nullptr || type->scalar.rfind("AWS::Serverless::", 0) != 0)
        return;
    const Tree *events = props->find("Events");
    if (events == nullptr)
        return;
    for (const auto &[name, event] : events->entries) {
        const Tree *eventProps = event.find("Properties");
        if (eventProps == nullptr)
            continue;
        for (const char *key : {"RestApiId", "ApiId", "Bucket", "UserPool"}) {
            if (const Tree *v = eventProps->find(key))
                cfn::collectReferences(*v, out);
        }
    }
}

struct Split
{
    std::vector<std::vector<std::size_t>> stacks; ///< resource indices per nested stack
};

/// Groups resources into stacks of at most `limit` expanded resources so that every
/// reference between stacks points to an earlier stack. Returns an empty split and an
/// error message when one inseparable group is already too large.
Split splitResources(const std::vector<ResourceEntry> &resources, std::size_t limit, std::string &error)
{
    const int n = static_cast<int>(resources.size());
    std::unordered_map<std::string, int> index;
    for (int i = 0; i < n; ++i)
        index[resources[i].logicalId] = i;
    std::vector<std::vector<int>> out(n);
    auto link = [&](int from, const std::string &to, bool both) {
        auto it = index.find(to);
        if (it == index.end() || it->second == from)
            return;
        out[from].push_back(it->second);
        if (both)
            out[it->second].push_back(from);
    };
    // A node's own resources stay together (a role with its function), and so do the
    // resources SAM needs in one template.
    std::unordered_map<std::string, int> firstOfOwner;
    for (int i = 0; i < n; ++i) {
        std::vector<std::string> refs;
        cfn::collectReferences(resources[i].body, refs);
        if (const Tree *deps = resources[i].body.find("DependsOn")) {
            if (deps->isScalar())
                refs.push_back(deps->scalar);
            for (const Tree &d : deps->items)
                refs.push_back(d.scalar);
        }
        for (const auto &r : refs)
            link(i, r, false);
        std::vector<std::string> together;
        sameTemplateReferences(resources[i].body, together);
        for (const auto &r : together)
            link(i, r, true);
        if (!resources[i].owner.empty()) {
            auto [it, inserted] = firstOfOwner.emplace(resources[i].owner, i);
            if (!inserted)
                link(i, resources[it->second].logicalId, true);
        }
    }
    int count = 0;
    const std::vector<int> comp = strongComponents(out, count); // dependencies first
    std::vector<std::vector<std::size_t>> members(count);
    std::vector<std::size_t> weight(count, 0);
    for (int i = 0; i < n; ++i) {
        members[comp[i]].push_back(static_cast<std::size_t>(i));
        weight[comp[i]] += resources[i].expanded;
    }
    Split split;
    std::size_t current = 0;
    for (int c = 0; c < count; ++c) { // dependencies first
        if (weight[c] > limit) {
            error = "a group of " + std::to_string(weight[c]) + " resources that reference each other in a cycle "
                    "(starting with " + resources[members[c].front()].logicalId
                    + ") cannot be split into nested stacks of at most " + std::to_string(limit);
            return {};
        }
        if (split.stacks.empty() || current + weight[c] > limit) {
            split.stacks.emplace_back();
            current = 0;
        }
        for (std::size_t m : members[c])
            split.stacks.back().push_back(m);
        current += weight[c];
    }
    for (auto &s : split.stacks)
        std::sort(s.begin(), s.end()); // keep design order inside each stack
    return split;
}


/// Replaces references to resources of other stacks by parameters: "!Ref X" keeps its
/// form (the parameter is named X), "!GetAtt X.Attr" and "${X.Attr}" become "XAttr".
void rewriteExternal(Tree &tree, const External &external, Needed &needed)
{
    const std::string fn = cfn::intrinsicName(tree);
    if (fn == "Fn::GetAtt") {
        const Tree *arg = cfn::intrinsicArgument(tree);
        std::string target, attribute;
        if (arg->isScalar()) {
            const auto dot = arg->scalar.find('.');
            target = arg->scalar.substr(0, dot);
            attribute = dot == std::string::npos ? std::string() : arg->scalar.substr(dot + 1);
        } else if (arg->isSequence() && arg->items.size() == 2) {
            target = arg->items[0].scalar;
            attribute = arg->items[1].scalar;
        }
        if (external(target)) {
            std::string param = target + cfn::pascalCase(attribute);
            needed[param] = {target, attribute};
            tree = cfn::ref(param);
            return;
        }
    }
    if (fn == "Ref") {
        const Tree *arg = cfn::intrinsicArgument(tree);
        if (arg != nullptr && arg->isScalar() && external(arg->scalar)) {
            needed[arg->scalar] = {arg->scalar, ""};
            return;
        }
    }
    if (fn == "Fn::Sub") {
        Tree *arg = const_cast<Tree *>(cfn::intrinsicArgument(tree));
        Tree *pattern = arg->isScalar() ? arg : (arg->isSequence() && !arg->items.empty() ? &arg->items[0] : nullptr);
        if (pattern != nullptr && pattern->isScalar()) {
            std::string &s = pattern->scalar;
            std::size_t pos = 0;
            while ((pos = s.find("${", pos)) != std::string::npos) {
                const std::size_t close = s.find('}', pos);
                if (close == std::string::npos)
                    break;
                const std::string var = s.substr(pos + 2, close - pos - 2);
                const auto dot = var.find('.');
                const std::string target = var.substr(0, dot);
                if (external(target)) {
                    if (dot == std::string::npos) {
                        needed[target] = {target, ""};
                    } else {
                        const std::string attribute = var.substr(dot + 1);
                        const std::string param = target + cfn::pascalCase(attribute);
                        needed[param] = {target, attribute};
                        s.replace(pos + 2, var.size(), param);
                    }
                }
                pos = s.find('}', pos) + 1;
            }
            if (arg->isSequence()) {
                for (std::size_t i = 1; i < arg->items.size(); ++i)
                    rewriteExternal(arg->items[i], external, needed);
            }
            return;
        }
    }
    for (auto &entry : tree.entries)
        rewriteExternal(entry.second, external, needed);
    for (auto &item : tree.items)
        rewriteExternal(item, external, needed);
}

/// Drops the DependsOn entries that name resources of other stacks (the stack order keeps
/// them deployed first).
void dropExternalDependsOn(Tree &body, const External &external)
{
    Tree *deps = body.find("DependsOn");
    if (deps == nullptr)
        return;
    Tree kept = Tree::makeSequence();
    for (const Tree &d : deps->isSequence() ? deps->items : std::vector<Tree>{*deps}) {
        if (!external(d.scalar))
            kept.items.push_back(d);
    }
    if (kept.items.empty())
        body.entries.erase(std::find_if(body.entries.begin(), body.entries.end(),
                                        [](const auto &e) { return e.first == "DependsOn"; }));
    else
        *deps = kept;
}

/// What the stacks of a split hold and exchange.
struct StackPlan
{
    StackOf stackOf;                     ///< logical id -> its stack
    std::vector<Tree> resources;         ///< per stack, its Resources section
    std::vector<Needed> neededBy;        ///< per stack, the parameters it takes from others
    std::vector<Needed> offered;         ///< per stack, the outputs others take from it
    std::vector<std::vector<const std::pair<std::string, Tree> *>> outputs; ///< design outputs per stack
    std::vector<std::string> ids;        ///< per stack, its logical id in the main template
};

StackPlan planStacks(ExportContext &context, const Split &split)
{
    std::vector<ResourceEntry> &resources = context.resources();
    const std::size_t count = split.stacks.size();
    StackPlan plan;
    plan.resources.assign(count, Tree::makeMap());
    plan.neededBy.resize(count);
    plan.offered.resize(count);
    plan.outputs.resize(count);
    for (std::size_t s = 0; s < count; ++s) {
        plan.ids.push_back("Part" + std::to_string(s + 1) + "Stack");
        for (std::size_t i : split.stacks[s])
            plan.stackOf[resources[i].logicalId] = s;
    }
    for (std::size_t s = 0; s < count; ++s) {
        const External external{plan.stackOf, s};
        for (std::size_t i : split.stacks[s]) {
            ResourceEntry &r = resources[i];
            rewriteExternal(r.body, external, plan.neededBy[s]);
            dropExternalDependsOn(r.body, external);
            plan.resources[s].entries.emplace_back(r.logicalId, std::move(r.body));
        }
        for (const auto &[param, ref] : plan.neededBy[s])
            plan.offered[plan.stackOf.at(ref.first)][param] = ref;
    }
    // Each design output lives in the stack of the first resource it refers to.
    for (const auto &output : context.outputs()) {
        std::vector<std::string> targets;
        cfn::collectReferences(output.second, targets);
        const auto target = std::find_if(targets.begin(), targets.end(),
                                         [&](const std::string &t) { return plan.stackOf.count(t) != 0; });
        if (target != targets.end())
            plan.outputs[plan.stackOf.at(*target)].push_back(&output);
    }
    return plan;
}

/// The template of stack `s`, and the parameters the main template passes to it.
Tree stackTemplate(const StackPlan &plan, std::size_t s, Tree resources, const Section &parameters,
                   const std::function<Tree()> &makeRoot, Tree &passed, Section &parentOutputs)
{
    Tree child = makeRoot();
    Section childParams;
    std::vector<std::string> refs;
    for (const auto &e : resources.entries)
        cfn::collectReferences(e.second, refs);
    const std::set<std::string> used(refs.begin(), refs.end());
    for (const auto &p : parameters) {
        if (used.count(p.first) != 0)
            childParams.push_back(p);
    }
    passed = Tree::makeMap();
    for (const auto &p : childParams)
        passed.entries.emplace_back(p.first, cfn::ref(p.first));
    for (const auto &[param, ref] : plan.neededBy[s]) {
        childParams.emplace_back(param, cfn::map({{"Type", cfn::text("String")},
                                                  {"Description", cfn::text("From " + ref.first + " in another part of this design")}}));
        passed.entries.emplace_back(param, cfn::getAtt(plan.ids[plan.stackOf.at(ref.first)], "Outputs." + param));
    }
    mergeSection(child, "Parameters", childParams, "");
    child.entries.emplace_back("Resources", std::move(resources));
    Section childOutputs;
    for (const auto &[param, ref] : plan.offered[s]) {
        Tree value = ref.second.empty() ? cfn::ref(ref.first) : cfn::getAtt(ref.first, ref.second);
        childOutputs.emplace_back(param, cfn::map({{"Value", std::move(value)}}));
    }
    for (const auto *output : plan.outputs[s]) {
        const auto &[name, body] = *output;
        childOutputs.emplace_back(name, body);
        parentOutputs.emplace_back(name, cfn::map({{"Description", *body.find("Description")},
                                                   {"Value", cfn::getAtt(plan.ids[s], "Outputs." + name)}}));
    }
    mergeSection(child, "Outputs", childOutputs, "");
    return child;
}

} // namespace

std::optional<NestedStacks> splitIntoStacks(ExportContext &context, const Section &parameters,
                                            const std::function<Tree()> &makeRoot, std::string &error)
{
    const Split split = splitResources(context.resources(), context.options().maxResourcesPerStack, error);
    if (split.stacks.empty())
        return std::nullopt;
    StackPlan plan = planStacks(context, split);
    const std::string nestedType = context.sam() ? "AWS::Serverless::Application" : "AWS::CloudFormation::Stack";
    const std::size_t count = split.stacks.size();
    NestedStacks out;
    out.parentResources = Tree::makeMap();
    for (std::size_t s = 0; s < count; ++s) {
        const std::string part = "part " + std::to_string(s + 1) + " of " + std::to_string(count);
        Tree passed;
        const Tree child = stackTemplate(plan, s, std::move(plan.resources[s]), parameters, makeRoot, passed,
                                         out.parentOutputs);
        std::string text = render(context, child, part);
        const std::string fileName = partFileName(context.options().fileStem, s + 1, text);
        out.files.push_back({fileName, std::move(text)});
        Tree props = Tree::makeMap();
        props.set(context.sam() ? "Location" : "TemplateURL", cfn::text("./" + fileName));
        if (!passed.entries.empty())
            props.set("Parameters", std::move(passed));
        out.parentResources.entries.emplace_back(
            plan.ids[s], cfn::map({{"Type", cfn::text(nestedType)}, {"Properties", std::move(props)}}));
    }
    return out;
}

} // namespace nimbus::model::iac::exporting
