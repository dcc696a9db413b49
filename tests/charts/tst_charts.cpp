// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// The cost charts and the dashboard: every series holds the numbers the cost engine
// reports (in the chosen currency), not pixels; images are real PNG and SVG files; the
// dashboard in the window follows edits of the design.

#include "common/filetools.h"
#include "common/testdata.h"

#include <app/cli/estimatecommand.h>
#include <app/gui/mainwindow.h>
#include <model/cost/breakdown.h>
#include <model/cost/montecarlo.h>
#include <model/cost/servercomparison.h>
#include <model/io/projectfile.h>
#include <views/charts/costcharts.h>
#include <views/charts/costdashboard.h>
#include <views/commands/setpropertycommands.h>
#include <views/document/document.h>

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDockWidget>
#include <QFile>
#include <QImage>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPieSeries>
#include <QPieSlice>
#include <QStackedBarSeries>
#include <QBarSeries>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QToolTip>
#include <QUndoStack>

#include <memory>
#include <sstream>

using namespace nimbus;
using namespace nimbus::views::charts;
using tests::builtinCatalog;

namespace {

struct Loaded
{
    model::Architecture architecture;
    model::PriceList prices;
    model::Estimate estimate;
};

Loaded loadTemplate(const QString &name)
{
    auto project = model::readProjectFile(tests::sourcePath("templates/" + name).toStdString(), builtinCatalog());
    if (!project.ok())
        qFatal("%s does not load", qPrintable(name));
    std::ostringstream err;
    auto prices = app::loadPrices(project.architecture.settings().region, "", err);
    if (!prices)
        qFatal("no prices: %s", err.str().c_str());
    model::EstimateOptions options;
    options.freeTier = project.architecture.settings().freeTier;
    model::Estimate e = model::estimate(project.architecture, builtinCatalog(), *prices, options);
    return {std::move(project.architecture), std::move(*prices), std::move(e)};
}

template<typename T>
T *seriesNamed(QChart *chart, const QString &name)
{
    for (QAbstractSeries *s : chart->series()) {
        if (s->objectName() == name)
            return qobject_cast<T *>(s);
    }
    return nullptr;
}

bool near(double a, double b)
{
    return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b));
}

model::Currency euro()
{
    return {"EUR", "€", 0.9};
}

/// The designer window with `file` open, shown offscreen.
std::unique_ptr<app::MainWindow> openWindow(const QString &file)
{
    auto window = std::make_unique<app::MainWindow>(builtinCatalog());
    if (!window->openFile(tests::sourcePath("templates/" + file), false))
        qFatal("%s does not open", qPrintable(file));
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        qFatal("the window is not exposed");
    return window;
}

model::MonteCarloResult monteCarloOf(const Loaded &d)
{
    model::MonteCarloOptions mc;
    mc.samples = 2000;
    return model::runMonteCarlo(d.architecture, builtinCatalog(), d.prices, {}, mc);
}

} // namespace

class TestCharts final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // preferences go to a test folder
    }

    void breakdownSlicesAreTheShares_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("byCategory");
        for (const char *file : {"web-application.nimbus", "iot-backend.nimbus"}) {
            QTest::addRow("%s by service", file) << QString::fromLatin1(file) << false;
            QTest::addRow("%s by category", file) << QString::fromLatin1(file) << true;
        }
    }

    void breakdownSlicesAreTheShares()
    {
        QFETCH(QString, file);
        QFETCH(bool, byCategory);
        const Loaded d = loadTemplate(file);
        const auto shares = byCategory ? model::costByCategory(d.estimate, builtinCatalog())
                                       : model::costByService(d.estimate);
        for (const ChartOptions &options : {ChartOptions{}, ChartOptions{euro(), true, false}}) {
            std::unique_ptr<QChart> chart(breakdownChart(d.estimate, builtinCatalog(),
                                                         byCategory ? Breakdown::ByCategory : Breakdown::ByService, options));
            auto *pie = seriesNamed<QPieSeries>(chart.get(), QStringLiteral("breakdown"));
            QVERIFY(pie);
            const QList<QPieSlice *> slices = pie->slices();
            QVERIFY(!slices.isEmpty());
            QVERIFY(slices.size() <= 7);
            double rest = 0;
            for (int i = 0; i < int(shares.size()); ++i) {
                if (i < slices.size() - 1 || (i == slices.size() - 1 && slices.size() == int(shares.size())))
                    QVERIFY(near(slices[i]->value(), options.currency.fromUsd(shares[i].cost)));
                else
                    rest += options.currency.fromUsd(shares[i].cost);
            }
            if (rest > 0)
                QVERIFY(near(slices.back()->value(), rest));
            QVERIFY(near(pie->sum(), options.currency.fromUsd(d.estimate.total)));
            for (int i = 1; i < slices.size(); ++i) // largest first ("Other" last)
                QVERIFY(slices[i - 1]->value() >= slices[i]->value() || i == slices.size() - 1);
            // The legend names each slice with its amount and share.
            const QList<QLegendMarker *> markers = chart->legend()->markers(pie);
            QCOMPARE(markers.size(), slices.size());
            const QString symbol = QString::fromStdString(options.currency.symbol);
            for (QLegendMarker *m : markers)
                QVERIFY2(m->label().contains(symbol) && m->label().contains(QLatin1Char('%')), qPrintable(m->label()));
            QVERIFY(chart->title().contains(QString::fromStdString(model::formatCurrencyWhole(d.estimate.total, options.currency))));
        }
    }

    void manySmallSharesFoldIntoOther()
    {
        model::Estimate e;
        for (int i = 0; i < 12; ++i) {
            model::LineItem item;
            item.node = model::NodeId("n" + std::to_string(i));
            item.nodeName = "Service " + std::to_string(i);
            item.service = "Lambda function";
            item.cost = 100.0 / (i + 1);
            e.items.push_back(item);
            e.total += item.cost;
        }
        std::unique_ptr<QChart> chart(breakdownChart(e, builtinCatalog(), Breakdown::ByService, {}));
        auto *pie = seriesNamed<QPieSeries>(chart.get(), QStringLiteral("breakdown"));
        QCOMPARE(pie->count(), 7);
        QVERIFY(pie->slices().back()->property("name").toString().startsWith(QStringLiteral("Other")));
        QVERIFY(near(pie->sum(), e.total));
    }

    void serversChartFollowsTheSweep_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("web application") << "web-application.nimbus";
        QTest::newRow("iot backend") << "iot-backend.nimbus";
    }

    void serversChartFollowsTheSweep()
    {
        QFETCH(QString, file);
        const Loaded d = loadTemplate(file);
        const model::Comparison c = model::compareWithServers(d.architecture, builtinCatalog(), d.prices, {});
        const ChartOptions options{euro(), false, false};
        std::unique_ptr<QChart> chart(serversChart(c, options));
        auto *serverless = seriesNamed<QLineSeries>(chart.get(), QStringLiteral("serverless"));
        auto *servers = seriesNamed<QLineSeries>(chart.get(), QStringLiteral("servers"));
        QVERIFY(serverless && servers);
        QCOMPARE(serverless->count(), int(c.sweep.size()));
        for (int i = 0; i < serverless->count(); ++i) {
            QCOMPARE(serverless->at(i).x(), c.sweep[i].multiple);
            QVERIFY(near(serverless->at(i).y(), 0.9 * c.sweep[i].serverless));
            QVERIFY(near(servers->at(i).y(), 0.9 * c.sweep[i].servers));
        }
        auto *x = qobject_cast<QLogValueAxis *>(chart->axes(Qt::Horizontal).value(0));
        QVERIFY(x);
        QVERIFY(std::fabs(x->min() / 0.01 - 1) < 1e-6);
        QVERIFY(std::fabs(x->max() / 100 - 1) < 1e-6);
        auto *expected = seriesNamed<QLineSeries>(chart.get(), QStringLiteral("expected-traffic"));
        QVERIFY(expected);
        QCOMPARE(expected->at(0).x(), 1.0);
        QCOMPARE(expected->at(1).x(), 1.0);
        auto *breakEven = seriesNamed<QLineSeries>(chart.get(), QStringLiteral("break-even"));
        QCOMPARE(breakEven != nullptr, c.breakEven > 0);
        if (breakEven)
            QCOMPARE(breakEven->at(0).x(), c.breakEven);
    }

    void breakEvenIsMarkedAndLabelled()
    {
        model::Comparison c;
        for (double m : {0.01, 0.1, 1.0, 10.0, 100.0})
            c.sweep.push_back({m, 100 * m, 500});
        c.breakEven = 5;
        std::unique_ptr<QChart> chart(serversChart(c, {}));
        auto *line = seriesNamed<QLineSeries>(chart.get(), QStringLiteral("break-even"));
        QVERIFY(line);
        QCOMPARE(line->at(0).x(), 5.0);
        auto *y = qobject_cast<QLogValueAxis *>(chart->axes(Qt::Vertical).value(0));
        QVERIFY(y);
        QVERIFY(y->min() <= 1 && y->max() >= 10000); // every point in view
        QCOMPARE(line->at(0).y(), y->min());         // the whole height of the plot
        QCOMPARE(line->at(1).y(), y->max());
        auto *label = seriesNamed<QXYSeries>(chart.get(), QStringLiteral("break-even-label"));
        QVERIFY(label && label->pointLabelsVisible());
        QCOMPARE(label->pointLabelsFormat().trimmed(), QStringLiteral("Break-even ×5")); // padded to sit right of the line
        c.breakEven = -1;
        chart.reset(serversChart(c, {}));
        QVERIFY(!seriesNamed<QLineSeries>(chart.get(), QStringLiteral("break-even")));
    }

    void tcoStacksAddUpToTheEngineTotals()
    {
        const Loaded d = loadTemplate("web-application.nimbus");
        const model::Comparison c = model::compareWithServers(d.architecture, builtinCatalog(), d.prices, {});
        for (const ChartOptions &options : {ChartOptions{}, ChartOptions{euro(), true, false}}) {
            std::unique_ptr<QChart> chart(tcoChart(c, options));
            auto *series = seriesNamed<QStackedBarSeries>(chart.get(), QStringLiteral("tco"));
            QVERIFY(series);
            QCOMPARE(series->count(), 3);
            const double totals[] = {c.tco1Serverless, c.tco1Servers, c.tco3Serverless, c.tco3Servers};
            const model::CostSplit *splits[] = {&c.serverless, &c.servers, &c.serverless, &c.servers};
            for (int i = 0; i < 4; ++i) {
                double sum = 0;
                for (QBarSet *set : series->barSets())
                    sum += set->at(i);
                QVERIFY2(near(sum, options.currency.fromUsd(totals[i])), qPrintable(QString::number(i)));
                const int months = i < 2 ? 12 : 36;
                QVERIFY(near(series->barSets()[0]->at(i), options.currency.fromUsd(splits[i]->infrastructure * months)));
                QVERIFY(near(series->barSets()[1]->at(i), options.currency.fromUsd(splits[i]->operations * months)));
                QVERIFY(std::fabs(series->barSets()[2]->at(i) - options.currency.fromUsd(splits[i]->disasterRecovery * months))
                        < 1e-6 * std::max(1.0, totals[i]));
            }
        }
    }

    void histogramIsTheSamples()
    {
        const Loaded d = loadTemplate("monte-carlo-risk.nimbus");
        const model::MonteCarloResult r = monteCarloOf(d);
        QVERIFY(r.p10 < r.p90);
        std::unique_ptr<QChart> chart(monteCarloChart(r, {euro(), false, false}));
        auto *bars = seriesNamed<QBarSeries>(chart.get(), QStringLiteral("histogram"));
        QVERIFY(bars);
        QCOMPARE(bars->barSets().size(), 1);
        QCOMPARE(bars->barSets()[0]->count(), int(r.binCounts.size()));
        for (int i = 0; i < int(r.binCounts.size()); ++i)
            QCOMPARE(bars->barSets()[0]->at(i), double(r.binCounts[i]));
        const std::pair<const char *, double> lines[] = {{"p10", r.p10}, {"p50", r.p50}, {"p90", r.p90}};
        for (const auto &[name, value] : lines) {
            auto *line = seriesNamed<QLineSeries>(chart.get(), QLatin1String(name));
            QVERIFY2(line, name);
            QVERIFY(near(line->at(0).x(), 0.9 * value));
            auto *label = seriesNamed<QXYSeries>(chart.get(), QLatin1String(name) + QStringLiteral("-label"));
            QVERIFY(label->pointLabelsFormat().contains(QString::fromStdString(model::formatCurrencyWhole(value, euro()))));
        }
    }

    void variantsAreGroupedBars()
    {
        const std::vector<VariantColumn> columns = {{"launch", 120, 900}, {"peak season", 480, 1100}, {"launch", 700, 1500}};
        std::unique_ptr<QChart> chart(variantsChart(columns, {euro(), false, false}));
        auto *bars = seriesNamed<QBarSeries>(chart.get(), QStringLiteral("variants"));
        QVERIFY(bars);
        QCOMPARE(bars->barSets().size(), 2);
        auto *x = qobject_cast<QBarCategoryAxis *>(chart->axes(Qt::Horizontal).value(0));
        QVERIFY(x);
        QCOMPARE(x->categories(), QStringList({"launch", "peak season", "launch (2)"})); // one column each
        for (int i = 0; i < 3; ++i) {
            QVERIFY(near(bars->barSets()[0]->at(i), 0.9 * columns[i].serverless));
            QVERIFY(near(bars->barSets()[1]->at(i), 0.9 * columns[i].servers));
        }
    }

    void hoveringShowsTheExactFigure()
    {
        const Loaded d = loadTemplate("web-application.nimbus");
        std::unique_ptr<QChart> pie(breakdownChart(d.estimate, builtinCatalog(), Breakdown::ByService, {}));
        QPieSlice *first = seriesNamed<QPieSeries>(pie.get(), QStringLiteral("breakdown"))->slices().first();
        Q_EMIT first->hovered(true);
        const auto shares = model::costByService(d.estimate);
        QVERIFY2(pie->property("hoverText").toString().contains(QString::fromStdString(model::formatCurrency(shares[0].cost, {}))),
                 qPrintable(pie->property("hoverText").toString()));
        Q_EMIT first->hovered(false);
        QVERIFY(pie->property("hoverText").toString().isEmpty());

        const model::Comparison c = model::compareWithServers(d.architecture, builtinCatalog(), d.prices, {});
        std::unique_ptr<QChart> tco(tcoChart(c, {}));
        QBarSet *ops = seriesNamed<QStackedBarSeries>(tco.get(), QStringLiteral("tco"))->barSets()[1];
        Q_EMIT ops->hovered(true, 3);
        const QString tip = tco->property("hoverText").toString();
        QVERIFY2(tip.contains(QStringLiteral("3 years servers")) && tip.contains(QStringLiteral("Operations labour"))
                     && tip.contains(QString::fromStdString(model::formatCurrency(c.tco3Servers, {}))),
                 qPrintable(tip));

        std::unique_ptr<QChart> sweep(serversChart(c, {}));
        Q_EMIT seriesNamed<QLineSeries>(sweep.get(), QStringLiteral("servers"))->hovered(QPointF(1.05, 0), true);
        QVERIFY(sweep->property("hoverText").toString().contains(
            QString::fromStdString(model::formatCurrency(c.sweep[10].servers, {}))));
    }

    void themesAreReadable()
    {
        const Loaded d = loadTemplate("web-application.nimbus");
        std::unique_ptr<QChart> dark(breakdownChart(d.estimate, builtinCatalog(), Breakdown::ByService, {{}, true, false}));
        std::unique_ptr<QChart> light(breakdownChart(d.estimate, builtinCatalog(), Breakdown::ByService, {}));
        QVERIFY(dark->backgroundBrush().color().lightness() < 80);
        QVERIFY(dark->titleBrush().color().lightness() > 180);
        QVERIFY(light->backgroundBrush().color().lightness() > 200);
        QVERIFY(light->titleBrush().color().lightness() < 80);
        QCOMPARE(dark->animationOptions(), QChart::NoAnimation);
    }

    void imagesArePngAndSvg()
    {
        const Loaded d = loadTemplate("iot-backend.nimbus");
        std::unique_ptr<QChart> chart(breakdownChart(d.estimate, builtinCatalog(), Breakdown::ByCategory, {}));
        QTemporaryDir dir;
        QString error;
        const QString png = dir.filePath(QStringLiteral("chart.png"));
        QVERIFY2(saveChartImage(chart.get(), png, QSize(800, 500), &error), qPrintable(error));
        QFile file(png);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.read(8), QByteArray("\x89PNG\r\n\x1a\n", 8));
        const QImage image(png);
        QCOMPARE(image.size(), QSize(800, 500));
        int painted = 0; // the donut and the legend, not a blank page
        for (int y = 0; y < image.height(); y += 4)
            for (int x = 0; x < image.width(); x += 4)
                painted += image.pixel(x, y) != image.pixel(0, 0) ? 1 : 0;
        QVERIFY2(painted > image.width() * image.height() / 16 / 10, qPrintable(QString::number(painted)));

        const QString svg = dir.filePath(QStringLiteral("chart.svg"));
        QVERIFY2(saveChartImage(chart.get(), svg, QSize(800, 500), &error), qPrintable(error));
        QFile svgFile(svg);
        QVERIFY(svgFile.open(QIODevice::ReadOnly));
        const QByteArray xml = svgFile.readAll();
        QVERIFY(xml.startsWith("<?xml"));
        QVERIFY(xml.contains("<svg"));
        QVERIFY(xml.contains("Monthly cost by category"));

        QVERIFY(!saveChartImage(chart.get(), dir.filePath(QStringLiteral("chart.gif")), QSize(800, 500), &error));
        QVERIFY2(error.contains(QStringLiteral(".gif")), qPrintable(error));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("chart.gif"))));

        // On a full disk the message names the file and the reason; the previous file stays.
        for (const QString &path : {png, svg}) {
            tests::putFile(path, "previous\n");
            bool saved = true;
            {
                const tests::FileSizeLimit limit(256);
                saved = saveChartImage(chart.get(), path, QSize(800, 500), &error);
            }
            QVERIFY(!saved);
            QCOMPARE(error, QStringLiteral("cannot write %1: File too large").arg(path));
            QCOMPARE(tests::fileBytes(path), QByteArray("previous\n"));
        }
        QCOMPARE(tests::folderEntries(dir.path()), (QStringList{"chart.png", "chart.svg"}));
    }

    void dashboardFollowsTheDesign()
    {
        const auto owner = openWindow(QStringLiteral("web-application.nimbus"));
        app::MainWindow &window = *owner;
        window.showDashboard();
        window.analyseNow();
        views::CostDashboard *dashboard = window.dashboard();
        QVERIFY(dashboard->isVisible());

        auto engineTotal = [&window = window] {
            std::ostringstream err;
            const auto prices = app::loadPrices(window.document().architecture().settings().region, "", err);
            model::EstimateOptions options;
            options.freeTier = window.document().architecture().settings().freeTier;
            return model::estimate(window.document().architecture(), builtinCatalog(), *prices, options).total;
        };
        auto pie = [dashboard] {
            return seriesNamed<QPieSeries>(dashboard->chart(views::CostDashboard::Chart::Breakdown), QStringLiteral("breakdown"));
        };
        const double before = engineTotal();
        QVERIFY(near(pie()->sum(), before));
        QVERIFY(dashboard->headline(0).contains(QString::fromStdString(model::formatCurrencyWhole(before, {}))));
        QVERIFY(seriesNamed<QLineSeries>(dashboard->chart(views::CostDashboard::Chart::Servers), QStringLiteral("servers")));

        // Ten times the traffic, with a range: the charts follow after the analysis.
        auto *stack = window.document().undoStack();
        stack->push(new views::SetNodePropertyCommand(window.document(), model::NodeId("browser"), "requestsPerMonth",
                                                      std::int64_t(250'000'000)));
        stack->push(new views::SetNodePropertyCommand(window.document(), model::NodeId("browser"), "requestsPerMonthLow",
                                                      std::int64_t(100'000'000)));
        stack->push(new views::SetNodePropertyCommand(window.document(), model::NodeId("browser"), "requestsPerMonthHigh",
                                                      std::int64_t(600'000'000)));
        window.analyseNow();
        const double after = engineTotal();
        QVERIFY(after > before * 2);
        QVERIFY(near(pie()->sum(), after));
        auto *histogram = seriesNamed<QBarSeries>(dashboard->chart(views::CostDashboard::Chart::MonteCarlo),
                                                  QStringLiteral("histogram"));
        QVERIFY(histogram);
        double samples = 0;
        for (int i = 0; i < histogram->barSets()[0]->count(); ++i)
            samples += histogram->barSets()[0]->at(i);
        QCOMPARE(samples, 2000.0);

        // By category, then hover a slice: the exact figure as a tool tip.
        dashboard->findChild<QToolButton *>(QStringLiteral("breakdown-by-category"))->click();
        QCOMPARE(dashboard->breakdown(), Breakdown::ByCategory);
        QVERIFY(near(pie()->sum(), after));
        QPieSlice *slice = pie()->slices().first();
        Q_EMIT slice->hovered(true);
        const QString tip = dashboard->chart(views::CostDashboard::Chart::Breakdown)->property("hoverText").toString();
        QVERIFY(tip.contains(slice->property("name").toString()));
        QTRY_VERIFY(QToolTip::isVisible());
        QCOMPARE(QToolTip::text(), tip);
        Q_EMIT slice->hovered(false);

        // Undo puts the old figures back.
        stack->undo();
        stack->undo();
        stack->undo();
        window.analyseNow();
        QVERIFY(near(pie()->sum(), before));
        window.document().undoStack()->setClean();
    }

    void dashboardFollowsCurrencyAndTheme()
    {
        const auto owner = openWindow(QStringLiteral("iot-backend.nimbus"));
        app::MainWindow &window = *owner;
        window.showDashboard();
        app::Preferences p = window.preferences();
        p.currencySymbol = QStringLiteral("€");
        p.currencyCode = QStringLiteral("EUR");
        p.exchangeRate = 0.9;
        p.theme = app::Theme::Dark;
        window.applyPreferences(p);
        const model::Estimate &e = loadTemplate("iot-backend.nimbus").estimate;
        QChart *chart = window.dashboard()->chart(views::CostDashboard::Chart::Breakdown);
        QVERIFY(near(seriesNamed<QPieSeries>(chart, QStringLiteral("breakdown"))->sum(), 0.9 * e.total));
        QVERIFY(chart->title().contains(QStringLiteral("€")));
        QVERIFY(chart->backgroundBrush().color().lightness() < 80);
        QVERIFY(window.dashboard()->headline(0).contains(QStringLiteral("€")));
        QString error;
        QTemporaryDir dir;
        QVERIFY2(window.dashboard()->saveChart(views::CostDashboard::Chart::Tco, dir.filePath("tco.png"), &error),
                 qPrintable(error));
        QCOMPARE(QImage(dir.filePath("tco.png")).width(), 1000);
        p.theme = app::Theme::Light;
        p.currencySymbol = QStringLiteral("$");
        p.currencyCode = QStringLiteral("USD");
        p.exchangeRate = 1;
        window.applyPreferences(p);
        window.document().undoStack()->setClean();
    }

    void largeDesignsAreComparedInTheBackground()
    {
        const auto owner = openWindow(QStringLiteral("web-application.nimbus"));
        app::MainWindow &window = *owner;
        window.setDashboardInlineLimit(0); // every design counts as large here
        window.showDashboard();
        window.analyseNow();
        auto sweepTop = [&window] {
            auto *servers = seriesNamed<QLineSeries>(window.dashboard()->chart(views::CostDashboard::Chart::Servers),
                                                     QStringLiteral("serverless"));
            return servers ? servers->at(servers->count() - 1).y() : -1.0;
        };
        QTRY_VERIFY(sweepTop() > 0);
        const double before = sweepTop();
        // Two quick edits: only the newest result is shown.
        auto *stack = window.document().undoStack();
        stack->push(new views::SetNodePropertyCommand(window.document(), model::NodeId("browser"), "requestsPerMonth",
                                                      std::int64_t(50'000'000)));
        window.analyseNow();
        stack->push(new views::SetNodePropertyCommand(window.document(), model::NodeId("browser"), "requestsPerMonth",
                                                      std::int64_t(250'000'000)));
        window.analyseNow();
        std::ostringstream err;
        const auto prices = app::loadPrices(window.document().architecture().settings().region, "", err);
        model::EstimateOptions options;
        options.freeTier = window.document().architecture().settings().freeTier;
        const model::Comparison expected = model::compareWithServers(window.document().architecture(), builtinCatalog(),
                                                                     *prices, options);
        QTRY_VERIFY(near(sweepTop(), expected.sweep.back().serverless));
        QVERIFY(sweepTop() > before);
        window.document().undoStack()->setClean();
    }

    void hiddenDashboardComputesNothing()
    {
        const auto owner = openWindow(QStringLiteral("web-application.nimbus"));
        app::MainWindow &window = *owner;
        window.findChild<QDockWidget *>(QStringLiteral("inspector-dock"))->raise();
        window.analyseNow();
        QChart *shown = window.dashboard()->chart(views::CostDashboard::Chart::Servers);
        QVERIFY(!seriesNamed<QLineSeries>(shown, QStringLiteral("servers"))); // not computed while hidden
        window.showDashboard();
        QTRY_VERIFY(seriesNamed<QLineSeries>(window.dashboard()->chart(views::CostDashboard::Chart::Servers),
                                             QStringLiteral("servers")));
        window.document().undoStack()->setClean();
    }
};

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"
