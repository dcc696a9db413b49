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

template<typename Item, typename Key>
auto findIndexed(std::vector<Item> &items, const std::unordered_map<Key, std::size_t> &index, const Key &id)
    -> Item *
{
    auto it = index.find(id);
    return it == index.end() ? nullptr : &items[it->second];
}

template<typename Item, typename Key>
bool eraseIndexed(std::vector<Item> &items, std::unordered_map<Key, std::size_t> &index, const Key &id)
{
    auto it = index.find(id);
    if (it == index.end())
        return false;
    items.erase(items.begin() + static_cast<std::ptrdiff_t>(it->second));
    rebuildIndex(items, index);
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
    m_ids.insert(node.id.str());
    m_nodes.push_back(std::move(node));
    return true;
}

std::vector<Edge> Architecture::removeNode(const NodeId &idToRemove)
{
    const NodeId id = idToRemove; // may name the element this removes (nodes().back().id)
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
    m_ids.erase(id.str());
    for (const Edge &e : removed)
        m_ids.erase(e.id.str());
    return removed;
}

void Architecture::rebuildEdgeEnds()
{
    m_edgeEnds.clear();
    m_edgeEnds.reserve(m_edges.size());
    for (const Edge &e : m_edges)
        m_edgeEnds.push_back({m_nodeIndex.at(e.source), m_nodeIndex.at(e.target)});
}

void Architecture::rebuildIds()
{
    m_ids.clear();
    for (const Node &n : m_nodes)
        m_ids.insert(n.id.str());
    for (const Edge &e : m_edges)
        m_ids.insert(e.id.str());
    for (const Group &g : m_groups)
        m_ids.insert(g.id.str());
    for (const Note &n : m_notes)
        m_ids.insert(n.id.str());
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
    m_ids.insert(edge.id.str());
    m_edgeEnds.push_back({m_nodeIndex.at(edge.source), m_nodeIndex.at(edge.target)});
    m_edges.push_back(std::move(edge));
    return true;
}

bool Architecture::removeEdge(const EdgeId &idToRemove)
{
    const EdgeId id = idToRemove; // may name the element this removes (edges().back().id)
    auto it = m_edgeIndex.find(id);
    if (it == m_edgeIndex.end())
        return false;
    m_edgeEnds.erase(m_edgeEnds.begin() + static_cast<std::ptrdiff_t>(it->second));
    m_edges.erase(m_edges.begin() + static_cast<std::ptrdiff_t>(it->second));
    rebuildIndex(m_edges, m_edgeIndex);
    m_ids.erase(id.str());
    return true;
}

std::size_t Architecture::removeEdgesIf(const std::function<bool(const Edge &)> &remove)
{
    const std::size_t before = m_edges.size();
    m_edges.erase(std::remove_if(m_edges.begin(), m_edges.end(), remove), m_edges.end());
    if (m_edges.size() == before)
        return 0;
    rebuildIndex(m_edges, m_edgeIndex);
    rebuildEdgeEnds();
    rebuildIds();
    return before - m_edges.size();
}

std::size_t Architecture::removeNodesIf(const std::function<bool(const Node &)> &remove)
{
    std::unordered_set<NodeId> removed;
    for (const Node &n : m_nodes) {
        if (remove(n))
            removed.insert(n.id);
    }
    if (removed.empty())
        return 0;
    m_nodes.erase(std::remove_if(m_nodes.begin(), m_nodes.end(),
                                 [&](const Node &n) { return removed.count(n.id) != 0; }),
                  m_nodes.end());
    rebuildIndex(m_nodes, m_nodeIndex);
    m_edges.erase(std::remove_if(m_edges.begin(), m_edges.end(),
                                 [&](const Edge &e) {
                                     return removed.count(e.source) != 0 || removed.count(e.target) != 0;
                                 }),
                  m_edges.end());
    rebuildIndex(m_edges, m_edgeIndex);
    rebuildEdgeEnds();
    rebuildIds();
    return removed.size();
}

const Group *Architecture::group(const GroupId &id) const
{
    auto it = m_groupIndex.find(id);
    return it == m_groupIndex.end() ? nullptr : &m_groups[it->second];
}

Group *Architecture::group(const GroupId &id)
{
    auto it = m_groupIndex.find(id);
    return it == m_groupIndex.end() ? nullptr : &m_groups[it->second];
}

bool Architecture::addGroup(Group group)
{
    if (group.id.isEmpty() || isIdUsed(group.id.str()))
        return false;
    m_groupIndex.emplace(group.id, m_groups.size());
    m_ids.insert(group.id.str());
    m_groups.push_back(std::move(group));
    return true;
}

bool Architecture::removeGroup(const GroupId &idToRemove)
{
    const GroupId id = idToRemove; // may name the element this removes (groups().back().id)
    if (!eraseIndexed(m_groups, m_groupIndex, id))
        return false;
    m_ids.erase(id.str());
    for (Node &n : m_nodes) {
        if (n.group == id)
            n.group.reset();
    }
    return true;
}

const Note *Architecture::note(const NoteId &id) const
{
    auto it = m_noteIndex.find(id);
    return it == m_noteIndex.end() ? nullptr : &m_notes[it->second];
}

Note *Architecture::note(const NoteId &id)
{
    return findIndexed(m_notes, m_noteIndex, id);
}

bool Architecture::addNote(Note note)
{
    if (note.id.isEmpty() || isIdUsed(note.id.str()))
        return false;
    m_noteIndex.emplace(note.id, m_notes.size());
    m_ids.insert(note.id.str());
    m_notes.push_back(std::move(note));
    return true;
}

bool Architecture::removeNote(const NoteId &idToRemove)
{
    const NoteId id = idToRemove; // may name the element this removes (notes().back().id)
    if (!eraseIndexed(m_notes, m_noteIndex, id))
        return false;
    m_ids.erase(id.str());
    return true;
}

bool Architecture::isIdUsed(const std::string &id) const
{
    // Ids share one namespace, so that a finding or a template logical id can name any
    // object without saying what it is.
    return m_ids.count(id) != 0;
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
        || m_groupIndex.size() != m_groups.size() || m_noteIndex.size() != m_notes.size()
        || m_ids.size() != m_nodes.size() + m_edges.size() + m_groups.size() + m_notes.size()
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
