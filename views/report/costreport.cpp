// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "costreport.h"

#include "../canvas/displaytext.h"
#include "reportpages.h"

#include "../document/outputfile.h"

#include <model/analysis/validate.h>
#include <model/core/architecture.h>
#include <model/core/catalog.h>
#include <model/core/propertyvalue.h>
#include <model/cost/pricelist.h>

#include <QBuffer>
#include <QDir>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>

#include <cmath>

namespace nimbus::views {

namespace {

/// Text from the design or the price list, as the report draws it.
QString qs(const std::string &text)
{
    return displayText(text);
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

constexpr qreal kMarginX = 56;
constexpr qreal kMarginTop = 48;
constexpr qreal kMarginBottom = 64;

void paintFooter(QPainter &p, const QRectF &page, const QString &left, int number, int count)
{
    const report::ReportStyle style;
    const QRectF band(kMarginX, page.height() - kMarginBottom + 20, page.width() - 2 * kMarginX, 20);
    p.setPen(QPen(style.rule, 0.75));
    p.drawLine(band.topLeft() - QPointF(0, 6), band.topRight() - QPointF(0, 6));
    p.setFont(report::ReportStyle::font(8.5));
    p.setPen(style.muted);
    const QString right = QObject::tr("Page %1 of %2").arg(number).arg(count);
    report::drawElided(p, band.adjusted(0, 0, -120, 0), left, Qt::AlignLeft);
    p.drawText(band, Qt::AlignRight | Qt::AlignVCenter, right);
}

} // namespace

ReportFigures computeReportFigures(const ReportRequest &request)
{
    ReportFigures f;
    f.options.freeTier = request.design->settings().freeTier;
    f.estimate = model::estimate(*request.design, *request.catalog, *request.prices, f.options);
    f.comparison = model::compareWithServers(*request.design, *request.catalog, *request.prices, f.options,
                                             request.servers);
    model::MonteCarloOptions mc;
    mc.samples = request.monteCarloSamples;
    mc.threads = 1; // the result depends only on seed and samples; one thread keeps CI calm
    f.monteCarlo = model::runMonteCarlo(*request.design, *request.catalog, *request.prices, f.options, mc);
    f.findings = model::validate(*request.design, *request.catalog);
    return f;
}

QString breakEvenText(const model::Comparison &c)
{
    if (c.breakEven > 0)
        return QObject::tr("both cost the same at ×%1 of the expected traffic; %2 above it")
            .arg(qs(model::formatAmount(c.breakEven)),
                 c.sweep.empty() || c.sweep.back().serverless > c.sweep.back().servers
                     ? QObject::tr("servers cost less")
                     : QObject::tr("serverless costs less"));
    return c.serverlessCheaperThroughout
               ? QObject::tr("serverless costs less everywhere from ×0.01 to ×100 of the expected traffic")
               : QObject::tr("servers cost less everywhere from ×0.01 to ×100 of the expected traffic");
}

QString reportHeadline(const ReportFigures &f, const model::Currency &currency)
{
    const double serverless = f.comparison.serverless.total();
    const double servers = f.comparison.servers.total();
    const QString a = qs(model::formatCurrency(serverless, currency));
    const QString b = qs(model::formatCurrency(servers, currency));
    if (servers <= 0)
        return QObject::tr("Serverless: %1 a month, all costs included.").arg(a);
    const long pct = std::lround(std::fabs(servers - serverless) / servers * 100);
    if (serverless <= servers)
        return QObject::tr("Serverless: %1 a month all-in, %2% less than servers (%3).").arg(a).arg(pct).arg(b);
    return QObject::tr("Serverless: %1 a month all-in, %2% more than servers (%3).").arg(a).arg(pct).arg(b);
}

bool writeCostReport(const ReportRequest &request, const QString &pdfPath, QString *error,
                     ReportSummary *summary)
{
    if (!request.design || !request.catalog || !request.prices)
        return fail(error, QObject::tr("the report needs a design, a catalog and a price list"));
    ReportRequest r = request;
    if (!r.date.isValid())
        r.date = QDate::currentDate();
    const ReportFigures figures = computeReportFigures(r);

    QByteArray bytes; // the whole document is made in memory, then written in one go
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QString name = r.title.isEmpty() ? qs(r.design->name()) : r.title;
    if (name.isEmpty())
        name = QObject::tr("Untitled design");
    QPdfWriter pdf(&buffer);
    pdf.setResolution(int(report::kDpi)); // vector output: the resolution only sets the units
    pdf.setCreator(QStringLiteral("Nimbus"));
    pdf.setTitle(QObject::tr("%1 — cost report").arg(name));
    pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF()));
    QPainter painter(&pdf);
    if (!painter.isActive())
        return fail(error, QObject::tr("%1: the PDF document could not be made")
                               .arg(QDir::toNativeSeparators(pdfPath)));
    const QRectF page = pdf.pageLayout().paintRectPixels(pdf.resolution());
    const QRectF body(0, 0, page.width() - 2 * kMarginX, page.height() - kMarginTop - kMarginBottom);
    const report::ReportContext context{r, figures, report::TextMeasure(&pdf), body, name};

    std::vector<report::Page> pages;
    for (auto build : {report::titlePage, report::diagramPage, report::headlinePage, report::chartPages, report::costTablePages,
                       report::assumptionPages, report::validationPages}) {
        std::vector<report::Page> more = build(context);
        pages.insert(pages.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    }
    QString footer = name;
    if (!r.scenarioName.isEmpty())
        footer += QObject::tr(" · scenario “%1”").arg(r.scenarioName);
    footer += QObject::tr(" · cost report · %1")
                  .arg(QLocale(QLocale::English).toString(r.date, QStringLiteral("d MMMM yyyy")));
    for (std::size_t i = 0; i < pages.size(); ++i) {
        if (i > 0)
            pdf.newPage();
        painter.save();
        painter.translate(kMarginX, kMarginTop);
        for (const auto &[rect, paint] : pages[i].pieces) {
            painter.save();
            paint(painter, rect);
            painter.restore();
        }
        painter.restore();
        paintFooter(painter, page, footer, int(i) + 1, int(pages.size()));
    }
    painter.end();
    if (!writeOutputFile(pdfPath, bytes, error))
        return false;
    if (summary) {
        summary->pages = int(pages.size());
        summary->sections.clear();
        for (const report::Page &p : pages)
            summary->sections << p.section;
    }
    return true;
}

QString report::ReportContext::money(double usd) const
{
    return QString::fromStdString(model::formatCurrency(usd, request.currency));
}

QString report::ReportContext::whole(double usd) const
{
    return QString::fromStdString(model::formatCurrencyWhole(usd, request.currency));
}

QString report::ReportContext::price(double usd) const
{
    return QString::fromStdString(model::formatCurrencyPrice(usd, request.currency));
}

} // namespace nimbus::views
