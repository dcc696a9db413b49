// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// The first pages of the cost report: title, diagram and headline numbers.
#include "reportpages.h"

#include "../canvas/displaytext.h"
#include "diagramexport.h"

#include <model/core/architecture.h>
#include <model/core/propertyvalue.h>

#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>

#include <cmath>
#include <memory>

namespace nimbus::views::report {

namespace {

/// Text from the design or the price list, as the report draws it.
QString qs(const std::string &text)
{
    return displayText(text);
}

Page singlePage(const ReportContext &context, const QString &section, PaintFn paint)
{
    Page page{section, {}};
    page.pieces.emplace_back(QRectF(QPointF(0, 0), context.body.size()), std::move(paint));
    return page;
}

/// One big figure: a label above, the value, a note below.
struct Tile
{
    QString label;
    QString value;
    QString note;
    QColor color;
};

void paintTile(QPainter &p, const QRectF &r, const Tile &tile, const TextMeasure &measure)
{
    const ReportStyle style;
    p.setPen(Qt::NoPen);
    p.setBrush(style.band);
    p.drawRoundedRect(r, 8, 8);
    p.fillRect(QRectF(r.left(), r.top() + 8, 5, r.height() - 16), tile.color);
    const QRectF inner = r.adjusted(20, 14, -16, -12);
    p.setPen(style.muted);
    p.setFont(ReportStyle::font(11, true));
    drawElided(p, QRectF(inner.left(), inner.top(), inner.width(), 22), tile.label, Qt::AlignLeft);
    const QFont big = fittedFont(tile.value, 26, true, inner.width(), measure);
    p.setFont(big);
    p.setPen(tile.color);
    const qreal bigHeight = measure.lineHeight(ReportStyle::font(26, true));
    p.drawText(QRectF(inner.left(), inner.top() + 28, inner.width(), bigHeight),
               Qt::AlignLeft | Qt::AlignVCenter, tile.value);
    p.setFont(ReportStyle::font(9.5));
    p.setPen(style.muted);
    p.drawText(QRectF(inner.left(), inner.top() + 36 + bigHeight, inner.width(),
                      inner.bottom() - inner.top() - 36 - bigHeight),
               Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, tile.note);
}

std::vector<Tile> headlineTiles(const ReportContext &c)
{
    const model::Comparison &cmp = c.figures.comparison;
    const ReportStyle style;
    std::vector<Tile> tiles;
    tiles.push_back({QObject::tr("Monthly AWS bill"), c.money(c.figures.estimate.total),
                     QObject::tr("serverless design, %1, free tier %2")
                         .arg(qs(c.figures.estimate.region),
                              c.figures.options.freeTier ? QObject::tr("on") : QObject::tr("off")),
                     style.accent});
    const double serverless = cmp.serverless.total();
    const double servers = cmp.servers.total();
    tiles.push_back({QObject::tr("Servers, per month"), c.money(servers),
                     QObject::tr("against %1 serverless, both with operations and disaster recovery")
                         .arg(c.money(serverless)),
                     style.contrast});
    tiles.push_back({QObject::tr("Break-even"),
                     cmp.breakEven > 0 ? QStringLiteral("×") + qs(model::formatAmount(cmp.breakEven))
                                       : QObject::tr("None"),
                     breakEvenText(cmp), style.ink});
    const double saving = cmp.tco3Servers - cmp.tco3Serverless;
    tiles.push_back({saving >= 0 ? QObject::tr("3-year saving") : QObject::tr("3-year extra cost"),
                     c.money(std::fabs(saving)),
                     saving >= 0 ? QObject::tr("serverless against servers, total cost of ownership")
                                 : QObject::tr("of serverless against servers, total cost of ownership"),
                     saving >= 0 ? style.good : style.bad});
    return tiles;
}

void paintComparisonTable(QPainter &p, const QRectF &r, const ReportContext &c)
{
    const model::Comparison &cmp = c.figures.comparison;
    const std::vector<Column> columns{{QString(), 2.2},
                                      {QObject::tr("Serverless"), 1.4, Qt::AlignRight},
                                      {QObject::tr("Servers"), 1.4, Qt::AlignRight},
                                      {QObject::tr("Difference"), 1.4, Qt::AlignRight}};
    struct Line { QString label; double a; double b; bool strong; };
    const std::vector<Line> lines{
        {QObject::tr("Infrastructure, per month"), cmp.serverless.infrastructure, cmp.servers.infrastructure, false},
        {QObject::tr("Operations labour, per month"), cmp.serverless.operations, cmp.servers.operations, false},
        {QObject::tr("Disaster recovery, per month"), cmp.serverless.disasterRecovery, cmp.servers.disasterRecovery, false},
        {QObject::tr("Total, per month"), cmp.serverless.total(), cmp.servers.total(), true},
        {QObject::tr("1-year total cost of ownership"), cmp.tco1Serverless, cmp.tco1Servers, false},
        {QObject::tr("3-year total cost of ownership"), cmp.tco3Serverless, cmp.tco3Servers, true}};
    const qreal rowHeight = 26;
    qreal y = r.top();
    QStringList header;
    for (const Column &col : columns)
        header << col.title;
    tableRow(columns, header, rowHeight, ReportStyle::font(10, true), true)
        .paint(p, QRectF(r.left(), y, r.width(), rowHeight));
    y += rowHeight;
    for (const Line &line : lines) {
        tableRow(columns, {line.label, c.money(line.a), c.money(line.b), c.money(line.b - line.a)},
                 rowHeight, ReportStyle::font(10, line.strong), false, line.strong)
            .paint(p, QRectF(r.left(), y, r.width(), rowHeight));
        y += rowHeight;
    }
}

QString monteCarloText(const ReportContext &c)
{
    const model::MonteCarloResult &mc = c.figures.monteCarlo;
    if (mc.inputs.empty())
        return QObject::tr("Uncertainty: the design gives no low/high ranges for traffic, duration or "
                           "payload, so the monthly bill above is a single figure.");
    return QObject::tr("Uncertainty (%1 Monte Carlo samples over %2): the monthly AWS bill is "
                       "between %3 (P10) and %4 (P90), median %5.")
        .arg(qs(model::formatAmount(mc.samples)),
             countOf(qsizetype(mc.inputs.size()), QObject::tr("uncertain input"), QObject::tr("uncertain inputs")),
             c.money(mc.p10), c.money(mc.p90), c.money(mc.p50));
}

} // namespace

QString countOf(qsizetype count, const QString &singular, const QString &plural)
{
    return QString::number(count) + QLatin1Char(' ') + (count == 1 ? singular : plural);
}

QFont fittedFont(const QString &text, qreal points, bool bold, qreal width, const TextMeasure &measure)
{
    QFont font = ReportStyle::font(points, bold);
    while (font.pointSizeF() > 8
           && QFontMetricsF(font, measure.device()).horizontalAdvance(text) > width)
        font.setPointSizeF(font.pointSizeF() - 1);
    return font;
}

std::vector<Page> titlePage(const ReportContext &c)
{
    const QString headline = reportHeadline(c.figures, c.request.currency);
    QStringList facts;
    facts << QObject::tr("Region %1").arg(qs(c.figures.estimate.region));
    if (!c.request.scenarioName.isEmpty())
        facts << QObject::tr("Scenario “%1”").arg(c.request.scenarioName);
    facts << countOf(qsizetype(c.request.design->nodes().size()), QObject::tr("service"), QObject::tr("services"));
    if (!c.request.currency.isUsd())
        facts << QObject::tr("Amounts in %1 at %2 per US dollar")
                     .arg(qs(c.request.currency.code), QString::number(c.request.currency.perUsd));
    const QString date = QLocale(QLocale::English).toString(c.request.date, QStringLiteral("d MMMM yyyy"));
    const QString description = displayText(c.request.design->description(), true);
    const TextMeasure measure = c.measure;
    const QString name = c.designName;
    return {singlePage(c, QObject::tr("Title"), [=](QPainter &p, const QRectF &r) {
        const ReportStyle style;
        p.fillRect(QRectF(r.left(), r.top() + 120, 8, 150), style.accent);
        p.setPen(style.muted);
        p.setFont(ReportStyle::font(14, true));
        p.drawText(QRectF(r.left() + 32, r.top() + 110, r.width() - 32, 30), Qt::AlignLeft,
                   QObject::tr("Cost report"));
        p.setPen(style.ink);
        p.setFont(fittedFont(name, 34, true, r.width() - 32, measure));
        p.drawText(QRectF(r.left() + 32, r.top() + 140, r.width() - 32, 64), Qt::AlignLeft | Qt::AlignVCenter, name);
        p.setFont(ReportStyle::font(14));
        p.setPen(style.muted);
        p.drawText(QRectF(r.left() + 32, r.top() + 210, r.width() - 32, 30), Qt::AlignLeft,
                   date + QStringLiteral("   ·   ") + facts.join(QStringLiteral("   ·   ")));
        const QRectF box(r.left(), r.top() + 320, r.width(), 90);
        p.setPen(Qt::NoPen);
        p.setBrush(style.band);
        p.drawRoundedRect(box, 8, 8);
        p.setPen(style.ink);
        p.setFont(fittedFont(headline, 20, true, box.width() - 48, measure));
        p.drawText(box.adjusted(24, 0, -24, 0), Qt::AlignLeft | Qt::AlignVCenter, headline);
        p.setFont(ReportStyle::font(11));
        p.setPen(style.muted);
        p.drawText(QRectF(r.left(), box.bottom() + 28, r.width() * 0.8, r.bottom() - box.bottom() - 28),
                   Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, description);
    })};
}

std::vector<Page> diagramPage(const ReportContext &c)
{
    DiagramExportOptions options;
    options.title = false;
    options.legend = true;
    auto diagram = std::make_shared<DiagramExport>(*c.request.catalog, *c.request.design, options);
    const Block title = heading(QObject::tr("Architecture"), c.measure, 18);
    return {singlePage(c, QObject::tr("Architecture"), [=](QPainter &p, const QRectF &r) {
        title.paint(p, QRectF(r.topLeft(), QSizeF(r.width(), title.height)));
        const QRectF area = r.adjusted(0, title.height + 8, 0, 0);
        const QSizeF size = diagram->size();
        const qreal fit = std::min({1.5, area.width() / size.width(), area.height() / size.height()});
        p.save();
        p.translate(area.left() + (area.width() - size.width() * fit) / 2,
                    area.top() + (area.height() - size.height() * fit) / 2);
        p.scale(fit, fit);
        diagram->paint(p);
        p.restore();
    })};
}

std::vector<Page> headlinePage(const ReportContext &c)
{
    const std::vector<Tile> tiles = headlineTiles(c);
    const QString uncertainty = monteCarloText(c);
    const model::Comparison &cmp = c.figures.comparison;
    const QString sizing = QObject::tr("The server equivalent: %1 application, %2 broker and %3 database "
                                       "instances, sized for peak traffic (assumptions on a later page).")
                               .arg(cmp.applicationInstances).arg(cmp.brokerInstances).arg(cmp.databaseInstances);
    const Block title = heading(QObject::tr("Headline numbers"), c.measure, 18);
    const TextMeasure measure = c.measure;
    return {singlePage(c, QObject::tr("Headline numbers"), [=](QPainter &p, const QRectF &r) {
        title.paint(p, QRectF(r.topLeft(), QSizeF(r.width(), title.height)));
        const qreal gap = 16;
        const qreal tileWidth = (r.width() - gap * (tiles.size() - 1)) / tiles.size();
        const qreal top = r.top() + title.height + 8;
        for (std::size_t i = 0; i < tiles.size(); ++i)
            paintTile(p, QRectF(r.left() + i * (tileWidth + gap), top, tileWidth, 170), tiles[i], measure);
        const QRectF table(r.left(), top + 200, r.width() * 0.75, 7 * 26);
        paintComparisonTable(p, table, c);
        p.setFont(ReportStyle::font(10.5));
        p.setPen(ReportStyle().ink);
        p.drawText(QRectF(r.left(), table.bottom() + 24, r.width() * 0.75, r.bottom() - table.bottom() - 24),
                   Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, sizing + QStringLiteral("\n\n") + uncertainty);
    })};
}

} // namespace nimbus::views::report
