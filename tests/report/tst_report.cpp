// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// The executive cost report: the line-item CSV read back against the engine, the PDF's
// pages and the engine's headline figures in its text (pdftotext), `nimbus report` and
// the window's export actions. Offscreen.

#include "common/filetools.h"
#include "common/testdata.h"

#include <app/cli/estimatecommand.h>
#include <app/gui/mainwindow.h>
#include <app/gui/reportcommand.h>
#include <model/core/propertyvalue.h>
#include <model/core/scenario.h>
#include <model/cost/currency.h>
#include <model/cost/estimate.h>
#include <model/cost/lineitemscsv.h>
#include <model/io/projectfile.h>
#include <views/document/document.h>
#include <views/report/costreport.h>

#include <QAction>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <charconv>
#include <cmath>
#include <sstream>

using namespace nimbus;
using tests::builtinCatalog;
using tests::sourcePath;

namespace {

const QDate kDate(2026, 3, 14);

model::Architecture load(const QString &relative)
{
    model::ProjectLoadResult loaded = model::readProjectFile(sourcePath(relative).toStdString(), builtinCatalog());
    if (!loaded.ok())
        qFatal("%s does not load", qPrintable(relative));
    return std::move(loaded.architecture);
}

model::PriceList pricesFor(const model::Architecture &design)
{
    std::ostringstream err;
    std::optional<model::PriceList> prices = app::loadPrices(design.settings().region, "", err);
    if (!prices)
        qFatal("no prices: %s", err.str().c_str());
    return std::move(*prices);
}

/// A CSV number read back exactly; NaN for an empty field.
double number(const std::string &field)
{
    if (field.empty())
        return std::nan("");
    double value = 0;
    const auto result = std::from_chars(field.data(), field.data() + field.size(), value);
    if (result.ec != std::errc() || result.ptr != field.data() + field.size())
        qFatal("not a plain number: '%s'", field.c_str());
    return value;
}

QString tool(const char *name)
{
    return QStandardPaths::findExecutable(QString::fromLatin1(name));
}

QString run(const QString &program, const QStringList &args)
{
    QProcess process;
    process.start(program, args);
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

int pdfPages(const QString &pdf)
{
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(run(tool("pdfinfo"), {pdf}));
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

/// pdftotext's reading of pages `first` to `last` (0: all), white space made single spaces.
QString pdfText(const QString &pdf, int first = 0, int last = 0)
{
    QStringList args;
    if (first > 0)
        args << QStringLiteral("-f") << QString::number(first) << QStringLiteral("-l") << QString::number(last);
    args << pdf << QStringLiteral("-");
    return run(tool("pdftotext"), args).normalized(QString::NormalizationForm_KC).simplified();
}

using Run = tests::CommandRun;

Run report(const QStringList &args)
{
    return tests::runCommand(app::runReport, args);
}

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

views::ReportRequest requestFor(const model::Architecture &design, const model::PriceList &prices)
{
    views::ReportRequest request;
    request.design = &design;
    request.catalog = &builtinCatalog();
    request.prices = &prices;
    request.date = kDate;
    return request;
}

} // namespace

class TestReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void csvMatchesLineItems_data();
    void csvMatchesLineItems();
    void csvQuotesAndUnknownPrices();
    void parseCsvReadsRfc4180();
    void pdfHasPagesAndHeadlineFigures_data();
    void pdfHasPagesAndHeadlineFigures();
    void pdfInAnotherCurrency();
    void pdfRefusesIncompleteRequestAndBadPath();
    void cliWritesPdfAndCsv();
    void cliReportsAScenario();
    void cliRejectsBadInput_data();
    void cliRejectsBadInput();
    void windowExportsReportAndCsv();
    void fullDiskKeepsThePreviousReport();
};

void TestReport::csvMatchesLineItems_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("symbol");
    QTest::addColumn<double>("rate");
    for (const char *file : {"templates/web-application.nimbus", "templates/iot-backend.nimbus"}) {
        QTest::addRow("%s USD", file) << QString::fromLatin1(file) << QStringLiteral("USD") << QStringLiteral("$") << 1.0;
        QTest::addRow("%s EUR", file) << QString::fromLatin1(file) << QStringLiteral("EUR") << QStringLiteral("€") << 0.9173;
    }
}

void TestReport::csvMatchesLineItems()
{
    QFETCH(QString, file);
    QFETCH(QString, code);
    QFETCH(QString, symbol);
    QFETCH(double, rate);
    const model::Currency currency{code.toStdString(), symbol.toStdString(), rate};
    const model::Architecture design = load(file);
    const model::PriceList prices = pricesFor(design);
    model::EstimateOptions options;
    options.freeTier = design.settings().freeTier;
    const model::Estimate e = model::estimate(design, builtinCatalog(), prices, options);
    QVERIFY(!e.items.empty());

    const auto rows = model::parseCsv(model::lineItemsCsv(e, currency, &prices));
    QCOMPARE(rows.size(), e.items.size() + 1);
    const std::vector<std::string> &header = rows.front();
    QCOMPARE(header.size(), std::size_t(14));
    QCOMPARE(header[0], std::string("node"));
    QVERIFY(q(header[8]).startsWith(QStringLiteral("unit_price_") + code));
    QVERIFY(q(header[9]).startsWith(QStringLiteral("monthly_cost_") + code));
    QCOMPARE(q(header[9]).contains(QStringLiteral("converted")), !currency.isUsd());
    double sum = 0;
    for (std::size_t i = 0; i < e.items.size(); ++i) {
        const model::LineItem &item = e.items[i];
        const std::vector<std::string> &row = rows[i + 1];
        QCOMPARE(row.size(), std::size_t(14));
        QCOMPARE(row[0], item.node.str());
        QCOMPARE(row[1], item.nodeName);
        QCOMPARE(row[2], item.service);
        QCOMPARE(row[3], item.label);
        QCOMPARE(row[4], item.priceKey);
        QCOMPARE(number(row[5]), item.quantity);
        QCOMPARE(row[6], item.unit);
        QCOMPARE(number(row[7]), item.freeQuantity);
        if (item.unknown) {
            QVERIFY(row[8].empty() && row[9].empty());
            QCOMPARE(row[11], std::string("unknown"));
        } else {
            QCOMPARE(number(row[8]), currency.fromUsd(item.unitPrice));
            QCOMPARE(number(row[9]), currency.fromUsd(item.cost));
            QCOMPARE(row[11], item.priceStatus);
            sum += number(row[9]);
        }
        QCOMPARE(row[10], currency.code);
        QCOMPARE(row[12], item.priceSource);
        const model::Price *price = prices.price(item.priceKey);
        QCOMPARE(row[13], price ? price->sourceDate : std::string());
        for (const std::string &field : {row[5], row[7], row[8], row[9]})
            QVERIFY2(field.find_first_of(",eE") == std::string::npos, field.c_str());
    }
    QVERIFY(std::fabs(sum - currency.fromUsd(e.total)) < 1e-6 * std::max(1.0, sum));
}

void TestReport::csvQuotesAndUnknownPrices()
{
    model::Estimate e;
    model::LineItem odd;
    odd.node = model::NodeId("n1");
    odd.nodeName = "Orders, \"primary\"\nwest";
    odd.service = "Lambda function";
    odd.priceKey = "lambda.requests";
    odd.label = "Requests";
    odd.quantity = 1234567.125;
    odd.unit = "request";
    odd.unitPrice = 0.0000002;
    odd.cost = 0.1;
    model::LineItem unknown = odd;
    unknown.nodeName = "Plain";
    unknown.unknown = true;
    unknown.priceStatus = "verified-primary";
    e.items = {odd, unknown};
    const std::string text = model::lineItemsCsv(e);
    QVERIFY(text.find("\"Orders, \"\"primary\"\"\nwest\"") != std::string::npos);
    QVERIFY(text.find("1234567.125,") != std::string::npos);
    QVERIFY(text.find("0.0000002,") != std::string::npos);
    QVERIFY(text.find("\r\n") != std::string::npos);
    const auto rows = model::parseCsv(text);
    QCOMPARE(rows.size(), std::size_t(3));
    QCOMPARE(rows[1][1], odd.nodeName);
    QCOMPARE(number(rows[1][8]), 0.0000002);
    QCOMPARE(number(rows[1][9]), 0.1);
    QCOMPARE(rows[2][8], std::string());
    QCOMPARE(rows[2][9], std::string());
    QCOMPARE(rows[2][11], std::string("unknown"));
    QCOMPARE(model::plainNumber(25000000), std::string("25000000"));
    QCOMPARE(model::plainNumber(1.0 / 3), std::string("0.3333333333333333"));
}

void TestReport::parseCsvReadsRfc4180()
{
    const auto rows = model::parseCsv("a,\"b,c\",\"d\"\"e\"\r\n,,\nlast,\"multi\r\nline\"");
    QCOMPARE(rows.size(), std::size_t(3));
    QCOMPARE(rows[0], (std::vector<std::string>{"a", "b,c", "d\"e"}));
    QCOMPARE(rows[1], (std::vector<std::string>{"", "", ""}));
    QCOMPARE(rows[2], (std::vector<std::string>{"last", "multi\r\nline"}));
}

void TestReport::pdfHasPagesAndHeadlineFigures_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("web application") << QStringLiteral("templates/web-application.nimbus");
    QTest::newRow("iot backend") << QStringLiteral("templates/iot-backend.nimbus");
    QTest::newRow("monte carlo risk") << QStringLiteral("templates/monte-carlo-risk.nimbus");
}

void TestReport::pdfHasPagesAndHeadlineFigures()
{
    QFETCH(QString, file);
    const model::Architecture design = load(file);
    const model::PriceList prices = pricesFor(design);
    views::ReportRequest request = requestFor(design, prices);
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
    QString error;
    views::ReportSummary summary;
    QVERIFY2(views::writeCostReport(request, pdf, &error, &summary), qPrintable(error));
    QVERIFY(QFile(pdf).size() > 10000);
    for (const QString &section : {QStringLiteral("Title"), QStringLiteral("Architecture"),
                                   QStringLiteral("Headline numbers"), QStringLiteral("Where the money goes"),
                                   QStringLiteral("Serverless against servers"),
                                   QStringLiteral("Cost by service"),
                                   QStringLiteral("Assumptions"), QStringLiteral("Validation")})
        QVERIFY2(summary.sections.contains(section), qPrintable(section));
    QCOMPARE(summary.sections.size(), summary.pages);
    // The Monte Carlo page only when the design gives low/high ranges to sample.
    const bool ranges = !views::computeReportFigures(request).monteCarlo.inputs.empty();
    QCOMPARE(summary.sections.contains(QStringLiteral("Uncertainty")), ranges);
    if (tool("pdftotext").isEmpty() || tool("pdfinfo").isEmpty())
        QSKIP("pdftotext/pdfinfo (poppler-utils) are not installed: the PDF's pages and text cannot be read");
    QCOMPARE(pdfPages(pdf), summary.pages);

    // The engine's own figures, computed here independently of the report.
    model::EstimateOptions options;
    options.freeTier = design.settings().freeTier;
    const model::Estimate e = model::estimate(design, builtinCatalog(), prices, options);
    const model::Comparison c = model::compareWithServers(design, builtinCatalog(), prices, options);
    const model::Currency usd;
    const int headline = int(summary.sections.indexOf(QStringLiteral("Headline numbers"))) + 1;
    const QString numbers = pdfText(pdf, headline, headline);
    QVERIFY2(numbers.contains(q(model::formatCurrency(e.total, usd))), qPrintable(numbers));
    QVERIFY2(numbers.contains(q(model::formatCurrency(c.servers.total(), usd))), qPrintable(numbers));
    QVERIFY2(numbers.contains(q(model::formatCurrency(std::fabs(c.tco3Servers - c.tco3Serverless), usd))),
             qPrintable(numbers));
    const QString breakEven = c.breakEven > 0 ? QStringLiteral("×") + q(model::formatAmount(c.breakEven))
                                              : QStringLiteral("None");
    QVERIFY2(numbers.contains(breakEven), qPrintable(numbers));

    const QString all = pdfText(pdf);
    QVERIFY(all.contains(q(design.name())));
    QVERIFY(all.contains(QStringLiteral("14 March 2026")));
    QVERIFY(all.contains(QStringLiteral("Page %1 of %1").arg(summary.pages)));
    QVERIFY(all.contains(q(e.pricesDate)));
    // Every page: the footer names the design; each section's page shows its heading.
    for (int page = 1; page <= summary.pages; ++page) {
        const QString text = pdfText(pdf, page, page);
        QVERIFY2(text.contains(q(design.name())), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Page %1 of %2").arg(page).arg(summary.pages)), qPrintable(text));
    }
    const int table = int(summary.sections.indexOf(QStringLiteral("Cost by service"))) + 1;
    QVERIFY(pdfText(pdf, table, table).contains(QStringLiteral("Monthly cost by service")));
    const int validation = int(summary.sections.indexOf(QStringLiteral("Validation"))) + 1;
    QVERIFY(pdfText(pdf, validation, validation).contains(QStringLiteral("Validation summary")));
}

void TestReport::pdfInAnotherCurrency()
{
    const model::Architecture design = load(QStringLiteral("templates/web-application.nimbus"));
    const model::PriceList prices = pricesFor(design);
    views::ReportRequest request = requestFor(design, prices);
    request.currency = model::Currency{"EUR", "€", 0.9173};
    request.scenarioName = QStringLiteral("peak season");
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
    QVERIFY(views::writeCostReport(request, pdf));
    if (tool("pdftotext").isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed: the PDF's text cannot be read");
    model::EstimateOptions options;
    options.freeTier = design.settings().freeTier;
    const model::Estimate e = model::estimate(design, builtinCatalog(), prices, options);
    const QString text = pdfText(pdf);
    QVERIFY(text.contains(q(model::formatCurrency(e.total, request.currency))));
    QVERIFY(text.contains(QStringLiteral("peak season")));
    QVERIFY(text.contains(QStringLiteral("0.9173")));
    QVERIFY(!text.contains(q(model::formatCurrency(e.total, model::Currency()))));
}

void TestReport::pdfRefusesIncompleteRequestAndBadPath()
{
    QString error;
    QVERIFY(!views::writeCostReport(views::ReportRequest(), QStringLiteral("/tmp/x.pdf"), &error));
    QVERIFY(!error.isEmpty());
    const model::Architecture design = load(QStringLiteral("templates/web-application.nimbus"));
    const model::PriceList prices = pricesFor(design);
    const views::ReportRequest request = requestFor(design, prices);
    error.clear();
    QVERIFY(!views::writeCostReport(request, QStringLiteral("/nonexistent-folder/report.pdf"), &error));
    QVERIFY2(error.contains(QStringLiteral("/nonexistent-folder/report.pdf")), qPrintable(error));
}

void TestReport::cliWritesPdfAndCsv()
{
    QTemporaryDir dir;
    const QString sample = sourcePath(QStringLiteral("templates/iot-backend.nimbus"));
    const QString pdf = dir.filePath(QStringLiteral("r.pdf"));
    Run r = report({sample, QStringLiteral("-o"), pdf, QStringLiteral("--date"), QStringLiteral("2026-03-14")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.err.contains(QStringLiteral("pages")), qPrintable(r.err));
    QVERIFY(QFile(pdf).size() > 10000);
    QVERIFY(QFile(pdf).open(QIODevice::ReadOnly));

    const QString csv = dir.filePath(QStringLiteral("r.csv"));
    r = report({sample, QStringLiteral("-o"), csv, QStringLiteral("--currency-code"), QStringLiteral("GBP"),
                QStringLiteral("--currency-symbol"), QStringLiteral("£"), QStringLiteral("--exchange-rate"),
                QStringLiteral("0.79")});
    QCOMPARE(r.code, 0);
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto rows = model::parseCsv(file.readAll().toStdString());
    const model::Architecture design = load(QStringLiteral("templates/iot-backend.nimbus"));
    const model::PriceList prices = pricesFor(design);
    model::EstimateOptions options;
    options.freeTier = design.settings().freeTier;
    const model::Estimate e = model::estimate(design, builtinCatalog(), prices, options);
    QCOMPARE(rows.size(), e.items.size() + 1);
    QVERIFY(q(rows[0][9]).contains(QStringLiteral("GBP")));
    for (std::size_t i = 0; i < e.items.size(); ++i)
        if (!e.items[i].unknown)
            QCOMPARE(number(rows[i + 1][9]), e.items[i].cost * 0.79);

    r = report({QStringLiteral("--help")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QStringLiteral("nimbus report FILE")));
}

void TestReport::cliReportsAScenario()
{
    QTemporaryDir dir;
    const QString sample = sourcePath(QStringLiteral("templates/web-application.nimbus"));
    const model::Architecture design = load(QStringLiteral("templates/web-application.nimbus"));
    const model::Scenario *peak = model::findScenario(design, "peak season");
    QVERIFY(peak);
    const model::Architecture seen = model::withScenario(design, *peak);
    const model::PriceList prices = pricesFor(seen);
    model::EstimateOptions options;
    options.freeTier = seen.settings().freeTier;
    const model::Estimate e = model::estimate(seen, builtinCatalog(), prices, options);

    const QString csv = dir.filePath(QStringLiteral("peak.csv"));
    QCOMPARE(report({sample, QStringLiteral("-o"), csv, QStringLiteral("--scenario"), QStringLiteral("peak season")}).code, 0);
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto rows = model::parseCsv(file.readAll().toStdString());
    QCOMPARE(rows.size(), e.items.size() + 1);
    for (std::size_t i = 0; i < e.items.size(); ++i) {
        QCOMPARE(number(rows[i + 1][5]), e.items[i].quantity);
        if (!e.items[i].unknown)
            QCOMPARE(number(rows[i + 1][9]), e.items[i].cost);
    }

    const QString pdf = dir.filePath(QStringLiteral("peak.pdf"));
    QCOMPARE(report({sample, QStringLiteral("-o"), pdf, QStringLiteral("--scenario"), QStringLiteral("peak season")}).code, 0);
    if (tool("pdftotext").isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed: the PDF's text cannot be read");
    const QString text = pdfText(pdf);
    QVERIFY(text.contains(QStringLiteral("peak season")));
    QVERIFY(text.contains(q(model::formatCurrency(e.total, model::Currency()))));
}

void TestReport::cliRejectsBadInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString sample = sourcePath(QStringLiteral("templates/web-application.nimbus"));
    QTest::newRow("no file") << QStringList{QStringLiteral("-o"), QStringLiteral("/tmp/x.pdf")}
                             << QStringLiteral("a design file is needed");
    QTest::newRow("no output") << QStringList{sample} << QStringLiteral("-o OUT.pdf");
    QTest::newRow("unknown suffix") << QStringList{sample, QStringLiteral("-o"), QStringLiteral("/tmp/x.docx")}
                                    << QStringLiteral("unknown output format 'docx'");
    QTest::newRow("missing design") << QStringList{QStringLiteral("/nonexistent/design.nimbus"), QStringLiteral("-o"),
                                                   QStringLiteral("/tmp/x.pdf")}
                                    << QStringLiteral("cannot be read");
    QTest::newRow("negative rate") << QStringList{sample, QStringLiteral("-o"), QStringLiteral("/tmp/x.pdf"),
                                                  QStringLiteral("--currency-code"), QStringLiteral("EUR"),
                                                  QStringLiteral("--exchange-rate"), QStringLiteral("-2")}
                                   << QStringLiteral("greater than zero");
    QTest::newRow("zero rate") << QStringList{sample, QStringLiteral("-o"), QStringLiteral("/tmp/x.csv"),
                                              QStringLiteral("--currency-code"), QStringLiteral("EUR"),
                                              QStringLiteral("--exchange-rate"), QStringLiteral("0")}
                               << QStringLiteral("greater than zero");
    QTest::newRow("code without rate") << QStringList{sample, QStringLiteral("-o"), QStringLiteral("/tmp/x.pdf"),
                                                      QStringLiteral("--currency-code"), QStringLiteral("EUR")}
                                       << QStringLiteral("needs --exchange-rate");
    QTest::newRow("unwritable pdf") << QStringList{sample, QStringLiteral("-o"), QStringLiteral("/nonexistent/r.pdf")}
                                    << QStringLiteral("/nonexistent/r.pdf");
    QTest::newRow("unwritable csv") << QStringList{sample, QStringLiteral("-o"), QStringLiteral("/nonexistent/r.csv")}
                                    << QStringLiteral("/nonexistent/r.csv");
    QTest::newRow("unknown scenario") << QStringList{sample, QStringLiteral("-o"), QStringLiteral("/tmp/x.pdf"),
                                                     QStringLiteral("--scenario"), QStringLiteral("black friday")}
                                      << QStringLiteral("has no scenario 'black friday'; its scenarios are 'launch'");
    QTest::newRow("bad date") << QStringList{sample, QStringLiteral("-o"), QStringLiteral("/tmp/x.pdf"),
                                             QStringLiteral("--date"), QStringLiteral("14/03/2026")}
                              << QStringLiteral("YYYY-MM-DD");
}

void TestReport::cliRejectsBadInput()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = report(args);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

void TestReport::windowExportsReportAndCsv()
{
    app::MainWindow window(builtinCatalog());
    QVERIFY(window.openFile(sourcePath(QStringLiteral("templates/web-application.nimbus")), false));
    QVERIFY(window.findChild<QAction *>(QStringLiteral("action-export-report")));
    QVERIFY(window.findChild<QAction *>(QStringLiteral("action-export-cost-csv")));
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("w.pdf"));
    const QString csv = dir.filePath(QStringLiteral("w.csv"));
    QVERIFY(window.exportReport(pdf, false));
    QVERIFY(window.exportCostCsv(csv, false));
    QVERIFY(QFile(pdf).size() > 10000);
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto rows = model::parseCsv(file.readAll().toStdString());
    QVERIFY(rows.size() > 5);
    QCOMPARE(rows[1][10], window.preferences().currency().code);
    QVERIFY(!window.exportCostCsv(QStringLiteral("/nonexistent/w.csv"), false));
    QVERIFY(!window.exportReport(QStringLiteral("/nonexistent/w.pdf"), false));
}

void TestReport::fullDiskKeepsThePreviousReport()
{
    // A 161-page report used to be written truncated, with "wrote … (161 pages)".
    const model::Architecture design = load(QStringLiteral("templates/web-application.nimbus"));
    const model::PriceList prices = pricesFor(design);
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
    const QString csv = dir.filePath(QStringLiteral("costs.csv"));
    tests::putFile(pdf, "previous report\n");
    tests::putFile(csv, "previous csv\n");
    app::MainWindow window(builtinCatalog());
    QVERIFY(window.openFile(sourcePath(QStringLiteral("templates/web-application.nimbus")), false));
    QString error;
    bool written = true;
    QString reportMessage;
    {
        const tests::FileSizeLimit limit(1024);
        written = views::writeCostReport(requestFor(design, prices), pdf, &error);
        QVERIFY(!window.exportReport(pdf, false));
        reportMessage = window.statusBar()->currentMessage();
        QVERIFY(!window.exportCostCsv(csv, false));
    }
    QVERIFY(!written);
    QCOMPARE(error, QStringLiteral("cannot write %1: File too large").arg(pdf));
    QCOMPARE(reportMessage, error);
    QCOMPARE(window.statusBar()->currentMessage(),
             QStringLiteral("cannot write %1: File too large").arg(csv));
    QCOMPARE(tests::fileBytes(pdf), QByteArray("previous report\n"));
    QCOMPARE(tests::fileBytes(csv), QByteArray("previous csv\n"));
    QCOMPARE(tests::folderEntries(dir.path()), (QStringList{"costs.csv", "report.pdf"}));
    QVERIFY(!window.document().isModified()); // the open design is untouched
}

QTEST_MAIN(TestReport)
#include "tst_report.moc"
