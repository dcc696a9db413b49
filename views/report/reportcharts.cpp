// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// The chart pages of the cost report, drawn by views/charts from the engine's figures.
#include "reportpages.h"

#include <views/charts/costcharts.h>

#include <model/core/propertyvalue.h>

#include <QPainter>

#include <cmath>

#include <memory>

namespace nimbus::views::report {

namespace {

using ChartPtr = std::shared_ptr<QChart>; // made by charts::shareChart(), which knows how to delete one

/// A page with a heading, a line of explanation and one or two charts side by side.
Page chartPage(const ReportContext &c, const QString &title, const QString &caption,
               std::vector<ChartPtr> charts)
{
    const Block head = heading(title, c.measure, 18);
    const Block text = paragraph(caption, ReportStyle::font(10.5), ReportStyle().muted, c.body.width(), c.measure);
    Page page{title, {}};
    page.pieces.emplace_back(QRectF(QPointF(0, 0), c.body.size()), [=](QPainter &p, const QRectF &r) {
        head.paint(p, QRectF(r.topLeft(), QSizeF(r.width(), head.height)));
        text.paint(p, QRectF(r.left(), r.top() + head.height, r.width(), text.height));
        const QRectF area = r.adjusted(0, head.height + text.height + 12, 0, 0);
        const qreal gap = 24;
        const qreal width = (area.width() - gap * (charts.size() - 1)) / charts.size();
        for (std::size_t i = 0; i < charts.size(); ++i)
            charts::paintChart(charts[i].get(), p,
                               QRectF(area.left() + i * (width + gap), area.top(), width, area.height()));
    });
    return page;
}

} // namespace

std::vector<Page> chartPages(const ReportContext &c)
{
    charts::ChartOptions options;
    options.currency = c.request.currency;
    options.animate = false;
    const model::Estimate &e = c.figures.estimate;
    const model::Comparison &cmp = c.figures.comparison;
    const model::MonteCarloResult &mc = c.figures.monteCarlo;
    std::vector<Page> pages;
    pages.push_back(chartPage(
        c, QObject::tr("Where the money goes"),
        std::isfinite(c.request.currency.fromUsd(e.total))
            ? QObject::tr("Monthly AWS bill of %1 by service and by category, largest first.")
                  .arg(c.money(e.total))
            : QObject::tr("The monthly AWS bill is too large to price; the shares of the services "
                          "that make it so."),
        {charts::shareChart(
             charts::breakdownChart(e, *c.request.catalog, charts::Breakdown::ByService, options)),
         charts::shareChart(charts::breakdownChart(e, *c.request.catalog,
                                                   charts::Breakdown::ByCategory, options))}));
    pages.push_back(chartPage(
        c, QObject::tr("Serverless against servers"),
        QObject::tr("Monthly cost as traffic varies from ×0.01 to ×100 of the expected traffic (%1), "
                    "and the 1-year and 3-year total cost of ownership by infrastructure, operations "
                    "labour and disaster recovery.")
            .arg(breakEvenText(cmp)),
        {charts::shareChart(charts::serversChart(cmp, options)), charts::shareChart(charts::tcoChart(cmp, options))}));
    // Without low/high ranges every sample costs the same: the headline page says so in
    // words, and a histogram of one bar would tell an executive nothing more.
    if (mc.inputs.empty())
        return pages;
    const QString uncertainty =
        QObject::tr("Monthly AWS bill over %1 samples of %2: P10 %3, P50 %4, P90 %5.")
            .arg(QString::fromStdString(model::formatAmount(mc.samples)),
                 countOf(qsizetype(mc.inputs.size()), QObject::tr("uncertain input"), QObject::tr("uncertain inputs")),
                 c.money(mc.p10), c.money(mc.p50), c.money(mc.p90));
    pages.push_back(chartPage(c, QObject::tr("Uncertainty"), uncertainty,
                              {charts::shareChart(charts::monteCarloChart(mc, options))}));
    return pages;
}

} // namespace nimbus::views::report
