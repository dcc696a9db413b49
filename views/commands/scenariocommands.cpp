// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "scenariocommands.h"

#include "commandid.h"

#include <views/document/documenteditor_p.h>

#include <QCoreApplication>

namespace nimbus::views {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ScenarioCommands", text);
}

} // namespace

AddScenarioCommand::AddScenarioCommand(Document &document, std::size_t index, model::Scenario scenario,
                                       const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_index(index)
    , m_scenario(std::move(scenario))
{}

void AddScenarioCommand::redo()
{
    DocumentEditor::insertScenario(m_document, m_index, m_scenario);
}

void AddScenarioCommand::undo()
{
    DocumentEditor::removeScenario(m_document, m_index);
}

RemoveScenarioCommand::RemoveScenarioCommand(Document &document, std::size_t index, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_index(index)
{
    const auto &all = document.architecture().scenarios();
    if (index < all.size())
        m_scenario = all[index];
    setText(tr("Delete scenario '%1'").arg(QString::fromStdString(m_scenario.name)));
}

void RemoveScenarioCommand::redo()
{
    DocumentEditor::removeScenario(m_document, m_index);
}

void RemoveScenarioCommand::undo()
{
    DocumentEditor::insertScenario(m_document, m_index, m_scenario);
}

EditScenarioCommand::EditScenarioCommand(Document &document, std::size_t index, model::Scenario edited,
                                         const QString &text, int session, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_index(index)
    , m_new(std::move(edited))
    , m_session(session)
{
    const auto &all = document.architecture().scenarios();
    if (index < all.size())
        m_old = all[index];
}

void EditScenarioCommand::redo()
{
    DocumentEditor::replaceScenario(m_document, m_index, m_new);
}

void EditScenarioCommand::undo()
{
    DocumentEditor::replaceScenario(m_document, m_index, m_old);
}

int EditScenarioCommand::id() const
{
    return m_session > 0 ? int(CommandId::EditScenario) : -1;
}

bool EditScenarioCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const EditScenarioCommand *>(other);
    if (next->m_session != m_session || next->m_index != m_index || &next->m_document != &m_document)
        return false;
    m_new = next->m_new;
    return true;
}

} // namespace nimbus::views
