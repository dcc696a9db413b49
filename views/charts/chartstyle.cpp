// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "chartstyle.h"

#include <QBarCategoryAxis>
#include <QCategoryAxis>
#include <QChart>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QCursor>
#include <QLegend>
#include <QLocale>
#include <QLegendMarker>
#include <QFontMetricsF>
#include <QLineSeries>
#include <QScatterSeries>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace nimbus::views::charts {

namespace {

/// The chosen currency, for amounts that are already converted.
model::Currency converted(const model::Currency &currency)
{
    model::Currency c = currency;
    c.perUsd = 1;
    return c;
}

/// A round step giving about `wanted` intervals up to `maxValue`.
double niceStep(double maxValue, int wanted)
{
    const double raw = maxValue / wanted;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double factor : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (factor * magnitude >= raw)
            return factor * magnitude;
    }
    return 10 * magnitude;
}

} // namespace

ChartColours coloursFor(bool dark)
{
    if (dark)
        return {QColor(0x2d, 0x2f, 0x33), QColor(0xe8, 0xea, 0xed), QColor(0xb0, 0xb4, 0xba),
                QColor(0x48, 0x4b, 0x51), QColor(0xff, 0xa7, 0x26), QColor(0x64, 0xa8, 0xff),
                QColor(0xf2, 0x8b, 0x82)};
    return {QColor(Qt::white), QColor(0x20, 0x21, 0x24), QColor(0x5f, 0x63, 0x68), QColor(0xe0, 0xe3, 0xe7),
            QColor(0xe3, 0x74, 0x00), QColor(0x1a, 0x5f, 0xb4), QColor(0xc5, 0x22, 0x1f)};
}

QColor seriesColour(int index)
{
    static const QColor colours[] = {QColor(0x4e, 0x79, 0xa7), QColor(0xf2, 0x8e, 0x2b), QColor(0x59, 0xa1, 0x4f),
                                     QColor(0xe1, 0x57, 0x59), QColor(0x76, 0xb7, 0xb2), QColor(0xed, 0xc9, 0x48),
                                     QColor(0xb0, 0x7a, 0xa1), QColor(0x9c, 0x75, 0x5f)};
    return colours[index % 8];
}

void styleChart(QChart *chart, const ChartOptions &options, const QString &title)
{
    const ChartColours c = coloursFor(options.dark);
    chart->setTheme(options.dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(c.background);
    chart->setBackgroundRoundness(0);
    chart->setPlotAreaBackgroundVisible(false);
    chart->setTitle(title);
    QFont titleFont = chart->titleFont();
    titleFont.setPointSizeF(11);
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    chart->setTitleBrush(c.text);
    chart->legend()->setLabelColor(c.text);
    QFont legendFont = chart->legend()->font();
    legendFont.setPointSizeF(9);
    chart->legend()->setFont(legendFont);
    chart->setAnimationOptions(options.animate ? QChart::SeriesAnimations : QChart::NoAnimation);
    chart->setMargins(QMargins(6, 6, 6, 6));
    // Axis labels with a format ("$%.0f") are written with English digit grouping, as
    // every other amount in Nimbus: "$10,000".
    chart->setLocale(QLocale(QLocale::English));
    chart->setLocalizeNumbers(true);
}

void styleAxis(QAbstractAxis *axis, const ChartOptions &options, const QString &title)
{
    const ChartColours c = coloursFor(options.dark);
    axis->setLabelsColor(c.text);
    axis->setGridLineColor(c.grid);
    // Minor lines halfway between the grid and the background: there, but quiet.
    axis->setMinorGridLineColor(QColor((c.grid.red() + c.background.red()) / 2, (c.grid.green() + c.background.green()) / 2,
                                       (c.grid.blue() + c.background.blue()) / 2));
    axis->setLinePenColor(c.muted);
    QFont font = axis->labelsFont();
    font.setPointSizeF(8.5);
    axis->setLabelsFont(font);
    if (!title.isEmpty()) {
        axis->setTitleText(title);
        axis->setTitleBrush(c.muted);
        QFont titleFont = axis->titleFont();
        titleFont.setPointSizeF(8.5);
        titleFont.setBold(false);
        axis->setTitleFont(titleFont);
    }
}

QString money(double usd, const model::Currency &currency)
{
    return QString::fromStdString(std::fabs(currency.fromUsd(usd)) < 100 ? model::formatCurrency(usd, currency)
                                                                            : model::formatCurrencyWhole(usd, currency));
}

QString moneyExact(double usd, const model::Currency &currency)
{
    return QString::fromStdString(model::formatCurrency(usd, currency));
}

QString shortAmount(double value, const model::Currency &currency)
{
    return QString::fromStdString(model::formatCurrencyShort(value, converted(currency)));
}

QString amountExact(double value, const model::Currency &currency)
{
    return QString::fromStdString(model::formatCurrency(value, converted(currency)));
}

QString multipleText(double multiple)
{
    return QStringLiteral("×") + QString::number(multiple, 'g', multiple < 1 ? 2 : 3);
}

QCategoryAxis *moneyAxis(double maxValue, const ChartOptions &options, const QString &title)
{
    const model::Currency currency = options.currency;
    QCategoryAxis *axis = roundAxis(0, maxValue, options, [currency](double v) { return shortAmount(v, currency); });
    styleAxis(axis, options, title);
    return axis;
}

void addBarAxes(QChart *chart, QAbstractSeries *series, const QStringList &categories, double top,
                const ChartOptions &options, const QString &yTitle)
{
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    styleAxis(x, options);
    QCategoryAxis *y = moneyAxis(top, options, yTitle);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    chart->legend()->setAlignment(Qt::AlignTop);
}

double drawable(double value)
{
    return std::isfinite(value) ? value : 0;
}

QCategoryAxis *roundAxis(double minValue, double maxValue, const ChartOptions &options,
                         const std::function<QString(double)> &label, bool exact)
{
    // Far below the largest double, so that neither the span nor a step past it overflows.
    static constexpr double kLargest = 1e300;
    const auto bounded = [](double v) {
        return std::isnan(v) ? kLargest : std::clamp(v, -kLargest, kLargest);
    };
    minValue = bounded(minValue);
    maxValue = bounded(maxValue);
    auto *axis = new QCategoryAxis;
    const double span = maxValue > minValue ? maxValue - minValue : std::max(1.0, std::fabs(maxValue));
    const double step = niceStep(span, exact ? 6 : 5);
    const double first = std::floor(minValue / step + 1e-9) * step;
    // About five steps; counted as doubles and bounded before becoming an int, whatever the
    // rounding of huge values did to them.
    const double steps = exact ? std::floor((maxValue - first) / step + 1e-9)
                               : std::ceil((maxValue - first) / step - 1e-9);
    const int ticks =
        std::isfinite(steps) ? static_cast<int>(std::clamp(steps, exact ? 0.0 : 1.0, 100.0)) : 1;
    axis->setStartValue(exact ? minValue : first);
    for (int i = 1; i <= ticks; ++i) {
        if (first + i * step > (exact ? minValue : first))
            axis->append(label(first + i * step), first + i * step);
    }
    axis->setRange(exact ? minValue : first, exact ? maxValue : first + ticks * step);
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    styleAxis(axis, options);
    return axis;
}

QLineSeries *addVerticalMarker(QChart *chart, QAbstractAxis *xAxis, QAbstractAxis *yAxis, const MarkerLine &m)
{
    const QString &name = m.name;
    const QString &label = m.label;
    const QColor &colour = m.colour;
    const double x = m.x;
    if (!std::isfinite(x) || !std::isfinite(m.yLow) || !std::isfinite(m.yHigh) ||
        !std::isfinite(m.labelY))
        return nullptr;
    auto *line = new QLineSeries;
    line->setObjectName(name);
    line->setName(label);
    line->append(x, m.yLow);
    line->append(x, m.yHigh);
    QPen pen(colour, 1.5, Qt::DashLine);
    line->setPen(pen);
    chart->addSeries(line);

    auto *text = new QScatterSeries;
    text->setObjectName(name + QStringLiteral("-label"));
    text->append(x, m.labelY);
    text->setMarkerSize(1);
    text->setColor(Qt::transparent);
    text->setBorderColor(Qt::transparent);
    QFont font = text->pointLabelsFont();
    font.setPointSizeF(8.5);
    font.setBold(true);
    text->setPointLabelsFont(font);
    // Qt Charts centres a point label on its point, so the dashed line would run through
    // the text. Spaces in front as wide as the label (plus a gap) move the visible text
    // just right of the line.
    const QFontMetricsF metrics(font);
    const int spaces = int(std::ceil((metrics.horizontalAdvance(label) + 8) / metrics.horizontalAdvance(QLatin1Char(' '))));
    text->setPointLabelsFormat(QString(spaces, QLatin1Char(' ')) + label);
    text->setPointLabelsVisible(!label.isEmpty());
    text->setPointLabelsClipping(false);
    text->setPointLabelsColor(colour);
    chart->addSeries(text);
    for (QAbstractAxis *axis : {xAxis, yAxis}) {
        line->attachAxis(axis);
        text->attachAxis(axis);
    }
    for (QLegendMarker *marker : chart->legend()->markers(line))
        marker->setVisible(false);
    for (QLegendMarker *marker : chart->legend()->markers(text))
        marker->setVisible(false);
    return line;
}

void showHoverText(QChart *chart, const QString &text)
{
    chart->setProperty("hoverText", text);
    QGraphicsView *view = chart->scene() && !chart->scene()->views().isEmpty() ? chart->scene()->views().first()
                                                                               : nullptr;
    if (text.isEmpty())
        QToolTip::hideText();
    else if (view)
        QToolTip::showText(QCursor::pos(), text, view);
}

} // namespace nimbus::views::charts
