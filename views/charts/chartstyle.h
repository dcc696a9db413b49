// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

// Shared look of the cost charts: colours for dark and light, axes with currency labels,
// marker lines and hover tool tips. Used only inside views/charts.

#include "costcharts.h"

#include <QColor>
#include <QString>
#include <QStringList>

#include <functional>

class QAbstractAxis;
class QAbstractSeries;
class QCategoryAxis;
class QLineSeries;
class QValueAxis;

namespace nimbus::views::charts {

struct ChartColours
{
    QColor background;
    QColor text;
    QColor muted; ///< axis titles, grid labels
    QColor grid;
    QColor serverless;
    QColor servers;
    QColor marker;
};

ChartColours coloursFor(bool dark);
/// Eight well-separated colours for slices, readable on both backgrounds.
QColor seriesColour(int index);

/// Background, fonts, title, legend and animation of a new chart.
void styleChart(QChart *chart, const ChartOptions &options, const QString &title);
void styleAxis(QAbstractAxis *axis, const ChartOptions &options, const QString &title = QString());

/// `usd` in the chosen currency, whole units with separators ("€1,235"), cents under 100.
QString money(double usd, const model::Currency &currency);
/// `usd` with cents and separators ("€1,234.56").
QString moneyExact(double usd, const model::Currency &currency);
/// An already converted amount written compactly ("€12.5k").
QString shortAmount(double converted, const model::Currency &currency);
/// An already converted amount with cents and separators ("€1,234.56").
QString amountExact(double converted, const model::Currency &currency);
/// "×3.2", "×0.05".
QString multipleText(double multiple);

/// A vertical value axis from 0 to a round number above `maxValue` (already converted)
/// whose labels are compact currency amounts.
QCategoryAxis *moneyAxis(double maxValue, const ChartOptions &options, const QString &title);
/// Category axis below (`categories`) and money axis on the left (0 to `top`, converted)
/// for a bar series already added to `chart`; the legend goes on top.
void addBarAxes(QChart *chart, QAbstractSeries *series, const QStringList &categories, double top,
                const ChartOptions &options, const QString &yTitle);

/// An axis over `minValue`..`maxValue` (widened to round numbers unless `exact`) with
/// labels at round values written by `label`. Values that are not finite (an amount too
/// large to price) or beyond ±1e300 are drawn as if they were at that bound, so that the
/// axis always has a finite range and a handful of labels.
QCategoryAxis *roundAxis(double minValue, double maxValue, const ChartOptions &options,
                         const std::function<QString(double)> &label, bool exact = false);

/// `value` if it can be drawn (finite), else 0: series never hold infinity or NaN.
double drawable(double value);
struct MarkerLine
{
    QString name;  ///< object name of the line ("break-even"); the label series adds "-label"
    QString label; ///< text near the top of the line, also the line's series name
    double x = 0;
    double yLow = 0, yHigh = 0;
    double labelY = 0; ///< where the label sits (it is drawn just above this value)
    QColor colour;
};

/// Adds a dashed vertical line and its label to `chart`, attached to `xAxis` and `yAxis`,
/// without legend entries. Nothing (nullptr) when the line's position is not finite.
QLineSeries *addVerticalMarker(QChart *chart, QAbstractAxis *xAxis, QAbstractAxis *yAxis, const MarkerLine &marker);

/// Shows `text` as the tool tip of the view that displays `chart` (if any) and keeps it in
/// the chart's "hoverText" property; an empty text hides the tip.
void showHoverText(QChart *chart, const QString &text);

} // namespace nimbus::views::charts
