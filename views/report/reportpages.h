// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include "costreport.h"
#include "reportlayout.h"

#include <vector>

namespace nimbus::views::report {

/// Everything the page builders read: the request, the engine's figures, the page body.
struct ReportContext
{
    const ReportRequest &request;
    const ReportFigures &figures;
    TextMeasure measure;
    QRectF body; ///< the page's body, at the origin
    QString designName;

    QString money(double usd) const; ///< "€1,234.56"
    QString whole(double usd) const; ///< "€1,235"
    QString price(double usd) const; ///< "€0.0000166667"
};

std::vector<Page> titlePage(const ReportContext &context);
std::vector<Page> diagramPage(const ReportContext &context);
std::vector<Page> headlinePage(const ReportContext &context);
/// The charts of views/charts: breakdown, serverless against servers with TCO, Monte Carlo.
std::vector<Page> chartPages(const ReportContext &context);
std::vector<Page> costTablePages(const ReportContext &context);
std::vector<Page> assumptionPages(const ReportContext &context);
std::vector<Page> validationPages(const ReportContext &context);

/// "1 service", "3 services".
QString countOf(qsizetype count, const QString &singular, const QString &plural);

/// The largest font up to `points` in which `text` fits `width` on one line.
QFont fittedFont(const QString &text, qreal points, bool bold, qreal width, const TextMeasure &measure);

} // namespace nimbus::views::report
