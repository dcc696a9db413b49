// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

// Three sibling commands on the scenarios of a design: add (or duplicate), remove, edit.
// Scenarios are addressed by their position in Architecture::scenarios(), which the undo
// stack keeps stable: every command that shifts positions undoes its shift.

#include <views/document/document.h>

#include <QUndoCommand>

namespace nimbus::views {

/// Adds a scenario at `index` (a new one, or a copy of another); undo removes it.
class AddScenarioCommand final : public QUndoCommand
{
public:
    AddScenarioCommand(Document &document, std::size_t index, model::Scenario scenario,
                       const QString &text, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Document &m_document;
    std::size_t m_index;
    model::Scenario m_scenario;
};

/// Deletes the scenario at `index`; undo puts it back in the same place.
class RemoveScenarioCommand final : public QUndoCommand
{
public:
    RemoveScenarioCommand(Document &document, std::size_t index, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Document &m_document;
    std::size_t m_index;
    model::Scenario m_scenario;
};

/// Replaces the scenario at `index` by an edited copy (renamed, another multiplier, region,
/// an override added...); undo restores the old one. Edits within one editor session of
/// one field (`session` > 0, e.g. typing in the description) merge into one undo step.
class EditScenarioCommand final : public QUndoCommand
{
public:
    EditScenarioCommand(Document &document, std::size_t index, model::Scenario edited, const QString &text,
                        int session = 0, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    Document &m_document;
    std::size_t m_index;
    model::Scenario m_old;
    model::Scenario m_new;
    int m_session;
};

} // namespace nimbus::views
