// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// MainWindow: the Scenarios dock, the scenario shown on the canvas, and File > Compare with
// Design….
#include "mainwindow.h"

#include "../cli/scenariocommands.h"

#include <model/cost/scenariocomparison.h>
#include <model/io/projectfile.h>
#include <views/canvas/canvasscene.h>
#include <views/charts/variantsview.h>
#include <views/document/document.h>
#include <views/scenarios/scenariopanel.h>

#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QScrollArea>
#include <QStatusBar>
#include <QThreadPool>

#include <map>
#include <optional>

namespace nimbus::app {

void MainWindow::createScenarioDock(QDockWidget *besides)
{
    m_scenarios = new views::ScenarioPanel(*m_document, this);
    auto *dock = new QDockWidget(tr("Scenarios"), this);
    dock->setObjectName(QStringLiteral("scenarios-dock"));
    // In a scroll area: the panel (list, editor, table and chart) needs more height than
    // the bottom docks get, and the docks it is tabbed with must not grow to its minimum.
    auto *scroll = new QScrollArea(dock);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_scenarios);
    dock->setWidget(scroll);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    tabifyDockWidget(besides, dock);

    QStringList regions;
    for (const std::string &r : bundledRegions())
        regions << QString::fromStdString(r);
    m_scenarios->setRegions(regions);
    connect(m_scene, &views::CanvasScene::selectionIdsChanged, m_scenarios,
            [this](const QStringList &nodes, const QStringList &) { m_scenarios->setSelectedServices(nodes); });
    connect(m_scenarios, &views::ScenarioPanel::activeScenarioChanged, this, [this](const QString &name) {
        m_activeScenario = name;
        analyseNow();
    });
    connect(m_scenarios, &views::ScenarioPanel::problem, this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    connect(m_scenarios, &views::ScenarioPanel::designComparisonClosed, this, [this] {
        m_otherDesign.reset();
        m_otherPath.clear();
        updateScenarioComparison();
    });
    // The comparison prices every variant; it is worth it only while someone looks at it.
    connect(dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            updateScenarioComparison();
    });
}

const model::Architecture &MainWindow::analysedDesign(model::Architecture &storage) const
{
    const model::Architecture &design = m_document->architecture();
    const model::Scenario *scenario = m_activeScenario.isEmpty()
                                          ? nullptr
                                          : model::findScenario(design, m_activeScenario.toStdString());
    if (!scenario)
        return design;
    storage = model::withScenario(design, *scenario);
    return storage;
}

void MainWindow::updateScenarioComparison()
{
    if (!m_scenarios || !m_scenarios->isVisible())
        return;
    const model::Architecture &design = m_document->architecture();
    // The price lists of every region involved, read here: pricesFor() fills the window's
    // cache and must not run on the worker.
    std::map<std::string, const model::PriceList *> lists;
    lists[design.settings().region] = pricesFor(design.settings().region);
    for (const model::Scenario &scenario : design.scenarios()) {
        if (scenario.region)
            lists[*scenario.region] = pricesFor(*scenario.region);
    }
    if (m_otherDesign)
        lists[m_otherDesign->settings().region] = pricesFor(m_otherDesign->settings().region);
    const model::PriceLookup prices = [lists](const std::string &region) -> const model::PriceList * {
        const auto it = lists.find(region);
        return it == lists.end() ? nullptr : it->second;
    };

    const QString title =
        m_otherDesign ? tr("This design against %1").arg(QFileInfo(m_otherPath).fileName())
        : design.scenarios().empty() ? tr("No scenarios yet: add one to compare it with the design as drawn")
                                     : tr("Scenarios of %1").arg(m_document->displayName());
    const bool designs = m_otherDesign != nullptr;
    const std::string name = m_document->displayName().toStdString();
    const std::string otherName = !m_otherDesign ? std::string()
                                  : m_otherDesign->name().empty() ? QFileInfo(m_otherPath).fileName().toStdString()
                                                                  : m_otherDesign->name();
    // Each variant is an estimate, a server comparison and a validation: cheap for small
    // designs, seconds for thousands of services, which then go to the worker like the
    // dashboard's comparison (the newest edit wins).
    const auto compare = [this, prices, designs, name, otherName](const model::Architecture &mine,
                                                                   const model::Architecture *other) {
        if (designs)
            return std::vector<model::VariantSummary>{
                model::summariseVariant(name, mine, m_catalog, prices, {}),
                model::summariseVariant(otherName, *other, m_catalog, prices, {})};
        return model::compareScenarios(mine, m_catalog, prices, {});
    };
    const int generation = ++m_scenarioGeneration;
    const auto show = [this, title, designs](const std::vector<model::VariantSummary> &rows) {
        m_scenarios->setComparison(rows, title, designs);
        showVariantsChart();
    };
    if (design.nodes().size() <= m_dashboardInlineLimit || !m_dashboardPool) {
        show(compare(design, m_otherDesign.get()));
        return;
    }
    std::optional<model::Architecture> other;
    if (m_otherDesign)
        other = *m_otherDesign;
    m_dashboardPool->start([this, generation, compare, show, mine = design, other = std::move(other)] {
        if (generation != m_scenarioGeneration)
            return;
        std::vector<model::VariantSummary> rows = compare(mine, other ? &*other : nullptr);
        QMetaObject::invokeMethod(this, [this, generation, show, rows = std::move(rows)] {
            if (generation == m_scenarioGeneration)
                show(rows);
        }, Qt::QueuedConnection);
    });
}

void MainWindow::showVariantsChart()
{
    // Beside the table: each variant's all-in monthly cost on both sides (3-year TCO / 36,
    // so that serverless carries its operations and standby too, like servers).
    if (!m_variantsChart) {
        m_variantsChart = new views::charts::VariantsChartView;
        m_scenarios->setChartWidget(m_variantsChart);
    }
    std::vector<views::charts::VariantColumn> columns;
    for (const model::VariantSummary &row : m_scenarios->comparison()) {
        if (row.priced())
            columns.push_back({QString::fromStdString(row.name), row.tco3Serverless / 36, row.tco3Servers / 36});
    }
    m_variantsChart->setVariants(columns, chartOptions());
}

bool MainWindow::compareWithDesign(const QString &path, bool interactive)
{
    model::ProjectLoadResult loaded = model::readProjectFile(path.toStdString(), m_catalog);
    if (!loaded.ok()) {
        showProblems(tr("Cannot compare"), tr("%1 could not be read.").arg(path), loaded.diagnostics, interactive);
        return false;
    }
    m_otherDesign = std::make_unique<model::Architecture>(std::move(loaded.architecture));
    m_otherPath = path;
    if (auto *dock = findChild<QDockWidget *>(QStringLiteral("scenarios-dock"))) {
        dock->show();
        dock->raise();
    }
    updateScenarioComparison();
    return true;
}

void MainWindow::onCompareWithDesign()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Compare with Design"), QString(),
                                                      tr("Nimbus designs (*.nimbus)"));
    if (!path.isEmpty())
        compareWithDesign(path);
}

} // namespace nimbus::app
