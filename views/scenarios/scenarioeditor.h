// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/core/scenario.h>

#include <QStringList>
#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QTableWidgetItem;

namespace nimbus::views {

class Document;

/// Edits one scenario of a document: its description, traffic multiplier, region, free
/// tier, function architecture and table capacity mode ("As designed" leaves a setting
/// alone), and its per-service overrides (a table of service, property and value, plus a
/// row to add an override for the service selected on the canvas). Every edit pushes an
/// EditScenarioCommand; typing in one field merges into one undo step. The widgets show
/// what the document says and are refreshed on Document::scenariosChanged.
class ScenarioEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScenarioEditor)

public:
    enum OverrideColumn { ServiceColumn, PropertyColumn, ValueColumn };

    explicit ScenarioEditor(Document &document, QWidget *parent = nullptr);

    /// Which scenario is edited, by position in Architecture::scenarios(); -1 for none.
    void setScenarioIndex(int index);
    int scenarioIndex() const { return m_index; }
    /// Regions offered besides "As designed" (those Nimbus has price lists for).
    void setRegions(const QStringList &regions);
    /// The services selected on the canvas; the first one can get an override.
    void setSelectedServices(const QStringList &nodeIds);
    /// Rereads the scenario from the document.
    void refresh();

Q_SIGNALS:
    /// A value could not be used ("Memory must be between 128 and 10240 MB").
    void problem(const QString &message);

private:
    QWidget *createSettings();
    QWidget *createOverrides();
    const model::Scenario *scenario() const;
    void push(model::Scenario edited, const QString &text, int session = 0);
    void fillOverrides(const model::Scenario &s);
    void fillPropertyChoices();
    void onChoiceChanged(QComboBox *box, const char *field);
    void onOverrideEdited(QTableWidgetItem *item);
    void addOverride();
    void removeOverride();

    Document &m_document;
    int m_index = -1;
    int m_session = 1;
    QString m_selectedNode;
    QLineEdit *m_description = nullptr;
    QDoubleSpinBox *m_multiplier = nullptr;
    QComboBox *m_region = nullptr;
    QComboBox *m_freeTier = nullptr;
    QComboBox *m_architecture = nullptr;
    QComboBox *m_capacity = nullptr;
    QTableWidget *m_overrides = nullptr;
    QLabel *m_target = nullptr;
    QComboBox *m_property = nullptr;
    QLineEdit *m_value = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
};

} // namespace nimbus::views
