// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

#include <vector>

class QGridLayout;
class QLabel;
class QLineEdit;

namespace nimbus::model {
struct PropertyDef;
}

namespace nimbus::views {

class PropertyEditor;

/// The page the inspector shows for one selection: a header (colour swatch, title,
/// subtitle, description) above one grid of rows (name, read-only facts, sections of
/// property editors), so that labels and editors line up across all sections. It only
/// lays widgets out; the InspectorPanel fills it and reacts to its editors.
class PropertySheet final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PropertySheet)

public:
    explicit PropertySheet(QWidget *parent = nullptr);

    /// Sets the header; an invalid `colour` hides the swatch.
    void setHeader(const QString &title, const QString &subtitle, const QColor &colour);
    void setDescription(const QString &text);
    /// Adds the editable "Name" row (object name "name-edit").
    QLineEdit *addNameRow();
    /// Adds a read-only row; the value can be selected and copied.
    QLabel *addInfoRow(const QString &label, const QString &value, const QString &objectName = {});
    /// Starts a titled section (Configuration, Workload, ...).
    void addSection(const QString &title);
    PropertyEditor *addEditor(const model::PropertyDef &definition);
    /// Adds a paragraph of explanatory text across the whole width.
    void addNote(const QString &text);

    QLineEdit *nameEdit() const { return m_nameEdit; }
    QLabel *titleLabel() const { return m_title; }
    QLabel *subtitleLabel() const { return m_subtitle; }
    /// The editor of property `key`, or nullptr.
    PropertyEditor *editor(const QString &key) const;
    const std::vector<PropertyEditor *> &editors() const { return m_editors; }

private:
    QLabel *m_swatch;
    QLabel *m_title;
    QLabel *m_subtitle;
    QLabel *m_description;
    QGridLayout *m_grid;
    int m_row = 0;
    QLineEdit *m_nameEdit = nullptr;
    std::vector<PropertyEditor *> m_editors;
};

} // namespace nimbus::views
