// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include "connectionkind.h"
#include "ids.h"
#include "propertyvalue.h"
#include "scenario.h"
#include "tree.h"

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace nimbus::model {

struct Point
{
    double x = 0;
    double y = 0;
    friend bool operator==(const Point &, const Point &) = default;
};

/// One service instance (or outside actor) on the canvas. `type` is a catalog service id
/// ("lambda-function") or, for resources Nimbus has no type for, the CloudFormation type
/// ("AWS::Glue::Crawler"), which makes it a generic node.
struct Node
{
    NodeId id;
    std::string type;
    std::string name;
    Point position;
    std::optional<GroupId> group;
    PropertyMap properties; ///< only values set explicitly; defaults come from the catalog
    Tree extra;             ///< unknown keys read from a file, written back unchanged
    friend bool operator==(const Node &, const Node &) = default;
};

/// A directed connection between two nodes.
struct Edge
{
    EdgeId id;
    NodeId source;
    NodeId target;
    ConnectionKind kind = ConnectionKind::SyncInvoke;
    PropertyMap properties; ///< e.g. "multiplier"
    Tree extra;
    friend bool operator==(const Edge &, const Edge &) = default;
};

/// A titled box around nodes; membership is stored on the nodes.
struct Group
{
    GroupId id;
    std::string name;
    Tree extra;
    friend bool operator==(const Group &, const Group &) = default;
};

/// Free text placed on the canvas.
struct Note
{
    NoteId id;
    std::string text;
    Point position;
    Tree extra;
    friend bool operator==(const Note &, const Note &) = default;
};

/// Design-wide settings that the analysis reads.
struct Settings
{
    std::string region = "us-east-1";
    bool freeTier = true;
    /// Factor on every entry point's traffic. Always 1 in a design as drawn; a scenario
    /// view of it (withScenario()) sets it, and workload propagation applies it.
    double trafficMultiplier = 1;
    Tree extra;
    friend bool operator==(const Settings &, const Settings &) = default;
};

/// The aggregate: the single source of truth for one design. It keeps nodes, edges, groups
/// and notes in insertion order with an id index, and guarantees that ids are unique and
/// that every edge joins two existing nodes. It knows nothing of the catalog: whether a
/// type or a property value makes sense is checked by validation, not here.
class Architecture
{
public:
    const std::string &name() const { return m_name; }
    void setName(std::string name) { m_name = std::move(name); }
    const std::string &description() const { return m_description; }
    void setDescription(std::string text) { m_description = std::move(text); }
    const Settings &settings() const { return m_settings; }
    Settings &settings() { return m_settings; }
    const Tree &extra() const { return m_extra; }
    Tree &extra() { return m_extra; }
    /// Named variants of the design; names are unique and not empty (checkInvariants()).
    const std::vector<Scenario> &scenarios() const { return m_scenarios; }
    std::vector<Scenario> &scenarios() { return m_scenarios; }

    const std::vector<Node> &nodes() const { return m_nodes; }
    /// Position of a node of this architecture in nodes() (and of an edge in edges()):
    /// the vertex and edge index of the graph view built from it.
    std::size_t indexOf(const Node &node) const { return static_cast<std::size_t>(&node - m_nodes.data()); }
    std::size_t indexOf(const Edge &edge) const { return static_cast<std::size_t>(&edge - m_edges.data()); }
    const Node *node(const NodeId &id) const;
    /// Mutable access for commands; a node's id must not be changed through it.
    Node *node(const NodeId &id);
    /// Adds a node; false (and no change) if its id is empty or taken.
    bool addNode(Node node);
    /// Removes a node and every edge touching it; returns those edges (empty if none).
    std::vector<Edge> removeNode(const NodeId &id);

    const std::vector<Edge> &edges() const { return m_edges; }
    /// Node indices of each edge's ends, by edge index (kept in step with edges()).
    struct EdgeEnds
    {
        std::size_t source = 0;
        std::size_t target = 0;
    };
    const std::vector<EdgeEnds> &edgeEnds() const { return m_edgeEnds; }
    const Edge *edge(const EdgeId &id) const;
    Edge *edge(const EdgeId &id);
    /// Adds an edge; false if its id is taken or an end node does not exist.
    bool addEdge(Edge edge);
    bool removeEdge(const EdgeId &id);

    const std::vector<Group> &groups() const { return m_groups; }
    const Group *group(const GroupId &id) const;
    Group *group(const GroupId &id);
    bool addGroup(Group group);
    /// Removes a group; its member nodes stay, without a group.
    bool removeGroup(const GroupId &id);

    const std::vector<Note> &notes() const { return m_notes; }
    const Note *note(const NoteId &id) const;
    Note *note(const NoteId &id);
    bool addNote(Note note);
    bool removeNote(const NoteId &id);

    /// A fresh id "<prefix>-<n>" not used by any node, edge, group or note.
    std::string uniqueId(const std::string &prefix) const;
    bool isIdUsed(const std::string &id) const;

    /// Broken invariants, in words; empty when the aggregate is consistent.
    std::vector<std::string> checkInvariants() const;

    friend bool operator==(const Architecture &, const Architecture &);

private:
    std::string m_name;
    std::string m_description;
    Settings m_settings;
    Tree m_extra;
    std::vector<Scenario> m_scenarios;
    std::vector<Node> m_nodes;
    std::vector<Edge> m_edges;
    std::vector<Group> m_groups;
    std::vector<Note> m_notes;
    std::unordered_map<NodeId, std::size_t> m_nodeIndex;
    std::unordered_map<EdgeId, std::size_t> m_edgeIndex;
    std::vector<EdgeEnds> m_edgeEnds;

    void rebuildEdgeEnds();
};

} // namespace nimbus::model
