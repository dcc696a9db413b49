// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "documenteditor_p.h"

#include <algorithm>

namespace nimbus::views {

namespace {

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

} // namespace

bool DocumentEditor::addNode(Document &document, model::Node node)
{
    const QString id = q(node.id.str());
    if (!document.m_architecture.addNode(std::move(node)))
        return false;
    Q_EMIT document.nodeAdded(id);
    return true;
}

std::optional<std::pair<model::Node, std::vector<model::Edge>>>
DocumentEditor::removeNode(Document &document, const model::NodeId &id)
{
    const model::Node *node = document.m_architecture.node(id);
    if (!node)
        return std::nullopt;
    model::Node copy = *node;
    std::vector<model::Edge> edges = document.m_architecture.removeNode(id);
    for (const model::Edge &e : edges)
        Q_EMIT document.edgeRemoved(q(e.id.str()));
    Q_EMIT document.nodeRemoved(q(id.str()));
    return std::make_pair(std::move(copy), std::move(edges));
}

void DocumentEditor::moveNode(Document &document, const model::NodeId &id, model::Point position)
{
    if (model::Node *node = document.m_architecture.node(id)) {
        node->position = position;
        Q_EMIT document.nodeMoved(q(id.str()));
    }
}

void DocumentEditor::renameNode(Document &document, const model::NodeId &id, const std::string &name)
{
    if (model::Node *node = document.m_architecture.node(id)) {
        node->name = name;
        Q_EMIT document.nodeChanged(q(id.str()));
    }
}

void DocumentEditor::setNodeProperty(Document &document, const model::NodeId &id, const std::string &key,
                                     const std::optional<model::PropertyValue> &value)
{
    model::Node *node = document.m_architecture.node(id);
    if (!node)
        return;
    if (value)
        node->properties[key] = *value;
    else
        node->properties.erase(key);
    Q_EMIT document.nodePropertyChanged(q(id.str()), q(key));
}

bool DocumentEditor::addEdge(Document &document, model::Edge edge)
{
    const QString id = q(edge.id.str());
    if (!document.m_architecture.addEdge(std::move(edge)))
        return false;
    Q_EMIT document.edgeAdded(id);
    return true;
}

std::optional<model::Edge> DocumentEditor::removeEdge(Document &document, const model::EdgeId &id)
{
    const model::Edge *edge = document.m_architecture.edge(id);
    if (!edge)
        return std::nullopt;
    model::Edge copy = *edge;
    document.m_architecture.removeEdge(id);
    Q_EMIT document.edgeRemoved(q(id.str()));
    return copy;
}

void DocumentEditor::setEdgeProperty(Document &document, const model::EdgeId &id, const std::string &key,
                                     const std::optional<model::PropertyValue> &value)
{
    model::Edge *edge = document.m_architecture.edge(id);
    if (!edge)
        return;
    if (value)
        edge->properties[key] = *value;
    else
        edge->properties.erase(key);
    Q_EMIT document.edgePropertyChanged(q(id.str()), q(key));
}

bool DocumentEditor::addGroup(Document &document, model::Group group)
{
    if (!document.m_architecture.addGroup(std::move(group)))
        return false;
    Q_EMIT document.decorationsChanged();
    return true;
}

bool DocumentEditor::removeGroup(Document &document, const model::GroupId &id)
{
    if (!document.m_architecture.removeGroup(id))
        return false;
    Q_EMIT document.decorationsChanged();
    return true;
}

void DocumentEditor::setNodeGroup(Document &document, const model::NodeId &id, const std::optional<model::GroupId> &group)
{
    if (model::Node *node = document.m_architecture.node(id)) {
        node->group = group;
        Q_EMIT document.nodeChanged(q(id.str()));
        Q_EMIT document.decorationsChanged();
    }
}

bool DocumentEditor::addNote(Document &document, model::Note note)
{
    if (!document.m_architecture.addNote(std::move(note)))
        return false;
    Q_EMIT document.decorationsChanged();
    return true;
}

bool DocumentEditor::removeNote(Document &document, const model::NoteId &id)
{
    if (!document.m_architecture.removeNote(id))
        return false;
    Q_EMIT document.decorationsChanged();
    return true;
}

void DocumentEditor::updateNote(Document &document, const model::NoteId &id, const std::string &text, model::Point position)
{
    if (model::Note *note = document.m_architecture.note(id)) {
        note->text = text;
        note->position = position;
        Q_EMIT document.decorationsChanged();
    }
}

void DocumentEditor::insertScenario(Document &document, std::size_t index, model::Scenario scenario)
{
    auto &scenarios = document.m_architecture.scenarios();
    index = std::min(index, scenarios.size());
    scenarios.insert(scenarios.begin() + static_cast<std::ptrdiff_t>(index), std::move(scenario));
    Q_EMIT document.scenariosChanged();
}

std::optional<model::Scenario> DocumentEditor::removeScenario(Document &document, std::size_t index)
{
    auto &scenarios = document.m_architecture.scenarios();
    if (index >= scenarios.size())
        return std::nullopt;
    model::Scenario removed = std::move(scenarios[index]);
    scenarios.erase(scenarios.begin() + static_cast<std::ptrdiff_t>(index));
    Q_EMIT document.scenariosChanged();
    return removed;
}

void DocumentEditor::replaceScenario(Document &document, std::size_t index, model::Scenario scenario)
{
    auto &scenarios = document.m_architecture.scenarios();
    if (index >= scenarios.size())
        return;
    scenarios[index] = std::move(scenario);
    Q_EMIT document.scenariosChanged();
}

} // namespace nimbus::views
