// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "architecture.h"

#include <algorithm>
#include <unordered_set>

namespace nimbus::model {

namespace {

template<typename Item, typename Key>
void rebuildIndex(const std::vector<Item> &items, std::unordered_map<Key, std::size_t> &index)
{
    index.clear();
    for (std::size_t i = 0; i < items.size(); ++i)
        index.emplace(items[i].id, i);
}

template<typename Items, typename Key>
auto findLinear(Items &items, const Key &id) -> decltype(items.data())
{
    using Item = typename std::remove_cvref_t<Items>::value_type;
    auto it = std::find_if(items.begin(), items.end(), [&](const Item &i) { return i.id == id; });
    return it == items.end() ? nullptr : &*it;
}

template<typename Item, typename Key>
bool eraseLinear(std::vector<Item> &items, const Key &id)
{
    auto it = std::find_if(items.begin(), items.end(), [&](const Item &i) { return i.id == id; });
    if (it == items.end())
        return false;
    items.erase(it);
    return true;
}

} // namespace

const Node *Architecture::node(const NodeId &id) const
{
    auto it = m_nodeIndex.find(id);
    return it == m_nodeIndex.end() ? nullptr : &m_nodes[it->second];
}

Node *Architecture::node(const NodeId &id)
{
    auto it = m_nodeIndex.find(id);
    return it == m_nodeIndex.end() ? nullptr : &m_nodes[it->second];
}

bool Architecture::addNode(Node node)
{
    if (node.id.isEmpty() || isIdUsed(node.id.str()))
        return false;
    m_nodeIndex.emplace(node.id, m_nodes.size());
    m_nodes.push_back(std::move(node));
    return true;
}

std::vector<Edge> Architecture::removeNode(const NodeId &id)
{
    std::vector<Edge> removed;
    auto it = m_nodeIndex.find(id);
    if (it == m_nodeIndex.end())
        return removed;
    m_nodes.erase(m_nodes.begin() + static_cast<std::ptrdiff_t>(it->second));
    rebuildIndex(m_nodes, m_nodeIndex);

    auto touches = [&](const Edge &e) { return e.source == id || e.target == id; };
    std::copy_if(m_edges.begin(), m_edges.end(), std::back_inserter(removed), touches);
    if (!removed.empty()) {
        m_edges.erase(std::remove_if(m_edges.begin(), m_edges.end(), touches), m_edges.end());
        rebuildIndex(m_edges, m_edgeIndex);
    }
    rebuildEdgeEnds(); // node indices after the removed one have shifted
    return removed;
}

void Architecture::rebuildEdgeEnds()
{
    m_edgeEnds.clear();
    m_edgeEnds.reserve(m_edges.size());
    for (const Edge &e : m_edges)
        m_edgeEnds.push_back({m_nodeIndex.at(e.source), m_nodeIndex.at(e.target)});
}

const Edge *Architecture::edge(const EdgeId &id) const
{
    auto it = m_edgeIndex.find(id);
    return it == m_edgeIndex.end() ? nullptr : &m_edges[it->second];
}

Edge *Architecture::edge(const EdgeId &id)
{
    auto it = m_edgeIndex.find(id);
    return it == m_edgeIndex.end() ? nullptr : &m_edges[it->second];
}

bool Architecture::addEdge(Edge edge)
{
    if (edge.id.isEmpty() || isIdUsed(edge.id.str()) || !node(edge.source)
        || !node(edge.target))
        return false;
    m_edgeIndex.emplace(edge.id, m_edges.size());
    m_edgeEnds.push_back({m_nodeIndex.at(edge.source), m_nodeIndex.at(edge.target)});
    m_edges.push_back(std::move(edge));
    return true;
}

bool Architecture::removeEdge(const EdgeId &id)
{
    auto it = m_edgeIndex.find(id);
    if (it == m_edgeIndex.end())
        return false;
    m_edgeEnds.erase(m_edgeEnds.begin() + static_cast<std::ptrdiff_t>(it->second));
    m_edges.erase(m_edges.begin() + static_cast<std::ptrdiff_t>(it->second));
    rebuildIndex(m_edges, m_edgeIndex);
    return true;
}

const Group *Architecture::group(const GroupId &id) const
{
    return findLinear(m_groups, id);
}

Group *Architecture::group(const GroupId &id)
{
    return findLinear(m_groups, id);
}

bool Architecture::addGroup(Group group)
{
    if (group.id.isEmpty() || isIdUsed(group.id.str()))
        return false;
    m_groups.push_back(std::move(group));
    return true;
}

bool Architecture::removeGroup(const GroupId &id)
{
    if (!eraseLinear(m_groups, id))
        return false;
    for (Node &n : m_nodes) {
        if (n.group == id)
            n.group.reset();
    }
    return true;
}

const Note *Architecture::note(const NoteId &id) const
{
    return findLinear(m_notes, id);
}

Note *Architecture::note(const NoteId &id)
{
    return findLinear(m_notes, id);
}

bool Architecture::addNote(Note note)
{
    if (note.id.isEmpty() || isIdUsed(note.id.str()))
        return false;
    m_notes.push_back(std::move(note));
    return true;
}

bool Architecture::removeNote(const NoteId &id)
{
    return eraseLinear(m_notes, id);
}

bool Architecture::isIdUsed(const std::string &id) const
{
    // Ids share one namespace, so that a finding or a template logical id can name any
    // object without saying what it is.
    if (m_nodeIndex.count(NodeId(id)) || m_edgeIndex.count(EdgeId(id)))
        return true;
    auto sameGroup = [&](const Group &g) { return g.id.str() == id; };
    auto sameNote = [&](const Note &n) { return n.id.str() == id; };
    return std::any_of(m_groups.begin(), m_groups.end(), sameGroup)
           || std::any_of(m_notes.begin(), m_notes.end(), sameNote);
}

std::string Architecture::uniqueId(const std::string &prefix) const
{
    for (std::size_t n = 1;; ++n) {
        std::string candidate = prefix + '-' + std::to_string(n);
        if (!isIdUsed(candidate))
            return candidate;
    }
}

std::vector<std::string> Architecture::checkInvariants() const
{
    std::vector<std::string> problems;
    std::unordered_set<std::string> seen;
    auto claim = [&](const std::string &id, const char *what) {
        if (id.empty())
            problems.push_back(std::string(what) + " with an empty id");
        else if (!seen.insert(id).second)
            problems.push_back("duplicate id '" + id + "' (" + what + ")");
    };
    for (const Node &n : m_nodes)
        claim(n.id.str(), "node");
    for (const Edge &e : m_edges)
        claim(e.id.str(), "edge");
    for (const Group &g : m_groups)
        claim(g.id.str(), "group");
    for (const Note &n : m_notes)
        claim(n.id.str(), "note");

    if (m_nodeIndex.size() != m_nodes.size() || m_edgeIndex.size() != m_edges.size()
        || m_edgeEnds.size() != m_edges.size())
        problems.push_back("id index out of step with the stored objects");
    for (std::size_t i = 0; i < m_edgeEnds.size() && i < m_edges.size(); ++i) {
        const auto s = m_nodeIndex.find(m_edges[i].source);
        const auto t = m_nodeIndex.find(m_edges[i].target);
        if (s == m_nodeIndex.end() || t == m_nodeIndex.end() || s->second != m_edgeEnds[i].source
            || t->second != m_edgeEnds[i].target)
            problems.push_back("edge '" + m_edges[i].id.str() + "' has stale end indices");
    }
    for (const Edge &e : m_edges) {
        if (!node(e.source) || !node(e.target))
            problems.push_back("edge '" + e.id.str() + "' joins a missing node");
    }
    for (const Node &n : m_nodes) {
        if (n.group && !group(*n.group))
            problems.push_back("node '" + n.id.str() + "' is in missing group '"
                               + n.group->str() + "'");
    }
    std::unordered_set<std::string> names;
    for (const Scenario &s : m_scenarios) {
        if (s.name.empty())
            problems.push_back("scenario with an empty name");
        else if (!names.insert(s.name).second)
            problems.push_back("duplicate scenario name '" + s.name + "'");
    }
    return problems;
}

bool operator==(const Architecture &a, const Architecture &b)
{
    // Order of insertion is not part of a design: two designs are equal when they hold the
    // same objects under the same ids.
    auto same = [](const auto &mine, auto findInOther) {
        return std::all_of(mine.begin(), mine.end(), [&](const auto &item) {
            const auto *other = findInOther(item.id);
            return other && *other == item;
        });
    };
    return a.m_name == b.m_name && a.m_description == b.m_description
           && a.m_settings == b.m_settings && a.m_extra == b.m_extra
           && a.m_scenarios == b.m_scenarios
           && a.m_nodes.size() == b.m_nodes.size() && a.m_edges.size() == b.m_edges.size()
           && a.m_groups.size() == b.m_groups.size() && a.m_notes.size() == b.m_notes.size()
           && same(a.m_nodes, [&](const NodeId &id) { return b.node(id); })
           && same(a.m_edges, [&](const EdgeId &id) { return b.edge(id); })
           && same(a.m_groups, [&](const GroupId &id) { return b.group(id); })
           && same(a.m_notes, [&](const NoteId &id) { return b.note(id); });
}

} // namespace nimbus::model
