// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

// Property changes of services and connections (one template), and renaming a service.

#include <views/document/document.h>

#include <QUndoCommand>

#include <optional>

namespace nimbus::views {

/// Sets one property of one service or connection (nullopt: back to the default); undo
/// restores the old value. Edits of the same property within one editor session (the
/// inspector passes a session number, closed on commit or focus loss) merge into one step.
/// `Id` is model::NodeId or model::EdgeId.
template<typename Id>
class SetPropertyCommand final : public QUndoCommand
{
public:
    SetPropertyCommand(Document &document, Id target, std::string key, std::optional<model::PropertyValue> value,
                       int session = 0, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    Document &m_document;
    Id m_target;
    std::string m_key;
    std::optional<model::PropertyValue> m_old;
    std::optional<model::PropertyValue> m_new;
    int m_session;
};

using SetNodePropertyCommand = SetPropertyCommand<model::NodeId>;
using SetEdgePropertyCommand = SetPropertyCommand<model::EdgeId>;

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
