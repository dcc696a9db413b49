// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "costcharts.h"

#include "chartstyle.h"

#include <model/core/catalog.h>
#include <model/core/propertyvalue.h>
#include <model/cost/breakdown.h>
#include <model/cost/estimate.h>
#include <model/cost/servercomparison.h>

#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPieSeries>
#include <QPieSlice>
#include <QStackedBarSeries>

#include <algorithm>
#include <cmath>

namespace nimbus::views::charts {

namespace {

constexpr std::size_t kMaxSlices = 7;
/// The largest amount the traffic chart's log axis shows: a hundred decades above a cent
/// keep Qt Charts' tick layout finite and the chart readable.
constexpr double kLogAxisCeiling = 1e100;
constexpr double kSmallestSlice = 0.02; ///< smaller shares go to "Other"
constexpr double kLabelledSlice = 0.05; ///< smaller slices show their percentage in the legend only

struct Slice
{
    QString label;
    double usd = 0;
    double fraction = 0;
    QColor colour;
    QString detail; ///< what "Other" holds
};

QString percent(double fraction)
{
    return QString::number(fraction * 100, 'f', fraction < 0.1 ? 1 : 0) + QLatin1Char('%');
}

/// The shares as at most kMaxSlices slices: the largest, then "Other" for the rest.
std::vector<Slice> slicesOf(const std::vector<model::CostShare> &shares, const model::Catalog &catalog,
                            Breakdown by)
{
    const bool foldNeeded = shares.size() > kMaxSlices;
    std::vector<Slice> slices;
    std::vector<const model::CostShare *> folded;
    for (const model::CostShare &share : shares) {
        const bool room = slices.size() < (foldNeeded ? kMaxSlices - 1 : kMaxSlices);
        if (!room || share.fraction < kSmallestSlice) {
            folded.push_back(&share);
            continue;
        }
        QColor colour = seriesColour(int(slices.size()));
        if (by == Breakdown::ByCategory)
            if (const model::Category *category = catalog.category(share.key))
                colour = QColor(QString::fromStdString(category->color));
        slices.push_back({QString::fromStdString(share.label), share.cost, share.fraction, colour, {}});
    }
    if (folded.size() == 1) { // one small share reads better under its own name
        const model::CostShare &share = *folded.front();
        slices.push_back({QString::fromStdString(share.label), share.cost, share.fraction, seriesColour(int(slices.size())), {}});
    } else if (!folded.empty()) {
        Slice other{QObject::tr("Other (%1)").arg(folded.size()), 0, 0, QColor(0x9a, 0xa0, 0xa6), {}};
        QStringList names;
        for (const model::CostShare *share : folded) {
            other.usd += share->cost;
            other.fraction += share->fraction;
            if (names.size() < 8)
                names.append(QString::fromStdString(share->label));
        }
        if (folded.size() > 8)
            names.append(QObject::tr("and %1 more").arg(folded.size() - 8));
        other.detail = names.join(QStringLiteral(", "));
        slices.push_back(other);
    }
    return slices;
}

/// The sweep point nearest to `multiple` (in log distance).
const model::TrafficPoint *nearestPoint(const std::vector<model::TrafficPoint> &sweep, double multiple)
{
    const model::TrafficPoint *best = nullptr;
    for (const model::TrafficPoint &p : sweep) {
        if (!best || std::fabs(std::log10(p.multiple / multiple)) < std::fabs(std::log10(best->multiple / multiple)))
            best = &p;
    }
    return best;
}

} // namespace

QChart *breakdownChart(const model::Estimate &estimate, const model::Catalog &catalog, Breakdown by,
                       const ChartOptions &options)
{
    auto *chart = new QChart;
    const QString what = by == Breakdown::ByService ? QObject::tr("Monthly cost by service")
                                                    : QObject::tr("Monthly cost by category");
    // A total too large to price cannot be divided by amount: the slices then show shares.
    const bool byShare = !std::isfinite(options.currency.fromUsd(estimate.total));
    QString title =
        byShare ? QObject::tr("%1 · %2").arg(what, QString::fromUtf8(model::kTooLargeToPrice))
                : QObject::tr("%1 · %2/month").arg(what, money(estimate.total, options.currency));
    if (!estimate.unknownPrices.empty())
        title += QStringLiteral("<br><span style='font-size:8pt; font-weight:normal'>%1</span>")
                     .arg(QObject::tr("%n price(s) unknown, not counted", nullptr, int(estimate.unknownPrices.size())));
    styleChart(chart, options, title);
    const ChartColours colours = coloursFor(options.dark);

    auto *series = new QPieSeries;
    series->setObjectName(QStringLiteral("breakdown"));
    series->setHoleSize(0.5);
    series->setPieSize(0.9);
    const auto shares = by == Breakdown::ByService ? model::costByService(estimate)
                                                   : model::costByCategory(estimate, catalog);
    for (const Slice &s : slicesOf(shares, catalog, by)) {
        const double value = byShare ? s.fraction : options.currency.fromUsd(s.usd);
        // QPieSeries refuses (returns no slice for) a negative or NaN value; an infinite or
        // zero one would give NaN angles. Such a slice is left out.
        if (!(value > 0) || !std::isfinite(value))
            continue;
        QPieSlice *slice = series->append(percent(s.fraction), value);
        if (!slice)
            continue;
        slice->setColor(s.colour);
        slice->setBorderColor(colours.background);
        slice->setBorderWidth(1);
        slice->setLabelVisible(s.fraction >= kLabelledSlice);
        slice->setLabelPosition(QPieSlice::LabelInsideHorizontal);
        slice->setLabelColor(Qt::white);
        QFont font = slice->labelFont();
        font.setBold(true);
        font.setPointSizeF(8.5);
        slice->setLabelFont(font);
        // Two lines, so that a long name does not push the amount out of the legend.
        const QString legend = QStringLiteral("%1<br><b>%2</b> · %3")
                                   .arg(s.label.toHtmlEscaped(), money(s.usd, options.currency), percent(s.fraction));
        slice->setProperty("legendText", legend);
        slice->setProperty("name", s.label);
        QString tip = QObject::tr("%1: %2 a month (%3 of the total)")
                          .arg(s.label, moneyExact(s.usd, options.currency), percent(s.fraction));
        if (!s.detail.isEmpty())
            tip += QLatin1Char('\n') + s.detail;
        QObject::connect(slice, &QPieSlice::hovered, chart, [chart, slice, tip](bool state) {
            slice->setExploded(state);
            showHoverText(chart, state ? tip : QString());
        });
        slice->setExplodeDistanceFactor(0.04);
    }
    chart->addSeries(series);
    chart->legend()->setAlignment(Qt::AlignRight);
    const QList<QLegendMarker *> markers = chart->legend()->markers(series);
    const QList<QPieSlice *> slices = series->slices();
    for (int i = 0; i < markers.size() && i < slices.size(); ++i)
        markers[i]->setLabel(slices.at(i)->property("legendText").toString());
    return chart;
}

QChart *serversChart(const model::Comparison &comparison, const ChartOptions &options)
{
    auto *chart = new QChart;
    styleChart(chart, options, QObject::tr("Serverless vs servers across traffic (all-in, per month)"));
    const ChartColours colours = coloursFor(options.dark);
    const model::Currency &currency = options.currency;

    auto *serverless = new QLineSeries;
    serverless->setObjectName(QStringLiteral("serverless"));
    serverless->setName(QObject::tr("Serverless"));
    serverless->setPen(QPen(colours.serverless, 2.5));
    auto *servers = new QLineSeries;
    servers->setObjectName(QStringLiteral("servers"));
    servers->setName(QObject::tr("Servers"));
    servers->setPen(QPen(colours.servers, 2.5));
    // A log axis can show neither infinity nor amounts close to the largest double (Qt
    // Charts then never finishes laying out its ticks): points beyond kLogAxisCeiling, the
    // amounts too large to price, are left out and the chart says so.
    double top = 0, bottom = 0;
    bool leftOut = false;
    for (const model::TrafficPoint &p : comparison.sweep) {
        for (auto [series, usd] :
             {std::pair{serverless, p.serverless}, std::pair{servers, p.servers}}) {
            const double v = currency.fromUsd(usd);
            if (!(v <= kLogAxisCeiling) || !std::isfinite(p.multiple)) {
                leftOut = true;
                continue;
            }
            series->append(p.multiple, v);
            top = std::max(top, v);
            bottom = v > 0 && (bottom <= 0 || v < bottom) ? v : bottom;
        }
    }
    if (leftOut)
        chart->setTitle(
            chart->title() +
            QStringLiteral("<br><span style='font-size:8pt; font-weight:normal'>%1</span>")
                .arg(QObject::tr("amounts too large to price are left out")));
    chart->addSeries(serverless);
    chart->addSeries(servers);

    // Both axes logarithmic: traffic spans four decades, and so does the cost, so that the
    // region around the expected traffic stays readable next to x100.
    auto *x = new QLogValueAxis;
    x->setBase(10);
    // A hair wider than x0.01..x100: Qt labels only the decades inside the range.
    x->setRange(0.01 * (1 - 1e-9), 100 * (1 + 1e-9));
    x->setLabelFormat(QStringLiteral("×%.3g"));
    x->setMinorTickCount(8);
    styleAxis(x, options, QObject::tr("× expected traffic"));
    auto *y = new QLogValueAxis;
    y->setBase(10);
    const double yLow = std::pow(10.0, std::floor(std::log10(bottom > 0 ? bottom : 1)));
    const double yHigh = std::pow(10.0, std::ceil(std::log10(std::max(top, yLow * 10)) - 1e-9));
    y->setRange(yLow * (1 - 1e-9), yHigh * (1 + 1e-9));
    // Whole amounts up to the quadrillion; beyond, "%.0f" would print 20 digits or more.
    const QString digits = yLow < 1                              ? QStringLiteral("%.2f")
                           : yHigh >= model::kLargestPlainAmount ? QStringLiteral("%.3g")
                                                                 : QStringLiteral("%.0f");
    y->setLabelFormat(QString::fromStdString(currency.symbol) + digits);
    y->setMinorTickCount(8);
    styleAxis(y, options, QObject::tr("per month (log scale)"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QLineSeries *s : {serverless, servers}) {
        s->attachAxis(x);
        s->attachAxis(y);
        QObject::connect(s, &QLineSeries::hovered, chart, [chart, comparison, currency](const QPointF &at, bool state) {
            const model::TrafficPoint *p = state ? nearestPoint(comparison.sweep, at.x()) : nullptr;
            showHoverText(chart, p ? QObject::tr("%1 traffic\nServerless: %2 a month\nServers: %3 a month")
                                         .arg(multipleText(p->multiple), moneyExact(p->serverless, currency),
                                              moneyExact(p->servers, currency))
                                   : QString());
        });
    }
    const auto height = [yLow, yHigh](double share) { return yLow * std::pow(yHigh / yLow, share); };
    addVerticalMarker(chart, x, y,
                      {QStringLiteral("expected-traffic"), QObject::tr("Expected traffic"), 1, y->min(), y->max(), height(0.9),
                       colours.muted});
    if (comparison.breakEven > 0)
        addVerticalMarker(chart, x, y,
                          {QStringLiteral("break-even"),
                           QObject::tr("Break-even %1").arg(multipleText(comparison.breakEven)),
                           comparison.breakEven, y->min(), y->max(), height(0.78), colours.marker});
    chart->legend()->setAlignment(Qt::AlignTop);
    return chart;
}

QChart *tcoChart(const model::Comparison &comparison, const ChartOptions &options)
{
    auto *chart = new QChart;
    styleChart(chart, options, QObject::tr("Total cost of ownership, 1 and 3 years"));
    const model::Currency &currency = options.currency;
    struct Column
    {
        QString name;
        const model::CostSplit *split;
        int months;
        double total;
    };
    const Column columns[] = {
        {QObject::tr("1 year<br>serverless"), &comparison.serverless, 12, comparison.tco1Serverless},
        {QObject::tr("1 year<br>servers"), &comparison.servers, 12, comparison.tco1Servers},
        {QObject::tr("3 years<br>serverless"), &comparison.serverless, 36, comparison.tco3Serverless},
        {QObject::tr("3 years<br>servers"), &comparison.servers, 36, comparison.tco3Servers},
    };
    auto *infrastructure = new QBarSet(QObject::tr("Infrastructure"));
    auto *operations = new QBarSet(QObject::tr("Operations labour"));
    auto *recovery = new QBarSet(QObject::tr("Disaster recovery"));
    QStringList categories, names;
    double top = 0;
    for (const Column &c : columns) {
        names.append(QString(c.name).replace(QStringLiteral("<br>"), QStringLiteral(" ")));
        const double infra = c.split->infrastructure * c.months;
        const double ops = c.split->operations * c.months;
        // A column too large to price is drawn empty; its label says why.
        const bool shown = std::isfinite(currency.fromUsd(c.total));
        infrastructure->append(shown ? currency.fromUsd(infra) : 0);
        operations->append(shown ? currency.fromUsd(ops) : 0);
        // The remainder, so that the stack adds up to the engine's TCO figure.
        recovery->append(shown ? currency.fromUsd(c.total) - currency.fromUsd(infra) -
                                     currency.fromUsd(ops)
                               : 0);
        categories.append(QStringLiteral("%1<br><b>%2</b>").arg(c.name, money(c.total, currency)));
        top = std::max(top, shown ? currency.fromUsd(c.total) : 0);
    }
    const QColor stackColours[] = {QColor(0x4e, 0x79, 0xa7), QColor(0xf2, 0x8e, 0x2b), QColor(0xb0, 0x7a, 0xa1)};
    auto *series = new QStackedBarSeries;
    series->setObjectName(QStringLiteral("tco"));
    int index = 0;
    for (QBarSet *set : {infrastructure, operations, recovery}) {
        set->setColor(stackColours[index++]);
        set->setBorderColor(coloursFor(options.dark).background);
        series->append(set);
        QObject::connect(set, &QBarSet::hovered, chart, [chart, set, names, currency](bool state, int i) {
            const double total = set->property("totals").toList().value(i).toDouble();
            showHoverText(chart, state ? QObject::tr("%1 — %2: %3 of %4")
                                             .arg(names.value(i), set->label(),
                                                  amountExact(set->at(i), currency), amountExact(total, currency))
                                       : QString());
        });
    }
    QVariantList totals;
    for (const Column &c : columns)
        totals.append(drawable(currency.fromUsd(c.total)));
    for (QBarSet *set : series->barSets())
        set->setProperty("totals", totals);
    series->setBarWidth(0.6);
    chart->addSeries(series);
    addBarAxes(chart, series, categories, top, options, QString());
    return chart;
}

} // namespace nimbus::views::charts
