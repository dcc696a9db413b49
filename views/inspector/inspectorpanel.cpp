// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "inspectorpanel.h"

#include "propertyeditor.h"
#include "propertysheet.h"

#include <views/commands/setpropertycommands.h>
#include <views/document/document.h>

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace nimbus::views {

namespace {

using Kind = InspectorSelection::Kind;

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

/// The groups used by `definitions`: the four known ones in their fixed order, then any
/// other group in catalog order.
std::vector<std::string> groupsOf(const std::vector<model::PropertyDef> &definitions)
{
    std::vector<std::string> groups = {"Configuration", "Workload", "Reliability", "Security"};
    for (const model::PropertyDef &def : definitions) {
        if (std::find(groups.begin(), groups.end(), def.group) == groups.end())
            groups.push_back(def.group);
    }
    std::erase_if(groups, [&](const std::string &group) {
        return std::none_of(definitions.begin(), definitions.end(),
                            [&](const model::PropertyDef &def) { return def.group == group; });
    });
    return groups;
}

} // namespace

InspectorPanel::InspectorPanel(Document &document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_selection(document)
    , m_pages(new QStackedWidget(this))
    , m_hint(new QLabel(m_pages))
    , m_scroll(new QScrollArea(m_pages))
{
    setObjectName(QStringLiteral("inspector"));
    m_hint->setObjectName(QStringLiteral("inspector-hint"));
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_hint->setMargin(24);
    QPalette hintPalette = m_hint->palette();
    hintPalette.setColor(QPalette::WindowText, hintPalette.color(QPalette::PlaceholderText));
    m_hint->setPalette(hintPalette);

    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_pages->addWidget(m_hint);
    m_pages->addWidget(m_scroll);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    connect(&m_document, &Document::documentReset, this, &InspectorPanel::onDocumentReset);
    connect(&m_document, &Document::nodePropertyChanged, this,
            [this](const QString &id, const QString &key) {
                onPropertyChanged(Kind::Services, id, key);
            });
    connect(&m_document, &Document::edgePropertyChanged, this,
            [this](const QString &id, const QString &key) {
                onPropertyChanged(Kind::Connections, id, key);
            });
    connect(&m_document, &Document::nodeChanged, this, &InspectorPanel::onNodeChanged);
    connect(&m_document, &Document::nodeRemoved, this, &InspectorPanel::onItemRemoved);
    connect(&m_document, &Document::edgeRemoved, this, &InspectorPanel::onItemRemoved);
    rebuild();
}

InspectorPanel::~InspectorPanel()
{
    // Closing the window takes the focus away from an editor, which would commit into a
    // half-destroyed panel (and maybe a document that is already gone).
    if (m_sheet)
        disconnectEditors(*m_sheet);
}

void InspectorPanel::setSelection(const QStringList &nodeIds, const QStringList &edgeIds)
{
    const Kind kind = !nodeIds.isEmpty() && edgeIds.isEmpty()   ? Kind::Services
                      : nodeIds.isEmpty() && !edgeIds.isEmpty() ? Kind::Connections
                                                                : Kind::None;
    InspectorSelection next(m_document);
    next.set(kind, kind == Kind::Services ? nodeIds : edgeIds);
    // The canvas may repeat a selection; rebuilding would disturb an editor in use.
    if (m_sheet && next.kind() == m_selection.kind() && next.ids() == m_selection.ids())
        return;

    commitPendingEdit();
    m_selection = next;
    if (!nodeIds.isEmpty() && !edgeIds.isEmpty()) {
        const QString services =
            nodeIds.size() == 1 ? tr("One service") : tr("%1 services").arg(nodeIds.size());
        const QString connections =
            edgeIds.size() == 1 ? tr("one connection") : tr("%1 connections").arg(edgeIds.size());
        showHint(tr("%1 and %2 are selected. Select only services or only connections to see their "
                    "properties.")
                     .arg(services, connections));
        return;
    }
    rebuild();
}

QStringList InspectorPanel::shownNodes() const
{
    return m_selection.kind() == Kind::Services ? m_selection.ids() : QStringList();
}

QStringList InspectorPanel::shownEdges() const
{
    return m_selection.kind() == Kind::Connections ? m_selection.ids() : QStringList();
}

void InspectorPanel::rebuild()
{
    discardSheet();
    if (m_selection.isEmpty()) {
        showHint(tr("Select a service or a connection to see its properties"));
        return;
    }
    m_sheet = new PropertySheet;
    if (m_selection.kind() == Kind::Services)
        buildNodeSheet(*m_sheet);
    else
        buildEdgeSheet(*m_sheet);
    updateHeader();
    m_scroll->setWidget(m_sheet);
    m_pages->setCurrentWidget(m_scroll);
}

void InspectorPanel::showHint(const QString &text)
{
    discardSheet();
    m_hint->setText(text);
    m_pages->setCurrentWidget(m_hint);
}

void InspectorPanel::discardSheet()
{
    if (!m_sheet)
        return;
    // Cut the old editors off first: hiding a focused one would otherwise commit its text
    // to the items shown next. It may be inside one of its own signals, so delete it later.
    QWidget *old = m_scroll->takeWidget();
    m_sheet = nullptr;
    if (!old)
        return;
    disconnectEditors(*old);
    old->hide();
    old->deleteLater();
}

void InspectorPanel::disconnectEditors(QWidget &sheet)
{
    const QList<QObject *> children = sheet.findChildren<QObject *>();
    for (QObject *child : children)
        child->disconnect(this);
}

void InspectorPanel::commitPendingEdit()
{
    // Moving focus away makes the editor commit what the user typed, to the items shown now.
    QWidget *focus = QApplication::focusWidget();
    if (m_sheet && focus && m_sheet->isAncestorOf(focus))
        focus->clearFocus();
}

void InspectorPanel::buildNodeSheet(PropertySheet &sheet)
{
    const model::ServiceType *type = m_selection.sharedType();
    if (m_selection.ids().size() == 1) {
        if (!type) {
            buildGenericSheet(sheet);
            return;
        }
        sheet.setDescription(q(type->description));
        connect(sheet.addNameRow(), &QLineEdit::editingFinished, this,
                &InspectorPanel::onNameEdited);
    }
    if (!type) {
        sheet.addNote(m_selection.hasSharedNodeType()
                          ? tr("Nimbus has no service type for these resources. Select one of them "
                               "to see its properties.")
                          : tr("These services are of different types. Select services of one type "
                               "to edit their properties together."));
        return;
    }
    if (type->properties.empty())
        sheet.addNote(tr("This service has no settings of its own."));
    addEditors(sheet, type->properties);
}

void InspectorPanel::buildGenericSheet(PropertySheet &sheet)
{
    const model::Node *node = m_selection.firstNode();
    connect(sheet.addNameRow(), &QLineEdit::editingFinished, this, &InspectorPanel::onNameEdited);
    sheet.addInfoRow(tr("Type"), q(node->type), QStringLiteral("generic-type"));
    sheet.addSection(tr("Properties"));
    for (const auto &[key, value] : node->properties)
        sheet.addInfoRow(q(key), q(model::toString(value)), QStringLiteral("property-") + q(key));
    if (node->properties.empty())
        sheet.addNote(tr("No properties."));
    sheet.addNote(
        tr("Nimbus has no service type for this resource, so it is kept as read from the file "
           "and its properties cannot be edited here."));
}

void InspectorPanel::buildEdgeSheet(PropertySheet &sheet)
{
    const model::Architecture &arch = m_document.architecture();
    std::vector<model::ConnectionKind> kinds;
    for (const QString &id : m_selection.ids())
        kinds.push_back(arch.edge(model::EdgeId(id.toStdString()))->kind);
    const bool sameKind =
        std::all_of(kinds.begin(), kinds.end(), [&](auto kind) { return kind == kinds.front(); });
    sheet.addInfoRow(tr("Kind"),
                     sameKind ? QString::fromUtf8(model::connectionKindName(kinds.front()).data())
                              : tr("— mixed —"),
                     QStringLiteral("connection-kind"));
    addEditors(sheet, m_document.catalog().edgeProperties());
}

void InspectorPanel::addEditors(PropertySheet &sheet,
                                const std::vector<model::PropertyDef> &definitions)
{
    for (const std::string &group : groupsOf(definitions)) {
        sheet.addSection(q(group));
        for (const model::PropertyDef &def : definitions) {
            if (def.group != group)
                continue;
            PropertyEditor *editor = sheet.addEditor(def);
            editor->setState(m_selection.state(def));
            connect(editor, &PropertyEditor::valueEdited, this,
                    [this, editor](const model::PropertyValue &value, int session) {
                        applyValue(editor->definition(), value, session);
                    });
            connect(editor, &PropertyEditor::resetRequested, this,
                    [this, editor] { applyValue(editor->definition(), std::nullopt, 0); });
        }
    }
}

void InspectorPanel::updateHeader()
{
    if (!m_sheet)
        return;
    const InspectorSelection::Header header = m_selection.header();
    m_sheet->setHeader(header.title, header.subtitle, header.colour);
    const model::Node *node = m_selection.firstNode();
    QLineEdit *edit = m_sheet->nameEdit();
    if (node && edit && edit->text() != q(node->name)) {
        const QSignalBlocker blocker(edit);
        edit->setText(q(node->name));
        edit->setCursorPosition(0);
    }
}

void InspectorPanel::applyValue(const model::PropertyDef &definition,
                                const std::optional<model::PropertyValue> &value, int session)
{
    if (QUndoCommand *command = m_selection.makeCommand(definition, value, session))
        m_document.undoStack()->push(command);
}

void InspectorPanel::onNameEdited()
{
    const model::Node *node = m_selection.firstNode();
    if (!node || m_selection.ids().size() != 1 || !m_sheet || !m_sheet->nameEdit())
        return;
    const QString name = m_sheet->nameEdit()->text().trimmed();
    if (name.isEmpty()) {
        m_sheet->nameEdit()->setText(q(node->name)); // a service needs a name
        return;
    }
    if (name.toStdString() != node->name)
        m_document.undoStack()->push(
            new RenameNodeCommand(m_document, node->id, name.toStdString()));
}

void InspectorPanel::onDocumentReset()
{
    // The ids may now name other things, or nothing: a design was opened or recovered.
    if (!m_selection.allExist())
        m_selection.clear();
    rebuild();
}

void InspectorPanel::onPropertyChanged(InspectorSelection::Kind kind, const QString &id,
                                       const QString &key)
{
    if (!m_sheet || m_selection.kind() != kind || !m_selection.contains(id))
        return;
    if (PropertyEditor *editor = m_sheet->editor(key))
        editor->setState(m_selection.state(editor->definition()));
    else if (kind == Kind::Services && !m_selection.sharedType())
        rebuild(); // a generic service's read-only list; it has no editor to disturb
}

void InspectorPanel::onNodeChanged(const QString &id)
{
    if (m_sheet && (m_selection.contains(id) || m_selection.touchesNode(id)))
        updateHeader();
}

void InspectorPanel::onItemRemoved(const QString &id)
{
    // Ids are unique across services and connections, so one handler serves both signals.
    if (!m_selection.contains(id))
        return;
    m_selection.clear();
    rebuild();
}

} // namespace nimbus::views
