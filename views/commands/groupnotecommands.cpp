// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "groupnotecommands.h"

#include <views/document/documenteditor_p.h>

#include <QCoreApplication>

namespace nimbus::views {

GroupNodesCommand::GroupNodesCommand(Document &document, std::vector<model::NodeId> nodes, std::string title,
                                     QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
{
    m_group.id = model::GroupId(document.architecture().uniqueId("group"));
    m_group.name = std::move(title);
    for (const model::NodeId &id : nodes) {
        if (const model::Node *n = document.architecture().node(id))
            m_members.emplace_back(id, n->group);
    }
    setText(QCoreApplication::translate("GroupNodesCommand", "Group %n service(s)", nullptr,
                                        static_cast<int>(m_members.size())));
    if (m_members.empty())
        setObsolete(true);
}

void GroupNodesCommand::redo()
{
    DocumentEditor::addGroup(m_document, m_group);
    for (const auto &[id, old] : m_members)
        DocumentEditor::setNodeGroup(m_document, id, m_group.id);
}

void GroupNodesCommand::undo()
{
    for (const auto &[id, old] : m_members)
        DocumentEditor::setNodeGroup(m_document, id, old);
    DocumentEditor::removeGroup(m_document, m_group.id);
}

AddNoteCommand::AddNoteCommand(Document &document, model::Note note, QUndoCommand *parent)
    : QUndoCommand(QCoreApplication::translate("AddNoteCommand", "Add note"), parent)
    , m_document(document)
    , m_note(std::move(note))
{}

void AddNoteCommand::redo()
{
    DocumentEditor::addNote(m_document, m_note);
}

void AddNoteCommand::undo()
{
    DocumentEditor::removeNote(m_document, m_note.id);
}

ChangeNoteCommand::ChangeNoteCommand(Document &document, model::NoteId note, std::string text, model::Point position,
                                     QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_note(std::move(note))
    , m_newText(std::move(text))
    , m_newPosition(position)
{
    const model::Note *n = document.architecture().note(m_note);
    if (n) {
        m_oldText = n->text;
        m_oldPosition = n->position;
    }
    setText(n && m_oldText == m_newText ? QCoreApplication::translate("ChangeNoteCommand", "Move note")
                                        : QCoreApplication::translate("ChangeNoteCommand", "Edit note"));
    if (!n || (m_oldText == m_newText && m_oldPosition == m_newPosition))
        setObsolete(true);
}

void ChangeNoteCommand::redo()
{
    DocumentEditor::updateNote(m_document, m_note, m_newText, m_newPosition);
}

void ChangeNoteCommand::undo()
{
    DocumentEditor::updateNote(m_document, m_note, m_oldText, m_oldPosition);
}

} // namespace nimbus::views
