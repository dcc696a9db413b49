// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// File > Export Report… and File > Export Cost CSV…: the executive cost report (PDF) and
// the estimate's line items (CSV), with the window's price lists and preferred currency,
// for the design as the active scenario sees it.
#include "mainwindow.h"

#include <model/cost/estimate.h>
#include <model/cost/lineitemscsv.h>
#include <views/document/document.h>
#include <views/document/outputfile.h>
#include <views/report/costreport.h>

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QStatusBar>

namespace nimbus::app {

namespace {

QString suggestedPath(const views::Document &document, const QString &suffix)
{
    QString stem = QFileInfo(document.filePath()).completeBaseName();
    if (stem.isEmpty())
        stem = document.displayName();
    const QString dir = document.filePath().isEmpty() ? QDir::homePath() : QFileInfo(document.filePath()).path();
    return QDir(dir).filePath(stem + QStringLiteral(" cost report.") + suffix);
}

QString withSuffix(QString path, const QString &suffix)
{
    if (!path.endsWith(QLatin1Char('.') + suffix, Qt::CaseInsensitive))
        path += QLatin1Char('.') + suffix;
    return path;
}

} // namespace

bool MainWindow::exportCosts(const QString &failureTitle, bool interactive,
                             const std::function<bool(const model::PriceList &, QString *)> &write)
{
    model::Architecture scenarioView;
    const std::string region = analysedDesign(scenarioView).settings().region;
    QString error = tr("Nimbus has no price list for %1.").arg(QString::fromStdString(region));
    if (const model::PriceList *prices = pricesFor(region); prices && write(*prices, &error))
        return true;
    statusBar()->showMessage(error, 10000);
    if (interactive)
        QMessageBox::warning(this, failureTitle, error);
    return false;
}

bool MainWindow::exportReport(const QString &path, bool interactive)
{
    return exportCosts(tr("Cannot export the report"), interactive, [&](const model::PriceList &prices, QString *error) {
        model::Architecture scenarioView;
        views::ReportRequest request;
        request.design = &analysedDesign(scenarioView);
        request.scenarioName = m_activeScenario;
        request.catalog = &m_catalog;
        request.prices = &prices;
        request.currency = m_preferences.currency();
        request.title = m_document->displayName();
        views::ReportSummary summary;
        if (!views::writeCostReport(request, path, error, &summary))
            return false;
        statusBar()->showMessage(
            tr("Cost report written to %1 (%n page(s))", nullptr, summary.pages).arg(QDir::toNativeSeparators(path)),
            8000);
        return true;
    });
}

bool MainWindow::exportCostCsv(const QString &path, bool interactive)
{
    return exportCosts(tr("Cannot export the cost CSV"), interactive, [&](const model::PriceList &prices, QString *error) {
        model::Architecture scenarioView;
        const model::Architecture &design = analysedDesign(scenarioView);
        model::EstimateOptions options;
        options.freeTier = design.settings().freeTier;
        const model::Estimate estimate = model::estimate(design, m_catalog, prices, options);
        const std::string csv = model::lineItemsCsv(estimate, m_preferences.currency(), &prices);
        if (!views::writeOutputFile(path, QByteArray::fromStdString(csv), error))
            return false;
        statusBar()->showMessage(
            tr("%n line item(s) written to %1", nullptr, int(estimate.items.size())).arg(QDir::toNativeSeparators(path)),
            8000);
        return true;
    });
}

void MainWindow::onExportReport()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export cost report"),
                                                      suggestedPath(*m_document, QStringLiteral("pdf")),
                                                      tr("PDF documents (*.pdf)"));
    if (!path.isEmpty())
        exportReport(withSuffix(path, QStringLiteral("pdf")));
}

void MainWindow::onExportCostCsv()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export cost CSV"),
                                                      suggestedPath(*m_document, QStringLiteral("csv")),
                                                      tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportCostCsv(withSuffix(path, QStringLiteral("csv")));
}

} // namespace nimbus::app
