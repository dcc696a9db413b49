// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/core/catalog.h>

#include <QObject>

#include <optional>

class QGridLayout;
class QLabel;
class QToolButton;
class QWidget;

namespace nimbus::views {

/// What one editor shows for one property of the selected items.
struct PropertyState
{
    std::optional<model::PropertyValue> value; ///< the agreed value; nullopt when unset or mixed
    bool isDefault = false; ///< the value is the catalog default, set on none of the items
    bool isMixed = false;   ///< the items disagree
    bool isSet = false;     ///< at least one item sets the property, so it can be reset
};

/// One row of the inspector for one PropertyDef: label, editor, reset button and an error
/// line. It shows a PropertyState and reports what the user entered; it never touches the
/// document. Values that checkPropertyValue() refuses are not reported but explained in the
/// error line. Spin boxes open a new editing session on every focus-in and close it on
/// commit (Enter) or focus loss, so that the steps of one session can merge into one undo
/// step; other editors report session 0 (never merges).
class PropertyEditor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PropertyEditor)

public:
    /// The widgets are created as children of `parent`; addTo() places them.
    PropertyEditor(model::PropertyDef definition, QWidget *parent);

    const model::PropertyDef &definition() const { return m_def; }
    /// Places label, editor and reset button in columns 0-2 of `row` and the error line
    /// below the editor; returns the next free row.
    int addTo(QGridLayout &grid, int row);
    /// Shows `state` without emitting anything; keeps the editor's text and cursor when the
    /// shown value does not change (the user may be typing in it).
    void setState(const PropertyState &state);
    const PropertyState &state() const { return m_state; }
    QWidget *editor() const { return m_editor; }
    /// The open editing session, or 0 when none is open.
    int session() const { return m_session; }

Q_SIGNALS:
    void valueEdited(const model::PropertyValue &value, int session);
    void resetRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *createEditor(QWidget *parent);
    void connectEditor();
    void showValue();
    void showNumber(const std::optional<double> &number);
    void showLighterStyle(bool lighter);
    void commit(const model::PropertyValue &value, bool merging);
    void commitText();
    QString stateText() const;
    QString unitSuffix() const;
    QString toolTipText() const;

    model::PropertyDef m_def;
    PropertyState m_state;
    double m_minimum = 0; ///< of a spin box, without the "no value" step; set by createEditor()
    int m_session = 0;
    QLabel *m_label;
    QWidget *m_editor;
    QToolButton *m_reset;
    QLabel *m_error;
};

} // namespace nimbus::views
