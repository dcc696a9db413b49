// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "scenariopanel.h"

#include "scenarioeditor.h"

#include <views/commands/scenariocommands.h>
#include <views/document/document.h>

#include <model/core/propertyvalue.h>

#include <QCheckBox>
#include <QColor>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTextDocument>
#include <QTableWidget>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace nimbus::views {

namespace {

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

QTableWidgetItem *cell(const QString &text, bool number = false)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QString findingsText(const model::VariantSummary &row)
{
    if (row.errors == 0 && row.warnings == 0)
        return ScenarioPanel::tr("none");
    QStringList parts;
    if (row.errors)
        parts << ScenarioPanel::tr("%n error(s)", nullptr, row.errors);
    if (row.warnings)
        parts << ScenarioPanel::tr("%n warning(s)", nullptr, row.warnings);
    return parts.join(QStringLiteral(", "));
}

} // namespace

ScenarioPanel::ScenarioPanel(Document &document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    m_editor = new ScenarioEditor(document, this);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(createList());
    splitter->addWidget(m_editor);
    splitter->addWidget(createComparison());
    // The chart beside the table, not under it: the bottom docks are wide and low.
    auto *chartHolder = new QWidget;
    chartHolder->setObjectName(QStringLiteral("scenario-chart-slot"));
    m_chartSlot = new QVBoxLayout(chartHolder);
    m_chartSlot->setContentsMargins(0, 0, 0, 0);
    splitter->addWidget(chartHolder);
    chartHolder->hide();
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 2);
    splitter->setStretchFactor(3, 2);
    splitter->setSizes({170, 330, 560, 420});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);

    connect(m_editor, &ScenarioEditor::problem, this, &ScenarioPanel::problem);
    connect(&m_document, &Document::scenariosChanged, this, &ScenarioPanel::refreshList);
    connect(&m_document, &Document::documentReset, this, [this] {
        setActive(QString());
        refreshList();
        selectScenario(m_list->count() ? 0 : -1);
    });
    refreshList();
    selectScenario(m_list->count() ? 0 : -1);
}

QWidget *ScenarioPanel::createList()
{
    auto *box = new QWidget;
    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("scenario-list"));
    m_list->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    auto button = [](const QString &text, const char *name, const QString &tip) {
        auto *b = new QPushButton(text);
        b->setObjectName(QLatin1String(name));
        b->setToolTip(tip);
        return b;
    };
    auto *add = button(tr("Add"), "scenario-add", tr("Add a scenario: the design under other traffic and settings"));
    m_duplicate = button(tr("Duplicate"), "scenario-duplicate", tr("Copy the selected scenario"));
    m_rename = button(tr("Rename"), "scenario-rename", tr("Rename the selected scenario"));
    m_delete = button(tr("Delete"), "scenario-delete", tr("Delete the selected scenario"));
    m_showOnCanvas = new QCheckBox(tr("Show on canvas"));
    m_showOnCanvas->setObjectName(QStringLiteral("scenario-show-on-canvas"));
    m_showOnCanvas->setToolTip(tr("Price the canvas and the cost table as this scenario sees the design "
                                  "(not saved; the design itself does not change)"));
    connect(add, &QPushButton::clicked, this, &ScenarioPanel::addScenario);
    connect(m_duplicate, &QPushButton::clicked, this, &ScenarioPanel::duplicateScenario);
    connect(m_rename, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem *item = m_list->currentItem())
            m_list->editItem(item);
    });
    connect(m_delete, &QPushButton::clicked, this, &ScenarioPanel::deleteScenario);
    connect(m_showOnCanvas, &QCheckBox::toggled, this, [this](bool on) {
        const int index = currentIndex();
        const auto &all = m_document.architecture().scenarios();
        setActive(on && index >= 0 ? qs(all[std::size_t(index)].name) : QString());
    });
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        m_editor->setScenarioIndex(row);
        refreshList();
    });
    connect(m_list, &QListWidget::itemChanged, this, &ScenarioPanel::onItemRenamed);

    auto *buttons = new QGridLayout;
    buttons->addWidget(add, 0, 0);
    buttons->addWidget(m_duplicate, 0, 1);
    buttons->addWidget(m_rename, 1, 0);
    buttons->addWidget(m_delete, 1, 1);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_showOnCanvas);
    return box;
}

QWidget *ScenarioPanel::createComparison()
{
    auto *box = new QWidget;
    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("scenario-comparison-title"));
    m_closeDesigns = new QPushButton(tr("Back to Scenarios"));
    m_closeDesigns->setObjectName(QStringLiteral("scenario-close-designs"));
    m_closeDesigns->hide();
    connect(m_closeDesigns, &QPushButton::clicked, this, &ScenarioPanel::designComparisonClosed);
    m_table = new QTableWidget(0, 7);
    m_table->setObjectName(QStringLiteral("scenario-comparison"));
    m_table->setHorizontalHeaderLabels({tr("Variant"), tr("Region"), tr("Monthly"), tr("Servers"), tr("Break-even"),
                                        tr("3-year saving"), tr("Findings")});
    const QStringList tips = {QString(), QString(), tr("Serverless estimate per month"),
                              tr("The same workload on servers per month: instances, operations labour, standby"),
                              tr("Traffic multiple at which serverless and servers cost the same"),
                              tr("Servers minus serverless over three years, all in; negative when servers cost less"),
                              tr("Validation findings of the variant")};
    for (int c = 0; c < tips.size(); ++c)
        m_table->horizontalHeaderItem(c)->setToolTip(tips[c]);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);

    auto *top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(m_closeDesigns);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    return box;
}

int ScenarioPanel::currentIndex() const
{
    const int row = m_list->currentRow();
    return row >= 0 && row < int(m_document.architecture().scenarios().size()) ? row : -1;
}

void ScenarioPanel::selectScenario(int index)
{
    m_list->setCurrentRow(index);
    m_editor->setScenarioIndex(currentIndex());
}

void ScenarioPanel::refreshList()
{
    const auto &all = m_document.architecture().scenarios();
    {
        const QSignalBlocker block(m_list);
        const int row = m_list->currentRow();
        while (m_list->count() > int(all.size()))
            delete m_list->takeItem(m_list->count() - 1);
        for (std::size_t i = 0; i < all.size(); ++i) {
            QListWidgetItem *item = m_list->item(int(i));
            if (!item) {
                item = new QListWidgetItem(m_list);
                item->setFlags(item->flags() | Qt::ItemIsEditable);
            }
            item->setText(qs(all[i].name));
            // A tool tip that looks like HTML is shown as HTML: the description is the user's.
            item->setToolTip(Qt::convertFromPlainText(qs(all[i].description)));
            QFont font = item->font();
            font.setBold(qs(all[i].name) == m_active);
            item->setFont(font);
        }
        m_list->setCurrentRow(std::min(row < 0 && !all.empty() ? 0 : row, int(all.size()) - 1));
    }
    const int index = currentIndex();
    if (m_editor->scenarioIndex() != index)
        m_editor->setScenarioIndex(index);
    for (QPushButton *b : {m_duplicate, m_rename, m_delete})
        b->setEnabled(index >= 0);
    m_showOnCanvas->setEnabled(index >= 0);
    if (!m_active.isEmpty() && !model::findScenario(m_document.architecture(), m_active.toStdString()))
        setActive(QString()); // the shown scenario was deleted (or its addition undone)
    const QSignalBlocker block(m_showOnCanvas);
    m_showOnCanvas->setChecked(index >= 0 && qs(all[std::size_t(index)].name) == m_active);
}

void ScenarioPanel::addScenario()
{
    model::Scenario s;
    s.name = model::uniqueScenarioName(m_document.architecture(), tr("Scenario").toStdString());
    const std::size_t at = m_document.architecture().scenarios().size();
    m_document.undoStack()->push(new AddScenarioCommand(m_document, at, s, tr("Add scenario '%1'").arg(qs(s.name))));
    selectScenario(int(at));
}

void ScenarioPanel::duplicateScenario()
{
    const int index = currentIndex();
    if (index < 0)
        return;
    model::Scenario copy = m_document.architecture().scenarios()[std::size_t(index)];
    const QString from = qs(copy.name);
    copy.name = model::uniqueScenarioName(m_document.architecture(), copy.name + tr(" copy").toStdString());
    m_document.undoStack()->push(new AddScenarioCommand(m_document, std::size_t(index) + 1, copy,
                                                        tr("Duplicate scenario '%1'").arg(from)));
    selectScenario(index + 1);
}

void ScenarioPanel::deleteScenario()
{
    const int index = currentIndex();
    if (index >= 0)
        m_document.undoStack()->push(new RemoveScenarioCommand(m_document, std::size_t(index)));
}

void ScenarioPanel::onItemRenamed(QListWidgetItem *item)
{
    const int index = m_list->row(item);
    const auto &all = m_document.architecture().scenarios();
    if (index < 0 || index >= int(all.size()))
        return;
    const model::Scenario &old = all[std::size_t(index)];
    const std::string name = item->text().trimmed().toStdString();
    if (name == old.name)
        return;
    if (name.empty() || model::findScenario(m_document.architecture(), name)) {
        Q_EMIT problem(name.empty() ? tr("A scenario needs a name")
                                    : tr("There is already a scenario called '%1'").arg(qs(name)));
        const QSignalBlocker block(m_list);
        item->setText(qs(old.name));
        return;
    }
    const bool wasActive = qs(old.name) == m_active;
    model::Scenario renamed = old;
    renamed.name = name;
    const QString text = tr("Rename scenario '%1' to '%2'").arg(qs(old.name), qs(name));
    if (wasActive)
        m_active = qs(name); // keep showing it under its new name
    m_document.undoStack()->push(new EditScenarioCommand(m_document, std::size_t(index), std::move(renamed), text));
    if (wasActive)
        Q_EMIT activeScenarioChanged(m_active);
}

void ScenarioPanel::setActive(const QString &name)
{
    if (name == m_active)
        return;
    m_active = name;
    refreshList();
    fillTable();
    Q_EMIT activeScenarioChanged(name);
}

void ScenarioPanel::setComparison(const std::vector<model::VariantSummary> &rows, const QString &title, bool designs)
{
    m_rows = rows;
    m_title->setText(title);
    m_closeDesigns->setVisible(designs);
    fillTable();
}

void ScenarioPanel::setCurrency(const model::Currency &currency)
{
    m_currency = currency;
    fillTable();
}

void ScenarioPanel::setRegions(const QStringList &regions)
{
    m_editor->setRegions(regions);
}

void ScenarioPanel::setSelectedServices(const QStringList &nodeIds)
{
    m_editor->setSelectedServices(nodeIds);
}

void ScenarioPanel::setChartWidget(QWidget *chart)
{
    delete m_chart;
    m_chart = chart;
    if (chart)
        m_chartSlot->addWidget(chart);
    m_chartSlot->parentWidget()->setVisible(chart != nullptr);
}

void ScenarioPanel::fillTable()
{
    m_table->setRowCount(int(m_rows.size()));
    const auto money = [&](double usd) { return qs(model::formatCurrency(usd, m_currency)); };
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const model::VariantSummary &r = m_rows[i];
        const int row = int(i);
        const bool priced = r.priced();
        const QString missing = priced ? QString() : tr("n/a");
        QTableWidgetItem *name = cell(qs(r.name));
        QFont font = name->font();
        font.setBold(!m_closeDesigns->isVisible() && qs(r.name) == m_active);
        name->setFont(font);
        m_table->setItem(row, NameColumn, name);
        m_table->setItem(row, RegionColumn, cell(qs(r.region)));
        QTableWidgetItem *monthly = cell(priced ? money(r.monthly) : missing, true);
        if (!r.unknownPrices.empty()) {
            QStringList keys;
            for (const std::string &k : r.unknownPrices)
                keys << qs(k);
            monthly->setToolTip(priced ? tr("Not included, no price for: %1").arg(keys.join(QStringLiteral(", ")))
                                       : keys.front());
            if (priced)
                monthly->setText(monthly->text() + QStringLiteral(" *"));
        }
        m_table->setItem(row, MonthlyColumn, monthly);
        m_table->setItem(row, ServersColumn, cell(priced ? money(r.serversMonthly) : missing, true));
        QTableWidgetItem *breakEven = cell(priced ? qs(r.breakEvenText("×")) : missing, true);
        if (priced && r.breakEven <= 0)
            breakEven->setToolTip(r.serverlessCheaperThroughout
                                      ? tr("Serverless costs less from ×0.01 to ×100 the expected traffic")
                                      : tr("Servers cost less from ×0.01 to ×100 the expected traffic"));
        m_table->setItem(row, BreakEvenColumn, breakEven);
        m_table->setItem(row, SavingColumn, cell(priced ? money(r.saving3y()) : missing, true));
        QTableWidgetItem *findings = cell(findingsText(r));
        if (r.errors)
            findings->setForeground(QColor(0xc6, 0x28, 0x28));
        m_table->setItem(row, FindingsColumn, findings);
    }
}

} // namespace nimbus::views
