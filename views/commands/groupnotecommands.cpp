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

AddNoteCommand *AddNoteCommand::removal(Document &document, const model::NoteId &id, QUndoCommand *parent)
{
    const model::Note *note = document.architecture().note(id);
    auto *command = new AddNoteCommand(document, note ? *note : model::Note{id, {}, {}, {}}, parent);
    command->m_remove = true;
    command->setText(QCoreApplication::translate("AddNoteCommand", "Delete note"));
    if (!note)
        command->setObsolete(true);
    return command;
}

void AddNoteCommand::redo()
{
    if (m_remove)
        DocumentEditor::removeNote(m_document, m_note.id);
    else
        DocumentEditor::addNote(m_document, m_note);
}

void AddNoteCommand::undo()
{
    if (m_remove)
        DocumentEditor::addNote(m_document, m_note);
    else
        DocumentEditor::removeNote(m_document, m_note.id);
}

UngroupCommand::UngroupCommand(Document &document, const model::GroupId &group, QUndoCommand *parent)
    : QUndoCommand(QCoreApplication::translate("UngroupCommand", "Remove group"), parent)
    , m_document(document)
{
    if (const model::Group *g = document.architecture().group(group))
        m_group = *g;
    else
        setObsolete(true);
    for (const model::Node &n : document.architecture().nodes()) {
        if (n.group == group)
            m_members.push_back(n.id);
    }
}

void UngroupCommand::redo()
{
    DocumentEditor::removeGroup(m_document, m_group.id); // members lose the group with it
    for (const model::NodeId &id : m_members)
        DocumentEditor::setNodeGroup(m_document, id, std::nullopt);
}

void UngroupCommand::undo()
{
    DocumentEditor::addGroup(m_document, m_group);
    for (const model::NodeId &id : m_members)
        DocumentEditor::setNodeGroup(m_document, id, m_group.id);
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
