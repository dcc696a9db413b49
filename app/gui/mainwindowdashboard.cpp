// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// The "Cost dashboard" dock: where it sits, and the figures the window hands it.

#include "mainwindow.h"

#include <model/cost/montecarlo.h>
#include <model/cost/servercomparison.h>
#include <views/charts/costdashboard.h>
#include <views/document/document.h>

#include <QApplication>
#include <QDockWidget>
#include <QLocale>
#include <QPalette>

namespace nimbus::app {

namespace {

/// Above this many services the dashboard skips the Monte Carlo run, so that editing a
/// large design stays fast (the comparison and the breakdown are still shown).
constexpr std::size_t kMonteCarloLimit = 400;
constexpr int kMonteCarloSamples = 2000;

QString number(double n)
{
    return QLocale(QLocale::English).toString(qRound64(n));
}

} // namespace

void MainWindow::createDashboardDock(QDockWidget *besides)
{
    m_dashboard = new views::CostDashboard(m_catalog, this);
    m_dashboardDock = new QDockWidget(tr("Cost dashboard"), this);
    m_dashboardDock->setObjectName(QStringLiteral("dashboard-dock"));
    m_dashboardDock->setWidget(m_dashboard);
    addDockWidget(Qt::RightDockWidgetArea, m_dashboardDock);
    // Beside the properties and the history: the canvas keeps its room until asked.
    tabifyDockWidget(besides, m_dashboardDock);
    connect(m_dashboardDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && m_dashboardStale)
            analyseNow();
    });
}

void MainWindow::showDashboard()
{
    m_dashboardDock->show();
    m_dashboardDock->raise();
    if (!m_dashboardDock->isFloating() && m_dashboardDock->width() < 500)
        resizeDocks({m_dashboardDock}, {520}, Qt::Horizontal); // charts need the room; the canvas keeps the rest
    if (m_dashboardStale)
        analyseNow();
}

bool MainWindow::isDashboardShown() const
{
    return m_dashboardDock && m_dashboardDock->isVisible() && !m_dashboardDock->visibleRegion().isEmpty();
}

void MainWindow::useDashboardPreferences()
{
    views::charts::ChartOptions options;
    options.currency = m_preferences.currency();
    options.dark = QApplication::palette().color(QPalette::Window).lightness() < 128;
    m_dashboard->setOptions(options);
}

void MainWindow::updateDashboard(const std::optional<model::Estimate> &estimate, const model::PriceList *prices,
                                 const model::EstimateOptions &options)
{
    if (!isDashboardShown()) {
        m_dashboardStale = true; // computed when the dock is shown
        return;
    }
    m_dashboardStale = false;
    const model::Architecture &arch = m_document->architecture();
    if (!estimate || !prices) {
        m_dashboard->setMonteCarloNote(QString());
        m_dashboard->setData(nullptr, nullptr, nullptr);
        return;
    }
    model::EstimateOptions quiet = options;
    quiet.explain = false;
    const model::Comparison comparison = model::compareWithServers(arch, m_catalog, *prices, quiet);
    if (arch.nodes().size() > kMonteCarloLimit) {
        m_dashboard->setMonteCarloNote(tr("The uncertainty chart is skipped for designs of more than %1 services "
                                          "(this one has %2), so that editing stays fast. "
                                          "Use nimbus estimate --monte-carlo for it.")
                                           .arg(number(double(kMonteCarloLimit)), number(double(arch.nodes().size()))));
        m_dashboard->setData(&*estimate, &comparison, nullptr);
        return;
    }
    model::MonteCarloOptions monteCarlo;
    monteCarlo.samples = kMonteCarloSamples;
    monteCarlo.seed = 1;
    const model::MonteCarloResult result = model::runMonteCarlo(arch, m_catalog, *prices, quiet, monteCarlo);
    m_dashboard->setMonteCarloNote(
        result.inputs.empty()
            ? tr("No ranges in this design: give entry points low and high traffic (and functions low and high "
                 "durations) in their properties to see how the cost may spread.")
            : tr("%n uncertain input(s), %1 samples, fixed seed.", nullptr, int(result.inputs.size()))
                  .arg(number(kMonteCarloSamples)));
    m_dashboard->setData(&*estimate, &comparison, &result);
}

} // namespace nimbus::app
