// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/cost/currency.h>

#include <QRectF>
#include <QSize>
#include <QString>

#include <memory>
#include <vector>

class QChart;
class QPainter;

namespace nimbus::model {
class Catalog;
struct Comparison;
struct Estimate;
struct MonteCarloResult;
} // namespace nimbus::model

namespace nimbus::views::charts {

enum class Breakdown { ByService, ByCategory };

/// How charts look: the currency figures are shown in, dark or light colours, animation.
struct ChartOptions
{
    model::Currency currency;
    bool dark = false;
    bool animate = false;
};

// Each function returns a new QChart the caller owns, built only from the numbers handed
// in. Every value a series holds is in the chosen currency (Currency::fromUsd of the
// engine's US dollars). Series have object names so that tests and the report can read
// them: "breakdown" (pie); "serverless", "servers", "break-even", "expected-traffic"
// (lines); "tco" (stacked bars); "histogram" (bars), "p10", "p50", "p90" (lines);
// "variants" (bars). Hovering a slice, bar or point shows the exact figure as a tool tip;
// the text is also kept in the chart's "hoverText" property.

/// Donut of the monthly cost, largest first, at most seven slices (the smallest folded
/// into "Other"); the legend names each slice with its amount and percentage.
QChart *breakdownChart(const model::Estimate &, const model::Catalog &, Breakdown, const ChartOptions &);
/// Monthly all-in cost of both sides over traffic x0.01..x100 (log axis), with the
/// break-even multiple (when the curves cross) and the expected traffic (x1) marked.
QChart *serversChart(const model::Comparison &, const ChartOptions &);
/// 1-year and 3-year total cost of ownership, serverless against servers, stacked by
/// infrastructure, operations labour and disaster recovery.
QChart *tcoChart(const model::Comparison &, const ChartOptions &);
/// Histogram of the sampled monthly cost with the P10, P50 and P90 lines.
QChart *monteCarloChart(const model::MonteCarloResult &, const ChartOptions &);

/// One column pair of the variants chart: a scenario or a design, monthly US dollars.
struct VariantColumn
{
    QString name;
    double serverless = 0;
    double servers = 0;
};
/// Serverless against servers per scenario or design, as grouped bars.
QChart *variantsChart(const std::vector<VariantColumn> &, const ChartOptions &);

/// Shared ownership of a chart for code outside views/charts, which does not include Qt
/// Charts (the report's pages): the deleter lives here, where QChart is a complete type.
std::shared_ptr<QChart> shareChart(QChart *chart);

/// Paints `chart` into `target` (PDF pages, images). A chart shown in a view is laid out
/// at the target's size for the painting and put back afterwards.
void paintChart(QChart *chart, QPainter &painter, const QRectF &target);
/// Writes the chart as PNG or SVG, chosen by the suffix of `path`; false with `*error`
/// set when the suffix is neither or the file cannot be written.
bool saveChartImage(QChart *chart, const QString &path, QSize size, QString *error);

} // namespace nimbus::views::charts
