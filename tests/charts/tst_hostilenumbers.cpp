// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// The window and the cost charts on huge and absurd numbers: the designer opens every
// design the format accepts (the dashboard and the scenarios shown), and the user fixes
// the absurd value in the inspector's own editor; the charts draw figures that are
// infinite, NaN, huge, zero or missing without a crash, a null slice or an endless log axis.

#include "common/hostiledesigns.h"
#include "common/testdata.h"

#include <app/cli/estimatecommand.h>
#include <app/gui/mainwindow.h>
#include <model/core/numberlimits.h>
#include <model/cost/currency.h>
#include <model/cost/estimate.h>
#include <model/cost/montecarlo.h>
#include <model/cost/servercomparison.h>
#include <model/io/projectfile.h>
#include <views/canvas/canvasscene.h>
#include <views/charts/costcharts.h>
#include <views/charts/costdashboard.h>
#include <views/document/document.h>
#include <views/inspector/inspectorpanel.h>

#include <QChart>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QImage>
#include <QLabel>
#include <QLogValueAxis>
#include <QPainter>
#include <QPieSeries>
#include <QScopeGuard>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <cmath>
#include <fstream>
#include <limits>
#include <memory>
#include <sstream>

using namespace nimbus;
using namespace nimbus::views::charts;
using tests::builtinCatalog;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Lays `chart` out and paints it, as the dashboard and the report do; the chart is deleted.
void paint(QChart *chart)
{
    std::unique_ptr<QChart> owner(chart);
    QImage image(900, 560, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    paintChart(chart, painter, QRectF(0, 0, 900, 560));
}

std::string sampleWith(const std::string &from, const std::string &to)
{
    std::string text = tests::readSourceFile(QStringLiteral("templates/web-application.nimbus"));
    return text.replace(text.find(from), from.size(), to);
}

QString costLabel(const app::MainWindow &window)
{
    for (QLabel *label : window.statusBar()->findChildren<QLabel *>()) {
        if (label->text().startsWith(QStringLiteral("Monthly cost")))
            return label->text();
    }
    return {};
}

/// The monthly cost of the bundled web application as the status bar writes it.
QString templateTotal()
{
    const auto project = model::readProjectFile(
        tests::sourcePath(QStringLiteral("templates/web-application.nimbus")).toStdString(),
        builtinCatalog());
    std::ostringstream err;
    const auto prices = app::loadPrices(project.architecture.settings().region, "", err);
    model::EstimateOptions options;
    options.freeTier = project.architecture.settings().freeTier;
    return QString::fromStdString(model::formatCurrency(
        model::estimate(project.architecture, builtinCatalog(), *prices, options).total, {}));
}

void setEditor(QWidget *editor, double value)
{
    if (auto *spin = qobject_cast<QSpinBox *>(editor))
        spin->setValue(int(value));
    else if (auto *number = qobject_cast<QDoubleSpinBox *>(editor))
        number->setValue(value);
}

} // namespace

class TestHostileNumbers final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void windowOpensAndTheUserFixesTheValue_data()
    {
        QTest::addColumn<QByteArray>("design");
        QTest::addColumn<QString>("node"); // what the user selects and fixes
        QTest::addColumn<QString>("property");
        QTest::addColumn<double>("fixed");
        // The reproducers at the largest (and smallest) numbers the format accepts.
        QTest::newRow("requests at the limit")
            << QByteArray::fromStdString(
                   sampleWith("requestsPerMonth: 25000000", "requestsPerMonth: 1e15"))
            << "browser"
            << "requestsPerMonth" << 25e6;
        QTest::newRow("requests at minus the limit")
            << QByteArray::fromStdString(
                   sampleWith("requestsPerMonth: 25000000", "requestsPerMonth: -1e15"))
            << "browser"
            << "requestsPerMonth" << 25e6;
        QTest::newRow("memory at the limit")
            << QByteArray::fromStdString(sampleWith("memoryMb: 512", "memoryMb: 1000000000000000"))
            << "create-order"
            << "memoryMb" << 512.0;
        QTest::newRow("peak at the limit")
            << QByteArray::fromStdString(sampleWith("peakRps: 150", "peakRps: 1e15")) << "browser"
            << "peakRps" << 150.0;
        QTest::newRow("overflowing chain")
            << QByteArray::fromStdString(model::writeProject(tests::overflowingDesign()))
            << "browser"
            << "requestsPerMonth" << 0.0;
    }

    void windowOpensAndTheUserFixesTheValue()
    {
        QFETCH(QByteArray, design);
        QFETCH(QString, node);
        QFETCH(QString, property);
        QFETCH(double, fixed);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("hostile.nimbus"));
        std::ofstream(path.toStdString(), std::ios::binary) << design.toStdString();

        app::MainWindow window(builtinCatalog());
        // No "save changes?" on close, also when a check below fails.
        const auto clean = qScopeGuard([&window] { window.document().undoStack()->setClean(); });
        QVERIFY(window.openFile(path, false));
        window.show();
        window.showDashboard();
        auto *scenarios = window.findChild<QDockWidget *>(QStringLiteral("scenarios-dock"));
        QVERIFY(scenarios);
        scenarios->show();
        scenarios->raise();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.analyseNow();
        QVERIFY(!window.grab().toImage().isNull());
        for (int i = 0; i < 4; ++i)
            QVERIFY2(!tests::showsNonFinite(window.dashboard()->headline(i).toStdString()),
                     qPrintable(window.dashboard()->headline(i)));
        const QString absurd = costLabel(window) + window.dashboard()->headline(1);
        QVERIFY2(!tests::showsNonFinite(absurd.toStdString()), qPrintable(absurd));

        // The user selects the service, reads what is wrong, and types a sane value.
        window.scene()->selectItems({node}, {});
        QWidget *editor =
            window.inspector()->findChild<QWidget *>(QStringLiteral("property-") + property);
        QVERIFY(editor);
        setEditor(editor, fixed);
        window.analyseNow();
        QVERIFY(!window.grab().toImage().isNull());
        const QString cost = costLabel(window);
        QVERIFY2(cost.contains(QRegularExpression(
                     QStringLiteral("Monthly cost: <b>\\$[\\d,]+\\.\\d\\d</b>"))),
                 qPrintable(cost));
        QVERIFY2(cost + window.dashboard()->headline(1) != absurd,
                 qPrintable(absurd)); // the fix took effect
        if (fixed != 0)               // the template's own value again: the template's own total
            QVERIFY2(
                cost.startsWith(QStringLiteral("Monthly cost: <b>%1</b>").arg(templateTotal())),
                qPrintable(cost));
        QVERIFY2(!window.dashboard()->headline(0).contains(QStringLiteral("too large")),
                 qPrintable(window.dashboard()->headline(0)));
    }

    void inspectorSaysWhatIsWrongWithAValueOutOfRange()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("memory.nimbus"));
        std::ofstream(path.toStdString())
            << sampleWith("memoryMb: 512", "memoryMb: 1000000000000000");
        app::MainWindow window(builtinCatalog());
        QVERIFY(window.openFile(path, false));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.scene()->selectItems({QStringLiteral("create-order")}, {});
        auto *error = window.inspector()->findChild<QLabel *>(QStringLiteral("error-memoryMb"));
        QVERIFY(error);
        QTRY_VERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QStringLiteral("must be between 128 and 10240")) &&
                     error->text().contains(QStringLiteral("1000000000000000")),
                 qPrintable(error->text()));
    }

    void pieWithoutSlicesOrWithAbsurdOnes()
    {
        // Reproducer: a NaN share gave QPieSeries::append a value it refuses, and the chart
        // dereferenced the null slice it returned (SIGSEGV in `nimbus report`).
        for (double cost : {kNaN, kInf, -5.0, 0.0, 1e308, 5.0}) {
            model::Estimate e;
            for (const char *node : {"a", "b", "c"}) {
                model::LineItem item;
                item.node = model::NodeId(node);
                item.nodeName = node;
                item.service = "Lambda function";
                item.cost = cost;
                e.items.push_back(item);
                e.total += cost;
            }
            for (Breakdown by : {Breakdown::ByService, Breakdown::ByCategory}) {
                QChart *chart = breakdownChart(e, builtinCatalog(), by, {});
                for (QAbstractSeries *s : chart->series()) {
                    if (auto *pie = qobject_cast<QPieSeries *>(s)) {
                        for (QPieSlice *slice : pie->slices())
                            QVERIFY(slice && std::isfinite(slice->value()) && slice->value() > 0);
                    }
                }
                QVERIFY(!tests::showsNonFinite(chart->title().toStdString()));
                paint(chart);
            }
        }
        paint(breakdownChart(model::Estimate{}, builtinCatalog(), Breakdown::ByService,
                             {})); // no slices
    }

    void logAxisWithAbsurdValuesEnds()
    {
        // Reproducer: --exchange-rate 1e305 made the traffic chart's log axis recurse
        // without end. Any figures, at any rate, give a finite axis that lays out.
        for (double rate : {1.0, 1e70, 1e305}) {
            for (double high : {1e305, kMax(), kInf, kNaN, 0.0, -1.0}) {
                model::Comparison c;
                for (int k = 0; k <= 20; ++k)
                    c.sweep.push_back(
                        {std::pow(10.0, -2.0 + 0.2 * k), 10.0 * (k + 1), k == 20 ? high : 1e3});
                c.breakEven = 0.5;
                c.tco3Servers = high;
                ChartOptions options;
                options.currency = {"XXX", "X", rate};
                QChart *chart = serversChart(c, options);
                for (QAbstractAxis *axis : chart->axes()) {
                    if (auto *log = qobject_cast<QLogValueAxis *>(axis))
                        QVERIFY(std::isfinite(log->min()) && std::isfinite(log->max()) &&
                                log->max() <= 1.01e100);
                }
                paint(chart);
                paint(tcoChart(c, options));
                paint(variantsChart(
                    {{QStringLiteral("a"), high, rate}, {QStringLiteral("b"), kNaN, 0}}, options));
            }
        }
    }

    void histogramOfOneGiantBinAndOfNothing()
    {
        model::MonteCarloResult giant;
        giant.samples = 1000;
        giant.binEdges = {0, 1e308};
        giant.binCounts = {1000};
        giant.p10 = giant.p50 = giant.p90 = 1e308;
        paint(monteCarloChart(giant, {}));
        model::MonteCarloResult same = giant;
        same.binEdges = {1e308, 1e308};
        paint(monteCarloChart(same, {}));
        model::MonteCarloResult tooLarge;
        tooLarge.samples = 1000;
        tooLarge.tooLarge = 1000;
        tooLarge.p10 = tooLarge.p50 = tooLarge.p90 = kInf;
        QChart *chart = monteCarloChart(tooLarge, {});
        QVERIFY2(chart->title().contains(QStringLiteral("too large to price")),
                 qPrintable(chart->title()));
        paint(chart);
        model::MonteCarloResult broken = giant;
        broken.binEdges = {kNaN, kInf};
        paint(monteCarloChart(broken, {}));
    }

    void dashboardChartsOverEveryNumericProperty_data()
    {
        // One row per packed design, so that each row stays short under the sanitizers.
        QTest::addColumn<int>("index");
        for (std::size_t i = 0; i < designs().size(); ++i)
            QTest::addRow("%s", designs()[i].name.c_str()) << int(i);
    }

    void dashboardChartsOverEveryNumericProperty()
    {
        QFETCH(int, index);
        const model::Architecture &design = designs()[std::size_t(index)].design;
        std::ostringstream err;
        const auto prices = app::loadPrices("us-east-1", "", err);
        QVERIFY(prices);
        const model::Estimate e = model::estimate(design, builtinCatalog(), *prices, {});
        const model::Comparison cmp = model::compareWithServers(design, builtinCatalog(), *prices, {});
        model::MonteCarloOptions mc;
        mc.samples = 1000;
        const model::MonteCarloResult m = model::runMonteCarlo(design, builtinCatalog(), *prices, {}, mc);
        views::CostDashboard dashboard(builtinCatalog());
        dashboard.resize(1200, 900);
        dashboard.setData(&e, &cmp, &m);
        for (int i = 0; i < 4; ++i)
            QVERIFY2(!tests::showsNonFinite(dashboard.headline(i).toStdString()), qPrintable(dashboard.headline(i)));
        QVERIFY(!dashboard.grab().isNull());
    }

private:
    static double kMax() { return std::numeric_limits<double>::max(); }

    /// The packed designs of every numeric property at each hostile value, and the
    /// overflowing chain.
    static const std::vector<tests::HostileCase> &designs()
    {
        static const std::vector<tests::HostileCase> cases = [] {
            std::vector<tests::HostileCase> all = {{"overflowing", "", "", "", tests::overflowingDesign()}};
            for (double value : tests::hostileValues()) {
                auto packed = tests::packedCases(builtinCatalog(), value);
                all.insert(all.end(), packed.begin(), packed.end());
            }
            return all;
        }();
        return cases;
    }
};

QTEST_MAIN(TestHostileNumbers)
#include "tst_hostilenumbers.moc"
