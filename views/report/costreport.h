// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/analysis/finding.h>
#include <model/cost/currency.h>
#include <model/cost/estimate.h>
#include <model/cost/montecarlo.h>
#include <model/cost/servercomparison.h>

#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QStringList>

#include <vector>

namespace nimbus::model {
class Architecture;
class Catalog;
class PriceList;
} // namespace nimbus::model

namespace nimbus::views {

/// What an executive cost report is about. The pointers must outlive writeCostReport().
struct ReportRequest
{
    const model::Architecture *design = nullptr; ///< as the scenario sees it, when there is one
    const model::Catalog *catalog = nullptr;
    const model::PriceList *prices = nullptr;    ///< for the design's region
    model::Currency currency;
    QString scenarioName; ///< shown on the title page and in the footer; empty: none
    QString title;        ///< empty: the design's name
    QDate date;           ///< null: today
    model::ServerAssumptions servers;
    int monteCarloSamples = 2000; ///< seed 1, triangular: the report is reproducible
};

/// The numbers a report shows, each computed once by the cost engine.
struct ReportFigures
{
    model::EstimateOptions options; ///< the design's free-tier setting
    model::Estimate estimate;
    model::Comparison comparison;
    model::MonteCarloResult monteCarlo;
    std::vector<model::Finding> findings;
};

/// Runs the estimate, the server comparison, the Monte Carlo run and validation.
ReportFigures computeReportFigures(const ReportRequest &request);

/// What writeCostReport() wrote.
struct ReportSummary
{
    int pages = 0;
    QStringList sections; ///< the section each page belongs to, in page order
};

/// The executive cost report as an A4 landscape PDF: title page (design, date, region,
/// scenario, a one-line headline), the diagram, the headline numbers (monthly cost,
/// serverless against servers, break-even, 3-year saving), the charts (cost by service and
/// category, serverless against servers and TCO, Monte Carlo), the cost table by service, the
/// assumptions (entry-point workload, prices and their dates, server-comparison
/// assumptions) and the validation summary; a footer with the design's name and page
/// numbers on every page. Amounts are in `request.currency`. Draws with QPainter on a
/// QPdfWriter: needs a QGuiApplication (offscreen works), no window. False with `error`
/// set when the request is incomplete or the file cannot be written.
bool writeCostReport(const ReportRequest &request, const QString &pdfPath, QString *error = nullptr,
                     ReportSummary *summary = nullptr);

/// The one-line headline of the title page ("Serverless: $1,234.56 a month, 72% less than
/// servers."), in the request's currency.
QString reportHeadline(const ReportFigures &figures, const model::Currency &currency);

/// "x3.2 of today's traffic", or the sentence saying the curves do not cross.
QString breakEvenText(const model::Comparison &comparison);

} // namespace nimbus::views
