// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

// Private: only views/commands/ includes this header (checked by the layering test).

#include "document.h"

#include <optional>
#include <vector>

namespace nimbus::views {

/// The narrow mutating API of a Document, for commands only. Each function changes the
/// model and emits exactly the signals that describe the change.
class DocumentEditor
{
public:
    static bool addNode(Document &document, model::Node node);
    /// Removes a node and its edges; returns the node and the removed edges for undo.
    static std::optional<std::pair<model::Node, std::vector<model::Edge>>>
    removeNode(Document &document, const model::NodeId &id);
    static void moveNode(Document &document, const model::NodeId &id, model::Point position);
    static void renameNode(Document &document, const model::NodeId &id, const std::string &name);
    /// Sets (or, with nullopt, clears back to the catalog default) a node property.
    static void setNodeProperty(Document &document, const model::NodeId &id, const std::string &key,
                                const std::optional<model::PropertyValue> &value);
    static bool addEdge(Document &document, model::Edge edge);
    static std::optional<model::Edge> removeEdge(Document &document, const model::EdgeId &id);
    static void setEdgeProperty(Document &document, const model::EdgeId &id, const std::string &key,
                                const std::optional<model::PropertyValue> &value);
    static bool addGroup(Document &document, model::Group group);
    static bool removeGroup(Document &document, const model::GroupId &id);
    static void setNodeGroup(Document &document, const model::NodeId &id, const std::optional<model::GroupId> &group);
    static bool addNote(Document &document, model::Note note);
    static bool removeNote(Document &document, const model::NoteId &id);
    static void updateNote(Document &document, const model::NoteId &id, const std::string &text, model::Point position);
    /// Scenarios by position in Architecture::scenarios(); the caller keeps names unique.
    static void insertScenario(Document &document, std::size_t index, model::Scenario scenario);
    static std::optional<model::Scenario> removeScenario(Document &document, std::size_t index);
    static void replaceScenario(Document &document, std::size_t index, model::Scenario scenario);
};

} // namespace nimbus::views
