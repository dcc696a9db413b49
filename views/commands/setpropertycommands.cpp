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

namespace {

// What differs between a service and a connection: where the properties live, how they
// change, the merge id and the undo text.
const model::PropertyMap *propertiesOf(const Document &d, const model::NodeId &id)
{
    const model::Node *n = d.architecture().node(id);
    return n ? &n->properties : nullptr;
}

const model::PropertyMap *propertiesOf(const Document &d, const model::EdgeId &id)
{
    const model::Edge *e = d.architecture().edge(id);
    return e ? &e->properties : nullptr;
}

void apply(Document &d, const model::NodeId &id, const std::string &key, const std::optional<model::PropertyValue> &v)
{
    DocumentEditor::setNodeProperty(d, id, key, v);
}

void apply(Document &d, const model::EdgeId &id, const std::string &key, const std::optional<model::PropertyValue> &v)
{
    DocumentEditor::setEdgeProperty(d, id, key, v);
}

CommandId mergeId(const model::NodeId &)
{
    return CommandId::SetNodeProperty;
}

CommandId mergeId(const model::EdgeId &)
{
    return CommandId::SetEdgeProperty;
}

QString describe(const Document &d, const model::NodeId &id, const std::string &key)
{
    const model::Node *n = d.architecture().node(id);
    return QCoreApplication::translate("SetNodePropertyCommand", "Change %1 of %2")
        .arg(QString::fromStdString(key), n ? QString::fromStdString(n->name) : QString());
}

QString describe(const Document &, const model::EdgeId &, const std::string &key)
{
    return QCoreApplication::translate("SetEdgePropertyCommand", "Change %1 of a connection").arg(QString::fromStdString(key));
}

} // namespace

template<typename Id>
SetPropertyCommand<Id>::SetPropertyCommand(Document &document, Id target, std::string key,
                                           std::optional<model::PropertyValue> value, int session,
                                           QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_target(std::move(target))
    , m_key(std::move(key))
    , m_new(std::move(value))
    , m_session(session)
{
    const model::PropertyMap *properties = propertiesOf(document, m_target);
    if (properties)
        m_old = current(*properties, m_key);
    setText(describe(document, m_target, m_key));
    if (!properties || m_old == m_new)
        setObsolete(true);
}

template<typename Id>
void SetPropertyCommand<Id>::redo()
{
    apply(m_document, m_target, m_key, m_new);
}

template<typename Id>
void SetPropertyCommand<Id>::undo()
{
    apply(m_document, m_target, m_key, m_old);
}

template<typename Id>
int SetPropertyCommand<Id>::id() const
{
    return m_session > 0 ? static_cast<int>(mergeId(m_target)) : -1;
}

template<typename Id>
bool SetPropertyCommand<Id>::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const SetPropertyCommand *>(other);
    if (next->m_session != m_session || !(next->m_target == m_target) || next->m_key != m_key)
        return false;
    m_new = next->m_new;
    setObsolete(m_old == m_new);
    return true;
}

template class SetPropertyCommand<model::NodeId>;
template class SetPropertyCommand<model::EdgeId>;

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
