// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// Diagram export: PNG, SVG and PDF files of the right format, size and content, the
// selection, the window's action and dialog, and `nimbus render`. Offscreen.

#include "common/filetools.h"
#include "common/testdata.h"
#include "iac/ruledesigns.h"

#include <app/cli/cli.h>
#include <app/gui/exportdiagramdialog.h>
#include <app/gui/mainwindow.h>
#include <app/gui/rendercommand.h>
#include <model/io/projectfile.h>
#include <views/canvas/canvasscene.h>
#include <views/canvas/serviceicons.h>
#include <views/document/document.h>
#include <views/report/diagramexport.h>

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDate>
#include <QDialogButtonBox>
#include <QFile>
#include <QGraphicsItem>
#include <QImage>
#include <QImageReader>
#include <QMap>
#include <QPainter>
#include <QProcess>
#include <QPushButton>
#include <QSet>
#include <QStatusBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <fstream>
#include <memory>
#include <sstream>

using namespace nimbus;
using tests::builtinCatalog;
using tests::sourcePath;

namespace {

const QString kSample = QStringLiteral("templates/web-application.nimbus");

/// The names of the services of `design` (short enough in the sample to show unelided).
QStringList serviceNames(const model::Architecture &design)
{
    QStringList names;
    for (const model::Node &node : design.nodes())
        names << QString::fromStdString(node.name);
    return names;
}

model::Architecture loadSample()
{
    model::ProjectLoadResult loaded =
        model::readProjectFile(sourcePath(kSample).toStdString(), builtinCatalog());
    if (!loaded.ok())
        qFatal("the sample design does not load");
    return std::move(loaded.architecture);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

int distinctColours(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2)
            colours.insert(image.pixel(x, y));
    }
    return int(colours.size());
}

/// pdftotext's reading of a PDF, with runs of white space made single spaces.
QString pdfText(const QString &pdf)
{
    const QString tool = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (tool.isEmpty())
        return {};
    QProcess process;
    process.start(tool, {pdf, QStringLiteral("-")});
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return {};
    // NFKC turns the ligatures some fonts use ("ﬁ") back into letters.
    return QString::fromUtf8(process.readAllStandardOutput())
        .normalized(QString::NormalizationForm_KC)
        .simplified();
}

using Run = tests::CommandRun;

Run render(const QStringList &args)
{
    return tests::runCommand(app::runRender, args);
}

const QByteArray kPngMagic("\x89PNG\r\n\x1a\n", 8);

} // namespace

class TestRender : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_design = loadSample();
        QVERIFY(m_dir.isValid());
    }

    void pngHasTheExpectedSizeAndContent()
    {
        views::DiagramExportOptions options;
        const views::DiagramExport one(builtinCatalog(), m_design, options);
        QCOMPARE(one.serviceCount(), int(m_design.nodes().size()));
        const QString path1 = m_dir.filePath("one.png");
        QString error;
        QVERIFY2(one.write(path1, &error), qPrintable(error));
        QVERIFY(readAll(path1).startsWith(kPngMagic));
        const QImage image1(path1);
        QCOMPARE(image1.size(), one.size().toSize());
        QVERIFY2(distinctColours(image1) > 100,
                 qPrintable(QString::number(distinctColours(image1))));
        // The corners are the white margin.
        QCOMPARE(QColor(image1.pixel(2, 2)), QColor(Qt::white));
        QCOMPARE(QColor(image1.pixel(image1.width() - 3, image1.height() - 3)), QColor(Qt::white));

        options.scale = 2;
        const views::DiagramExport two(builtinCatalog(), m_design, options);
        const QString path2 = m_dir.filePath("two.png");
        QVERIFY2(two.write(path2, &error), qPrintable(error));
        const QImage image2(path2);
        QCOMPARE(image2.size(), image1.size() * 2);
        QVERIFY(distinctColours(image2) > 100);
    }

    void iconsAreCrispAtTwiceTheDensity()
    {
        // A 2x screen asks for the icon at twice the pixels: it is drawn from the SVG at that
        // size, not a 24 px picture scaled up.
        const QPixmap crisp = views::serviceIcon("lambda-function").pixmap(QSize(24, 24), 2.0);
        QCOMPARE(crisp.size(), QSize(48, 48));
        QCOMPARE(crisp.devicePixelRatio(), 2.0);
        const auto draw = [](int side, int target) {
            QImage image(side, side, QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::transparent);
            QPainter painter(&image);
            views::paintServiceIcon(painter, QRectF(0, 0, side, side), "lambda-function");
            painter.end();
            return image.scaled(target, target, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        };
        const QImage direct = draw(48, 48);
        QImage fromIcon = crisp.toImage().convertToFormat(QImage::Format_ARGB32_Premultiplied);
        fromIcon.setDevicePixelRatio(1.0);
        QCOMPARE(fromIcon, direct);
        QVERIFY(draw(24, 48) != direct); // the upscaled small one would differ: the check has teeth

        // The canvas paints icons with paintServiceIcon() in item coordinates: on a 2x
        // device a 24-unit icon is drawn from 48 pixels of SVG.
        QImage hi(48, 48, QImage::Format_ARGB32_Premultiplied);
        hi.setDevicePixelRatio(2.0);
        hi.fill(Qt::transparent);
        QPainter painter(&hi);
        views::paintServiceIcon(painter, QRectF(0, 0, 24, 24), "lambda-function");
        painter.end();
        hi.setDevicePixelRatio(1.0);
        QCOMPARE(hi, direct);
    }

    void svgIsXmlWithTheServiceNames()
    {
        const views::DiagramExport diagram(builtinCatalog(), m_design, {});
        const QString path = m_dir.filePath("design.svg");
        QString error;
        QVERIFY2(diagram.write(path, &error), qPrintable(error));
        const QString svg = QString::fromUtf8(readAll(path));
        QVERIFY(svg.startsWith("<?xml"));
        QVERIFY(svg.contains("<svg"));
        QVERIFY(svg.trimmed().endsWith("</svg>"));
        for (const QString &name : serviceNames(m_design))
            QVERIFY2(svg.contains(">" + name.toHtmlEscaped() + "<"), qPrintable(name));
        QVERIFY(svg.contains(">Web application<"));
        QVERIFY(svg.contains(">Synchronous call<")); // the legend
    }

    void pdfHasTheServiceNamesAndTitle()
    {
        views::DiagramExportOptions options;
        options.date = true;
        const views::DiagramExport diagram(builtinCatalog(), m_design, options);
        const QString path = m_dir.filePath("design.pdf");
        QString error;
        QVERIFY2(diagram.write(path, &error), qPrintable(error));
        QVERIFY(readAll(path).startsWith("%PDF"));
        const QString text = pdfText(path);
        if (text.isEmpty())
            QSKIP("pdftotext (poppler-utils) is not available");
        for (const QString &name : serviceNames(m_design))
            QVERIFY2(text.contains(name), qPrintable(name + " not in: " + text));
        QVERIFY(text.contains("Web application"));
        QVERIFY(text.contains(QDate::currentDate().toString(Qt::ISODate)));
        QVERIFY(text.contains("Static website")); // a group title
    }

    void pdfOnA4Landscape()
    {
        views::DiagramExportOptions options;
        options.pdfPage = views::DiagramExportOptions::PdfPage::A4Landscape;
        const views::DiagramExport diagram(builtinCatalog(), m_design, options);
        const QString path = m_dir.filePath("a4.pdf");
        QVERIFY(diagram.write(path));
        const QString tool = QStandardPaths::findExecutable(QStringLiteral("pdfinfo"));
        if (tool.isEmpty())
            QSKIP("pdfinfo (poppler-utils) is not available");
        QProcess info;
        info.start(tool, {path});
        QVERIFY(info.waitForFinished(30000));
        const QString out = QString::fromUtf8(info.readAllStandardOutput());
        QVERIFY2(out.contains("842 x 595") || out.contains("841.89 x 595.276"), qPrintable(out));
        QVERIFY(pdfText(path).contains("Create order"));
    }

    void titleAndLegendAreOptional()
    {
        views::DiagramExportOptions options;
        const QSizeF full = views::DiagramExport(builtinCatalog(), m_design, options).size();
        options.legend = false;
        const QSizeF noLegend = views::DiagramExport(builtinCatalog(), m_design, options).size();
        options.title = false;
        const QSizeF bare = views::DiagramExport(builtinCatalog(), m_design, options).size();
        QVERIFY(noLegend.height() < full.height());
        QVERIFY(bare.height() < noLegend.height());
        QCOMPARE(bare.width(), noLegend.width());
    }

    void selectionIsSmallerThanWhole()
    {
        views::DiagramExportOptions options;
        const views::DiagramExport whole(builtinCatalog(), m_design, options);
        options.nodeIds = QStringList{"public-api", "create-order", "get-orders"};
        const views::DiagramExport part(builtinCatalog(), m_design, options);
        QCOMPARE(part.serviceCount(), 3);
        QVERIFY(part.size().width() < whole.size().width());
        QVERIFY(part.size().height() < whole.size().height());
        const QString path = m_dir.filePath("part.svg");
        QVERIFY(part.write(path));
        const QString svg = QString::fromUtf8(readAll(path));
        QVERIFY(svg.contains(">Create order<"));
        QVERIFY(svg.contains(">API and business logic<")); // their group
        QVERIFY(!svg.contains(">Orders<"));
        QVERIFY(!svg.contains(">Static website<"));
        QVERIFY(!svg.contains(">Read<")); // no read connection among them, none in the legend
    }

    void windowSelectionDoesNotShowInTheExport()
    {
        app::MainWindow window(builtinCatalog());
        QVERIFY(window.openFile(sourcePath(kSample), false));
        window.analyseNow(); // costs and badges on the canvas: the export leaves them out
        const views::Document &document = window.document();
        const QImage plain =
            views::DiagramExport(document.catalog(), document.architecture(), {}).toImage();
        for (QGraphicsItem *item : window.scene()->items())
            item->setSelected(item->flags() & QGraphicsItem::ItemIsSelectable);
        QVERIFY(!window.scene()->selectedNodeIds().isEmpty());
        const QImage selected =
            views::DiagramExport(document.catalog(), document.architecture(), {}).toImage();
        QCOMPARE(selected, plain);
        QVERIFY(window.findChild<QAction *>(QStringLiteral("action-export-diagram")));
    }

    void dialogFollowsTheExtension()
    {
        app::ExportDiagramDialog dialog(QStringLiteral("Web application"), m_dir.filePath("x.png"),
                                        2);
        QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(ok->isEnabled());
        dialog.setFilePath(m_dir.filePath("x.gif"));
        QVERIFY(!ok->isEnabled());
        dialog.setFilePath(m_dir.filePath("x.PDF"));
        QVERIFY(ok->isEnabled());
        const views::DiagramExportOptions options = dialog.options();
        QCOMPARE(options.titleText, QStringLiteral("Web application"));
        QVERIFY(options.title && options.legend && !options.date);
        QVERIFY(!dialog.isSelectionOnly());
    }

    void cliRendersEachFormat_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("magic");
        QTest::newRow("png") << "cli.png" << kPngMagic;
        QTest::newRow("svg") << "cli.svg" << QByteArray("<?xml");
        QTest::newRow("pdf") << "cli.pdf" << QByteArray("%PDF");
    }

    void cliRendersEachFormat()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, magic);
        const QString out = m_dir.filePath(name);
        const Run r = render({sourcePath(kSample), "-o", out});
        QVERIFY2(r.code == app::ExitClean, qPrintable(r.err));
        QVERIFY(r.err.contains("wrote"));
        QVERIFY(readAll(out).startsWith(magic));
    }

    void cliScaleAndOptions()
    {
        const QString one = m_dir.filePath("s1.png");
        const QString two = m_dir.filePath("s2.png");
        QCOMPARE(render({sourcePath(kSample), "-o", one}).code, 0);
        QCOMPARE(render({sourcePath(kSample), "-o", two, "--scale", "2"}).code, 0);
        QCOMPARE(QImageReader(two).size(), QImageReader(one).size() * 2);
        const QString bare = m_dir.filePath("bare.png");
        QCOMPARE(render({sourcePath(kSample), "--no-legend", "--no-title", "-o", bare}).code, 0);
        QVERIFY(QImageReader(bare).size().height() < QImageReader(one).size().height());
        const QString part = m_dir.filePath("part.png");
        QCOMPARE(render({sourcePath(kSample), "-o", part, "--services", "public-api,users"}).code,
                 0);
        QVERIFY(QImageReader(part).size().width() < QImageReader(one).size().width());
    }

    void cliRejectsBadUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad extension")
            << QStringList{kSample, "-o", "out.gif"} << "unknown output format 'gif'";
        QTest::newRow("no extension")
            << QStringList{kSample, "-o", "out"} << "unknown output format";
        QTest::newRow("no output") << QStringList{kSample} << "name the output with -o";
        QTest::newRow("no file") << QStringList{"-o", "out.png"} << "a design file is needed";
        QTest::newRow("bad scale")
            << QStringList{kSample, "-o", "out.png", "--scale", "3"} << "--scale must be 1 or 2";
        QTest::newRow("unknown option")
            << QStringList{kSample, "-o", "out.png", "--colour"} << "unknown option '--colour'";
        QTest::newRow("unknown service")
            << QStringList{kSample, "-o", "%1/x.png", "--services", "nope"}
            << "has no service 'nope'";
        QTest::newRow("missing file")
            << QStringList{"no-such-design.nimbus", "-o", "%1/x.png"} << "no-such-design.nimbus";
    }

    void cliRejectsBadUsage()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        for (QString &a : args) {
            if (a == kSample)
                a = sourcePath(kSample);
            a.replace("%1", m_dir.path());
        }
        const Run r = render(args);
        QCOMPARE(r.code, int(app::ExitUsage));
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void cliNamesTheLineOfAnUnreadableDesign()
    {
        const QString path = m_dir.filePath("broken.nimbus");
        std::ofstream(path.toStdString())
            << "nimbus: 1\nname: Broken\nnodes:\n  - id: a\n    type: [unclosed\n";
        const QString out = m_dir.filePath("broken.png");
        const Run r = render({path, "-o", out});
        QCOMPARE(r.code, int(app::ExitUsage));
        QVERIFY2(r.err.contains("broken.nimbus:5:") || r.err.contains("broken.nimbus:6:"),
                 qPrintable(r.err));
        QVERIFY(r.err.contains("cannot be read"));
        QVERIFY(!QFile::exists(out));
    }

    void cliHelpListsRender()
    {
        std::ostringstream out;
        std::ostringstream err;
        QCOMPARE(app::runCli({"--help"}, out, err), 0);
        QVERIFY(QString::fromStdString(out.str()).contains("render FILE"));
        const Run help = render({"--help"});
        QCOMPARE(help.code, 0);
        QVERIFY(help.out.contains("--scale 1|2"));
        QVERIFY(app::isRenderInvocation({"render", "x.nimbus"}));
        QVERIFY(!app::isRenderInvocation({"x.nimbus"}));
    }

    void fullDiskKeepsThePreviousDiagram_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("png") << QStringLiteral("diagram.png");
        QTest::newRow("svg") << QStringLiteral("diagram.svg");
        QTest::newRow("pdf") << QStringLiteral("diagram.pdf");
    }
    void fullDiskKeepsThePreviousDiagram()
    {
        QFETCH(QString, name);
        QTemporaryDir dir;
        const QString path = dir.filePath(name);
        tests::putFile(path, "previous\n");
        const views::DiagramExport diagram(builtinCatalog(), m_design, {});
        QString error;
        bool written = true;
        {
            const tests::FileSizeLimit limit(256);
            written = diagram.write(path, &error);
        }
        QVERIFY(!written);
        QCOMPARE(error, QStringLiteral("cannot write %1: File too large").arg(path));
        QCOMPARE(tests::fileBytes(path), QByteArray("previous\n"));
        QCOMPARE(tests::folderEntries(dir.path()), QStringList{name});
    }

    void windowTemplateExportOnAFullDisk()
    {
        QTemporaryDir dir;
        const QString design = dir.filePath(QStringLiteral("big.nimbus"));
        tests::putFile(design,
                       QByteArray::fromStdString(model::writeProject(tests::motifDesign(1000))));
        app::MainWindow window(builtinCatalog());
        QVERIFY(window.openFile(design, false));
        const QString out = dir.filePath(QStringLiteral("big.yaml"));
        QVERIFY(window.exportTemplate(out, false, false));
        const QStringList set = tests::folderEntries(dir.path());
        // The design, the main template and its parts.
        QVERIFY2(set.size() > 3, qPrintable(set.join(' ')));
        QMap<QString, QByteArray> before;
        for (const QString &name : set)
            before.insert(name, tests::fileBytes(dir.filePath(name)));
        bool exported = true;
        {
            const tests::FileSizeLimit limit(256);
            exported = window.exportTemplate(out, true, false);
        }
        QVERIFY(!exported);
        const QString message = window.statusBar()->currentMessage();
        QVERIFY2(message.contains(QStringLiteral(": File too large")) &&
                     message.contains(dir.path()),
                 qPrintable(message));
        for (const QString &name : set)
            QCOMPARE(tests::fileBytes(dir.filePath(name)), before.value(name));
        QCOMPARE(tests::folderEntries(dir.path()), set);
        QCOMPARE(window.document().architecture().nodes().size(),
                 tests::motifDesign(1000).nodes().size());
    }

    void screenshotFailuresAreReported()
    {
        // `nimbus --screenshot` used to print nothing and leave a 0-byte file on a full disk.
        QTemporaryDir dir;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("HOME"),
                   dir.filePath(QStringLiteral("home"))); // no settings of the user touched
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("home/.config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"),
                   dir.filePath(QStringLiteral("home/.local/share")));
        const QString shots = dir.filePath(QStringLiteral("shots"));
        QVERIFY(QDir().mkpath(shots));
        const QString shot = shots + QStringLiteral("/window.png");
        const QString sample = sourcePath(kSample);
        const auto screenshot = [&](const QString &out, const QString &design,
                                    unsigned long long limit = 0) {
            return tests::runChild(tests::nimbusProgram(),
                                   {QStringLiteral("--screenshot"), out, design}, limit, env);
        };
        tests::ChildRun full = screenshot(shot, sample, 256);
        QCOMPARE(full.code, 2);
        QVERIFY2(
            full.err.contains(QStringLiteral("nimbus: cannot write %1: File too large").arg(shot)),
            qPrintable(full.err));
        QVERIFY(!QFile::exists(shot));
        tests::putFile(shot, "previous\n");
        full = screenshot(shot, sample, 256);
        QCOMPARE(full.code, 2);
        QCOMPARE(tests::fileBytes(shot), QByteArray("previous\n"));

        const tests::ChildRun folder = screenshot(shots, sample);
        QCOMPARE(folder.code, 2);
        QVERIFY2(folder.err.contains(shots + QStringLiteral(" is a directory, not a regular file")),
                 qPrintable(folder.err));
        const tests::ChildRun missing =
            screenshot(shot, QStringLiteral("/nonexistent/design.nimbus"));
        QCOMPARE(missing.code, 2);
        QVERIFY2(missing.err.contains(
                     QStringLiteral("/nonexistent/design.nimbus: error: cannot open the file")),
                 qPrintable(missing.err));
        QVERIFY(missing.err.contains(QStringLiteral("no screenshot was taken")));
        const tests::ChildRun taken = screenshot(shot, sample);
        QCOMPARE(taken.code, 0);
        QVERIFY(tests::fileBytes(shot).startsWith(kPngMagic));
        QCOMPARE(tests::folderEntries(shots), QStringList{QStringLiteral("window.png")});
    }

private:
    model::Architecture m_design;
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestRender)
#include "tst_render.moc"
