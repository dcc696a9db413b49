// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/core/propertyvalue.h>

#include <QColor>
#include <QCoreApplication>
#include <QStringList>

#include <optional>

class QUndoCommand;

namespace nimbus::model {
struct Node;
struct PropertyDef;
struct ServiceType;
} // namespace nimbus::model

namespace nimbus::views {

class Document;
struct PropertyState;

/// The items the inspector shows (services or connections, by id) and what they say
/// together: the agreed value of a property, the header text, and the command that gives
/// all of them a new value. It holds ids only and reads the document on every call, so it
/// never goes stale; it changes nothing itself.
class InspectorSelection final
{
    Q_DECLARE_TR_FUNCTIONS(InspectorSelection)

public:
    enum class Kind { None, Services, Connections };

    explicit InspectorSelection(Document &document);

    /// Shows `ids` of `kind`, dropping the ids the document does not have.
    void set(Kind kind, QStringList ids);
    void clear() { set(Kind::None, {}); }
    Kind kind() const { return m_kind; }
    const QStringList &ids() const { return m_ids; }
    bool isEmpty() const { return m_ids.isEmpty(); }
    bool contains(const QString &id) const { return m_ids.contains(id); }
    /// False when an item was deleted behind the selection's back (after documentReset()).
    bool allExist() const;

    const model::PropertyMap *properties(const QString &id) const;
    /// The first selected service (nullptr for connections).
    const model::Node *firstNode() const;
    /// The catalog type shared by all selected services, or nullptr (mixed or generic).
    const model::ServiceType *sharedType() const;
    bool hasSharedNodeType() const;
    /// True when one of the selected connections starts or ends at service `nodeId`.
    bool touchesNode(const QString &nodeId) const;

    PropertyState state(const model::PropertyDef &definition) const;
    /// A command that gives the property `value` (nullopt: the default) on every item, or
    /// nullptr when that changes nothing. One item: a command that merges within `session`;
    /// several: one parent command, labelled with the count, with a child per change.
    QUndoCommand *makeCommand(const model::PropertyDef &definition,
                              const std::optional<model::PropertyValue> &value, int session) const;

    struct Header
    {
        QString title;
        QString subtitle;
        QColor colour; ///< invalid: no swatch
    };
    Header header() const;

private:
    Header nodeHeader() const;

    Document *m_document; ///< not owned; a pointer keeps selections assignable
    Kind m_kind = Kind::None;
    QStringList m_ids;
};

} // namespace nimbus::views
