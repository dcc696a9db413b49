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
    // The chart below the table: each variant's all-in monthly cost on both sides (3-year
    // TCO / 36, so that serverless carries its operations and standby too, like servers).
    const auto showChart = [this] {
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
    };
    const model::PriceLookup prices = [this](const std::string &region) { return pricesFor(region); };
    const model::Architecture &design = m_document->architecture();
    if (m_otherDesign) {
        const std::vector<model::VariantSummary> rows = {
            model::summariseVariant(m_document->displayName().toStdString(), design, m_catalog, prices, {}),
            model::summariseVariant(m_otherDesign->name().empty() ? QFileInfo(m_otherPath).fileName().toStdString()
                                                                  : m_otherDesign->name(),
                                    *m_otherDesign, m_catalog, prices, {}),
        };
        m_scenarios->setComparison(rows, tr("This design against %1").arg(QFileInfo(m_otherPath).fileName()), true);
        showChart();
        return;
    }
    m_scenarios->setComparison(model::compareScenarios(design, m_catalog, prices, {}),
                               design.scenarios().empty()
                                   ? tr("No scenarios yet: add one to compare it with the design as drawn")
                                   : tr("Scenarios of %1").arg(m_document->displayName()));
    showChart();
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
