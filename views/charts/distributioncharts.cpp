// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// The Monte Carlo histogram and the variants (scenarios or designs) chart.

#include "costcharts.h"

#include "chartstyle.h"

#include <model/cost/montecarlo.h>

#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace nimbus::views::charts {

namespace {

QString count(double n)
{
    QLocale english(QLocale::English);
    english.setNumberOptions(QLocale::DefaultNumberOptions);
    return english.toString(qRound64(n));
}

/// The P10, P50 and P90 lines, their labels staggered in height so that close
/// percentiles do not overlap.
void addPercentiles(QChart *chart, QAbstractAxis *x, QAbstractAxis *y, const model::MonteCarloResult &result,
                    const ChartOptions &options, double yTop, bool oneValue)
{
    const ChartColours colours = coloursFor(options.dark);
    struct Line
    {
        const char *name;
        const char *label;
        double usd;
        double height;
        QColor colour;
    };
    const Line lines[] = {{"p10", "P10", result.p10, 0.93, colours.serverless},
                          {"p50", "P50", result.p50, 0.8, colours.marker},
                          {"p90", "P90", result.p90, 0.67, colours.serverless}};
    for (const Line &l : lines) {
        QString label = QStringLiteral("%1 %2").arg(QLatin1String(l.label), money(l.usd, options.currency));
        if (oneValue) // the three lines coincide: one label says so
            label = qstrcmp(l.name, "p50") == 0 ? QObject::tr("P10 = P50 = P90 = %1").arg(money(l.usd, options.currency))
                                                 : QString();
        addVerticalMarker(chart, x, y,
                          {QLatin1String(l.name), label, options.currency.fromUsd(l.usd), 0, yTop, yTop * l.height,
                           l.colour});
    }
}

} // namespace

QChart *monteCarloChart(const model::MonteCarloResult &result, const ChartOptions &options)
{
    auto *chart = new QChart;
    styleChart(chart, options,
               QObject::tr("Monthly cost uncertainty · %1 samples").arg(count(result.samples)));
    const model::Currency &currency = options.currency;
    const int bins = int(result.binCounts.size());
    const bool drawable = bins > 0 && result.binEdges.size() == result.binCounts.size() + 1 &&
                          std::isfinite(currency.fromUsd(result.binEdges.front())) &&
                          std::isfinite(currency.fromUsd(result.binEdges.back()));
    if (!drawable) {
        chart->setTitle(
            result.samples > 0 && (result.tooLarge > 0 || bins > 0)
                ? QObject::tr("Monthly cost uncertainty · every sample too large to price")
                : QObject::tr("Monthly cost uncertainty · no samples"));
        return chart;
    }
    if (result.tooLarge > 0)
        chart->setTitle(QObject::tr("Monthly cost uncertainty · %1 samples, %2 too large to price")
                            .arg(count(result.samples), count(result.tooLarge)));
    // Every sample the same (no uncertain inputs): one thin bar at that amount.
    const bool degenerate = result.binEdges.back() - result.binEdges.front() < 1e-9;
    std::vector<int> counts = result.binCounts;
    double low = currency.fromUsd(result.binEdges.front());
    double high = currency.fromUsd(result.binEdges.back());
    if (degenerate) {
        counts = {result.samples};
        low -= std::max(1.0, low * 0.1);
        high += std::max(1.0, high * 0.1);
        chart->setTitle(QObject::tr("Monthly cost uncertainty · no ranges: always %1").arg(money(result.p50, currency)));
    }
    auto *set = new QBarSet(QObject::tr("Samples per cost band"));
    set->setColor(coloursFor(options.dark).servers);
    set->setBorderColor(coloursFor(options.dark).background);
    int highest = 0;
    for (int n : counts) {
        set->append(n);
        highest = std::max(highest, n);
    }
    auto *series = new QBarSeries;
    series->setObjectName(QStringLiteral("histogram"));
    series->append(set);
    series->setBarWidth(degenerate ? 0.03 : 0.92);
    chart->addSeries(series);

    // Bars sit at their index on a hidden axis; the visible money axis spans the same
    // width (bin i covers edge i..i+1), so that the percentile lines fall where they belong.
    auto *index = new QValueAxis;
    index->setRange(-0.5, int(counts.size()) - 0.5);
    index->setVisible(false);
    QCategoryAxis *moneyX = roundAxis(low, high, options, [currency](double v) { return shortAmount(v, currency); }, true);
    styleAxis(moneyX, options, QObject::tr("monthly cost"));
    QCategoryAxis *y = roundAxis(0, std::max(1, highest), options, [](double v) { return count(v); });
    styleAxis(y, options, QObject::tr("samples"));
    chart->addAxis(index, Qt::AlignBottom);
    chart->addAxis(moneyX, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(index);
    series->attachAxis(y);
    addPercentiles(chart, moneyX, y, result, options, y->max(), degenerate);

    const std::vector<double> edges = result.binEdges;
    const int samples = result.samples;
    QObject::connect(set, &QBarSet::hovered, chart, [chart, set, edges, samples, currency](bool state, int i) {
        if (!state || i < 0 || i + 1 >= int(edges.size())) {
            showHoverText(chart, QString());
            return;
        }
        const double n = set->at(i);
        showHoverText(chart, QObject::tr("%1 – %2 a month: %3 of %4 samples (%5%)")
                                 .arg(moneyExact(edges[i], currency), moneyExact(edges[i + 1], currency), count(n),
                                      count(samples), QString::number(samples ? 100 * n / samples : 0, 'f', 1)));
    });
    chart->legend()->setVisible(false);
    return chart;
}

QChart *variantsChart(const std::vector<VariantColumn> &columns, const ChartOptions &options)
{
    auto *chart = new QChart;
    styleChart(chart, options, QObject::tr("All-in cost per month"));
    const ChartColours colours = coloursFor(options.dark);
    const model::Currency &currency = options.currency;
    auto *serverless = new QBarSet(QObject::tr("Serverless"));
    auto *servers = new QBarSet(QObject::tr("Servers"));
    serverless->setColor(colours.serverless);
    servers->setColor(colours.servers);
    QStringList names;
    double top = 0;
    QVariantList amounts[2]; // as computed, for the tool tips
    for (const VariantColumn &c : columns) {
        // A bar too large to price is drawn empty; its tool tip says so.
        serverless->append(drawable(currency.fromUsd(c.serverless)));
        servers->append(drawable(currency.fromUsd(c.servers)));
        amounts[0].append(currency.fromUsd(c.serverless));
        amounts[1].append(currency.fromUsd(c.servers));
        // The category axis needs distinct names: a second "Design" reads "Design (2)".
        QString name = c.name;
        for (int n = 2; names.contains(name); ++n)
            name = QStringLiteral("%1 (%2)").arg(c.name).arg(n);
        names.append(name);
        top = std::max(
            {top, drawable(currency.fromUsd(c.serverless)), drawable(currency.fromUsd(c.servers))});
    }
    auto *series = new QBarSeries;
    series->setObjectName(QStringLiteral("variants"));
    int index = 0;
    for (QBarSet *set : {serverless, servers}) {
        set->setBorderColor(colours.background);
        series->append(set);
        const QVariantList shown = amounts[index++];
        QObject::connect(
            set, &QBarSet::hovered, chart, [chart, set, names, currency, shown](bool state, int i) {
                showHoverText(chart,
                              state ? QObject::tr("%1 — %2: %3 a month")
                                          .arg(names.value(i), set->label(),
                                               amountExact(shown.value(i).toDouble(), currency))
                                    : QString());
            });
    }
    chart->addSeries(series);
    addBarAxes(chart, series, names, top, options, QObject::tr("per month"));
    return chart;
}

} // namespace nimbus::views::charts
