// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// The design's own environment variables (the environmentVariables property) written into
// the template after the connections have added theirs: a Lambda function's
// Environment.Variables, a Fargate container's Environment list. Secrets are written as
// Secrets Manager dynamic references; see environmentbinding.h for the design.
#include "cfntree.h"
#include "environmentbinding.h"
#include "exporthelpers.h"

#include <model/analysis/secrets.h>
#include <model/io/yamlwriter.h>

#include <algorithm>
#include <set>

namespace nimbus::model::iac {

namespace {

using namespace cfn;
using exporting::lid;
using exporting::ownedResource;

/// The variables of one resource, as a map (Lambda) or a list of {Name, Value} (ECS).
class VariableSlot
{
public:
    /// `parent` holds the variables under `key`; nothing is created until something is set.
    VariableSlot(Tree *parent, std::vector<std::string> path, bool list)
        : m_parent(parent)
        , m_path(std::move(path))
        , m_list(list)
    {
    }

    /// False when the variables are written with an intrinsic function (an !If).
    bool usable() const
    {
        const Tree *t = m_parent;
        for (const std::string &key : m_path) {
            if (t->isNull())
                return true;
            if (!t->isMap() || !t->tag.empty() || !cfn::intrinsicName(*t).empty())
                return false;
            t = t->find(key);
            if (t == nullptr)
                return true;
        }
        return m_list ? t->isNull() || (t->isSequence() && t->tag.empty())
                      : t->isNull() ||
                            (t->isMap() && t->tag.empty() && cfn::intrinsicName(*t).empty());
    }

    std::vector<std::pair<std::string, const Tree *>> entries() const
    {
        std::vector<std::pair<std::string, const Tree *>> out;
        const Tree *t = existing();
        if (t == nullptr)
            return out;
        for (const auto &[name, value] : t->entries)
            out.emplace_back(name, &value);
        for (const Tree &item : t->items) {
            const Tree *name = item.isMap() ? item.find("Name") : nullptr;
            const Tree *value = item.isMap() ? item.find("Value") : nullptr;
            if (name != nullptr && name->isScalar())
                out.emplace_back(name->scalar, value != nullptr ? value : &kEmpty);
        }
        return out;
    }

    const Tree *find(const std::string &name) const
    {
        for (const auto &[n, value] : entries()) {
            if (n == name)
                return value;
        }
        return nullptr;
    }

    void set(const std::string &name, Tree value)
    {
        Tree &t = create();
        if (!m_list) {
            t.set(name, std::move(value));
            return;
        }
        for (Tree &item : t.items) {
            const Tree *n = item.isMap() ? item.find("Name") : nullptr;
            if (n != nullptr && n->scalar == name) {
                item.set("Value", std::move(value));
                return;
            }
        }
        t.items.push_back(map({{"Name", text(name)}, {"Value", std::move(value)}}));
    }

    void erase(const std::string &name)
    {
        Tree *t = existing();
        if (t == nullptr)
            return;
        std::erase_if(t->entries, [&](const auto &e) { return e.first == name; });
        std::erase_if(t->items, [&](const Tree &item) {
            const Tree *n = item.isMap() ? item.find("Name") : nullptr;
            return n != nullptr && n->scalar == name;
        });
    }

private:
    Tree *existing() const
    {
        Tree *t = m_parent;
        for (const std::string &key : m_path) {
            t = t->isMap() ? t->find(key) : nullptr;
            if (t == nullptr)
                return nullptr;
        }
        return t;
    }

    Tree &create()
    {
        Tree *t = m_parent;
        for (std::size_t i = 0; i < m_path.size(); ++i) {
            const bool last = i + 1 == m_path.size();
            if (t->isNull())
                *t = Tree::makeMap();
            Tree *next = t->find(m_path[i]);
            if (next == nullptr || next->isNull()) {
                t->set(m_path[i], last && m_list ? Tree::makeSequence() : Tree::makeMap());
                next = t->find(m_path[i]);
            }
            t = next;
        }
        return *t;
    }

    static inline const Tree kEmpty = Tree();
    Tree *m_parent;
    std::vector<std::string> m_path;
    bool m_list;
};

void refuse(ExportContext &c, const Node &n, const std::string &message)
{
    c.diagnostics().push_back({Severity::Error, c.design().name(), 0, 0,
                               n.name + ": the environment variable " + message});
}

/// The properties of the resource that holds a node's variables, or nullptr.
struct Place
{
    Tree *parent = nullptr;
    std::vector<std::string> path;
    bool list = false;   ///< an ECS container's [{Name, Value}]
    bool lambda = false; ///< Lambda's reserved names apply
};

Tree *firstContainer(ExportContext &c, const std::string &taskId)
{
    if (taskId.empty() || !c.hasResource(taskId))
        return nullptr;
    Tree *containers = c.properties(taskId).find("ContainerDefinitions");
    if (containers == nullptr || !containers->isSequence() || containers->items.empty() ||
        !containers->items.front().isMap())
        return nullptr;
    return &containers->items.front();
}

Place placeOf(ExportContext &c, const Node &n)
{
    const std::string &id = lid(c, n);
    if (id.empty() || !c.hasResource(id))
        return {};
    const Tree *type = c.resource(id).find("Type");
    const std::string resourceType = type != nullptr ? type->scalar : std::string();
    if (resourceType == "AWS::Serverless::Function" || resourceType == "AWS::Lambda::Function")
        return {&c.resource(id), {"Properties", "Environment", "Variables"}, false, true};
    if (resourceType != "AWS::ECS::Service")
        return {};
    std::string task = ownedResource(c, n, "AWS::ECS::TaskDefinition");
    if (task.empty()) { // read from a template: the task definition the service names
        std::vector<std::string> refs;
        if (const Tree *t = c.properties(id).find("TaskDefinition"))
            cfn::collectReferences(*t, refs);
        task = refs.empty() ? std::string() : refs.front();
    }
    Tree *container = firstContainer(c, task);
    return container != nullptr ? Place{container, {"Environment"}, true, false} : Place{};
}

/// The literal value the template's Globals give every SAM function for `name`, if any.
std::optional<std::string> globalValue(ExportContext &c, const Node &n, const std::string &name)
{
    const Tree *body = importedResource(n);
    const Tree *sections = c.design().extra().find("cloudformationTemplate");
    if (body == nullptr || sections == nullptr || body->find("Type") == nullptr ||
        body->find("Type")->scalar != "AWS::Serverless::Function")
        return std::nullopt;
    const Tree *t = sections;
    for (const char *key : {"Globals", "Function", "Environment", "Variables", name.c_str()}) {
        t = t->isMap() ? t->find(key) : nullptr;
        if (t == nullptr)
            return std::nullopt;
    }
    return literalValue(*t);
}

bool namesAreValid(ExportContext &c, const Node &n, const ParsedEnvironment &env, bool lambda)
{
    bool ok = env.problems.empty();
    for (const EnvironmentProblem &p : env.problems)
        refuse(c, n, "'" + p.entry.substr(0, 80) + "' " + p.message);
    for (const EnvironmentVariable &v : env.variables) {
        if (!isValidVariableName(v.name)) {
            refuse(c, n, "'" + v.name.substr(0, 80) + "' is not a valid name");
            ok = false;
        } else if (lambda && isReservedLambdaVariable(v.name)) {
            refuse(c, n, v.name + " is set by Lambda itself and cannot be exported");
            ok = false;
        }
    }
    return ok;
}

/// Writes the property's variables into the slot: unchanged literals stay as written,
/// a literal the import put into the property and the user deleted goes, a name a
/// connection or the template already sets to a reference is refused.
void merge(ExportContext &c, const Node &n, const ParsedEnvironment &env, VariableSlot &slot)
{
    const std::set<std::string> owned =
        importedResource(n) != nullptr ? templateVariableNames(n.extra) : std::set<std::string>();
    std::set<std::string> wanted;
    for (const EnvironmentVariable &v : env.variables)
        wanted.insert(v.name);
    std::vector<std::string> deleted;
    for (const auto &[name, value] : slot.entries()) {
        if (literalValue(*value) && owned.count(name) != 0 && wanted.count(name) == 0)
            deleted.push_back(name);
    }
    for (const std::string &name : deleted)
        slot.erase(name);
    for (const EnvironmentVariable &v : env.variables) {
        const Tree *existing = slot.find(v.name);
        if (existing == nullptr && globalValue(c, n, v.name) == v.value)
            continue; // inherited from the template's Globals
        if (existing != nullptr && !literalValue(*existing)) {
            std::string shown = writeYaml(*existing).substr(0, 120);
            while (!shown.empty() && (shown.back() == '\n' || shown.back() == ' '))
                shown.pop_back();
            refuse(c, n,
                   v.name + " is already set to " + shown +
                       " by a connection or the template; rename it in Environment "
                       "variables");
            continue;
        }
        if (existing == nullptr || literalValue(*existing) != v.value)
            slot.set(v.name, text(v.value));
    }
}

/// Replaces every literal that looks like a secret by a dynamic reference; returns the names.
std::vector<std::string> protect(ExportContext &c, VariableSlot &slot, const std::string &secretId)
{
    std::vector<std::string> names;
    for (const auto &[name, value] : slot.entries()) {
        const auto literal = literalValue(*value);
        if (literal && detectSecret(name, *literal).found)
            names.push_back(name);
    }
    for (const std::string &name : names)
        slot.set(name, text(secretReference(secretId, name)));
    c.stats().secretReferences += names.size();
    return names;
}

void tellSecrets(ExportContext &c, const std::string &where, const std::string &secretId,
                 const std::vector<std::string> &names)
{
    if (names.empty())
        return;
    std::string list;
    for (const std::string &name : names)
        list += (list.empty() ? "" : ", ") + name;
    c.info(where + ": " + list + (names.size() == 1 ? " looks" : " look") +
           " like a secret and is read from AWS Secrets Manager when the stack deploys: create "
           "the secret '" +
           secretId + "' with the key" + (names.size() == 1 ? " " : "s ") + list +
           " before deploying");
}

/// Values written with intrinsic functions stay as the template has them; a password in
/// the literal text of one (a !Sub URL) is said, not rewritten.
void warnOfKeptSecrets(ExportContext &c, const Node &n, const VariableSlot &slot)
{
    for (const auto &[name, value] : slot.entries()) {
        const auto text = referenceText(*value);
        if (text && detectSecret(name, *text).found)
            c.warn(n.name + ": the environment variable " + name +
                   " holds a secret in the "
                   "literal text of an intrinsic function, which the export keeps as written; "
                   "move it to AWS Secrets Manager");
    }
}

void writeEnvironment(ExportContext &c, const Node &n)
{
    const Place place = placeOf(c, n);
    if (place.parent == nullptr)
        return;
    VariableSlot slot(place.parent, place.path, place.list);
    const auto property = n.properties.find(kEnvironmentKey);
    const std::string text = property != n.properties.end() ? toString(property->second) : "";
    const ParsedEnvironment env = parseEnvironment(text);
    if (!namesAreValid(c, n, env, place.lambda))
        return;
    if (!slot.usable()) {
        if (!env.variables.empty())
            refuse(c, n,
                   "list of " + n.name +
                       " is written with an intrinsic function in the "
                       "template; Nimbus cannot change it");
        return;
    }
    merge(c, n, env, slot);
    warnOfKeptSecrets(c, n, slot);
    const std::string secretId =
        secretIdFor(c.design().name(), n.name.empty() ? lid(c, n) : n.name);
    tellSecrets(c, n.name, secretId, protect(c, slot, secretId));
}

} // namespace

void writeEnvironments(ExportContext &c)
{
    for (const Node &n : c.design().nodes()) {
        const ServiceType *type = c.type(n);
        if (type != nullptr && type->property(kEnvironmentKey) != nullptr && !c.isAbsorbed(n.id))
            writeEnvironment(c, n);
    }
}

std::vector<std::string> keptLiteralVariables(ExportContext &c, const Node &n)
{
    std::vector<std::string> names;
    const ServiceType *type = c.type(n);
    const Place place =
        type != nullptr && type->property(kEnvironmentKey) != nullptr ? placeOf(c, n) : Place{};
    if (place.parent == nullptr)
        return names;
    const auto property = n.properties.find(kEnvironmentKey);
    std::set<std::string> own;
    if (property != n.properties.end()) {
        for (const EnvironmentVariable &v : parseEnvironment(toString(property->second)).variables)
            own.insert(v.name);
    }
    const VariableSlot slot(place.parent, place.path, place.list);
    for (const auto &[name, value] : slot.entries()) {
        if (literalValue(*value) && own.count(name) == 0)
            names.push_back(name);
    }
    return names;
}

// CloudFormation resolves at most 60 dynamic references ({{resolve:...}}) per template
// (CloudFormation quotas,
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html).
void checkDynamicReferences(ExportContext &context, const std::vector<ExportedFile> &files)
{
    constexpr std::size_t limit = 60;
    for (const ExportedFile &file : files) {
        std::size_t count = 0;
        for (std::size_t at = file.text.find("{{resolve:"); at != std::string::npos;
             at = file.text.find("{{resolve:", at + 1))
            ++count;
        if (count > limit)
            context.warn(file.fileName + " has " + std::to_string(count) +
                         " dynamic references ({{resolve:...}}); CloudFormation resolves at "
                         "most 60 per template: keep fewer secrets in environment variables");
    }
}

void protectGlobalVariables(ExportContext &c, Tree &sections)
{
    Tree *function = sections.isMap() ? sections.find("Globals") : nullptr;
    function = function != nullptr && function->isMap() ? function->find("Function") : nullptr;
    if (function == nullptr || !function->isMap())
        return;
    VariableSlot slot(function, {"Environment", "Variables"}, false);
    if (!slot.usable())
        return;
    const std::string secretId = secretIdFor(c.design().name(), "globals");
    tellSecrets(c, "Globals", secretId, protect(c, slot, secretId));
}

} // namespace nimbus::model::iac
