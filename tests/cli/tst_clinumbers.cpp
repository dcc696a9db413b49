// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// The command line on huge and absurd numbers: a number beyond the format's limit is
// refused with file, line and column; every number within it, however absurd, gives
// figures a person can read (never NaN or infinity) in every output format; an exchange
// rate outside the Preferences' range is refused.

#include "common/hostiledesigns.h"
#include "common/testdata.h"

#include <app/cli/cli.h>
#include <model/io/projectfile.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using nimbus::app::runCli;
using nimbus::tests::CommandRun;

namespace {

CommandRun run(const QStringList &args)
{
    return nimbus::tests::runCommand(runCli, args);
}

QString write(const QTemporaryDir &dir, const QString &name, const std::string &text)
{
    const QString path = dir.filePath(name);
    std::ofstream(path.toStdString(), std::ios::binary) << text;
    return path;
}

/// The bundled web application with `from` replaced by `to` in its text.
std::string webApplicationWith(const std::string &from, const std::string &to)
{
    std::string text =
        nimbus::tests::readSourceFile(QStringLiteral("templates/web-application.nimbus"));
    const std::size_t at = text.find(from);
    if (at == std::string::npos)
        qFatal("'%s' is not in the template", from.c_str());
    return text.replace(at, from.size(), to);
}

/// Line and column (1-based) of `needle` in `text`.
QString positionOf(const std::string &text, const std::string &needle)
{
    const std::size_t at = text.find(needle);
    const std::size_t lineStart = text.rfind('\n', at) + 1;
    const auto line =
        std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n') + 1;
    return QStringLiteral(":%1:%2:").arg(line).arg(at - lineStart + 1);
}

void checkReadable(const CommandRun &r, const QString &what)
{
    QVERIFY2(!nimbus::tests::showsNonFinite(r.out.toStdString()),
             qPrintable(what + "\n" + r.out.left(4000)));
    QVERIFY2(!nimbus::tests::showsNonFinite(r.err.toStdString()),
             qPrintable(what + "\n" + r.err.left(4000)));
}

} // namespace

class TestCliNumbers final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void numbersBeyondTheLimitAreRefused_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("value"); // where the message points
        // The reproducers of the issue, and the YAML spellings of infinity and NaN.
        QTest::newRow("requestsPerMonth 1e308") << "requestsPerMonth: 25000000"
                                                << "requestsPerMonth: 1e308"
                                                << "1e308";
        QTest::newRow("memoryMb int64 max") << "memoryMb: 512"
                                            << "memoryMb: 9223372036854775807"
                                            << "9223372036854775807";
        QTest::newRow("peakRps .inf") << "peakRps: 150"
                                      << "peakRps: .inf"
                                      << ".inf";
        QTest::newRow("payloadKb -.inf") << "payloadKb: 4"
                                         << "payloadKb: -.inf"
                                         << "-.inf";
        QTest::newRow("multiplier .nan") << "multiplier: 0.2"
                                         << "multiplier: .nan"
                                         << ".nan";
        QTest::newRow("position 1e400") << "position: [0, 200]"
                                        << "position: [0, 1e400]"
                                        << "1e400";
        QTest::newRow("one past the limit") << "storedGb: 2"
                                            << "storedGb: 1000000000000001"
                                            << "1000000000000001";
    }

    void numbersBeyondTheLimitAreRefused()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, value);
        QTemporaryDir dir;
        const std::string text = webApplicationWith(from.toStdString(), to.toStdString());
        const QString path = write(dir, QStringLiteral("hostile.nimbus"), text);
        for (const char *command : {"estimate", "validate", "info", "export"}) {
            const CommandRun r = run({QString::fromLatin1(command), path});
            QCOMPARE(r.code, 2);
            QVERIFY2(r.err.contains(path + positionOf(text, value.toStdString()) + " error: "),
                     qPrintable(r.err));
            QVERIFY2(r.err.contains(value) && (r.err.contains("10^15") || r.err.contains("finite")),
                     qPrintable(r.err));
            QVERIFY2(!r.out.contains(QLatin1Char('$')), qPrintable(r.out));
        }
    }

    void theLimitItselfLoads()
    {
        // Reproducer: memoryMb at int64 max printed a 17-digit total. At the largest whole
        // number now accepted, the total reads as money (at most 15 digits before the point,
        // else scientific) and validate names the value out of the catalog's range.
        QTemporaryDir dir;
        const QString path =
            write(dir, QStringLiteral("limit.nimbus"),
                  webApplicationWith("memoryMb: 512", "memoryMb: 1000000000000000"));
        const CommandRun e = run({"estimate", path});
        QCOMPARE(e.code, 0);
        const QRegularExpression total(QStringLiteral(
            "Total per month: \\$(\\d\\.\\d+e\\+\\d+|\\d{1,3}(,\\d{3}){0,4}\\.\\d\\d)\n"));
        QVERIFY2(total.match(e.out).hasMatch(), qPrintable(e.out));
        checkReadable(e, path);
        const CommandRun v = run({"validate", path});
        QCOMPARE(v.code, 1);
        QVERIFY2(v.err.contains("must be between 128 and 10240") ||
                     v.out.contains("must be between 128 and 10240"),
                 qPrintable(v.out));
    }

    void overflowIsReportedAsSuch()
    {
        QTemporaryDir dir;
        const QString path = write(dir, QStringLiteral("overflow.nimbus"),
                                   nimbus::model::writeProject(nimbus::tests::overflowingDesign()));
        const CommandRun table =
            run({"estimate", path, "--compare-servers", "--sweep", "--monte-carlo", "200"});
        QCOMPARE(table.code, 0);
        QVERIFY2(table.out.contains("Total per month: too large to price\n"),
                 qPrintable(table.out));
        QVERIFY(table.out.contains("The workload is too large to price"));
        QVERIFY(table.out.contains("No break-even: the costs are too large to price"));
        QVERIFY(table.out.contains("200 of the samples are too large to price"));
        checkReadable(table, path);
        const CommandRun json =
            run({"estimate", path, "--format", "json", "--compare-servers", "--sweep"});
        QCOMPARE(json.code, 0);
        const QJsonObject root = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QVERIFY(root.value("totals").toObject().value("monthly").isNull());
        QVERIFY(root.value("totals").toObject().value("tooLargeToPrice").toBool());
        QVERIFY(root.value("comparison").toObject().value("tooLargeToCompare").toBool());
        const CommandRun csv = run({"estimate", path, "--format", "csv"});
        QVERIFY(csv.out.contains(",too large to price\n"));
        checkReadable(csv, path);
    }

    void exchangeRateIsTheWindowsRange()
    {
        // Reproducers: --exchange-rate 1e70 aborted, 1e305 hung in the chart's log axis.
        // estimate has no currency option: it says so instead of running.
        const QString sample =
            nimbus::tests::sourcePath(QStringLiteral("templates/web-application.nimbus"));
        for (const char *rate : {"1e70", "1e305"}) {
            const CommandRun r =
                run({"estimate", sample, "--exchange-rate", QString::fromLatin1(rate)});
            QCOMPARE(r.code, 2);
            QVERIFY2(r.err.contains("unknown option '--exchange-rate'"), qPrintable(r.err));
        }
        // --discount keeps to 0..100, NaN included.
        for (const char *discount : {"nan", "inf", "101", "-1", "1e308"}) {
            const CommandRun r =
                run({"estimate", sample, "--discount", QString::fromLatin1(discount)});
            QCOMPARE(r.code, 2);
            QVERIFY2(r.err.contains("--discount takes a percentage from 0 to 100"),
                     qPrintable(r.err));
        }
    }

    void priceListNumbersHaveTheSameLimit()
    {
        QTemporaryDir dir;
        const QString prices =
            write(dir, QStringLiteral("prices.yaml"),
                  "region: us-east-1\nprices:\n  lambda.requests:\n    unit: request\n"
                  "    per: 1000000\n    price: 1e308\n    status: unverified\n");
        const CommandRun r =
            run({"estimate",
                 nimbus::tests::sourcePath(QStringLiteral("templates/web-application.nimbus")),
                 "--prices", prices});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(prices + ":6:12: error: 'price' is 1e308, which is beyond"),
                 qPrintable(r.err));
    }

    void everyNumericPropertyInEveryFormat_data()
    {
        // One row per packed design, so that each row stays short under the sanitizers.
        QTest::addColumn<QString>("design");
        std::size_t designs = 0;
        for (double value : nimbus::tests::hostileValues()) {
            for (const nimbus::tests::HostileCase &c :
                 nimbus::tests::packedCases(nimbus::tests::builtinCatalog(), value)) {
                QTest::addRow("%s", c.name.c_str()) << QString::fromStdString(nimbus::model::writeProject(c.design));
                ++designs;
            }
        }
        QVERIFY(designs >= 30);
    }

    void everyNumericPropertyInEveryFormat()
    {
        QFETCH(QString, design);
        QTemporaryDir dir;
        const QString path = write(dir, QStringLiteral("hostile.nimbus"), design.toStdString());
        for (const QStringList &extra :
             {QStringList{"--format", "table", "--explain"}, QStringList{"--format", "json"},
              QStringList{"--format", "csv"},
              QStringList{"--compare-servers", "--sweep", "--monte-carlo", "1000"},
              QStringList{"--format", "json", "--compare-servers", "--sweep", "--monte-carlo",
                          "1000"}}) {
            const CommandRun r = run(QStringList{"estimate", path} + extra);
            QVERIFY2(r.code == 0, qPrintable(path + " " + extra.join(' ') + "\n" + r.err));
            checkReadable(r, path + " " + extra.join(' '));
            if (extra.contains("json"))
                QVERIFY(QJsonDocument::fromJson(r.out.toUtf8()).isObject());
        }
        for (const char *format : {"text", "json", "sarif"}) {
            const CommandRun r =
                run({"validate", path, "--format", QString::fromLatin1(format)});
            QVERIFY2(r.code == 0 || r.code == 1, qPrintable(path + "\n" + r.err));
            checkReadable(r, path + " validate");
        }
        // The template is written too (numbers as the design holds them).
        const CommandRun exported = run({"export", path});
        QVERIFY2(exported.code == 0 || exported.code == 1, qPrintable(path + "\n" + exported.err));
        checkReadable(exported, path + " export");
    }
};

QTEST_GUILESS_MAIN(TestCliNumbers)
#include "tst_clinumbers.moc"
