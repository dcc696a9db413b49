// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// MainWindow: starter designs (File > New from Template…) and preferences (Edit > Preferences…).
#include "mainwindow.h"

#include "templategallery.h"

#include <model/cost/estimate.h>
#include <model/io/projectfile.h>
#include <views/canvas/canvasscene.h>
#include <views/canvas/canvasview.h>
#include <views/costs/costtablepanel.h>
#include <views/document/document.h>
#include <views/scenarios/scenariopanel.h>

#include <QApplication>
#include <QEvent>
#include <QPalette>
#include <QMessageBox>
#include <QStatusBar>
#include <QTimer>

namespace nimbus::app {

QString MainWindow::monthlyCost(const model::Architecture &design)
{
    const model::PriceList *prices = pricesFor(design.settings().region);
    if (!prices)
        return {};
    model::EstimateOptions options;
    options.freeTier = design.settings().freeTier;
    return m_preferences.money(model::estimate(design, m_catalog, *prices, options).total);
}

TemplateGallery *MainWindow::openTemplateGallery()
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto *gallery = new TemplateGallery(
        TemplateGallery::loadTemplates(TemplateGallery::templatesDirectory(), m_catalog,
                                       [this](const model::Architecture &design) { return monthlyCost(design); }),
        this);
    QApplication::restoreOverrideCursor();
    gallery->setAttribute(Qt::WA_DeleteOnClose);
    connect(gallery, &QDialog::accepted, this, [this, gallery] {
        const QString path = gallery->chosenPath();
        if (!path.isEmpty())
            newFromTemplate(path);
    });
    gallery->open();
    return gallery;
}

bool MainWindow::newFromTemplate(const QString &path, bool interactive)
{
    if (interactive && !maybeSave())
        return false;
    model::ProjectLoadResult loaded = model::readProjectFile(path.toStdString(), m_catalog);
    if (!loaded.ok()) {
        showProblems(tr("Cannot open template"), tr("%1 could not be read. Your current design is unchanged.").arg(path),
                     loaded.diagnostics, interactive);
        return false;
    }
    const QString name = QString::fromStdString(loaded.architecture.name());
    m_document->adopt(std::move(loaded.architecture));
    statusBar()->showMessage(tr("New design from the template “%1”; save it to keep it").arg(name), 6000);
    return true;
}

int MainWindow::autosaveInterval() const
{
    return m_autosaveTimer->interval();
}

PreferencesDialog *MainWindow::openPreferences()
{
    auto *dialog = new PreferencesDialog(m_preferences, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { applyPreferences(dialog->values()); });
    dialog->open();
    return dialog;
}

void MainWindow::applyPreferences(const Preferences &preferences)
{
    m_preferences = preferences;
    m_preferences.save();
    usePreferences();
}

void MainWindow::usePreferences()
{
    applyTheme(m_preferences.theme);
    followPalette();
    m_view->setGridVisible(m_preferences.showGrid);
    m_autosaveTimer->setInterval(m_preferences.autosaveMinutes * 60'000);
    m_costs->setCurrency(m_preferences.currency());
    m_scenarios->setCurrency(m_preferences.currency());
    useDashboardPreferences();
    analyseNow(); // the figures in the chosen currency
}

void MainWindow::followPalette()
{
    // "System" follows the desktop: dark when its window colour is dark.
    m_scene->setColours(paletteIsDark() ? views::CanvasColours::dark() : views::CanvasColours::light());
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() != QEvent::ApplicationPaletteChange || !m_dashboard)
        return;
    // The desktop (or the theme preference) changed colours: canvas and charts follow.
    followPalette();
    useDashboardPreferences();
    updateScenarioComparison();
}

} // namespace nimbus::app
