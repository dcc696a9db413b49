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
#include <QCoreApplication>
#include <QThreadPool>
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

/// What the dashboard shows beyond the estimate; computed from copies, on any thread.
struct DashboardFigures
{
    model::Comparison comparison;
    std::optional<model::MonteCarloResult> monteCarlo;
    QString note;
};

DashboardFigures dashboardFigures(const model::Architecture &arch, const model::Catalog &catalog,
                                  const model::PriceList &prices, const model::EstimateOptions &options)
{
    DashboardFigures f;
    f.comparison = model::compareWithServers(arch, catalog, prices, options);
    if (arch.nodes().size() > kMonteCarloLimit) {
        f.note = QCoreApplication::translate("MainWindow",
                                             "The uncertainty chart is skipped for designs of more than %1 services "
                                             "(this one has %2), so that editing stays fast. "
                                             "Use nimbus estimate --monte-carlo for it.")
                     .arg(number(double(kMonteCarloLimit)), number(double(arch.nodes().size())));
        return f;
    }
    model::MonteCarloOptions monteCarlo;
    monteCarlo.samples = kMonteCarloSamples;
    monteCarlo.seed = 1;
    f.monteCarlo = model::runMonteCarlo(arch, catalog, prices, options, monteCarlo);
    if (f.monteCarlo->inputs.empty())
        f.note = QCoreApplication::translate("MainWindow",
                                             "No ranges in this design: give entry points low and high traffic (and "
                                             "functions low and high durations) in their properties to see how the "
                                             "cost may spread.");
    else
        f.note = QCoreApplication::translate("MainWindow", "%n uncertain input(s), %1 samples, fixed seed.", nullptr,
                                             int(f.monteCarlo->inputs.size()))
                     .arg(number(kMonteCarloSamples));
    return f;
}

void showDashboardFigures(views::CostDashboard *dashboard, const model::Estimate &estimate,
                          const DashboardFigures &figures)
{
    dashboard->setMonteCarloNote(figures.note);
    dashboard->setData(&estimate, &figures.comparison, figures.monteCarlo ? &*figures.monteCarlo : nullptr);
}

} // namespace

void MainWindow::createDashboardDock(QDockWidget *besides)
{
    m_dashboard = new views::CostDashboard(m_catalog, this);
    m_dashboardPool = new QThreadPool(this);
    m_dashboardPool->setMaxThreadCount(1);
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

views::charts::ChartOptions MainWindow::chartOptions() const
{
    views::charts::ChartOptions options;
    options.currency = m_preferences.currency();
    options.dark = paletteIsDark();
    return options;
}

void MainWindow::useDashboardPreferences()
{
    m_dashboard->setOptions(chartOptions());
}

void MainWindow::updateDashboard(const model::Architecture &arch, const std::optional<model::Estimate> &estimate,
                                 const model::PriceList *prices, const model::EstimateOptions &options)
{
    if (!isDashboardShown()) {
        m_dashboardStale = true; // computed when the dock is shown
        return;
    }
    m_dashboardStale = false;
    const int generation = ++m_dashboardGeneration;
    if (!estimate || !prices) {
        m_dashboard->setMonteCarloNote(QString());
        m_dashboard->setData(nullptr, nullptr, nullptr);
        return;
    }
    model::EstimateOptions quiet = options;
    quiet.explain = false;
    // `arch` is the design as the canvas is priced: the active scenario's view when there is one.
    if (arch.nodes().size() <= m_dashboardInlineLimit) {
        const DashboardFigures figures = dashboardFigures(arch, m_catalog, *prices, quiet);
        showDashboardFigures(m_dashboard, *estimate, figures);
        return;
    }
    // A large design: the comparison runs on a worker with copies of its inputs, and only
    // the result of the newest request is shown.
    m_dashboardPool->start([this, generation, arch = arch, prices = *prices, quiet, estimate = *estimate] {
        if (generation != m_dashboardGeneration)
            return;
        DashboardFigures figures = dashboardFigures(arch, m_catalog, prices, quiet);
        QMetaObject::invokeMethod(this, [this, generation, estimate, figures = std::move(figures)] {
            if (generation == m_dashboardGeneration)
                showDashboardFigures(m_dashboard, estimate, figures);
        }, Qt::QueuedConnection);
    });
}

} // namespace nimbus::app
