// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

// Three small sibling commands: node property, edge property and node name.

#include <views/document/document.h>

#include <QUndoCommand>

#include <optional>

namespace nimbus::views {

/// Sets one property of one service (nullopt: back to the catalog default); undo restores
/// the old value. Edits of the same property within one editor session (the inspector
/// passes a session number, closed on commit or focus loss) merge into one step.
class SetNodePropertyCommand final : public QUndoCommand
{
public:
    SetNodePropertyCommand(Document &document, model::NodeId node, std::string key,
                           std::optional<model::PropertyValue> value, int session = 0,
                           QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    Document &m_document;
    model::NodeId m_node;
    std::string m_key;
    std::optional<model::PropertyValue> m_old;
    std::optional<model::PropertyValue> m_new;
    int m_session;
};

/// Sets one property of one connection (multiplier, fraction, purpose...); same merge rule.
class SetEdgePropertyCommand final : public QUndoCommand
{
public:
    SetEdgePropertyCommand(Document &document, model::EdgeId edge, std::string key,
                           std::optional<model::PropertyValue> value, int session = 0,
                           QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    Document &m_document;
    model::EdgeId m_edge;
    std::string m_key;
    std::optional<model::PropertyValue> m_old;
    std::optional<model::PropertyValue> m_new;
    int m_session;
};

/// Renames a service; undo restores the old name.
class RenameNodeCommand final : public QUndoCommand
{
public:
    RenameNodeCommand(Document &document, model::NodeId node, std::string name, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    Document &m_document;
    model::NodeId m_node;
    std::string m_old;
    std::string m_new;
};

} // namespace nimbus::views
