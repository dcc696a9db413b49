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
#include <views/document/document.h>
#include <views/scenarios/scenariopanel.h>

#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QStatusBar>

namespace nimbus::app {

void MainWindow::createScenarioDock(QDockWidget *besides)
{
    m_scenarios = new views::ScenarioPanel(*m_document, this);
    auto *dock = new QDockWidget(tr("Scenarios"), this);
    dock->setObjectName(QStringLiteral("scenarios-dock"));
    dock->setWidget(m_scenarios);
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
    // TODO(lead): once the charts branch is in, build views::charts::variantsChart() from
    // m_scenarios->comparison() after each setComparison() below and show it with
    // m_scenarios->setChartWidget() #8
    if (!m_scenarios || !m_scenarios->isVisible())
        return;
    const model::PriceLookup prices = [this](const std::string &region) { return pricesFor(region); };
    const model::Architecture &design = m_document->architecture();
    if (m_otherDesign) {
        const std::vector<model::VariantSummary> rows = {
            model::summariseVariant(m_document->displayName().toStdString(), design, m_catalog, prices, {}),
            model::summariseVariant(QFileInfo(m_otherPath).fileName().toStdString(), *m_otherDesign, m_catalog, prices, {}),
        };
        m_scenarios->setComparison(rows, tr("This design against %1").arg(QFileInfo(m_otherPath).fileName()), true);
        return;
    }
    m_scenarios->setComparison(model::compareScenarios(design, m_catalog, prices, {}),
                               design.scenarios().empty()
                                   ? tr("No scenarios yet: add one to compare it with the design as drawn")
                                   : tr("Scenarios of %1").arg(m_document->displayName()));
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
