// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// The limits of docs/file-format.md ("Limits"), read from model/core/limits.h as the docs
// are: a design or template one over a limit is refused with a message naming the file,
// the line and the limit; one at the limit loads.
#include "common/testdata.h"

#include <model/core/limits.h>
#include <model/core/propertyvalue.h>
#include <model/iac/importer.h>
#include <model/io/projectfile.h>
#include <model/io/yamlfastreader.h>
#include <model/io/yamlreader.h>

#include <QTest>

#include <string>

using namespace nimbus::model;
using nimbus::tests::builtinCatalog;

namespace {

const char *const kHeader = "nimbus: 1\nname: Limits\n";

/// `count` entries of a list, one per line, "  - <entry with {i}>".
std::string entries(std::size_t count, const std::string &before, const std::string &after)
{
    std::string text;
    text.reserve(count * (before.size() + after.size() + 16));
    for (std::size_t i = 0; i < count; ++i)
        text += "  - " + before + std::to_string(i) + after + "\n";
    return text;
}

/// The design with `section` holding `count` entries, the others empty.
std::string designWith(const std::string &section, std::size_t count)
{
    std::string text = kHeader;
    const std::string list = section + ":\n";
    if (section == "groups")
        text += list + entries(count, "{id: g", ", name: G}");
    if (section == "nodes")
        text += list + entries(count, "{id: n", ", type: client}");
    else
        text += "nodes: [{id: a, type: client}, {id: b, type: client}]\n";
    if (section == "edges")
        text += list + entries(count, "{id: e", ", from: a, to: b, kind: sync-invoke}");
    else
        text += "edges: []\n";
    if (section == "notes")
        text += list + entries(count, "{id: t", ", text: T}");
    if (section == "scenarios")
        text += list + entries(count, "{name: s", "}");
    return text;
}

/// The line of the first entry of `section` in designWith(section, ...).
int firstEntryLine(const std::string &section)
{
    return section == "groups" || section == "nodes" ? 4 : 5 + (section == "notes" || section == "scenarios");
}

bool hasError(const Diagnostics &diagnostics, int line, const std::string &text)
{
    for (const Diagnostic &d : diagnostics) {
        if (d.severity == Severity::Error && (line == 0 || d.line == line) && d.message.find(text) != std::string::npos)
            return true;
    }
    return false;
}

std::string allOf(const Diagnostics &diagnostics)
{
    std::string text;
    for (const Diagnostic &d : diagnostics)
        text += d.toString() + "\n";
    return text;
}

} // namespace

class TestLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void limitsLeaveRoomForTheBenchmark()
    {
        // The 2,000-service benchmark design has 4,000 connections; every count limit is
        // at least five times what it needs.
        QVERIFY(kMaxNodes >= 5 * 2'000);
        QVERIFY(kMaxEdges >= 5 * 4'000);
        QVERIFY(kMaxTemplateResources >= 5 * 2'000);
        QCOMPARE(kMaxIdLength, std::size_t(255));
    }

    void countOverTheLimitIsRefusedWhileReading_data()
    {
        QTest::addColumn<QString>("section");
        QTest::addColumn<qulonglong>("limit");
        QTest::addColumn<QString>("what");
        QTest::newRow("nodes") << "nodes" << qulonglong(kMaxNodes) << "services";
        QTest::newRow("edges") << "edges" << qulonglong(kMaxEdges) << "connections";
        QTest::newRow("groups") << "groups" << qulonglong(kMaxGroups) << "groups";
        QTest::newRow("notes") << "notes" << qulonglong(kMaxNotes) << "notes";
        QTest::newRow("scenarios") << "scenarios" << qulonglong(kMaxScenarios) << "scenarios";
    }
    void countOverTheLimitIsRefusedWhileReading()
    {
        QFETCH(QString, section);
        QFETCH(qulonglong, limit);
        QFETCH(QString, what);
        const std::string key = section.toStdString();
        const ProjectLoadResult result = readProject(designWith(key, limit + 1), "big.nimbus", builtinCatalog());
        QVERIFY(!result.ok());
        // One error, at the entry one over the limit, before anything of the design is read.
        QCOMPARE(result.diagnostics.size(), std::size_t(1));
        const std::string expected = "more than " + formatAmount(double(limit)) + " " + what.toStdString()
                                     + " under '" + key + "'";
        QVERIFY2(hasError(result.diagnostics, firstEntryLine(key) + int(limit), expected),
                 allOf(result.diagnostics).c_str());
        QVERIFY(result.architecture.nodes().empty());
    }

    void countAtTheLimitLoads_data()
    {
        QTest::addColumn<QString>("section");
        QTest::addColumn<qulonglong>("limit");
        QTest::newRow("groups") << "groups" << qulonglong(kMaxGroups);
        QTest::newRow("notes") << "notes" << qulonglong(kMaxNotes);
        QTest::newRow("scenarios") << "scenarios" << qulonglong(kMaxScenarios);
    }
    void countAtTheLimitLoads()
    {
        QFETCH(QString, section);
        QFETCH(qulonglong, limit);
        const ProjectLoadResult result =
            readProject(designWith(section.toStdString(), limit), "full.nimbus", builtinCatalog());
        QVERIFY2(result.ok(), allOf(result.diagnostics).c_str());
    }

    void designOf200000ServicesIsRefusedByTheCountLimit()
    {
        // In the documented format, every node with a position and properties: refused at
        // the first service over the limit, not as an alias bomb after reading it all.
        std::string text = std::string(kHeader) + "nodes:\n";
        for (int i = 0; i < 200'000; ++i)
            text += "  - id: fn-" + std::to_string(i) + "\n    type: lambda-function\n    name: Function "
                    + std::to_string(i) + "\n    position: [" + std::to_string(i % 60 * 200) + ", "
                    + std::to_string(i / 60 * 110) + "]\n    properties:\n      memoryMb: 256\n";
        text += "edges: []\n";
        const ProjectLoadResult result = readProject(text, "huge.nimbus", builtinCatalog());
        QVERIFY(!result.ok());
        QCOMPARE(result.diagnostics.size(), std::size_t(1));
        const int line = 4 + 6 * int(kMaxNodes);
        QVERIFY2(hasError(result.diagnostics, line, "more than " + formatAmount(double(kMaxNodes)) + " services"),
                 allOf(result.diagnostics).c_str());
        QVERIFY(result.diagnostics.front().message.find("alias") == std::string::npos);
        QCOMPARE(result.diagnostics.front().toString().rfind("huge.nimbus:" + std::to_string(line) + ":5: error:", 0),
                 std::size_t(0));
    }

    void longTextsAreRefused_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<qulonglong>("limit");
        QTest::addColumn<int>("line");
        QTest::newRow("design name") << "name" << qulonglong(kMaxNameLength) << 2;
        QTest::newRow("description") << "description" << qulonglong(kMaxDescriptionLength) << 3;
        QTest::newRow("node name") << "node name" << qulonglong(kMaxNameLength) << 5;
        QTest::newRow("group name") << "group name" << qulonglong(kMaxNameLength) << 5;
        QTest::newRow("note text") << "note text" << qulonglong(kMaxNoteLength) << 8;
        QTest::newRow("property text") << "property" << qulonglong(kMaxPropertyTextLength) << 6;
        QTest::newRow("scenario name") << "scenario name" << qulonglong(kMaxNameLength) << 8;
        QTest::newRow("scenario description") << "scenario description" << qulonglong(kMaxDescriptionLength)
                                              << 8;
    }
    void longTextsAreRefused()
    {
        QFETCH(QString, field);
        QFETCH(qulonglong, limit);
        QFETCH(int, line);
        // Multi-byte characters: the limits count characters, not bytes.
        std::string atLimit;
        for (qulonglong i = 0; i < limit; ++i)
            atLimit += "é";
        for (const bool over : {false, true}) {
            const std::string value = "\"" + atLimit + (over ? "x" : "") + "\"";
            const ProjectLoadResult result = readProject(designWithText(field, value), "t.nimbus", builtinCatalog());
            QCOMPARE(result.ok(), !over);
            if (over)
                QVERIFY2(hasError(result.diagnostics, line, "is " + formatAmount(double(limit + 1))
                                                                + " characters long; at most "
                                                                + formatAmount(double(limit)) + " are allowed"),
                         allOf(result.diagnostics).c_str());
        }
    }

    void missingNodesOrEdgesIsAnError_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("no nodes") << "nimbus: 1\nname: N\nedges: []\n" << "missing 'nodes'";
        QTest::newRow("no edges") << "nimbus: 1\nname: N\nnodes: []\n" << "missing 'edges'";
    }
    void missingNodesOrEdgesIsAnError()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        const ProjectLoadResult result = readProject(text.toStdString(), "m.nimbus", builtinCatalog());
        QVERIFY(!result.ok());
        QVERIFY2(hasError(result.diagnostics, 1, message.toStdString()), allOf(result.diagnostics).c_str());
        QVERIFY(readProject("nimbus: 1\nnodes: []\nedges: []\n", "e.nimbus", builtinCatalog()).ok());
    }

    void bothParsersRefuseTheSameEntry_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("block list") << "a: 1\nlist:\n  - x\n  - y\n  - z\n";
        QTest::newRow("flow list") << "a: 1\nlist: [x, y, z]\n";
        QTest::newRow("block map") << "a: 1\nlist:\n  x: 1\n  y: 2\n  z: 3\n";
        QTest::newRow("flow map") << "{a: 1, list: {x: 1, y: 2, z: 3}}\n";
        QTest::newRow("nested") << "a:\n  b:\n    list: [x, y, z]\n";
    }
    void bothParsersRefuseTheSameEntry()
    {
        QFETCH(QString, text);
        YamlParseOptions options;
        options.sectionLimits = {{{"list"}, 2, "things"}, {{"a", "b", "list"}, 2, "things"}};
        const YamlParseResult slow = parseYamlWithYamlCpp(text.toStdString(), "l.yaml", options);
        const auto fast = parseYamlFast(text.toStdString(), "l.yaml", options);
        QVERIFY(fast.has_value());
        QVERIFY(!slow.ok());
        QCOMPARE(fast->diagnostics.size(), slow.diagnostics.size());
        QCOMPARE(fast->diagnostics.front().toString(), slow.diagnostics.front().toString());
        QVERIFY2(slow.diagnostics.front().message.find("more than 2 things under '") == 0,
                 slow.diagnostics.front().message.c_str());
        // A list elsewhere is not limited.
        options.sectionLimits = {{{"other"}, 2, "things"}};
        QVERIFY(parseYaml(text.toStdString(), "l.yaml", options).ok());
    }

    void templateLimitsAreCheckedOnImport()
    {
        // Notes of Metadata.Nimbus: refused while reading, at the note over the limit.
        std::string text = "Resources:\n  Q: {Type: AWS::SQS::Queue}\nMetadata:\n  Nimbus:\n    Notes:\n";
        for (std::size_t i = 0; i <= kMaxNotes; ++i)
            text += "      - {Text: note}\n";
        const auto notes = nimbus::model::iac::importTemplate(text, "n.yaml", builtinCatalog());
        QVERIFY(!notes.ok());
        QVERIFY2(hasError(notes.diagnostics, 6 + int(kMaxNotes),
                          "more than " + formatAmount(double(kMaxNotes)) + " notes under 'Metadata.Nimbus.Notes'"),
                 allOf(notes.diagnostics).c_str());

        // The template's Description becomes the design's: bounded like it.
        const std::string longDescription = "Description: " + std::string(kMaxDescriptionLength + 1, 'd')
                                            + "\nResources:\n  Q: {Type: AWS::SQS::Queue}\n";
        const auto described = nimbus::model::iac::importTemplate(longDescription, "d.yaml", builtinCatalog());
        QVERIFY(!described.ok());
        QVERIFY2(hasError(described.diagnostics, 1, "at most " + formatAmount(double(kMaxDescriptionLength))),
                 allOf(described.diagnostics).c_str());

        // A name in Metadata.Nimbus that is too long is left out with a warning.
        const std::string named = "Resources:\n  Q: {Type: AWS::SQS::Queue}\nMetadata:\n  Nimbus:\n    Name: "
                                  + std::string(kMaxNameLength + 1, 'n') + "\n    Services:\n      Q: {Type: sqs-queue, Name: "
                                  + std::string(kMaxNameLength + 1, 'q') + "}\n";
        const auto result = nimbus::model::iac::importTemplate(named, "named.yaml", builtinCatalog());
        QVERIFY2(result.ok(), allOf(result.diagnostics).c_str());
        QCOMPARE(result.design.name(), std::string("named"));
        QCOMPARE(result.design.node(NodeId("Q"))->name, std::string("Q"));
        QVERIFY(allOf(result.diagnostics).find("at most " + formatAmount(double(kMaxNameLength))) != std::string::npos);
    }

private:
    /// A small design with `value` (a YAML scalar) in the field named by `field`.
    static std::string designWithText(const QString &field, const std::string &value)
    {
        const auto in = [&](const char *name) { return field == QLatin1String(name) ? value : std::string("x"); };
        std::string text = "nimbus: 1\nname: " + in("name") + "\ndescription: " + in("description") + "\n";
        if (field == QLatin1String("group name"))
            text += "groups:\n  - {id: g, name: " + value + "}\n";
        text += "nodes:\n  - {id: fn, type: lambda-function, name: " + in("node name") + "}\n";
        if (field == QLatin1String("property"))
            text += "  - {id: r, type: eventbridge-rule, properties: {eventPattern: " + value + "}}\n";
        text += "edges: []\n";
        if (field == QLatin1String("note text"))
            text += "notes:\n  - {id: t, text: " + value + "}\n";
        if (field.startsWith(QLatin1String("scenario")))
            text += "scenarios:\n  - {name: " + in("scenario name") + ", description: " + in("scenario description")
                    + "}\n";
        return text;
    }
};

QTEST_GUILESS_MAIN(TestLimits)
#include "tst_limits.moc"
