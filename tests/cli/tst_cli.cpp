// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "common/testdata.h"

#include <app/cli/cli.h>
#include <app/cli/terminaltext.h>
#include <model/core/limits.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <fstream>
#include <sstream>

using nimbus::app::runCli;
using nimbus::tests::sourcePath;

namespace {

using Run = nimbus::tests::CommandRun;

Run run(const QStringList &args)
{
    return nimbus::tests::runCommand(runCli, args);
}

const QString kSample = QStringLiteral("templates/web-application.nimbus");

QString writeDesign(const QTemporaryDir &dir, const QString &name, const std::string &text)
{
    const QString path = dir.filePath(name);
    std::ofstream(path.toStdString()) << text;
    return path;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void terminalTextMakesControlsVisible_data()
    {
        QTest::addColumn<QByteArrayList>("writes");
        QTest::addColumn<QByteArray>("shown");
        QTest::newRow("plain lines") << QByteArrayList{"a\tb\n", "c\n"} << QByteArray("a\tb\nc\n");
        QTest::newRow("escape sequence") << QByteArrayList{"\x1b[2Jx\r"} << QByteArray("\\x1b[2Jx\\r");
        QTest::newRow("character cut between writes")
            << QByteArrayList{"caf\xc3", "\xa9 \xe2\x80", "\xae!"} << QByteArray("caf\xc3\xa9 \\u202e!");
        QTest::newRow("invalid and cut at the end")
            << QByteArrayList{"\xff", "ok\xe2\x82"} << QByteArray("\xef\xbf\xbdok\xef\xbf\xbd\xef\xbf\xbd");
    }

    void terminalTextMakesControlsVisible()
    {
        QFETCH(QByteArrayList, writes);
        QFETCH(QByteArray, shown);
        std::ostringstream target;
        {
            nimbus::app::TerminalText text(target);
            for (const QByteArray &w : writes)
                text << w.toStdString();
        }
        QCOMPARE(QByteArray::fromStdString(target.str()), shown);
    }

    void versionAndHelp()
    {
        const Run version = run({"--version"});
        QCOMPARE(version.code, 0);
        QVERIFY(version.out.startsWith("nimbus 0."));
        const Run help = run({"--help"});
        QCOMPARE(help.code, 0);
        QVERIFY(help.out.contains("validate FILE"));
        QVERIFY(help.out.contains("info FILE"));
        const Run commandHelp = run({"validate", "--help"});
        QCOMPARE(commandHelp.code, 0);
        QVERIFY(commandHelp.out.contains("--min-severity"));
    }

    void badUsageExitsWithTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown command") << QStringList{"frobnicate"} << "unknown command 'frobnicate'";
        QTest::newRow("no file") << QStringList{"info"} << "a design file is needed";
        QTest::newRow("two files") << QStringList{"info", "a.nimbus", "b.nimbus"} << "only one file";
        QTest::newRow("unknown option") << QStringList{"validate", kSample, "--colour"} << "unknown option '--colour'";
        QTest::newRow("bad format") << QStringList{"validate", kSample, "--format", "xml"} << "unknown format 'xml'";
        QTest::newRow("missing value") << QStringList{"validate", kSample, "--format"} << "--format needs a value";
        QTest::newRow("bad severity") << QStringList{"validate", kSample, "--min-severity=fatal"} << "--min-severity takes";
    }
    void badUsageExitsWithTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = run(args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void infoListsTheServicesOfTheSample()
    {
        const Run r = run({"info", sourcePath(kSample)});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        QVERIFY(r.out.startsWith("Web application"));
        QVERIFY(r.out.contains("10 services, 10 connections, 3 groups, 1 note"));
        QVERIFY(r.out.contains("Lambda function (3): Create order [create-order], List orders [get-orders], User profile [profile]"));
        QVERIFY(r.out.contains("DynamoDB table (2)"));
        QVERIFY(r.out.contains("sync-invoke: 5"));
        QVERIFY(r.out.contains("Data: Orders, Profiles") || r.out.contains("Data: Profiles, Orders"));
    }

    void infoAsJson()
    {
        const Run r = run({"info", sourcePath(kSample), "--format=json"});
        QCOMPARE(r.code, 0);
        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(r.out.toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(root.value("counts").toObject().value("services").toInt(), 10);
        QCOMPARE(root.value("connectionsByKind").toObject().value("read").toInt(), 4);
        int lambdas = 0;
        for (const QJsonValue row : root.value("servicesByType").toArray()) {
            if (row.toObject().value("type").toString() == "lambda-function")
                lambdas = row.toObject().value("nodes").toArray().size();
        }
        QCOMPARE(lambdas, 3);
    }

    void validateCleanDesignExitsZero()
    {
        const Run r = run({"validate", sourcePath(kSample)});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("0 errors"), qPrintable(r.out));
    }

    void validateErrorsExitOne()
    {
        QTemporaryDir dir;
        const QString path = writeDesign(dir, "bad.nimbus",
                                         "nimbus: 1\nname: Too much memory\nnodes:\n"
                                         "  - id: fn\n    type: lambda-function\n"
                                         "    name: Resizer\n    properties:\n"
                                         "      memoryMb: 20000\n      turbo: true\nedges: []\n");
        const Run text = run({"validate", path});
        QCOMPARE(text.code, 1);
        QVERIFY2(text.out.contains("error [properties/invalid-value] Memory of 'Resizer' "
                                   "(Lambda function) must be between 128 and 10240 MB, not 20000"),
                 qPrintable(text.out));
        QVERIFY(text.out.contains("1 error, 2 warnings, 0 info"));
        // The unknown property is also reported while reading, on standard error.
        QVERIFY2(text.err.contains("bad.nimbus:9:14: warning:"), qPrintable(text.err));

        const Run json = run({"validate", path, "--format", "json"});
        QCOMPARE(json.code, 1);
        const QJsonObject root = QJsonDocument::fromJson(json.out.toUtf8()).object();
        const QJsonArray findings = root.value("findings").toArray();
        QCOMPARE(findings.size(), 3);
        const QJsonObject first = findings.at(0).toObject();
        QCOMPARE(first.value("rule").toString(), QStringLiteral("properties/invalid-value"));
        QCOMPARE(first.value("severity").toString(), QStringLiteral("error"));
        QCOMPARE(first.value("nodes").toArray().at(0).toString(), QStringLiteral("fn"));
        QVERIFY(first.value("edges").isArray());
        QVERIFY(!first.value("fix").toString().isEmpty());
        QCOMPARE(root.value("summary").toObject().value("error").toInt(), 1);
        QCOMPARE(root.value("summary").toObject().value("warning").toInt(), 2);

        // Hiding errors from the listing does not hide them from the exit code.
        const Run filtered = run({"validate", path, "--min-severity", "error"});
        QCOMPARE(filtered.code, 1);
        QVERIFY(!filtered.out.contains("properties/unknown"));
    }

    void validateAsSarif()
    {
        QTemporaryDir dir;
        const QString path = writeDesign(dir, "loop.nimbus",
                                         "nimbus: 1\nname: Loop\nnodes:\n"
                                         "  - id: fn\n    type: lambda-function\n"
                                         "  - id: items\n    type: dynamodb-table\n"
                                         "    properties:\n      streamEnabled: true\n"
                                         "edges:\n"
                                         "  - {id: w, from: fn, to: items, kind: write}\n"
                                         "  - {id: s, from: items, to: fn, kind: stream}\n");
        const Run r = run({"validate", path, "--format", "sarif"});
        QCOMPARE(r.code, 1);
        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(r.out.toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(root.value("version").toString(), QStringLiteral("2.1.0"));
        const QJsonObject run0 = root.value("runs").toArray().at(0).toObject();
        const QJsonArray rules = run0.value("tool").toObject().value("driver").toObject().value("rules").toArray();
        QVERIFY(rules.size() > 30);
        const QJsonArray results = run0.value("results").toArray();
        bool loop = false;
        for (const QJsonValue v : results) {
            const QJsonObject result = v.toObject();
            const int index = result.value("ruleIndex").toInt(-1);
            QVERIFY(index >= 0 && index < rules.size());
            QCOMPARE(rules.at(index).toObject().value("id").toString(), result.value("ruleId").toString());
            if (result.value("ruleId").toString() == "loops/recursive-undetected") {
                loop = true;
                QCOMPARE(result.value("level").toString(), QStringLiteral("error"));
                const QJsonObject location = result.value("locations").toArray().at(0).toObject();
                const QJsonObject physical = location.value("physicalLocation").toObject();
                QCOMPARE(physical.value("artifactLocation").toObject().value("uri").toString(), path);
                QCOMPARE(physical.value("region").toObject().value("startLine").toInt(), 4); // "- id: fn"
            }
        }
        QVERIFY(loop);
    }

    void rulesCommand()
    {
        const Run text = run({"rules"});
        QCOMPARE(text.code, 0);
        QVERIFY(text.out.contains("timeouts/sync-chain (error)"));
        const Run json = run({"rules", "--format", "json"});
        QCOMPARE(json.code, 0);
        QVERIFY(QJsonDocument::fromJson(json.out.toUtf8()).array().size() > 30);
        const Run file = run({"rules", "some.nimbus"});
        QCOMPARE(file.code, 2);
    }

    void estimateTable()
    {
        const Run r = run({"estimate", sourcePath(kSample), "--explain"});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("Total per month: $"), qPrintable(r.out));
        QVERIFY(r.out.contains("Public API"));
        QVERIFY(r.out.contains(" × $")); // formulas shown
        QVERIFY(r.out.contains("prices for us-east-1 read 2026-11-28"));
    }

    void estimateJsonAndCsvAgree()
    {
        const Run json = run({"estimate", sourcePath(kSample), "--format", "json"});
        QCOMPARE(json.code, 0);
        const QJsonObject root = QJsonDocument::fromJson(json.out.toUtf8()).object();
        const QJsonArray items = root.value("items").toArray();
        QVERIFY(items.size() > 10);
        double sum = 0;
        for (const QJsonValue v : items) {
            const QJsonObject item = v.toObject();
            for (const char *key : {"node", "dimension", "quantity", "unit", "unitPrice", "cost", "explanation"})
                QVERIFY2(item.contains(key), key);
            sum += item.value("cost").toDouble();
        }
        const double total = root.value("totals").toObject().value("monthly").toDouble();
        QVERIFY(std::fabs(sum - total) < 1e-6);

        const Run csv = run({"estimate", sourcePath(kSample), "--format", "csv"});
        QCOMPARE(csv.code, 0);
        const QStringList lines = csv.out.trimmed().split('\n');
        QCOMPARE(lines.first(), QStringLiteral("node,name,service,dimension,quantity,unit,unit_price,monthly_cost"));
        QCOMPARE(lines.size(), items.size() + 1);
        double csvSum = 0;
        for (const QString &line : lines.mid(1))
            csvSum += line.split(',').last().toDouble();
        QVERIFY(std::fabs(csvSum - total) < 1e-6);
    }

    void monteCarloSamplesAreBoundedBySize()
    {
        // 1,000,000 samples of the largest design took 209 s: the samples a design may ask
        // for shrink with its size, and the refusal says how many it may have.
        QCOMPARE(nimbus::model::maxMonteCarloSamples(10), 10'000'000);
        QCOMPARE(nimbus::model::maxMonteCarloSamples(2'000), 100'000);
        QCOMPARE(nimbus::model::maxMonteCarloSamples(20'000), 10'000);
        QCOMPARE(nimbus::model::maxMonteCarloSamples(100'000'000), 1'000);
        std::string text = "nimbus: 1\nname: Many queues\nnodes:\n";
        for (int i = 0; i < 2'001; ++i)
            text += "  - {id: q" + std::to_string(i) + ", type: sqs-queue, position: [0, 0]}\n";
        text += "edges: []\n";
        QTemporaryDir dir;
        const QString path = writeDesign(dir, "many.nimbus", text);
        const Run refused = run({"estimate", path, "--monte-carlo", "100000"});
        QCOMPARE(refused.code, 2);
        QVERIFY2(refused.err.contains("--monte-carlo 100000 is too many samples for 2001 services: at most 99000"),
                 qPrintable(refused.err));
        QCOMPARE(run({"estimate", path, "--monte-carlo", "1000"}).code, 0);
    }

    void estimateOptionsChangeTheTotal()
    {
        auto total = [&](const QStringList &extra) {
            const Run r = run(QStringList{"estimate", sourcePath(kSample), "--format", "json"} + extra);
            return QJsonDocument::fromJson(r.out.toUtf8()).object().value("totals").toObject().value("monthly").toDouble();
        };
        const double base = total({});
        QVERIFY(base > 0);
        QVERIFY(std::fabs(total({"--discount", "10"}) - base * 0.9) < 1e-6);
        QVERIFY(total({"--no-free-tier"}) > base);
        QVERIFY(total({"--region", "eu-west-1"}) > 0);

        QTemporaryDir dir;
        const QString prices = writeDesign(dir, "mine.yaml",
                                           "region: us-east-1\nprices:\n"
                                           "  cognito.mau.essentials: {unit: MAU, per: 1, price: 0, status: unverified}\n");
        QVERIFY(total({"--prices", prices}) < base); // the pool's users become free
    }

    void estimateComparisonAndMonteCarlo()
    {
        const Run r = run({"estimate", sourcePath(kSample), "--format", "json", "--sweep", "--monte-carlo", "2000", "--seed", "3"});
        QCOMPARE(r.code, 0);
        const QJsonObject root = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const QJsonObject comparison = root.value("comparison").toObject();
        QCOMPARE(comparison.value("sweep").toArray().size(), 21);
        QVERIFY(comparison.contains("breakEven"));
        QVERIFY(comparison.value("servers").toObject().value("total").toDouble() > 0);
        QVERIFY(comparison.value("tco").toObject().value("servers3y").toDouble() > 0);
        QVERIFY(root.value("monteCarlo").toObject().value("p50").toDouble() > 0);
        const Run again = run({"estimate", sourcePath(kSample), "--format", "json", "--sweep", "--monte-carlo", "2000", "--seed", "3"});
        QCOMPARE(again.out, r.out);
        const Run text = run({"estimate", sourcePath(kSample), "--compare-servers"});
        QVERIFY(text.out.contains("3-year TCO"));
    }

    void estimateBadInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("region") << QStringList{"--region", "mars-1"} << "no price list for region 'mars-1'";
        QTest::newRow("discount") << QStringList{"--discount", "150"} << "--discount takes a percentage";
        QTest::newRow("samples") << QStringList{"--monte-carlo", "0"} << "--monte-carlo takes a sample count";
        QTest::newRow("prices file") << QStringList{"--prices", "/nonexistent/prices.yaml"} << "cannot open the file";
        QTest::newRow("distribution") << QStringList{"--distribution", "normal"} << "--distribution takes";
        QTest::newRow("long scenario") << QStringList{"--scenario", QString(257, 's')}
                                       << "--scenario is 257 characters long; at most 256 are allowed";
        QTest::newRow("long region") << QStringList{"--region", QString(257, 'r')}
                                     << "--region is 257 characters long";
    }
    void estimateBadInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = run(QStringList{"estimate", sourcePath(kSample)} + args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void unreadableInputExitsTwo_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing") << "tests/data/malformed/nope.nimbus" << "cannot open the file";
        QTest::newRow("malformed") << "tests/data/malformed/bad-yaml.nimbus" << "bad-yaml.nimbus:7:";
        QTest::newRow("unknown type") << "tests/data/malformed/unknown-type.nimbus"
                                      << "unknown-type.nimbus:5:11: error: node 'fn' has unknown "
                                         "service type";
    }
    void unreadableInputExitsTwo()
    {
        QFETCH(QString, file);
        QFETCH(QString, message);
        for (const char *command : {"info", "validate"}) {
            const Run r = run({command, sourcePath(file)});
            QCOMPARE(r.code, 2);
            QVERIFY2(r.err.contains(message), qPrintable(r.err));
            QVERIFY(r.out.isEmpty());
        }
    }

    void brokenCatalogExitsTwo()
    {
        QTemporaryDir dir;
        writeDesign(dir, "categories.yaml", "categories:\n  - id: compute\n    name: C\n    color: red\n");
        const Run r = run({"info", sourcePath(kSample), "--catalog", dir.path()});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("categories.yaml:4:12: error: category colour must be"), qPrintable(r.err));
        QVERIFY(r.err.contains("the service catalog has errors"));
    }

    void exportWritesATemplate()
    {
        const Run sam = run({QStringLiteral("export"), sourcePath(kSample)});
        QCOMPARE(sam.code, 0);
        QVERIFY(sam.out.startsWith(QStringLiteral("# Web application\n# Exported by Nimbus")));
        QVERIFY(sam.out.contains(QStringLiteral("Transform: AWS::Serverless-2016-10-31")));
        QVERIFY(sam.out.contains(QStringLiteral("Type: AWS::Serverless::Function")));
        const Run cfn = run({QStringLiteral("export"), sourcePath(kSample), QStringLiteral("--format"), QStringLiteral("cloudformation")});
        QCOMPARE(cfn.code, 0);
        QVERIFY(!cfn.out.contains(QStringLiteral("AWS::Serverless::")));
        QVERIFY(cfn.out.contains(QStringLiteral("Type: AWS::Lambda::Function")));
        QVERIFY(cfn.out.contains(QStringLiteral("Type: AWS::IAM::Role")));
        // Same design, same bytes.
        QCOMPARE(run({QStringLiteral("export"), sourcePath(kSample)}).out, sam.out);

        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("web.yaml"));
        const Run written = run({QStringLiteral("export"), sourcePath(kSample), QStringLiteral("-o"), out});
        QCOMPARE(written.code, 0);
        QVERIFY(written.err.contains(QStringLiteral("wrote")));
        std::ifstream in(out.toStdString());
        std::stringstream content;
        content << in.rdbuf();
        QCOMPARE(QString::fromStdString(content.str()), sam.out);
        QCOMPARE(run({QStringLiteral("export"), sourcePath(kSample), QStringLiteral("--format"), QStringLiteral("terraform")}).code, 2);
    }

    void importPrintsASummaryAndWritesADesign()
    {
        QTemporaryDir dir;
        const QString design = dir.filePath(QStringLiteral("imported.nimbus"));
        const Run r = run({QStringLiteral("import"), sourcePath(QStringLiteral("tests/data/iac/apigw-lambda-dynamodb.yaml")),
                           QStringLiteral("-o"), design});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("resources read")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("connections inferred")));
        QVERIFY(r.out.contains(QStringLiteral("generic")));
        // The design it wrote opens, validates and exports.
        const Run info = run({QStringLiteral("info"), design});
        QCOMPARE(info.code, 0);
        QCOMPARE(run({QStringLiteral("export"), design}).code, 0);

        // Bad input: a clear message naming the file and line, exit code 2.
        const QString broken = writeDesign(dir, QStringLiteral("broken.yaml"), "Resources:\n  Fn:\n    Type: [\n");
        const Run bad = run({QStringLiteral("import"), broken});
        QCOMPARE(bad.code, 2);
        QVERIFY2(bad.err.contains(QStringLiteral("broken.yaml:")), qPrintable(bad.err));
        const QString empty = writeDesign(dir, QStringLiteral("empty.yaml"), "AWSTemplateFormatVersion: '2010-09-09'\n");
        const Run none = run({QStringLiteral("import"), empty});
        QCOMPARE(none.code, 2);
        QVERIFY2(none.err.contains(QStringLiteral("no Resources")), qPrintable(none.err));
    }

    void importedSecretsAreValidatedAndNotExported()
    {
        // Issue #13: a template with DB_PASSWORD: hunter2, imported and validated.
        QTemporaryDir dir;
        const QString design = dir.filePath(QStringLiteral("imported.nimbus"));
        QCOMPARE(run({QStringLiteral("import"),
                      sourcePath(QStringLiteral("tests/data/environment/sam-function.yaml")),
                      QStringLiteral("-o"), design})
                     .code,
                 0);
        const Run validate = run({QStringLiteral("validate"), design});
        QVERIFY2(validate.out.contains(QStringLiteral("security/secret-in-environment")),
                 qPrintable(validate.out));
        QVERIFY2(validate.out.contains(QStringLiteral("DB_PASSWORD to **** (7 characters)")),
                 qPrintable(validate.out));
        QVERIFY(!validate.out.contains(QStringLiteral("hunter2")));
        const Run exported = run({QStringLiteral("export"), design});
        QCOMPARE(exported.code, 0);
        QVERIFY(!exported.out.contains(QStringLiteral("hunter2")));
        QVERIFY(!exported.err.contains(QStringLiteral("hunter2")));
        QVERIFY2(exported.err.contains(QStringLiteral(
                     "create the secret 'sam-function/create-order' with the key DB_PASSWORD")),
                 qPrintable(exported.err));
        const QString file = dir.filePath(QStringLiteral("template.yaml"));
        const Run written = run({QStringLiteral("export"), design, QStringLiteral("-o"), file});
        QCOMPARE(written.code, 0);
        QVERIFY2(written.err.contains(QStringLiteral(", 1 secret read from AWS Secrets Manager)")),
                 qPrintable(written.err));
    }

    void estimateAsAScenario()
    {
        const QString sample = sourcePath(kSample);
        auto monthly = [&](const QStringList &extra) {
            const Run r = run(QStringList{"estimate", sample, "--format", "json"} + extra);
            [&] { QCOMPARE(r.code, 0); }();
            return QJsonDocument::fromJson(r.out.toUtf8()).object().value("totals").toObject().value("monthly").toDouble();
        };
        const double asDrawn = monthly({});
        QVERIFY(monthly({"--scenario", "5x growth"}) > 2 * asDrawn);
        QVERIFY(monthly({"--scenario=launch"}) < asDrawn);
        const Run table = run({"estimate", sample, "--scenario", "peak season"});
        QCOMPARE(table.code, 0);
        QVERIFY2(table.out.startsWith("Scenario: peak season"), qPrintable(table.out));

        const Run unknown = run({"estimate", sample, "--scenario", "winter"});
        QCOMPARE(unknown.code, 2);
        QVERIFY2(unknown.err.contains("has no scenario 'winter'; its scenarios are 'launch', 'peak season', '5x growth'"),
                 qPrintable(unknown.err));
        QTemporaryDir dir;
        const QString plain = writeDesign(dir, "plain.nimbus", "nimbus: 1\nname: P\nnodes: []\nedges: []\n");
        const Run none = run({"estimate", plain, "--scenario", "launch"});
        QCOMPARE(none.code, 2);
        QVERIFY2(none.err.contains("it has no scenarios at all"), qPrintable(none.err));
    }

    void scenariosSideBySide()
    {
        const Run table = run({"scenarios", sourcePath(kSample)});
        QCOMPARE(table.code, 0);
        for (const char *text : {"Variant", "Monthly", "Servers", "Break-even", "3-year saving", "Findings",
                                 "As designed", "launch", "peak season", "5x growth", "us-east-1", "$"})
            QVERIFY2(table.out.contains(QLatin1String(text)), text);

        const Run json = run({"scenarios", sourcePath(kSample), "--format", "json"});
        QCOMPARE(json.code, 0);
        const QJsonArray rows = QJsonDocument::fromJson(json.out.toUtf8()).object().value("variants").toArray();
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows[0].toObject().value("name").toString(), QStringLiteral("As designed"));
        QCOMPARE(rows[3].toObject().value("name").toString(), QStringLiteral("5x growth"));
        const auto value = [&](int row, const char *key) { return rows[row].toObject().value(key).toDouble(); };
        QVERIFY(value(1, "monthly") < value(0, "monthly"));
        QVERIFY(value(3, "monthly") > value(2, "monthly"));
        for (int row = 0; row < 4; ++row) {
            QVERIFY(value(row, "serversMonthly") > 0);
            QCOMPARE(value(row, "saving3y"), value(row, "tco3Servers") - value(row, "tco3Serverless"));
        }
    }

    void compareTwoDesigns()
    {
        const QString web = sourcePath(kSample);
        const QString iot = sourcePath("templates/iot-backend.nimbus");
        const Run table = run({"compare", web, iot});
        QCOMPARE(table.code, 0);
        QVERIFY(table.out.contains("Web application") && table.out.contains("IoT backend"));
        const Run json = run({"compare", web, web, "--format", "json"});
        const QJsonArray rows = QJsonDocument::fromJson(json.out.toUtf8()).object().value("variants").toArray();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0].toObject().value("monthly").toDouble(), rows[1].toObject().value("monthly").toDouble());
        QCOMPARE(rows[0].toObject().value("name").toString(), QStringLiteral("web-application.nimbus"));
        const Run one = run({"compare", web});
        QCOMPARE(one.code, 2);
        QVERIFY(one.err.contains("two design files are needed"));
        const Run missing = run({"compare", web, "/no/such.nimbus"});
        QCOMPARE(missing.code, 2);
        QVERIFY(missing.err.contains("/no/such.nimbus"));
    }

    void guiOrCliIsDecidedByTheFirstArgument()
    {
        using nimbus::app::isCliInvocation;
        QVERIFY(!isCliInvocation({}));
        QVERIFY(!isCliInvocation({sourcePath(kSample).toStdString()}));
        QVERIFY(!isCliInvocation({"--screenshot", "out.png"}));
        QVERIFY(!isCliInvocation({"new-design.nimbus"}));
        QVERIFY(isCliInvocation({"validate", "x"}));
        QVERIFY(isCliInvocation({"--version"}));
        QVERIFY(isCliInvocation({"valdate"}));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
