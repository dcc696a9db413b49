// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// `nimbus report` on huge and absurd numbers: every number the format accepts, in every
// numeric property of the catalog, gives a PDF and a CSV without a crash and without NaN
// or infinity in their text; a number beyond the limit, and an exchange rate outside the
// window's range, is refused with a clear message.

#include "common/hostiledesigns.h"
#include "common/testdata.h"

#include <app/gui/reportcommand.h>
#include <model/io/projectfile.h>

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace nimbus;
using tests::CommandRun;

namespace {

CommandRun report(const QStringList &args)
{
    return tests::runCommand(app::runReport, args);
}

QString write(const QTemporaryDir &dir, const QString &name, const std::string &text)
{
    const QString path = dir.filePath(name);
    std::ofstream(path.toStdString(), std::ios::binary) << text;
    return path;
}

/// The PDF's text as pdftotext reads it; empty when the tool is missing or fails.
QString pdfText(const QString &pdf)
{
    const QString tool = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (tool.isEmpty())
        return {};
    QProcess process;
    process.start(tool, {pdf, QStringLiteral("-")});
    process.waitForFinished(60000);
    return QString::fromUtf8(process.readAllStandardOutput());
}

std::string sampleWith(const std::string &from, const std::string &to)
{
    std::string text = tests::readSourceFile(QStringLiteral("templates/web-application.nimbus"));
    return text.replace(text.find(from), from.size(), to);
}

} // namespace

class TestReportNumbers final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void reproducersExitCleanly()
    {
        // `report` of requestsPerMonth 1e308 died of SIGSEGV (a null pie slice): the value is
        // refused with file, line and column now.
        QTemporaryDir dir;
        const QString hostile =
            write(dir, QStringLiteral("hostile.nimbus"),
                  sampleWith("requestsPerMonth: 25000000", "requestsPerMonth: 1e308"));
        const CommandRun refused =
            report({hostile, QStringLiteral("-o"), dir.filePath(QStringLiteral("x.pdf"))});
        QCOMPARE(refused.code, 2);
        QVERIFY2(refused.err.contains(hostile +
                                      QStringLiteral(":22:25: error: property 'requestsPerMonth'")),
                 qPrintable(refused.err));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x.pdf"))));
        // A design within every limit whose costs overflow: a report that says so.
        const QString over = write(dir, QStringLiteral("overflow.nimbus"),
                                   model::writeProject(tests::overflowingDesign()));
        const QString pdf = dir.filePath(QStringLiteral("overflow.pdf"));
        const CommandRun written = report({over, QStringLiteral("-o"), pdf});
        QCOMPARE(written.code, 0);
        QVERIFY(QFileInfo(pdf).size() > 1000);
        const QString text = pdfText(pdf);
        if (text.isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed: the PDF's text cannot be read");
        QVERIFY(text.contains(QStringLiteral("too large to price")));
        QVERIFY(text.contains(QStringLiteral("cannot be compared")));
        QVERIFY2(!tests::showsNonFinite(text.toStdString()), qPrintable(text.left(3000)));
    }

    void exchangeRateIsTheWindowsRange_data()
    {
        QTest::addColumn<QString>("rate");
        QTest::addColumn<bool>("accepted");
        // Reproducers: 1e70 aborted, 1e305 recursed without end in the chart's log axis.
        QTest::newRow("1e70") << "1e70" << false;
        QTest::newRow("1e305") << "1e305" << false;
        QTest::newRow("above the range") << "100000.5" << false;
        QTest::newRow("below the range") << "0.00001" << false;
        QTest::newRow("nan") << "nan" << false;
        QTest::newRow("the largest") << "100000" << true;
        QTest::newRow("the smallest") << "0.0001" << true;
    }

    void exchangeRateIsTheWindowsRange()
    {
        QFETCH(QString, rate);
        QFETCH(bool, accepted);
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("r.csv"));
        const CommandRun r =
            report({tests::sourcePath(QStringLiteral("templates/web-application.nimbus")),
                    QStringLiteral("-o"), csv, QStringLiteral("--currency-code"),
                    QStringLiteral("IRR"), QStringLiteral("--exchange-rate"), rate});
        QCOMPARE(r.code, accepted ? 0 : 2);
        if (!accepted)
            QVERIFY2(r.err.contains(
                         QStringLiteral("--exchange-rate must be a number from 0.0001 to 100,000")),
                     qPrintable(r.err));
    }

    void everyNumericPropertyToPdfAndCsv_data()
    {
        // One row per packed design, so that each row stays short under the sanitizers.
        QTest::addColumn<QString>("design");
        for (double value : tests::hostileValues()) {
            for (const tests::HostileCase &c : tests::packedCases(tests::builtinCatalog(), value))
                QTest::addRow("%s", c.name.c_str()) << QString::fromStdString(model::writeProject(c.design));
        }
    }

    void everyNumericPropertyToPdfAndCsv()
    {
        QFETCH(QString, design);
        QTemporaryDir dir;
        const QString path = write(dir, QStringLiteral("hostile.nimbus"), design.toStdString());
        const QString pdf = dir.filePath(QStringLiteral("hostile.pdf"));
        const QString csv = dir.filePath(QStringLiteral("hostile.csv"));
        for (const QString &out : {pdf, csv}) {
            const CommandRun r =
                report({path, QStringLiteral("-o"), out, QStringLiteral("--date"), QStringLiteral("2026-01-01")});
            QVERIFY2(r.code == 0, qPrintable(out + "\n" + r.err));
            QVERIFY2(!tests::showsNonFinite(r.out.toStdString() + r.err.toStdString()), qPrintable(r.err));
        }
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!tests::showsNonFinite(file.readAll().toStdString()), qPrintable(csv));
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed: the PDF was written, its text not read");
        QVERIFY2(!tests::showsNonFinite(pdfText(pdf).toStdString()), qPrintable(pdf));
    }
};

QTEST_MAIN(TestReportNumbers)
#include "tst_reportnumbers.moc"
