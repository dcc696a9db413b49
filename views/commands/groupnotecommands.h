// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

// Three small sibling commands: grouping services, adding a note and changing a note.

#include <views/document/document.h>

#include <QUndoCommand>

#include <optional>
#include <vector>

namespace nimbus::views {

/// Puts services in a new titled group; undo puts each back in the group it was in and
/// removes the new group.
class GroupNodesCommand final : public QUndoCommand
{
public:
    GroupNodesCommand(Document &document, std::vector<model::NodeId> nodes, std::string title,
                      QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    model::GroupId group() const { return m_group.id; }

private:
    Document &m_document;
    model::Group m_group;
    std::vector<std::pair<model::NodeId, std::optional<model::GroupId>>> m_members; ///< with their old groups
};

/// Adds a free-text note to the canvas (or, with `remove`, deletes an existing one);
/// undo does the opposite.
class AddNoteCommand final : public QUndoCommand
{
public:
    AddNoteCommand(Document &document, model::Note note, QUndoCommand *parent = nullptr);
    static AddNoteCommand *removal(Document &document, const model::NoteId &id, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Document &m_document;
    model::Note m_note;
    bool m_remove = false;
};

/// Removes a group box; its services stay, outside any group. Undo restores the group and
/// its membership.
class UngroupCommand final : public QUndoCommand
{
public:
    UngroupCommand(Document &document, const model::GroupId &group, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Document &m_document;
    model::Group m_group;
    std::vector<model::NodeId> m_members;
};

/// Changes a note's text or moves it; undo restores both.
class ChangeNoteCommand final : public QUndoCommand
{
public:
    ChangeNoteCommand(Document &document, model::NoteId note, std::string text, model::Point position,
                      QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Document &m_document;
    model::NoteId m_note;
    std::string m_oldText, m_newText;
    model::Point m_oldPosition, m_newPosition;
};

} // namespace nimbus::views
