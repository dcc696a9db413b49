// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// No text a user or an imported template controls can change the structure of what Nimbus
// writes: every writer gets every hostile text in every place a text can go, and what it
// wrote is read back with an independent reader of that format.

#include "common/hostile.h"
#include "common/testdata.h"
#include "iac/templatechecks.h"

#include <app/cli/builtincatalog.h>
#include <app/cli/cli.h>
#include <app/gui/rendercommand.h>
#include <app/gui/reportcommand.h>
#include <model/analysis/ruledocs.h>
#include <model/core/text.h>
#include <model/cost/lineitemscsv.h>
#include <model/iac/cfntree.h>
#include <model/iac/exporter.h>
#include <model/io/projectfile.h>
#include <model/io/yamlreader.h>
#include <model/io/yamlwriter.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <map>
#include <set>

using namespace nimbus;
using namespace nimbus::model;

namespace {

const Catalog &catalog()
{
    return tests::builtinCatalog();
}

Architecture readTemplate(const QString &file)
{
    ProjectLoadResult r = readProject(tests::readSourceFile(QStringLiteral("templates/") + file),
                                      file.toStdString(), catalog());
    return std::move(r.architecture);
}

QStringList templateFiles()
{
    return QDir(tests::sourcePath(QStringLiteral("templates")))
        .entryList({QStringLiteral("*.nimbus")}, QDir::Files, QDir::Name);
}

std::string exportText(const Architecture &design, iac::TemplateFormat format)
{
    iac::ExportOptions options;
    options.format = format;
    options.nimbusVersion = "test";
    const iac::ExportResult r =
        iac::exportDesign(design, catalog(), app::builtinPolicyTemplates(), options);
    return r.files.empty() ? std::string() : r.files.front().text;
}

std::vector<std::string> topLevelKeys(const Tree &root)
{
    std::vector<std::string> keys;
    for (const auto &[key, value] : root.entries)
        keys.push_back(key);
    return keys;
}

std::multiset<std::string> resourceTypes(const Tree &root)
{
    std::multiset<std::string> types;
    if (const Tree *resources = root.find("Resources")) {
        for (const auto &[id, body] : resources->entries) {
            if (const Tree *type = body.find("Type"))
                types.insert(type->scalar);
        }
    }
    return types;
}

QString writeDesign(const QTemporaryDir &dir, const Architecture &design, const QString &name)
{
    const QString path = dir.filePath(name);
    std::string error;
    if (!saveProjectFile(design, path.toStdString(), error))
        qWarning("cannot save %s: %s", qPrintable(path), error.c_str());
    return path;
}

/// Bytes no terminal should receive from a name: controls other than line feed and tab,
/// DEL, the C1 controls and the Unicode line separators and direction overrides.
QString unsafeForTerminal(const QString &text)
{
    static const QRegularExpression unsafe(QStringLiteral(
        "[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\x{2028}\\x{2029}\\x{202a}-\\x{202e}\\x{2066}-\\x{2069}]"));
    const QRegularExpressionMatch m = unsafe.match(text);
    return m.hasMatch() ? m.captured() : QString();
}

/// UTF-8 as it is, a leading byte-order mark included (QString::fromStdString drops it).
QString exact(const std::string &text)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    return decoder.decode(QByteArray::fromStdString(text));
}

/// What a writer gives back for `text`: the text itself, with any byte that is not UTF-8
/// replaced by U+FFFD.
QString expected(const std::string &text)
{
    return exact(validUtf8(text));
}

void addHostileRows()
{
    QTest::addColumn<QByteArray>("text");
    for (const tests::HostileText &h : tests::hostileTexts())
        QTest::newRow(h.name) << QByteArray::fromStdString(h.text);
}

} // namespace

class TestEscaping : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void yamlScalarsReadBackAsData_data() { addHostileRows(); }
    void yamlScalarsReadBackAsData();
    void templateExportsKeepTheirStructure_data() { addHostileRows(); }
    void templateExportsKeepTheirStructure();
    void yamlOneOneReadersSeeTheSameSections();
    void projectFilesReadBackEqual_data() { addHostileRows(); }
    void projectFilesReadBackEqual();
    void jsonOutputsParse_data() { addHostileRows(); }
    void jsonOutputsParse();
    void sarifKeepsFileNamesAndLinksAsData();
    void csvFieldsStayFieldsAndFormulasStayText_data() { addHostileRows(); }
    void csvFieldsStayFieldsAndFormulasStayText();
    void terminalOutputShowsNoControlCharacters_data() { addHostileRows(); }
    void terminalOutputShowsNoControlCharacters();
    void svgIsWellFormedXml_data() { addHostileRows(); }
    void svgIsWellFormedXml();
    void pdfTitlesReadBack_data() { addHostileRows(); }
    void pdfTitlesReadBack();
    void markdownCellsStayOneCell_data() { addHostileRows(); }
    void markdownCellsStayOneCell();

private:
    QTemporaryDir m_dir;
    Architecture m_base;
    /// The shape of each template's export with harmless names: (file, SAM 0 / CFN 1).
    std::map<std::pair<QString, int>, std::pair<std::vector<std::string>, std::multiset<std::string>>> m_benign;
};

void TestEscaping::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_base = readTemplate(QStringLiteral("web-application.nimbus"));
    QVERIFY(!m_base.nodes().empty());
    for (const QString &file : templateFiles()) {
        const Architecture benign = tests::withHostileText(readTemplate(file), "Benign shop", catalog());
        for (int f = 0; f < 2; ++f) {
            const auto format = f == 0 ? iac::TemplateFormat::Sam : iac::TemplateFormat::CloudFormation;
            const YamlParseResult r = parseYaml(exportText(benign, format), "benign.yaml");
            QVERIFY(r.ok());
            m_benign[{file, f}] = {topLevelKeys(r.tree), resourceTypes(r.tree)};
        }
    }
}

void TestEscaping::yamlScalarsReadBackAsData()
{
    QFETCH(QByteArray, text);
    const std::string s = text.toStdString();
    Tree root = Tree::makeMap();
    root.set("value", stringScalar(s));
    root.set(s, stringScalar("key"));
    Tree quoted = Tree::makeScalar(s, true);
    root.set("quoted", quoted);
    root.set("list", Tree::makeSequence());
    root.entries.back().second.items.push_back(stringScalar(s));
    const std::string yaml = writeYaml(root);
    QVERIFY2(!firstInvalidUtf8(yaml), "the writer produced invalid UTF-8");
    const YamlParseResult r = parseYaml(yaml, "scalar.yaml");
    QVERIFY(r.ok());
    QCOMPARE(r.tree.entries.size(), std::size_t(4));
    QCOMPARE(exact(r.tree.find("value")->scalar), expected(s));
    QCOMPARE(exact(r.tree.find("quoted")->scalar), expected(s));
    QCOMPARE(exact(r.tree.entries[1].first), expected(s));
    QCOMPARE(exact(r.tree.find("list")->items.at(0).scalar), expected(s));
}

void TestEscaping::templateExportsKeepTheirStructure()
{
    QFETCH(QByteArray, text);
    const std::string hostile = text.toStdString();
    for (const QString &file : templateFiles()) {
        const Architecture design = tests::withHostileText(readTemplate(file), hostile, catalog());
        for (const auto format : {iac::TemplateFormat::Sam, iac::TemplateFormat::CloudFormation}) {
            const auto &benign = m_benign[{file, format == iac::TemplateFormat::Sam ? 0 : 1}];
            const std::string out = exportText(design, format);
            const QString where = file + QLatin1Char(' ') + iac::templateFormatName(format);
            QVERIFY2(!out.empty(), qPrintable(where));
            QVERIFY2(!firstInvalidUtf8(out), qPrintable(where));
            // The header is exactly two comment lines, whatever the design is called.
            const auto lines = QString::fromStdString(out).split(QLatin1Char('\n'));
            QVERIFY2(lines.at(0).startsWith(QLatin1String("# ")), qPrintable(where));
            QVERIFY2(lines.at(1).startsWith(QLatin1String("# Exported by Nimbus")), qPrintable(where));
            QVERIFY2(!lines.at(2).startsWith(QLatin1Char('#')), qPrintable(where));
            const YamlParseResult r = parseYaml(out, "export.yaml");
            QVERIFY2(r.ok(), qPrintable(where));
            QCOMPARE(topLevelKeys(r.tree), benign.first);
            QVERIFY2(resourceTypes(r.tree) == benign.second, qPrintable(where));
            const Tree *name = r.tree.find("Metadata")->find("Nimbus")->find("Name");
            QVERIFY2(name != nullptr, qPrintable(where));
            QCOMPARE(exact(name->scalar), expected(hostile));
            // A "${Hostile}" or "!Ref Hostile" in a name stayed text: every reference the
            // template makes is one the exporter made, to something the template defines.
            const std::string unresolved = tests::unresolvedReference(r.tree, true);
            QVERIFY2(unresolved.empty(), qPrintable(where + QStringLiteral(": a reference to ") + exact(unresolved)));
        }
    }
}

void TestEscaping::yamlOneOneReadersSeeTheSameSections()
{
    // cfn-lint and the SAM CLI read templates with PyYAML, a YAML 1.1 reader for which
    // "\r", U+0085, U+2028 and U+2029 end a line: it must see the same sections.
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (python.isEmpty())
        QSKIP("python3 is not installed");
    QProcess probe;
    probe.start(python, {QStringLiteral("-c"), QStringLiteral("import yaml")});
    if (!probe.waitForFinished(60000) || probe.exitCode() != 0)
        QSKIP("PyYAML is not installed (it comes with cfn-lint)");
    QTemporaryDir dir;
    int count = 0;
    for (const tests::HostileText &h : tests::hostileTexts()) {
        const Architecture design = tests::withHostileText(m_base, h.text, catalog());
        for (const auto format : {iac::TemplateFormat::Sam, iac::TemplateFormat::CloudFormation}) {
            QFile f(dir.filePath(QStringLiteral("%1.yaml").arg(count++)));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray::fromStdString(exportText(design, format)));
        }
    }
    // Prints, per file, the top-level keys and the design name as PyYAML reads them.
    const QString script = QStringLiteral(
        "import json, sys, yaml, glob, os\n"
        "class L(getattr(yaml, 'CSafeLoader', yaml.SafeLoader)): pass\n"
        "L.add_multi_constructor('!', lambda l, s, n: None)\n"
        "out = {}\n"
        "for p in sorted(glob.glob(os.path.join(sys.argv[1], '*.yaml'))):\n"
        "    d = yaml.load(open(p, encoding='utf-8'), Loader=L)\n"
        "    out[os.path.basename(p)] = [list(d.keys()), d['Metadata']['Nimbus']['Name']]\n"
        "print(json.dumps(out))\n");
    QProcess py;
    py.start(python, {QStringLiteral("-c"), script, dir.path()});
    QVERIFY(py.waitForFinished(300000));
    QVERIFY2(py.exitCode() == 0, py.readAllStandardError().constData());
    const QJsonObject seen = QJsonDocument::fromJson(py.readAllStandardOutput()).object();
    QCOMPARE(seen.size(), count);
    int i = 0;
    for (const tests::HostileText &h : tests::hostileTexts()) {
        for (int f = 0; f < 2; ++f) {
            const QJsonArray entry = seen.value(QStringLiteral("%1.yaml").arg(i++)).toArray();
            QStringList keys;
            for (const QJsonValue &k : entry.at(0).toArray())
                keys << k.toString();
            QStringList benign;
            for (const std::string &k : m_benign[{QStringLiteral("web-application.nimbus"), f}].first)
                benign << QString::fromStdString(k);
            QVERIFY2(keys == benign, qPrintable(QString::fromLatin1(h.name) + QStringLiteral(": ") + keys.join(u',')));
            QCOMPARE(entry.at(1).toString(), expected(h.text)); // PyYAML keeps a BOM
        }
    }
}

void TestEscaping::projectFilesReadBackEqual()
{
    QFETCH(QByteArray, text);
    const Architecture design = tests::withHostileText(m_base, text.toStdString(), catalog());
    const std::string written = writeProject(design);
    QVERIFY(!firstInvalidUtf8(written));
    const ProjectLoadResult back = readProject(written, "hostile.nimbus", catalog());
    QVERIFY(back.ok());
    const QString want = expected(text.toStdString());
    QCOMPARE(exact(back.architecture.name()), want);
    QCOMPARE(exact(back.architecture.description()), want);
    QCOMPARE(back.architecture.nodes().size(), design.nodes().size());
    for (const Node &n : back.architecture.nodes())
        QCOMPARE(exact(n.name), want);
    // Saved again, the file is what the same design with valid text gives.
    const Architecture valid = tests::withHostileText(m_base, validUtf8(text.toStdString()), catalog());
    QCOMPARE(writeProject(back.architecture), writeProject(valid));
}

void TestEscaping::jsonOutputsParse()
{
    QFETCH(QByteArray, text);
    const QString path = writeDesign(m_dir, tests::withHostileText(m_base, text.toStdString(), catalog()),
                                     QStringLiteral("json.nimbus"));
    const QList<QStringList> runs = {
        {QStringLiteral("info"), path, QStringLiteral("--format"), QStringLiteral("json")},
        {QStringLiteral("validate"), path, QStringLiteral("--format"), QStringLiteral("json")},
        {QStringLiteral("estimate"), path, QStringLiteral("--format"), QStringLiteral("json")},
        {QStringLiteral("scenarios"), path, QStringLiteral("--format"), QStringLiteral("json")},
        {QStringLiteral("validate"), path, QStringLiteral("--format"), QStringLiteral("sarif")},
    };
    for (const QStringList &args : runs) {
        const tests::CommandRun run = tests::runCommand(app::runCli, args);
        QVERIFY2(run.code == 0 || run.code == 1, qPrintable(args.join(u' ') + run.err));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(run.out.toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError,
                 qPrintable(args.join(u' ') + QStringLiteral(": ") + error.errorString()));
        QVERIFY(doc.isObject() || doc.isArray());
    }
    const tests::CommandRun info = tests::runCommand(app::runCli, runs.front());
    const QJsonObject root = QJsonDocument::fromJson(info.out.toUtf8()).object();
    // Qt's JSON reader drops a byte-order mark at the start of a string; the writer keeps it.
    QString want = expected(text.toStdString());
    if (want.startsWith(QChar(0xFEFF)))
        want.remove(0, 1);
    QCOMPARE(root.value(QStringLiteral("name")).toString(), want);
}

void TestEscaping::sarifKeepsFileNamesAndLinksAsData()
{
    const std::string name = "[Hostile](https://example.invalid) \\";
    QDir().mkpath(m_dir.filePath(QStringLiteral("a #b?c%d")));
    Architecture design = tests::withHostileText(m_base, name, catalog());
    // A secret in an environment variable gives a finding that names the function.
    for (const Node &n : design.nodes()) {
        if (n.type == "lambda-function")
            design.node(n.id)->properties["environmentVariables"] = std::string("DB_PASSWORD=x");
    }
    const QString path = writeDesign(m_dir, design, QStringLiteral("a #b?c%d/x y.nimbus"));
    const tests::CommandRun run = tests::runCommand(
        app::runCli, {QStringLiteral("validate"), path, QStringLiteral("--format"), QStringLiteral("sarif")});
    const QJsonObject log = QJsonDocument::fromJson(run.out.toUtf8()).object();
    const QJsonObject runObject = log.value(QStringLiteral("runs")).toArray().at(0).toObject();
    const QString uri = runObject.value(QStringLiteral("artifacts")).toArray().at(0).toObject()
                            .value(QStringLiteral("location")).toObject().value(QStringLiteral("uri")).toString();
    QVERIFY2(uri.endsWith(QLatin1String("a%20%23b%3Fc%25d/x%20y.nimbus")), qPrintable(uri));
    QCOMPARE(QUrl(uri).path(QUrl::FullyDecoded), path);
    const QJsonArray results = runObject.value(QStringLiteral("results")).toArray();
    QVERIFY(!results.isEmpty());
    bool sawName = false;
    for (const QJsonValue &r : results) {
        const QString message = r.toObject().value(QStringLiteral("message")).toObject()
                                    .value(QStringLiteral("text")).toString();
        // A bracket is either escaped or absent: the viewer shows no link.
        QVERIFY2(!message.contains(QRegularExpression(QStringLiteral("(^|[^\\\\])\\["))), qPrintable(message));
        sawName = sawName || message.contains(QLatin1String("\\[Hostile\\](https://example.invalid) \\\\"));
    }
    QVERIFY(sawName);
}

void TestEscaping::csvFieldsStayFieldsAndFormulasStayText()
{
    QFETCH(QByteArray, text);
    const std::string hostile = text.toStdString();
    const QString path = writeDesign(m_dir, tests::withHostileText(m_base, hostile, catalog()),
                                     QStringLiteral("csv.nimbus"));
    const QString csv = m_dir.filePath(QStringLiteral("items.csv"));
    const tests::CommandRun report = tests::runCommand(app::runReport, {path, QStringLiteral("-o"), csv});
    QCOMPARE(report.code, 0);
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(!firstInvalidUtf8(bytes.toStdString()));
    const tests::CommandRun estimate = tests::runCommand(
        app::runCli, {QStringLiteral("estimate"), path, QStringLiteral("--format"), QStringLiteral("csv")});
    for (const std::string &content : {bytes.toStdString(), estimate.out.toStdString()}) {
        const auto rows = parseCsv(content);
        QVERIFY(rows.size() > 1);
        for (const auto &row : rows) {
            QCOMPARE(row.size(), rows.front().size());
            const QString name = exact(row.at(1));
            if (row.at(0) == "node")
                continue; // the header
            // The name reads back as written, with an apostrophe in front of a formula.
            const QString want = expected(hostile);
            const bool formula = QStringLiteral("=+-@\t\r").contains(want.front());
            QCOMPARE(name, formula ? QLatin1Char('\'') + want : want);
        }
    }
}

void TestEscaping::terminalOutputShowsNoControlCharacters()
{
    QFETCH(QByteArray, text);
    const QString path = writeDesign(m_dir, tests::withHostileText(m_base, text.toStdString(), catalog()),
                                     QStringLiteral("text.nimbus"));
    const QList<QStringList> runs = {
        {QStringLiteral("info"), path},
        {QStringLiteral("validate"), path},
        {QStringLiteral("estimate"), path, QStringLiteral("--explain"), QStringLiteral("--compare-servers")},
        {QStringLiteral("scenarios"), path},
    };
    for (const QStringList &args : runs) {
        const tests::CommandRun run = tests::runCommand(app::runCli, args);
        QVERIFY2(run.code == 0 || run.code == 1, qPrintable(args.join(u' ') + run.err));
        QCOMPARE(unsafeForTerminal(run.out), QString());
        QCOMPARE(unsafeForTerminal(run.err), QString());
        QVERIFY(!firstInvalidUtf8(run.out.toStdString()));
    }
    // Messages about a bad file name its contents too.
    QFile bad(m_dir.filePath(QStringLiteral("bad.nimbus")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("nimbus: 1\nnodes:\n  - id: a\n    type: \"" + text.replace('\\', "\\\\").replace('"', "\\\"")
                                                                  .replace('\n', "\\n").replace('\r', "\\r")
              + "\"\nedges: []\n");
    bad.close();
    const tests::CommandRun run = tests::runCommand(app::runCli, {QStringLiteral("validate"), bad.fileName()});
    QCOMPARE(unsafeForTerminal(run.err), QString());
    QCOMPARE(unsafeForTerminal(run.out), QString());
}

void TestEscaping::svgIsWellFormedXml()
{
    QFETCH(QByteArray, text);
    const QString path = writeDesign(m_dir, tests::withHostileText(m_base, text.toStdString(), catalog()),
                                     QStringLiteral("svg.nimbus"));
    const QString svg = m_dir.filePath(QStringLiteral("diagram.svg"));
    const tests::CommandRun run = tests::runCommand(app::runRender, {path, QStringLiteral("-o"), svg});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QString title;
    int elements = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement) {
            ++elements;
            if (xml.name() == QLatin1String("script"))
                QFAIL("the SVG holds a script element");
            if (xml.name() == QLatin1String("title") && title.isEmpty())
                title = xml.readElementText();
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString() + QStringLiteral(" at line %1").arg(xml.lineNumber())));
    QVERIFY(elements > 10);
    QVERIFY2(title.contains(QLatin1String(tests::kHostileMarker)) || title.contains(QLatin1String("Shop")),
             qPrintable(title));
}

void TestEscaping::pdfTitlesReadBack()
{
    QFETCH(QByteArray, text);
    const QString pdfinfo = QStandardPaths::findExecutable(QStringLiteral("pdfinfo"));
    if (pdfinfo.isEmpty())
        QSKIP("pdfinfo (poppler-utils) is not installed");
    const QString path = writeDesign(m_dir, tests::withHostileText(m_base, text.toStdString(), catalog()),
                                     QStringLiteral("pdf.nimbus"));
    for (const bool report : {false, true}) {
        const QString pdf = m_dir.filePath(report ? QStringLiteral("report.pdf") : QStringLiteral("diagram.pdf"));
        const tests::CommandRun run = report
                                          ? tests::runCommand(app::runReport, {path, QStringLiteral("-o"), pdf})
                                          : tests::runCommand(app::runRender, {path, QStringLiteral("-o"), pdf});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QProcess info;
        info.start(pdfinfo, {pdf});
        QVERIFY(info.waitForFinished(60000));
        QCOMPARE(info.exitCode(), 0);
        const QString out = QString::fromUtf8(info.readAllStandardOutput());
        const QStringList fields = out.split(QLatin1Char('\n'));
        // Each metadata field stays on its line: the title did not add an Author or a Producer.
        QCOMPARE(fields.filter(QRegularExpression(QStringLiteral("^Author:"))).size(), 0);
        QCOMPARE(fields.filter(QRegularExpression(QStringLiteral("^Producer:"))).size(), 1);
        const QStringList titles = fields.filter(QRegularExpression(QStringLiteral("^Title:")));
        QCOMPARE(titles.size(), 1);
        QVERIFY2(titles.front().contains(QLatin1String(tests::kHostileMarker))
                     || titles.front().contains(QLatin1String("Shop")),
                 qPrintable(titles.front()));
    }
}

void TestEscaping::markdownCellsStayOneCell()
{
    QFETCH(QByteArray, text);
    const QString cell = QString::fromStdString(markdownCell(text.toStdString()));
    QVERIFY(!cell.contains(QLatin1Char('\n')) && !cell.contains(QLatin1Char('\r')));
    QVERIFY(!cell.contains(QLatin1Char('<')));
    QVERIFY(!cell.contains(QRegularExpression(QStringLiteral("(^|[^\\\\])\\|"))));
    QCOMPARE(unsafeForTerminal(cell), QString());
}

QTEST_MAIN(TestEscaping)
#include "tst_escaping.moc"
