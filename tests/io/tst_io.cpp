// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "common/testdata.h"

#include <model/io/atomicfile.h>
#include <model/io/projectfile.h>
#include <model/io/yamlreader.h>
#include <model/io/yamlwriter.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <fstream>
#include <sys/resource.h>

using namespace nimbus::model;
using nimbus::tests::builtinCatalog;
using nimbus::tests::readSourceFile;
using nimbus::tests::sourcePath;

namespace {

QString diagnosticsText(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines << QString::fromStdString(d.toString());
    return lines.join('\n');
}

std::string readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll().toStdString() : std::string();
}

} // namespace

class TestIo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void yamlKeepsTagsQuotesAndPositions()
    {
        const auto result = parseYaml("a: !Ref Orders\nb: \"true\"\nc: true\nd:\n  - !GetAtt [T, Arn]\n",
                                      "t.yaml");
        QVERIFY(result.ok());
        const Tree &root = result.tree;
        QCOMPARE(root.find("a")->tag, std::string("!Ref"));
        QCOMPARE(root.find("a")->scalar, std::string("Orders"));
        QVERIFY(root.find("b")->quoted);
        QVERIFY(!root.find("c")->quoted);
        QCOMPARE(root.find("d")->items[0].tag, std::string("!GetAtt"));
        QCOMPARE(root.find("d")->items[0].items.size(), std::size_t(2));
        QCOMPARE(root.find("d")->line, 5);
        QCOMPARE(root.find("b")->line, 2);
    }

    void yamlRoundTripsThroughTheWriter()
    {
        const std::string text = "a: !Ref Orders\nb: \"true\"\nlist: [1, 2]\n"
                                 "text: |-\n  two\n  lines\nnested:\n  - x: 1\n    y: ~\n";
        const auto first = parseYaml(text, "t.yaml");
        QVERIFY(first.ok());
        const std::string written = writeYaml(first.tree);
        const auto second = parseYaml(written, "t2.yaml");
        QVERIFY2(second.ok(), written.c_str());
        QVERIFY2(first.tree == second.tree, written.c_str());
        QCOMPARE(writeYaml(second.tree), written);
    }

    void yamlStringsThatLookLikeOtherTypesAreQuoted()
    {
        for (const char *text : {"true", "no", "123", "1e5", "0x1F", "~", "null", "", "12:30"}) {
            const Tree scalar = stringScalar(text);
            QVERIFY2(scalar.quoted, text);
        }
        QVERIFY(!stringScalar("orders").quoted);
        QVERIFY(!stringScalar("v1.2.3").quoted);
    }

    void yamlLimits_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("message");
        QTest::newRow("duplicate key") << QByteArray("a: 1\nb: 2\na: 3\n") << 3
                                       << "duplicate key 'a' (first at line 1)";
        QTest::newRow("two documents") << QByteArray("a: 1\n---\nb: 2\n") << 0
                                       << "more than one YAML document";
        QTest::newRow("syntax") << QByteArray("a: [1, 2\nb: 3\n") << 2 << "invalid YAML";
        QTest::newRow("complex key") << QByteArray("? [a, b]\n: 1\n") << 1
                                     << "map key must be plain text";
        QByteArray deep;
        for (int i = 0; i < 300; ++i)
            deep += '[';
        QTest::newRow("deep nesting") << deep << 1 << "nesting deeper than";
        QTest::newRow("nul byte") << QByteArray("a: 1\0b", 6) << 1 << "holds a NUL byte: it is binary data";
        QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\x00\x00", 10) << 3 << "NUL byte: it is binary data";
        QTest::newRow("latin-1") << QByteArray("name: caf\xe9\n") << 1 << "byte 0xE9 is not part of a UTF-8 character";
        QTest::newRow("overlong slash") << QByteArray("a: 1\nb: x\xc0\xaf\n") << 2 << "byte 0xC0";
        QTest::newRow("utf-16") << QByteArray("\xff\xfen\0a\0", 6) << 1 << "UTF-16 text; Nimbus reads UTF-8";
        // Found by fuzz_projectfile: a raw control character in a plain scalar was read as
        // text that the writer must quote, so the design read back as another one. YAML 1.2
        // allows such characters only as escapes (c-printable).
        QTest::newRow("control character") << QByteArray("a: 1\nk: a\x1a b\n") << 2 << "the character U+001A";
        QTest::newRow("escape") << QByteArray("k: \x1b[31mred\n") << 1 << "the character U+001B";
        QTest::newRow("delete") << QByteArray("k: a\x7f\n") << 1 << "the character U+007F";
        QTest::newRow("c1 control") << QByteArray("k: a\xc2\x9b\n") << 1 << "the character U+009B";
        QTest::newRow("noncharacter") << QByteArray("k: a\xef\xbf\xbf\n") << 1 << "the character U+FFFF";
    }
    void yamlLimits()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(QString, message);
        const auto result = parseYaml(std::string_view(text.constData(), std::size_t(text.size())),
                                      "input.yaml");
        QVERIFY(!result.ok());
        const QString all = diagnosticsText(result.diagnostics);
        QVERIFY2(all.contains(message), qPrintable(all));
        QCOMPARE(result.diagnostics.front().line, line);
        QCOMPARE(QString::fromStdString(result.diagnostics.front().file), QStringLiteral("input.yaml"));
    }

    void yamlAllowsPrintableCharactersAndEscapes()
    {
        // Tabs, line ends, non-ASCII text and escaped controls stay readable.
        const auto result = parseYaml("k: \"a\\x1Bb\\u0007\"\nt: \"x\ty\"\r\nu: caf\xc3\xa9 \xe2\x9c\x93\n", "t.yaml");
        QVERIFY2(result.ok(), qPrintable(diagnosticsText(result.diagnostics)));
        QCOMPARE(result.tree.find("k")->scalar, std::string("a\x1b" "b\x07"));
        QCOMPARE(result.tree.find("t")->scalar, std::string("x\ty"));
    }

    void yamlDuplicateKeysMayBeWarnings()
    {
        YamlParseOptions options;
        options.duplicateKeysAreErrors = false;
        const auto result = parseYaml("a: 1\na: 2\n", "t.yaml", options);
        QVERIFY(result.ok());
        QCOMPARE(result.diagnostics.size(), std::size_t(1));
        QCOMPARE(result.tree.find("a")->scalar, std::string("2"));
    }

    void yamlAliasesWithinBudgetExpand()
    {
        const auto result = parseYaml("base: &b {x: 1}\ncopy: *b\n", "t.yaml");
        QVERIFY(result.ok());
        QCOMPARE(result.tree.find("copy")->find("x")->scalar, std::string("1"));
    }

    void sampleDesignLoads()
    {
        const auto result = readProjectFile(
            sourcePath("templates/web-application.nimbus").toStdString(), builtinCatalog());
        QVERIFY2(result.diagnostics.empty(), qPrintable(diagnosticsText(result.diagnostics)));
        const Architecture &arch = result.architecture;
        QCOMPARE(arch.name(), std::string("Web application"));
        QCOMPARE(arch.nodes().size(), std::size_t(10));
        QCOMPARE(arch.edges().size(), std::size_t(10));
        QCOMPARE(arch.groups().size(), std::size_t(3));
        const Node *fn = arch.node(NodeId("create-order"));
        QVERIFY(fn);
        QCOMPARE(std::get<std::int64_t>(fn->properties.at("memoryMb")), std::int64_t(512));
        QCOMPARE(std::get<std::string>(fn->properties.at("architecture")), std::string("arm64"));
        QVERIFY(arch.checkInvariants().empty());
    }

    void saveLoadSaveIsByteIdentical_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("sample") << "templates/web-application.nimbus";
        QTest::newRow("extras and generic nodes") << "tests/data/valid-extras.nimbus";
    }
    void saveLoadSaveIsByteIdentical()
    {
        QFETCH(QString, file);
        const auto first = readProjectFile(sourcePath(file).toStdString(), builtinCatalog());
        QVERIFY2(first.ok(), qPrintable(diagnosticsText(first.diagnostics)));
        const std::string saved = writeProject(first.architecture);
        const auto second = readProject(saved, "saved.nimbus", builtinCatalog());
        QVERIFY2(second.ok(), qPrintable(diagnosticsText(second.diagnostics)));
        QVERIFY(second.architecture == first.architecture);
        QCOMPARE(writeProject(second.architecture), saved);
    }

    void bundledFilesAreInCanonicalForm()
    {
        // The sample is written exactly as Nimbus writes it, so that saving it unchanged
        // produces no diff in git.
        const std::string text = readSourceFile("templates/web-application.nimbus");
        const auto loaded = readProject(text, "web-application.nimbus", builtinCatalog());
        QVERIFY(loaded.ok());
        QCOMPARE(writeProject(loaded.architecture), text);
    }

    void unknownKeysArePreserved()
    {
        const auto loaded = readProjectFile(sourcePath("tests/data/valid-extras.nimbus").toStdString(),
                                            builtinCatalog());
        QVERIFY(loaded.ok());
        const std::string saved = writeProject(loaded.architecture);
        for (const char *kept : {"futureSetting: [1, 2, 3]", "color: teal", "team: payments",
                                 "label: nightly", "futureSection:", "- !Ref Something",
                                 "mysteryKnob: \"on\"", "type: AWS::Glue::Crawler",
                                 "Schedule: cron(0 2 * * ? *)", "name: \"123\"", "日本語"}) {
            QVERIFY2(saved.find(kept) != std::string::npos, kept);
        }
        // The unknown property is a warning, not an error.
        QCOMPARE(loaded.diagnostics.size(), std::size_t(1));
        QCOMPARE(loaded.diagnostics.front().severity, Severity::Warning);
        QCOMPARE(loaded.diagnostics.front().line, 23);
    }

    void fileWithoutSettingsReadsBackEqual()
    {
        // Found by fuzz_projectfile (tests/fuzz/regressions/fuzz_projectfile/no-settings): a
        // file without 'settings' read back, once written, as another design (its settings'
        // unknown keys were a null instead of an empty map).
        const std::string text = "nimbus: 1\nname: No settings\nnodes: []\nedges: []\nextra: kept\n";
        const auto loaded = readProject(text, "no-settings.nimbus", builtinCatalog());
        QVERIFY(loaded.ok());
        const std::string written = writeProject(loaded.architecture);
        const auto again = readProject(written, "written.nimbus", builtinCatalog());
        QVERIFY(again.ok());
        QVERIFY(again.architecture == loaded.architecture);
        QCOMPARE(writeProject(again.architecture), written);
    }

    void outputDoesNotDependOnInsertionOrder()
    {
        Architecture a;
        Architecture b;
        for (const char *id : {"x", "a", "m"}) {
            Node n;
            n.id = NodeId(id);
            n.type = "sqs-queue";
            n.name = id;
            a.addNode(n);
        }
        for (const char *id : {"m", "x", "a"}) {
            Node n;
            n.id = NodeId(id);
            n.type = "sqs-queue";
            n.name = id;
            b.addNode(n);
        }
        QCOMPARE(writeProject(a), writeProject(b));
    }

    void scenariosRoundTrip()
    {
        auto loaded = readProjectFile(sourcePath("templates/web-application.nimbus").toStdString(), builtinCatalog());
        QVERIFY(loaded.ok());
        Architecture arch = loaded.architecture;
        QCOMPARE(arch.scenarios().size(), std::size_t(3));
        arch.scenarios().clear();
        QVERIFY(writeProject(arch).find("scenarios:") == std::string::npos); // none, no section
        const NodeId node("browser");
        Scenario full{"peak season", "Holiday peak: three times the traffic", 3, "eu-west-1", false,
                      "arm64", "provisioned", {}};
        full.overrides.push_back({node, "requestsPerMonth", 2500000.0});
        full.overrides.push_back({node, "payloadKb", 0.5});
        full.overrides.push_back({NodeId("gone"), "anything", std::string("on")});
        arch.scenarios().push_back(full);
        Scenario launch;
        launch.name = "launch";
        launch.trafficMultiplier = 0.25;
        arch.scenarios().push_back(launch);
        Scenario number;
        number.name = "123"; // a name that looks like a number
        arch.scenarios().push_back(number);
        const std::string saved = writeProject(arch);
        QVERIFY(saved.find("scenarios:\n  - name: peak season\n") != std::string::npos);
        QVERIFY(saved.find("    trafficMultiplier: 0.25\n") != std::string::npos);
        QVERIFY(saved.find("name: \"123\"") != std::string::npos);
        const auto again = readProject(saved, "saved.nimbus", builtinCatalog());
        QVERIFY2(again.ok(), qPrintable(diagnosticsText(again.diagnostics)));
        QCOMPARE(again.architecture.scenarios().size(), std::size_t(3));
        QVERIFY(again.architecture.scenarios()[0] == full);
        QVERIFY(again.architecture == arch);
        QCOMPARE(writeProject(again.architecture), saved);
        // The override of a missing service is kept, with a warning naming its line.
        bool warned = false;
        for (const Diagnostic &d : again.diagnostics)
            warned |= d.severity == Severity::Warning && d.message.find("'gone'") != std::string::npos && d.line > 0;
        QVERIFY2(warned, qPrintable(diagnosticsText(again.diagnostics)));
    }

    void scenarioProblemsNameTheLine_data()
    {
        QTest::addColumn<QByteArray>("scenarios");
        QTest::addColumn<bool>("error");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("message");
        QTest::newRow("no name") << QByteArray("  - description: x\n") << true << 7 << "missing 'name'";
        QTest::newRow("duplicate") << QByteArray("  - name: a\n  - name: a\n") << true << 8
                                   << "duplicate scenario name 'a' (first used at line 7)";
        QTest::newRow("zero traffic") << QByteArray("  - name: a\n    trafficMultiplier: 0\n") << true << 8
                                      << "must be a number above 0";
        QTest::newRow("text traffic") << QByteArray("  - name: a\n    trafficMultiplier: lots\n") << true << 8
                                      << "trafficMultiplier";
        QTest::newRow("architecture") << QByteArray("  - name: a\n    architecture: sparc\n") << false << 8
                                      << "unknown architecture 'sparc' (arm64 or x86_64)";
        QTest::newRow("capacity") << QByteArray("  - name: a\n    capacityMode: PROVISIONED\n") << false << 8
                                  << "unknown capacityMode 'PROVISIONED' (provisioned or on-demand)";
        QTest::newRow("missing node") << QByteArray("  - name: a\n    overrides:\n      - {node: nope, property: x, value: 1}\n")
                                      << false << 9 << "service 'nope', which the design does not have";
        QTest::newRow("unknown property") << QByteArray("  - name: a\n    overrides:\n      - {node: fn, property: colour, value: 1}\n")
                                          << false << 9 << "has no property 'colour'";
        QTest::newRow("bad value") << QByteArray("  - name: a\n    overrides:\n      - {node: fn, property: memoryMb, value: lots}\n")
                                   << false << 9 << "'lots' is not a valid Memory";
        QTest::newRow("no value") << QByteArray("  - name: a\n    overrides:\n      - {node: fn, property: memoryMb}\n")
                                  << true << 9 << "needs a 'value'";
        QTest::newRow("not a list") << QByteArray("  name: a\n") << true << 7 << "'scenarios'";
    }
    void scenarioProblemsNameTheLine()
    {
        QFETCH(QByteArray, scenarios);
        QFETCH(bool, error);
        QFETCH(int, line);
        QFETCH(QString, message);
        const std::string text = "nimbus: 1\nname: T\nnodes:\n  - {id: fn, type: lambda-function}\nedges: []\n"
                                 "scenarios:\n" + scenarios.toStdString();
        const auto result = readProject(text, "s.nimbus", builtinCatalog());
        QCOMPARE(result.ok(), !error);
        bool found = false;
        for (const Diagnostic &d : result.diagnostics) {
            found |= d.severity == (error ? Severity::Error : Severity::Warning) && d.file == "s.nimbus"
                     && d.line == line && QString::fromStdString(d.message).contains(message);
        }
        QVERIFY2(found, qPrintable(diagnosticsText(result.diagnostics)));
    }

    void numbersBeyondTheLimitNameLineAndColumn_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("value"); // the message points at it
        QTest::addColumn<QString>("message");
        // docs/file-format.md, Limits: every number within ±10^15 and finite.
        const QByteArray fn = "nodes:\n  - id: fn\n    type: lambda-function\n";
        QTest::newRow("integer")
            << fn + "    properties: {memoryMb: 9223372036854775807}\n"
            << QByteArray("9223372036854775807")
            << "property 'memoryMb' of node 'fn' is 9223372036854775807, which is beyond";
        QTest::newRow("number")
            << fn + "    properties:\n      averageDurationMs: 1e308\n"
            << QByteArray("1e308")
            << "property 'averageDurationMs' of node 'fn' is 1e308, which is beyond";
        QTest::newRow("infinity") << fn + "    properties:\n      averageDurationMs: .inf\n"
                                  << QByteArray(".inf") << "is infinite";
        QTest::newRow("nan") << fn + "    properties:\n      averageDurationMs: .nan\n"
                             << QByteArray(".nan") << "not a number";
        QTest::newRow("position") << fn + "    position: [1, -1e16]\n"
                                  << QByteArray("-1e16")
                                  << "a coordinate of 'position' is -1e16, which is beyond";
        QTest::newRow("position off the canvas")
            << fn + "    position: [200000000, 0]\n"
            << QByteArray("200000000")
            << "is 200000000, which is beyond ±100,000,000 (10^8), the largest canvas";
        QTest::newRow("edge") << fn + "  - {id: q, type: sqs-queue}\nedges:\n"
                                      "  - {id: e, from: fn, to: q, kind: async-invoke, "
                                      "properties: {multiplier: 2e15}}\n"
                              << QByteArray("2e15") << "property 'multiplier' of edge 'e' is 2e15";
        QTest::newRow("scenario traffic")
            << fn + "scenarios:\n  - name: a\n    trafficMultiplier: 1e300\n"
            << QByteArray("1e300") << "'trafficMultiplier' is 1e300, which is beyond";
        QTest::newRow("override") << fn + "scenarios:\n  - name: a\n    overrides:\n"
                                          "      - {node: fn, property: memoryMb, value: -.inf}\n"
                                  << QByteArray("-.inf")
                                  << "the override of Memory is -.inf, which is infinite";
    }
    void numbersBeyondTheLimitNameLineAndColumn()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, value);
        QFETCH(QString, message);
        const QByteArray text = "nimbus: 1\nname: T\n" + body;
        const qsizetype at = text.indexOf(value);
        const int line = int(text.left(at).count('\n')) + 1;
        const int column = int(at - text.lastIndexOf('\n', at - 1));
        const auto result = readProject(text.toStdString(), "n.nimbus", builtinCatalog());
        QVERIFY(!result.ok());
        bool found = false;
        for (const Diagnostic &d : result.diagnostics)
            found |= d.severity == Severity::Error && d.line == line && d.column == column &&
                     QString::fromStdString(d.message).contains(message);
        QVERIFY2(found, qPrintable(QStringLiteral("at %1:%2\n").arg(line).arg(column) +
                                   diagnosticsText(result.diagnostics)));
    }

    void theLimitsThemselvesLoadAndRoundTrip()
    {
        const std::string text =
            "nimbus: 1\nname: T\nnodes:\n  - id: fn\n    type: lambda-function\n"
            "    position: [-100000000, 1e8]\n"
            "    properties: {memoryMb: 1000000000000000, averageDurationMs: -1e15, "
            "timeoutSeconds: 0}\n"
            "edges: []\n";
        const auto result = readProject(text, "n.nimbus", builtinCatalog());
        QVERIFY2(result.ok(), qPrintable(diagnosticsText(result.diagnostics)));
        const Node &fn = result.architecture.nodes().front();
        QCOMPARE(std::get<std::int64_t>(fn.properties.at("memoryMb")),
                 std::int64_t(1'000'000'000'000'000));
        QCOMPARE(fn.position.x, -1e8);
        const std::string written = writeProject(result.architecture);
        QVERIFY(readProject(written, "again.nimbus", builtinCatalog()).ok());
    }

    void malformedFilesReportFileAndLine_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad yaml") << "bad-yaml" << 7 << "invalid YAML";
        QTest::newRow("no header") << "no-header" << 1 << "'nimbus: 1' format header is missing";
        QTest::newRow("newer version") << "newer-version" << 1 << "written by a newer Nimbus";
        QTest::newRow("unknown type") << "unknown-type" << 5
                                      << "unknown service type 'lamda-function' (did you mean "
                                         "'lambda-function'?)";
        QTest::newRow("missing node") << "missing-node" << 10 << "missing node 'table'";
        QTest::newRow("duplicate id") << "duplicate-id" << 7
                                      << "duplicate id 'fn' (first used at line 4)";
        QTest::newRow("wrong property type") << "wrong-property-type" << 8
                                             << "'memoryMb' of node 'fn' must be a whole number, "
                                                "not 'lots'";
        QTest::newRow("duplicate key") << "duplicate-key" << 4 << "duplicate key 'name'";
        QTest::newRow("alias bomb") << "alias-bomb" << 0 << "alias bomb";
        QTest::newRow("truncated") << "truncated" << 0 << "invalid YAML";
        QTest::newRow("not a map") << "not-a-map" << 1 << "must be a map";
        QTest::newRow("bad position") << "bad-position" << 6 << "'position' must be two numbers";
        QTest::newRow("unknown kind") << "unknown-kind" << 12 << "unknown connection kind 'teleport'";
        QTest::newRow("unknown group") << "unknown-group" << 6 << "unknown group 'backend'";
        QTest::newRow("bad id") << "bad-id" << 4 << "id 'my function' may use only";
        QTest::newRow("empty") << "empty" << 0 << "file is empty";
        QTest::newRow("missing nodes") << "missing-nodes" << 1 << "missing 'nodes': a design lists its services";
        QTest::newRow("missing file") << "does-not-exist" << 0 << "cannot open the file";
    }
    void malformedFilesReportFileAndLine()
    {
        QFETCH(QString, file);
        QFETCH(int, line);
        QFETCH(QString, message);
        const QString path = sourcePath("tests/data/malformed/" + file + ".nimbus");
        const auto result = readProjectFile(path.toStdString(), builtinCatalog());
        QVERIFY(!result.ok());
        const QString all = diagnosticsText(result.diagnostics);
        bool found = false;
        for (const Diagnostic &d : result.diagnostics) {
            if (d.severity == Severity::Error && QString::fromStdString(d.file) == path
                && (line == 0 || d.line == line)
                && QString::fromStdString(d.message).contains(message))
                found = true;
        }
        QVERIFY2(found, qPrintable(all));
    }

    void hugeFileIsRefusedBeforeParsing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("huge.nimbus");
        {
            std::ofstream out(path.toStdString());
            out << "nimbus: 1\nname: big\n";
            const std::string line = "# " + std::string(1022, 'x') + "\n";
            for (int i = 0; i < 65 * 1024; ++i)
                out << line;
        }
        const auto result = readProjectFile(path.toStdString(), builtinCatalog());
        QVERIFY(!result.ok());
        QVERIFY(diagnosticsText(result.diagnostics).contains("more than the"));
    }

    void binaryFileIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("binary.nimbus");
        {
            std::ofstream out(path.toStdString(), std::ios::binary);
            const char bytes[] = {'\x89', 'P', 'N', 'G', '\0', '\x01', '\x02'};
            out.write(bytes, sizeof bytes);
        }
        const auto result = readProjectFile(path.toStdString(), builtinCatalog());
        QVERIFY(!result.ok());
    }

    void atomicSaveReplacesTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("design.nimbus");
        std::string error;
        QVERIFY(writeFileAtomically(path.toStdString(), "old\n", error));
        QVERIFY(writeFileAtomically(path.toStdString(), "new content\n", error));
        QCOMPARE(readFile(path), std::string("new content\n"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
    }

    void atomicSaveKeepsTheOldFileWhenTheWriteFails()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("design.nimbus");
        std::string error;
        QVERIFY(writeFileAtomically(path.toStdString(), "precious design\n", error));

        // Make writes beyond 64 bytes fail, as a full disk would (works for root too).
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit original{};
        getrlimit(RLIMIT_FSIZE, &original);
        rlimit small = original;
        small.rlim_cur = 64;
        setrlimit(RLIMIT_FSIZE, &small);
        const bool saved = writeFileAtomically(path.toStdString(), std::string(4096, 'x'), error);
        setrlimit(RLIMIT_FSIZE, &original);

        QVERIFY(!saved);
        QVERIFY2(QString::fromStdString(error).contains("cannot write"), error.c_str());
        QCOMPARE(readFile(path), std::string("precious design\n"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
    }

    void saveIntoAMissingFolderFails()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("no/such/folder/design.nimbus");
        std::string error;
        QVERIFY(!saveProjectFile(Architecture(), path.toStdString(), error));
        QVERIFY(!error.empty());
        QVERIFY(!QFile::exists(path));
    }

    void saveKeepsPermissions()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("design.nimbus");
        std::string error;
        QVERIFY(writeFileAtomically(path.toStdString(), "a\n", error));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        QVERIFY(writeFileAtomically(path.toStdString(), "b\n", error));
        QCOMPARE(QFile::permissions(path) & (QFile::ReadGroup | QFile::ReadOther),
                 QFileDevice::Permissions());
    }
};

QTEST_GUILESS_MAIN(TestIo)
#include "tst_io.moc"
