// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include "inspectorselection.h"

#include <QStringList>
#include <QWidget>

#include <vector>

class QLabel;
class QScrollArea;
class QStackedWidget;

namespace nimbus::views {

class Document;
class PropertySheet;

/// The property inspector: shows the selected service, services of one type, or
/// connections, with an editor per catalog property (see PropertyEditor). It reads the
/// document and never changes it: every edit is pushed on the document's undo stack as a
/// command (SetNodePropertyCommand, SetEdgePropertyCommand, RenameNodeCommand; one parent
/// command when several items change at once). Its editors follow nodePropertyChanged,
/// edgePropertyChanged and nodeChanged in place, so undo and redo show up without a
/// rebuild; it rebuilds on setSelection() and documentReset(), and clears itself when a
/// shown item is removed. The document must outlive the panel.
class InspectorPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InspectorPanel)

public:
    explicit InspectorPanel(Document &document, QWidget *parent = nullptr);
    ~InspectorPanel() override;

    /// Shows these items (the canvas selection): services, or connections; a selection
    /// with both shows a summary. Repeating the shown selection changes nothing.
    void setSelection(const QStringList &nodeIds, const QStringList &edgeIds);
    QStringList shownNodes() const;
    QStringList shownEdges() const;
    /// The page shown for the current selection, or nullptr while the hint is shown.
    PropertySheet *sheet() const { return m_sheet; }

private:
    void rebuild();
    void showHint(const QString &text);
    void discardSheet();
    void disconnectEditors(QWidget &sheet);
    void commitPendingEdit();
    void buildNodeSheet(PropertySheet &sheet);
    void buildGenericSheet(PropertySheet &sheet);
    void buildEdgeSheet(PropertySheet &sheet);
    void addEditors(PropertySheet &sheet, const std::vector<model::PropertyDef> &definitions);
    void updateHeader();
    void applyValue(const model::PropertyDef &definition,
                    const std::optional<model::PropertyValue> &value, int session);
    void onNameEdited();

    void onDocumentReset();
    void onPropertyChanged(InspectorSelection::Kind kind, const QString &id, const QString &key);
    void onNodeChanged(const QString &id);
    void onItemRemoved(const QString &id);

    Document &m_document;
    InspectorSelection m_selection;
    QStackedWidget *m_pages;
    QLabel *m_hint;
    QScrollArea *m_scroll;
    PropertySheet *m_sheet = nullptr;
};

} // namespace nimbus::views
