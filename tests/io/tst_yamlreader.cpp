// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// The fast YAML path must give exactly what yaml-cpp gives (trees with every position, and
// warnings) whenever it claims a file, and decline everything else. Checked on the project's
// own files, templates exported from them, the serverless-patterns corpus when it is there,
// hand-written edge cases and seeded mutations of all of these.
#include "common/testdata.h"

#include <app/cli/builtincatalog.h>
#include <model/iac/exporter.h>
#include <model/io/projectfile.h>
#include <model/io/yamlfastreader.h>
#include <model/io/yamlreader.h>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTest>

#include <map>
#include <random>

using namespace nimbus::model;
using nimbus::tests::builtinCatalog;
using nimbus::tests::sourcePath;

namespace {

struct Sample
{
    QString name;
    std::string text;
};

std::string readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll().toStdString() : std::string();
}

std::vector<Sample> filesUnder(const QString &folder, const QStringList &patterns, bool recursive)
{
    std::vector<Sample> samples;
    QDirIterator it(folder, patterns, QDir::Files,
                    recursive ? QDirIterator::Subdirectories : QDirIterator::NoIteratorFlags);
    while (it.hasNext()) {
        const QString path = it.next();
        samples.push_back({QDir(sourcePath(QString())).relativeFilePath(path), readFile(path)});
    }
    std::sort(samples.begin(), samples.end(),
              [](const Sample &a, const Sample &b) { return a.name < b.name; });
    return samples;
}

QString describe(const Tree &t)
{
    return QStringLiteral("kind %1 text '%2' tag '%3' quoted %4 flow %5 at %6:%7")
        .arg(int(t.kind))
        .arg(QString::fromStdString(t.scalar), QString::fromStdString(t.tag))
        .arg(t.quoted)
        .arg(t.flow)
        .arg(t.line)
        .arg(t.column);
}

/// The first difference between two trees, positions included; empty when they are equal.
QString difference(const Tree &fast, const Tree &full, const QString &path = QStringLiteral("$"))
{
    if (fast.kind != full.kind || fast.scalar != full.scalar || fast.tag != full.tag ||
        fast.quoted != full.quoted || fast.flow != full.flow || fast.line != full.line ||
        fast.column != full.column || fast.items.size() != full.items.size() ||
        fast.entries.size() != full.entries.size())
        return path + QStringLiteral(": fast ") + describe(fast) + QStringLiteral(", yaml-cpp ") +
               describe(full);
    for (std::size_t i = 0; i < fast.items.size(); ++i) {
        const QString d =
            difference(fast.items[i], full.items[i], path + QStringLiteral("[%1]").arg(i));
        if (!d.isEmpty())
            return d;
    }
    for (std::size_t i = 0; i < fast.entries.size(); ++i) {
        const QString key = QString::fromStdString(fast.entries[i].first);
        if (fast.entries[i].first != full.entries[i].first)
            return path + QStringLiteral(": key '%1' vs '%2'")
                              .arg(key, QString::fromStdString(full.entries[i].first));
        const QString d =
            difference(fast.entries[i].second, full.entries[i].second, path + '.' + key);
        if (!d.isEmpty())
            return d;
    }
    return {};
}

QString diagnosticsText(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines << QString::fromStdString(d.toString());
    return lines.join('\n');
}

/// How one text went: the fast path took it (and agreed), declined it, or disagreed.
struct Outcome
{
    bool fast = false;
    bool fullOk = false;
    QString why;      ///< the fast path's reason for declining
    QString mismatch; ///< non-empty when the fast path claimed the text and got it wrong
};

Outcome compare(const std::string &text, const YamlParseOptions &options = {})
{
    Outcome outcome;
    std::string why;
    const auto fast = parseYamlFast(text, "x.yaml", options, &why);
    const YamlParseResult full = parseYamlWithYamlCpp(text, "x.yaml", options);
    outcome.fullOk = full.ok();
    outcome.fast = fast.has_value();
    outcome.why = QString::fromStdString(why);
    if (!fast)
        return outcome;
    if (!full.ok())
        outcome.mismatch = QStringLiteral("fast path accepted what yaml-cpp rejects: ") +
                           diagnosticsText(full.diagnostics);
    else if (const QString d = difference(fast->tree, full.tree); !d.isEmpty())
        outcome.mismatch = d;
    else if (diagnosticsText(fast->diagnostics) != diagnosticsText(full.diagnostics))
        outcome.mismatch = QStringLiteral("diagnostics differ:\n") +
                           diagnosticsText(fast->diagnostics) + QStringLiteral("\nyaml-cpp:\n") +
                           diagnosticsText(full.diagnostics);
    return outcome;
}

/// Compares every sample in both duplicate-key modes; returns how many took the fast path
/// with the default options, and lists the others and any disagreement.
int compareAll(const std::vector<Sample> &samples, QStringList &declined, QStringList &mismatches)
{
    int fast = 0;
    for (const Sample &sample : samples) {
        for (bool duplicatesAreErrors : {true, false}) {
            YamlParseOptions options;
            options.duplicateKeysAreErrors = duplicatesAreErrors;
            const Outcome outcome = compare(sample.text, options);
            if (!outcome.mismatch.isEmpty())
                mismatches << sample.name + QStringLiteral(": ") + outcome.mismatch;
            if (!duplicatesAreErrors)
                continue;
            if (outcome.fast)
                ++fast;
            else
                declined << sample.name + QStringLiteral(" (") + outcome.why +
                                (outcome.fullOk ? QStringLiteral(")")
                                                : QStringLiteral("; yaml-cpp rejects it too)"));
        }
    }
    return fast;
}

/// Cuts, deletes, inserts and duplicates text at seeded random places.
std::string mutate(const std::string &text, std::mt19937 &rng)
{
    static const char *const inserts[] = {" ",  "\n", ":",    "- ",  "\"",   "'",     "#",
                                          "[",  "]",  "{",    "}",   ",",    "!",     "  ",
                                          "|",  ">",  "\t",   "&a ", "*a",   "? ",    "---\n",
                                          "\\", "~",  "null", "-",   "\n  ", "!Ref ", "|-\n"};
    std::string m = text;
    if (m.empty())
        return m;
    const std::size_t pos = rng() % m.size();
    switch (rng() % 6) {
    case 0:
        m.resize(pos);
        break;
    case 1:
        m.erase(pos, 1 + rng() % 5);
        break;
    case 2:
        m.insert(pos, inserts[rng() % std::size(inserts)]);
        break;
    case 3:
        m[pos] = " \n:-\"'#[]{},!|>\tx"[rng() % 17];
        break;
    case 4: {
        const std::size_t from = rng() % m.size();
        m.insert(pos, m.substr(from, 1 + rng() % 40));
        break;
    }
    default: {
        const std::size_t lineStart = m.rfind('\n', pos);
        m.insert(lineStart == std::string::npos ? 0 : lineStart + 1,
                 std::string(1 + rng() % 3, ' '));
    }
    }
    return m;
}

std::vector<Sample> projectSamples()
{
    std::vector<Sample> samples = filesUnder(
        sourcePath(QStringLiteral("tests/data")),
        {QStringLiteral("*.yaml"), QStringLiteral("*.json"), QStringLiteral("*.nimbus")}, true);
    // yaml-cpp needs seconds to expand the alias bomb in a debug build; tst_io covers it.
    std::erase_if(samples, [](const Sample &s) {
        return s.name.endsWith(QStringLiteral("alias-bomb.nimbus"));
    });
    for (auto [folder, pattern] :
         {std::pair{"templates", "*.nimbus"}, std::pair{"resources/catalog", "*.yaml"},
          std::pair{"resources/pricing", "*.yaml"}, std::pair{"resources/sam", "*.json"}}) {
        for (Sample &s : filesUnder(sourcePath(QString::fromLatin1(folder)),
                                    {QString::fromLatin1(pattern)}, false))
            samples.push_back(std::move(s));
    }
    return samples;
}

/// Every design in templates/ and tests/data that loads, exported in both formats.
std::vector<Sample> exportedSamples()
{
    std::vector<Sample> samples;
    for (const Sample &project : projectSamples()) {
        if (!project.name.endsWith(QStringLiteral(".nimbus")))
            continue;
        const ProjectLoadResult loaded =
            readProject(project.text, project.name.toStdString(), builtinCatalog());
        if (!loaded.ok())
            continue;
        for (auto format : {iac::TemplateFormat::Sam, iac::TemplateFormat::CloudFormation}) {
            iac::ExportOptions options;
            options.format = format;
            options.fileStem = "t";
            const auto result = iac::exportDesign(loaded.architecture, builtinCatalog(),
                                                  nimbus::app::builtinPolicyTemplates(), options);
            for (const auto &file : result.files)
                samples.push_back(
                    {project.name + QStringLiteral(" -> ") + QString::fromStdString(file.fileName),
                     file.text});
        }
    }
    return samples;
}

QString corpusFolder()
{
    return sourcePath(QStringLiteral("../shared/corpus/serverless-patterns"));
}

} // namespace

class TestYamlReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void edgeCasesAgree_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("fast"); // whether the fast path must take it
        const auto row = [](const char *name, const char *text, bool fast) {
            QTest::newRow(name) << QString::fromUtf8(text) << fast;
        };
        row("tags", "a: !Ref x\nb: !!str 1\nc: !Sub \"s\"\nd: !If\n  - c\n  - !GetAtt A.Arn\n",
            true);
        row("tag then empty", "a: !Ref\nb: [!GetAZs ]\n", true);
        row("tag on its own line", "a:\n  !Sub\n    - x\n    - {y: !Ref z}\nb:\n  !Ref c\n", true);
        row("tag ends its line", "a: !Sub\n  \"x\"\nb:\n  !Ref\n   c d\nc: !If\n  [x, y]\n", true);
        row("nulls", "a:\nb: ~\nc: null\nd: 'null'\ne:\n  - \n  -\n", true);
        row("null at end", "a:\n  b:\n    c:", true);
        row("null at end after spaces", "a:\n  b:\n    c:\n     ", true);
        row("null at end of list", "a:\n  -\n  ", true);
        row("list at key indentation", "a:\n- 1\n- 2\nb: 3\n", true);
        row("compact maps", "- a: 1\n  b: [x, y]\n- - p\n  - q\n-   c: d\n", true);
        row("plain folding", "a: one\n  two\n\n  three # c\nb:\n  four\n  five\n", true);
        row("quoted folding", "a: \"x \\\n  y\\ty\n\n  z\"\nb: 'it''s\n  here'\n", true);
        row("escapes", "a: \"\\/ \\N \\_ \\L \\e \\0 \\x41 \\u00e9 \\U0001F600 \\ \"\n", true);
        row("bad escape", "a: \"\\q\"\n", false);
        row("literal", "a: |\n  one\n    two\n\n  three\n\nb: |-\n  x\n\nc: |+\n  y\n\n", true);
        row("folded", "a: >\n  one\n  two\n\n   more\n  back\nb: >-\n  x\n  y\n", true);
        row("indentation indicator", "a: |2\n   x\n", false);
        row("tagged block in list", "- !Sub |\n    text\n- !Sub |\n  x\n", false);
        row("flow", "a: [1, [2, {b: c, 'd': \"e\"}], ]\nb: {x: , y: 1,\n  z: [a,\n b]}\n", true);
        row("compact map in flow list", "a: !Sub [\"${X}\", X: !Ref Y]\n", true);
        row("json", "{\n\t\"a\": [1, -2, true, null],\n\t\"b\": {\"c\":\"d\"}\n}\n", true);
        row("bom and markers", "\xEF\xBB\xBF# c\n---\na: 1\n...\n", true);
        row("only comments", "# nothing\n\n  # here\n", true);
        row("empty after marker", "---\n", false);
        row("two documents", "a: 1\n---\nb: 2\n", false);
        row("directive", "%YAML 1.2\n---\na: 1\n", false);
        row("anchors", "a: &x 1\nb: *x\n", false);
        row("merge key", "a: {x: 1}\nb:\n  <<: {y: 2}\n", false);
        row("complex key", "? a\n: b\n", false);
        row("tab indentation", "a:\n\tb: 1\n", false);
        row("crlf", "a: 1\r\nb: |\r\n  x\r\n\r\n  y\r\nc: \"p\r\n  q\"\r\n", true);
        row("lone carriage return", "a: 1\rb: 2\n", false);
        row("duplicate key", "a: 1\na: 2\n", false);
        row("key and value", "a: b: c\n", false);
        row("unterminated", "a: \"x", false);
        row("quote closed by the end of input", "a: \"x\n", true); // a yaml-cpp quirk
        row("utf-8 columns", "\xC3\xA9: x\n\xE2\x82\xAC\xE2\x82\xAC: [y, z]\n", true);
        row("comments", "# a\na: 1 # b\nb: \"x\"# c\nc: [1]#d\n  # e\nd: x#y\n", true);
        // Found by fuzz_yaml_differential (tests/fuzz/regressions/fuzz_yaml_differential/
        // eot-in-block-scalar): yaml-cpp ends its input at a 0x04 byte, the fast path did not.
        row("0x04 in a folded scalar", "r: >\n \x04", false);
        row("0x04 in a literal scalar", "r: |\n x\x04\n", false);
        row("0x04 in a plain scalar", "r: x\x04\n", false);
    }

    void edgeCasesAgree()
    {
        QFETCH(QString, text);
        QFETCH(bool, fast);
        const Outcome outcome = compare(text.toStdString());
        QVERIFY2(outcome.mismatch.isEmpty(), qPrintable(outcome.mismatch));
        QVERIFY2(outcome.fast == fast, qPrintable(outcome.why));
    }

    void duplicateKeysWarnLikeYamlCpp()
    {
        YamlParseOptions options;
        options.duplicateKeysAreErrors = false;
        const std::string text = "a: 1\nb:\n  c: 1\n  c: 2\na: 3\nd: {e: 1, e: 2}\n";
        const Outcome outcome = compare(text, options);
        QVERIFY2(outcome.fast, qPrintable(outcome.why));
        QVERIFY2(outcome.mismatch.isEmpty(), qPrintable(outcome.mismatch));
        const YamlParseResult result = parseYaml(text, "x.yaml", options);
        QCOMPARE(result.diagnostics.size(), std::size_t(3));
        QCOMPARE(result.diagnostics[1].message,
                 std::string("duplicate key 'a' (first at line 1); the last value is used"));
        QCOMPARE(result.tree.find("a")->scalar, std::string("3"));

        // Large maps look keys up in a hash instead of a list.
        std::string large;
        for (int i = 0; i < 40; ++i)
            large += "k" + std::to_string(i % 25) + ": " + std::to_string(i) + "\n";
        const Outcome largeOutcome = compare(large, options);
        QVERIFY2(largeOutcome.fast, qPrintable(largeOutcome.why));
        QVERIFY2(largeOutcome.mismatch.isEmpty(), qPrintable(largeOutcome.mismatch));
        QCOMPARE(parseYaml(large, "x.yaml", options).diagnostics.size(), std::size_t(15));
    }

    void limitsFallBack()
    {
        YamlParseOptions options;
        options.maxDepth = 3;
        QVERIFY(!parseYamlFast("a:\n  b:\n    c:\n      d: 1\n", "x.yaml", options));
        QVERIFY(!parseYaml("a:\n  b:\n    c:\n      d: 1\n", "x.yaml", options).ok());
        options = {};
        options.maxNodes = 4;
        QVERIFY(!parseYamlFast("[1, 2, 3, 4]", "x.yaml", options));
        QVERIFY(parseYamlFast("[1, 2, 3]", "x.yaml", options));
        options = {};
        options.maxBytes = 4;
        QVERIFY(!parseYamlFast("a: 12", "x.yaml", options));
        QVERIFY(!parseYamlFast(std::string("a: \0", 4), "x.yaml"));
    }

    void projectFilesTakeTheFastPath()
    {
        QStringList declined;
        QStringList mismatches;
        const std::vector<Sample> samples = projectSamples();
        QVERIFY(samples.size() > 40);
        const int fast = compareAll(samples, declined, mismatches);
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join('\n')));
        qInfo("project files: %d of %zu on the fast path", fast, samples.size());
        for (const QString &d : declined) {
            // Only broken fixtures may fall back: those that yaml-cpp rejects as well.
            QVERIFY2(d.contains(QStringLiteral("yaml-cpp rejects it too")) ||
                         d.startsWith(QStringLiteral("tests/data/malformed/")),
                     qPrintable(d));
        }
    }

    void exportedTemplatesTakeTheFastPath()
    {
        QStringList declined;
        QStringList mismatches;
        const std::vector<Sample> samples = exportedSamples();
        QVERIFY(samples.size() >= 10);
        const int fast = compareAll(samples, declined, mismatches);
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join('\n')));
        qInfo("exported templates: %d of %zu on the fast path", fast, samples.size());
        QVERIFY2(declined.isEmpty(), qPrintable(declined.join('\n')));
    }

    void writtenProjectTakesTheFastPath()
    {
        // A project file exactly as Nimbus writes it.
        const std::string sample =
            readFile(sourcePath(QStringLiteral("templates/web-application.nimbus")));
        const ProjectLoadResult loaded =
            readProject(sample, "web-application.nimbus", builtinCatalog());
        QVERIFY(loaded.ok());
        std::string text = writeProject(loaded.architecture);
        const Outcome outcome = compare(text);
        QVERIFY2(outcome.fast, qPrintable(outcome.why));
        QVERIFY2(outcome.mismatch.isEmpty(), qPrintable(outcome.mismatch));
    }

    void corpusAgrees()
    {
        if (!QDir(corpusFolder()).exists())
            QSKIP("the serverless-patterns corpus is not next to the source tree");
        QStringList declined;
        QStringList mismatches;
        const std::vector<Sample> samples =
            filesUnder(corpusFolder(), {QStringLiteral("*.yaml")}, false);
        const int fast = compareAll(samples, declined, mismatches);
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join('\n')));
        qInfo("serverless-patterns: %d of %zu on the fast path; declined:\n%s", fast,
              samples.size(), qPrintable(declined.join('\n')));
        QVERIFY2(fast * 100 >= int(samples.size()) * 95, "fewer than 95% on the fast path");
    }

    void mutationsNeverDisagree()
    {
        std::vector<Sample> samples = projectSamples();
        for (Sample &s : exportedSamples())
            samples.push_back(std::move(s));
        if (QDir(corpusFolder()).exists()) {
            std::vector<Sample> corpus =
                filesUnder(corpusFolder(), {QStringLiteral("*.yaml")}, false);
            for (std::size_t i = 0; i < corpus.size(); i += 5) // a fifth keeps the run short
                samples.push_back(std::move(corpus[i]));
        }
        std::erase_if(samples, [](const Sample &s) { return s.text.size() > 32 * 1024; });
        std::mt19937 rng(20260501);
        int fast = 0;
        int total = 0;
        for (const Sample &sample : samples) {
            for (int round = 0; round < 10; ++round) {
                const std::string text = mutate(sample.text, rng);
                YamlParseOptions options;
                options.duplicateKeysAreErrors = round % 2 == 0;
                const Outcome outcome = compare(text, options);
                QVERIFY2(outcome.mismatch.isEmpty(),
                         qPrintable(sample.name + QStringLiteral(" round %1: ").arg(round) +
                                    outcome.mismatch));
                fast += outcome.fast;
                ++total;
            }
        }
        qInfo("mutations: %d of %d taken by the fast path, all agreeing with yaml-cpp", fast,
              total);
    }
};

QTEST_GUILESS_MAIN(TestYamlReader)
#include "tst_yamlreader.moc"
