// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

// Internal to the template importer (importer.cpp, importflows.cpp, importpermissions.cpp);
// nothing else includes this header.

#include "cfntree.h"
#include "importer.h"

#include <model/core/environment.h>
#include <model/core/tree.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace nimbus::model::iac::importing {

/// SAM event types: the property naming the resource that sends the events, and the kind
/// used when the catalog has no rule for the pair.
struct EventSpec
{
    std::string_view type;
    std::string_view sourceKey;
    ConnectionKind fallback;
    std::string_view implicitApi; ///< SAM's implicit API when sourceKey is absent
};

/// The event spec of a SAM event type ("Api", "SQS"...), or nullptr.
const EventSpec *eventSpec(const std::string &type);

inline const Tree *child(const Tree *tree, const std::string &key)
{
    return tree != nullptr && tree->isMap() ? tree->find(key) : nullptr;
}

inline const Tree *at(const Tree *tree, std::initializer_list<const char *> path)
{
    for (const char *key : path)
        tree = child(tree, key);
    return tree;
}

/// The text of a plain scalar (no intrinsic function), or "".
inline std::string literal(const Tree *tree)
{
    return tree != nullptr && tree->isScalar() && tree->tag.empty() ? tree->scalar : std::string();
}

inline bool isPlainMap(const Tree &tree)
{
    return tree.isMap() && cfn::intrinsicName(tree).empty();
}

/// Calls `visit` for each item of a list, or once for a single value.
template <typename Visit> void forEachItem(const Tree *tree, Visit visit)
{
    if (tree == nullptr)
        return;
    if (tree->isSequence() && tree->tag.empty()) {
        for (std::size_t i = 0; i < tree->items.size(); ++i)
            visit(tree->items[i], i);
    } else if (!tree->isNull()) {
        visit(*tree, std::size_t(0));
    }
}

/// The references in every value stored under `key` anywhere below `tree`.
void referencesUnder(const Tree *tree, const std::string &key, std::vector<std::string> &out);

/// How an inferred edge came about.
struct Link
{
    Link(ConnectionKind kind, std::string text, std::string purposeText = {},
         bool fromPermission = false, bool onlyReads = false)
        : fallback(kind)
        , label(std::move(text))
        , purpose(std::move(purposeText))
        , permission(fromPermission)
        , readOnly(onlyReads)
    {
    }

    ConnectionKind fallback;
    std::string label;
    std::string purpose; ///< edge property "purpose", "" for plain data
    bool permission;     ///< from a policy rather than a declared flow
    bool readOnly;       ///< a permission that only reads or consumes
};

/// One entry of the Resources section, as read.
struct Resource
{
    std::string id;
    const Tree *body = nullptr;
    const Tree *props = nullptr; ///< Properties, or nullptr
    std::string type;
    bool folded = false;
    std::string owner; ///< folded: the logical id it serves, as written
};

/// One import. Reads the sections and resources, adds a node per service resource (and
/// SAM's implicit APIs), then infers edges in two passes: declared flows (events, targets,
/// subscriptions, integrations...) first, permissions (policies, roles) second, so that a
/// permission to consume what already feeds a node through a poller adds no edge.
class TemplateImporter final
{
public:
    TemplateImporter(const Catalog &catalog, const std::string &fileName, ImportResult &result)
        : m_catalog(catalog)
        , m_file(fileName)
        , m_result(result)
        , m_design(result.design)
    {
    }

    void run(const Tree &root);

private:
    using Handler = void (TemplateImporter::*)(const Resource &);

    bool readTemplate(const Tree &root);
    bool readResource(const std::string &id, const Tree &body);
    std::string nodeType(const Resource &r) const;
    void addNodes();
    void addNode(Node node);
    void findImplicitApis();
    void findRoleUsers();
    void findLoadBalancers();
    // Environment variables (importenvironment.cpp).
    void readEnvironment(const Resource &r, Node &node);
    bool containerVariables(const Resource &service, std::vector<EnvironmentVariable> &out);
    void collectVariables(const Tree &variables, const std::string &where,
                          std::vector<EnvironmentVariable> &out, bool report);
    void warnOfSecret(const std::string &name, const Tree &value, const std::string &where);

    void inferFlows(const Resource &r);
    void inferPermissions(const Resource &r);
    void countStats();
    void checkIntrinsics(const Tree &root);
    void checkDependencyCycles();

    // Declared flows.
    void events(const Resource &r);
    void environment(const Resource &r);
    void functionDestinations(const Resource &r);
    void stateMachine(const Resource &r);
    void rule(const Resource &r);
    void pipe(const Resource &r);
    void schedule(const Resource &r);
    void bucket(const Resource &r);
    void topic(const Resource &r);
    void queue(const Resource &r);
    void topicRule(const Resource &r);
    void firehose(const Resource &r);
    void distribution(const Resource &r);
    void userPool(const Resource &r);
    void api(const Resource &r);
    void graphQlApi(const Resource &r);
    void appSyncDataSource(const Resource &r);
    void eventSourceMapping(const Resource &r);
    void subscription(const Resource &r);
    void permission(const Resource &r);
    void connector(const Resource &r);
    void eventInvokeConfig(const Resource &r);
    void method(const Resource &r);
    void integration(const Resource &r);
    void authorizer(const Resource &r);
    void embeddedConnectors(const Resource &r);
    void targetGroup(const Resource &r);
    void ecsService(const Resource &r);
    std::vector<std::string> connectorEnd(const Tree &end) const;
    void connectorEdges(const std::string &source, const Tree *props, const std::string &label);

    // Permissions.
    void samPolicies(const Resource &r);
    void rolePolicies(const Resource &r);
    void resourcePolicy(const Resource &r);
    std::vector<std::string> sourceArns(const Tree *conditions) const;
    void statements(const std::string &principal, const Tree *document, const std::string &label);
    void managedPolicy(const std::string &principal, const std::string &policyId);

    // References and edges.
    std::vector<std::string> targets(const Tree *tree,
                                     std::initializer_list<std::string_view> skip = {}) const;
    std::optional<std::string> resolve(std::string name, int depth = 0) const;
    const Resource *resource(const std::string &id) const;
    bool isNode(const std::string &id) const { return m_design.node(NodeId(id)) != nullptr; }
    void connect(const std::string &from, const std::string &to, const Link &link);
    void connectAll(const std::vector<std::string> &from, const std::vector<std::string> &to,
                    const Link &link);
    void destination(const std::string &from, const Tree *arn, const std::string &label,
                     const char *purpose);

    void error(const Tree &at, std::string message);
    void warn(const Tree &at, std::string message);

    const Catalog &m_catalog;
    const std::string &m_file;
    ImportResult &m_result;
    Architecture &m_design;
    std::vector<Resource> m_resources;
    std::unordered_map<std::string, std::size_t> m_index;
    std::vector<std::string> m_implicit;
    std::unordered_map<std::string, std::vector<std::string>> m_roleUsers;
    std::unordered_map<std::string, EdgeId> m_pairs;
    std::unordered_map<std::string, std::vector<std::string>> m_targetGroupBalancers;
    const Tree *m_globalVariables = nullptr;
    bool m_globalsReported = false;
    Tree m_folded = Tree::makeMap();
};

} // namespace nimbus::model::iac::importing
