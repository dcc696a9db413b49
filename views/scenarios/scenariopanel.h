// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/cost/currency.h>
#include <model/cost/scenariocomparison.h>

#include <QWidget>

#include <vector>

class QCheckBox;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QTableWidget;
class QVBoxLayout;

namespace nimbus::views {

class Document;
class ScenarioEditor;

/// The "Scenarios" dock: the scenarios of the design (add, duplicate, rename, delete, each an
/// undo step), the editor of the selected one (ScenarioEditor), and the comparison table of
/// the variants the app hands in with setComparison() (As designed and each scenario, or
/// two design files): monthly cost, servers, break-even, 3-year saving and findings, in the
/// user's currency. "Show on canvas" picks the scenario the canvas and cost table price
/// (view state, announced by activeScenarioChanged()). Below the table is a slot for the
/// variants chart (setChartWidget()), which the panel does not build itself.
class ScenarioPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScenarioPanel)

public:
    enum Column { NameColumn, RegionColumn, MonthlyColumn, ServersColumn, BreakEvenColumn, SavingColumn, FindingsColumn };

    explicit ScenarioPanel(Document &document, QWidget *parent = nullptr);

    ScenarioEditor *editor() const { return m_editor; }
    QListWidget *list() const { return m_list; }
    QTableWidget *comparisonTable() const { return m_table; }

    /// The rows of the comparison table, in this order; `title` says what is compared
    /// ("Scenarios of Web application", "This design against other.nimbus").
    void setComparison(const std::vector<model::VariantSummary> &rows, const QString &title,
                       bool designs = false);
    const std::vector<model::VariantSummary> &comparison() const { return m_rows; }
    /// Currency of the money columns; takes effect at once.
    void setCurrency(const model::Currency &currency);
    void setRegions(const QStringList &regions);
    void setSelectedServices(const QStringList &nodeIds);
    /// The place below the table for the variants chart (views::charts::variantsChart in a
    /// QChartView); the panel takes ownership and replaces any earlier one.
    void setChartWidget(QWidget *chart);
    QWidget *chartWidget() const { return m_chart; }
    /// Name of the scenario shown on the canvas; empty for the design as drawn.
    QString activeScenario() const { return m_active; }
    /// Selects the scenario at `index` in the list (and the editor).
    void selectScenario(int index);

Q_SIGNALS:
    void activeScenarioChanged(const QString &name);
    /// The comparison of two design files was closed; the app shows scenarios again.
    void designComparisonClosed();
    void problem(const QString &message);

private:
    QWidget *createList();
    QWidget *createComparison();
    void refreshList();
    void fillTable();
    bool roomForScenario();
    void addScenario();
    void duplicateScenario();
    void deleteScenario();
    void onItemRenamed(QListWidgetItem *item);
    void setActive(const QString &name);
    int currentIndex() const;

    Document &m_document;
    QListWidget *m_list = nullptr;
    QPushButton *m_duplicate = nullptr;
    QPushButton *m_rename = nullptr;
    QPushButton *m_delete = nullptr;
    QCheckBox *m_showOnCanvas = nullptr;
    ScenarioEditor *m_editor = nullptr;
    QLabel *m_title = nullptr;
    QPushButton *m_closeDesigns = nullptr;
    QTableWidget *m_table = nullptr;
    QVBoxLayout *m_chartSlot = nullptr;
    QWidget *m_chart = nullptr;
    std::vector<model::VariantSummary> m_rows;
    model::Currency m_currency;
    QString m_active;
};

} // namespace nimbus::views
