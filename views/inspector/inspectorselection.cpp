// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "inspectorselection.h"

#include "propertyeditor.h"

#include <views/commands/setpropertycommands.h>
#include <views/document/document.h>

#include <QUndoCommand>

#include <algorithm>

namespace nimbus::views {

namespace {

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

/// True for equal values; an integer and a double holding the same number are equal, so
/// that editing 512 into 512.0 is not a change.
bool sameValue(const std::optional<model::PropertyValue> &a,
               const std::optional<model::PropertyValue> &b)
{
    if (!a || !b)
        return !a && !b;
    const std::optional<double> x = model::toNumber(*a);
    const std::optional<double> y = model::toNumber(*b);
    if (x && y)
        return *x == *y;
    return *a == *b;
}

std::optional<model::PropertyValue> explicitValue(const model::PropertyMap &properties,
                                                  const std::string &key)
{
    const auto it = properties.find(key);
    return it == properties.end() ? std::nullopt : std::optional<model::PropertyValue>(it->second);
}

} // namespace

InspectorSelection::InspectorSelection(Document &document)
    : m_document(&document)
{
}

void InspectorSelection::set(Kind kind, QStringList ids)
{
    m_kind = kind;
    ids.removeIf([this](const QString &id) { return !properties(id); });
    m_ids = std::move(ids);
    if (m_ids.isEmpty())
        m_kind = Kind::None;
}

bool InspectorSelection::allExist() const
{
    return std::all_of(m_ids.begin(), m_ids.end(),
                       [this](const QString &id) { return properties(id); });
}

const model::PropertyMap *InspectorSelection::properties(const QString &id) const
{
    const model::Architecture &arch = m_document->architecture();
    if (m_kind == Kind::Connections) {
        const model::Edge *edge = arch.edge(model::EdgeId(id.toStdString()));
        return edge ? &edge->properties : nullptr;
    }
    if (m_kind == Kind::Services) {
        const model::Node *node = arch.node(model::NodeId(id.toStdString()));
        return node ? &node->properties : nullptr;
    }
    return nullptr;
}

const model::Node *InspectorSelection::firstNode() const
{
    if (m_kind != Kind::Services || m_ids.isEmpty())
        return nullptr;
    return m_document->architecture().node(model::NodeId(m_ids.first().toStdString()));
}

bool InspectorSelection::hasSharedNodeType() const
{
    const model::Node *first = firstNode();
    const model::Architecture &arch = m_document->architecture();
    return first && std::all_of(m_ids.begin(), m_ids.end(), [&](const QString &id) {
               const model::Node *node = arch.node(model::NodeId(id.toStdString()));
               return node && node->type == first->type;
           });
}

const model::ServiceType *InspectorSelection::sharedType() const
{
    return hasSharedNodeType() ? m_document->catalog().type(firstNode()->type) : nullptr;
}

bool InspectorSelection::touchesNode(const QString &nodeId) const
{
    if (m_kind != Kind::Connections)
        return false;
    const model::Architecture &arch = m_document->architecture();
    return std::any_of(m_ids.begin(), m_ids.end(), [&](const QString &id) {
        const model::Edge *edge = arch.edge(model::EdgeId(id.toStdString()));
        return edge && (q(edge->source.str()) == nodeId || q(edge->target.str()) == nodeId);
    });
}

PropertyState InspectorSelection::state(const model::PropertyDef &definition) const
{
    PropertyState state;
    std::optional<model::PropertyValue> common;
    bool first = true;
    for (const QString &id : m_ids) {
        const model::PropertyMap *map = properties(id);
        if (!map)
            continue;
        std::optional<model::PropertyValue> value = explicitValue(*map, definition.key);
        state.isSet = state.isSet || value.has_value();
        if (!value)
            value = definition.defaultValue;
        if (first)
            common = value;
        else if (!sameValue(common, value))
            state.isMixed = true;
        first = false;
    }
    if (!state.isMixed) {
        state.value = common;
        state.isDefault = common && !state.isSet;
    }
    return state;
}

QUndoCommand *InspectorSelection::makeCommand(const model::PropertyDef &definition,
                                              const std::optional<model::PropertyValue> &value,
                                              int session) const
{
    QStringList changing;
    for (const QString &id : m_ids) {
        const model::PropertyMap *map = properties(id);
        if (map && !sameValue(explicitValue(*map, definition.key), value))
            changing << id;
    }
    if (changing.isEmpty())
        return nullptr;
    const bool services = m_kind == Kind::Services;
    auto command = [&](const QString &id, int commandSession,
                       QUndoCommand *parent) -> QUndoCommand * {
        if (services)
            return new SetNodePropertyCommand(*m_document, model::NodeId(id.toStdString()),
                                              definition.key, value, commandSession, parent);
        return new SetEdgePropertyCommand(*m_document, model::EdgeId(id.toStdString()),
                                          definition.key, value, commandSession, parent);
    };
    if (m_ids.size() == 1)
        return command(changing.first(), session, nullptr);

    // One step for the whole selection. It does not merge, so each arrow step over a
    // multi-selection is its own undo step.
    auto *parent = new QUndoCommand;
    for (const QString &id : std::as_const(changing))
        command(id, 0, parent);
    QString text; // counts the whole selection: the user's intent covers them all
    if (services)
        text = value ? tr("Change %1 of %2 services") : tr("Reset %1 of %2 services");
    else
        text = value ? tr("Change %1 of %2 connections") : tr("Reset %1 of %2 connections");
    parent->setText(text.arg(q(definition.label)).arg(m_ids.size()));
    return parent;
}

InspectorSelection::Header InspectorSelection::header() const
{
    if (m_kind == Kind::Services)
        return nodeHeader();
    if (m_kind != Kind::Connections)
        return {};
    const model::Architecture &arch = m_document->architecture();
    QStringList ends;
    for (const QString &id : m_ids) {
        const model::Edge *edge = arch.edge(model::EdgeId(id.toStdString()));
        const model::Node *source = edge ? arch.node(edge->source) : nullptr;
        const model::Node *target = edge ? arch.node(edge->target) : nullptr;
        if (source && target)
            ends << tr("%1 -> %2").arg(q(source->name), q(target->name));
    }
    if (m_ids.size() == 1)
        return {tr("Connection: %1").arg(ends.value(0)), m_ids.first(), QColor()};
    return {tr("%1 connections").arg(m_ids.size()), ends.join(QStringLiteral(", ")), QColor()};
}

InspectorSelection::Header InspectorSelection::nodeHeader() const
{
    const model::Catalog &catalog = m_document->catalog();
    const model::Architecture &arch = m_document->architecture();
    const model::Node *first = firstNode();
    const model::ServiceType *type = sharedType();
    const model::Category *category = type ? catalog.category(type->category) : nullptr;
    const QColor colour = category ? QColor(q(category->color)) : QColor();
    if (m_ids.size() == 1) {
        const QString kind = category ? q(category->name) : tr("Generic resource");
        return {type ? q(type->name) : q(first->type), tr("%1 · %2").arg(kind, m_ids.first()),
                colour};
    }
    QStringList names;
    for (const QString &id : m_ids) {
        if (const model::Node *node = arch.node(model::NodeId(id.toStdString())))
            names << q(node->name);
    }
    const QString title = type ? tr("%1 × %2").arg(m_ids.size()).arg(q(type->name))
                               : tr("%1 services").arg(m_ids.size());
    return {title, names.join(QStringLiteral(", ")), colour};
}

} // namespace nimbus::views
