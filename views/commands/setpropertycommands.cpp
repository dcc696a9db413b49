// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "setpropertycommands.h"

#include "commandid.h"

#include <views/document/documenteditor_p.h>

#include <QCoreApplication>

namespace nimbus::views {

namespace {

template<typename Map>
std::optional<model::PropertyValue> current(const Map &properties, const std::string &key)
{
    auto it = properties.find(key);
    return it == properties.end() ? std::nullopt : std::optional<model::PropertyValue>(it->second);
}

} // namespace

SetNodePropertyCommand::SetNodePropertyCommand(Document &document, model::NodeId node, std::string key,
                                               std::optional<model::PropertyValue> value, int session,
                                               QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_node(std::move(node))
    , m_key(std::move(key))
    , m_new(std::move(value))
    , m_session(session)
{
    const model::Node *n = document.architecture().node(m_node);
    if (n)
        m_old = current(n->properties, m_key);
    setText(QCoreApplication::translate("SetNodePropertyCommand", "Change %1 of %2")
                .arg(QString::fromStdString(m_key), n ? QString::fromStdString(n->name) : QString()));
    if (!n || m_old == m_new)
        setObsolete(true);
}

void SetNodePropertyCommand::redo()
{
    DocumentEditor::setNodeProperty(m_document, m_node, m_key, m_new);
}

void SetNodePropertyCommand::undo()
{
    DocumentEditor::setNodeProperty(m_document, m_node, m_key, m_old);
}

int SetNodePropertyCommand::id() const
{
    return m_session > 0 ? static_cast<int>(CommandId::SetNodeProperty) : -1;
}

bool SetNodePropertyCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const SetNodePropertyCommand *>(other);
    if (next->m_session != m_session || !(next->m_node == m_node) || next->m_key != m_key)
        return false;
    m_new = next->m_new;
    setObsolete(m_old == m_new);
    return true;
}

SetEdgePropertyCommand::SetEdgePropertyCommand(Document &document, model::EdgeId edge, std::string key,
                                               std::optional<model::PropertyValue> value, int session,
                                               QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_edge(std::move(edge))
    , m_key(std::move(key))
    , m_new(std::move(value))
    , m_session(session)
{
    const model::Edge *e = document.architecture().edge(m_edge);
    if (e)
        m_old = current(e->properties, m_key);
    setText(QCoreApplication::translate("SetEdgePropertyCommand", "Change %1 of a connection")
                .arg(QString::fromStdString(m_key)));
    if (!e || m_old == m_new)
        setObsolete(true);
}

void SetEdgePropertyCommand::redo()
{
    DocumentEditor::setEdgeProperty(m_document, m_edge, m_key, m_new);
}

void SetEdgePropertyCommand::undo()
{
    DocumentEditor::setEdgeProperty(m_document, m_edge, m_key, m_old);
}

int SetEdgePropertyCommand::id() const
{
    return m_session > 0 ? static_cast<int>(CommandId::SetEdgeProperty) : -1;
}

bool SetEdgePropertyCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const SetEdgePropertyCommand *>(other);
    if (next->m_session != m_session || !(next->m_edge == m_edge) || next->m_key != m_key)
        return false;
    m_new = next->m_new;
    setObsolete(m_old == m_new);
    return true;
}

RenameNodeCommand::RenameNodeCommand(Document &document, model::NodeId node, std::string name,
                                     QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_node(std::move(node))
    , m_new(std::move(name))
{
    const model::Node *n = document.architecture().node(m_node);
    if (n)
        m_old = n->name;
    setText(QCoreApplication::translate("RenameNodeCommand", "Rename %1 to %2")
                .arg(QString::fromStdString(m_old), QString::fromStdString(m_new)));
    if (!n || m_old == m_new)
        setObsolete(true);
}

void RenameNodeCommand::redo()
{
    DocumentEditor::renameNode(m_document, m_node, m_new);
}

void RenameNodeCommand::undo()
{
    DocumentEditor::renameNode(m_document, m_node, m_old);
}

} // namespace nimbus::views
