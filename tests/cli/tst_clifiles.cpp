// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// The files of the command line: every output (-o) written in full or not at all, a full
// disk reported with the file and the reason while the previous file stays, symbolic links
// written through, devices, FIFOs, directories and hard links refused, a split export
// replaced as one set, and inputs that are no regular files refused with a message that
// says what they are. The full-disk cases run the real `nimbus` in a child process whose
// files cannot grow past a few hundred bytes (RLIMIT_FSIZE), as writes fail on a full disk.

#include "common/filetools.h"
#include "common/testdata.h"
#include "iac/ruledesigns.h"

#include <app/cli/cli.h>
#include <model/iac/exportfiles.h>
#include <model/io/projectfile.h>
#include <model/io/writetarget.h>

#include <QDir>
#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace nimbus;
using tests::fileBytes;
using tests::folderEntries;
using tests::putFile;
using tests::sourcePath;

namespace {

using Run = tests::CommandRun;

Run run(const QStringList &args)
{
    return tests::runCommand(app::runCli, args);
}

const QString kSample = QStringLiteral("templates/web-application.nimbus");

/// Every file of `folder` with its bytes.
QMap<QString, QByteArray> snapshot(const QString &folder)
{
    QMap<QString, QByteArray> files;
    for (const QString &name : folderEntries(folder))
        files.insert(name, fileBytes(folder + '/' + name));
    return files;
}

QStringList replaced(QStringList args, const QString &out, const QString &big)
{
    args.replaceInStrings(QStringLiteral("SAMPLE"), sourcePath(kSample));
    args.replaceInStrings(QStringLiteral("OUT"), out);
    args.replaceInStrings(QStringLiteral("BIG"), big);
    return args;
}

bool isLink(const QString &path)
{
    struct stat st = {};
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 && S_ISLNK(st.st_mode);
}

} // namespace

class TestCliFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(tests::nimbusProgram()).isExecutable(),
                 qPrintable(tests::nimbusProgram()));
        QVERIFY(m_data.isValid());
        // A design large enough to be exported as a main template and nested stack parts.
        putFile(bigDesign(),
                QByteArray::fromStdString(model::writeProject(tests::motifDesign(2000))));
    }

    void outputOptionOfEveryPrintingCommand_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("validate sarif") << QStringList{"validate", "SAMPLE", "--format", "sarif"};
        QTest::newRow("validate text") << QStringList{"validate", "SAMPLE"};
        QTest::newRow("estimate csv") << QStringList{"estimate", "SAMPLE", "--format", "csv"};
        QTest::newRow("info json") << QStringList{"info", "SAMPLE", "--format", "json"};
        QTest::newRow("rules markdown") << QStringList{"rules", "--format", "markdown"};
        QTest::newRow("scenarios") << QStringList{"scenarios", "SAMPLE"};
        QTest::newRow("compare") << QStringList{"compare", "SAMPLE", "SAMPLE", "--format", "json"};
    }
    void outputOptionOfEveryPrintingCommand()
    {
        QFETCH(QStringList, args);
        QTemporaryDir dir;
        const QString out = dir.filePath("result.txt");
        const Run printed = run(replaced(args, out, bigDesign()));
        const Run written = run(replaced(args + QStringList{"-o", "OUT"}, out, bigDesign()));
        QCOMPARE(written.code, printed.code);
        QVERIFY(written.out.isEmpty());
        QVERIFY2(written.err.endsWith("wrote " + out + '\n'), qPrintable(written.err));
        QCOMPARE(QString::fromUtf8(fileBytes(out)), printed.out);
        QCOMPARE(folderEntries(dir.path()), QStringList{"result.txt"});
    }

    void fullDiskLeavesThePreviousFile_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("output");
        QTest::newRow("render png")
            << QStringList{"render", "SAMPLE", "-o", "OUT"} << "diagram.png";
        QTest::newRow("render svg")
            << QStringList{"render", "SAMPLE", "-o", "OUT"} << "diagram.svg";
        QTest::newRow("render pdf")
            << QStringList{"render", "SAMPLE", "-o", "OUT"} << "diagram.pdf";
        QTest::newRow("report pdf") << QStringList{"report", "SAMPLE", "-o", "OUT"} << "report.pdf";
        QTest::newRow("report csv") << QStringList{"report", "SAMPLE", "-o", "OUT"} << "report.csv";
        QTest::newRow("export") << QStringList{"export", "SAMPLE", "-o", "OUT"} << "web.yaml";
        QTest::newRow("export split") << QStringList{"export", "BIG", "-o", "OUT"} << "big.yaml";
        QTest::newRow("validate sarif")
            << QStringList{"validate", "SAMPLE", "--format", "sarif", "-o", "OUT"}
            << "findings.sarif";
        QTest::newRow("estimate json")
            << QStringList{"estimate", "SAMPLE", "--format", "json", "-o", "OUT"}
            << "estimate.json";
        QTest::newRow("import") << QStringList{"import",
                                               sourcePath(
                                                   "tests/data/iac/apigw-lambda-dynamodb.yaml"),
                                               "-o", "OUT"}
                                << "imported.nimbus";
    }
    void fullDiskLeavesThePreviousFile()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, output);
        QTemporaryDir dir;
        const QString out = dir.filePath(output);
        putFile(out, "previous\n");
        if (output == "big.yaml") { // the previous version is a whole set
            const Run previous = run(replaced(args, out, bigDesign()));
            QCOMPARE(previous.code, 0);
            QVERIFY(folderEntries(dir.path()).size() > 2);
        }
        const QMap<QString, QByteArray> before = snapshot(dir.path());

        const tests::ChildRun child =
            tests::runChild(tests::nimbusProgram(), replaced(args, out, bigDesign()), 256);
        QVERIFY2(child.finished, qPrintable(child.err));
        QCOMPARE(child.code, 2);
        const QRegularExpression message("cannot write " + QRegularExpression::escape(dir.path()) +
                                         "/[^:]+: File too large\n");
        QVERIFY2(message.match(child.err).hasMatch(), qPrintable(child.err));
        QVERIFY2(!child.err.contains("wrote"), qPrintable(child.err));
        QCOMPARE(snapshot(dir.path()), before);
    }

    void splitExportIsReplacedAsOneSet()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath("big.yaml");
        QCOMPARE(run({"export", bigDesign(), "-o", out}).code, 0);
        const QStringList first = folderEntries(dir.path());
        QVERIFY(first.size() > 2);
        const QString main = QString::fromUtf8(fileBytes(out));
        for (const QString &name : first) {
            if (name != "big.yaml") {
                QVERIFY2(model::iac::isPartFileName("big", name.toStdString()), qPrintable(name));
                QVERIFY2(main.contains("./" + name + '\n'), qPrintable(name));
            }
        }
        // Another version of the design: the parts that changed get new names, the old ones go.
        model::Architecture changed = tests::motifDesign(2000);
        changed.setName("Changed design");
        const QString other = dir.filePath("changed.nimbus");
        putFile(other, QByteArray::fromStdString(model::writeProject(changed)));
        QCOMPARE(run({"export", other, "-o", out}).code, 0);
        const QStringList second = folderEntries(dir.path());
        QCOMPARE(second.size(), first.size() + 1); // and changed.nimbus
        for (const QString &name : second) {
            if (name.startsWith("big-part"))
                QVERIFY2(!first.contains(name), qPrintable(name)); // the header names the design
        }
    }

    void outputThroughALinkOrRefused()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath("real"));
        const QString real = dir.filePath("real/findings.sarif");
        putFile(real, "previous\n");
        const QString link = dir.filePath("findings.sarif");
        QVERIFY(::symlink("real/findings.sarif", QFile::encodeName(link).constData()) == 0);
        const QStringList validate{"validate", sourcePath(kSample), "--format", "sarif", "-o"};
        const Run through = run(validate + QStringList{link});
        QVERIFY2(through.code != 2, qPrintable(through.err));
        QVERIFY(isLink(link));
        QVERIFY(fileBytes(real).contains("sarif-2.1.0"));

        const QString hardLink = dir.filePath("copy.sarif");
        QVERIFY(::link(QFile::encodeName(real).constData(),
                       QFile::encodeName(hardLink).constData()) == 0);
        const QByteArray shared = fileBytes(real);
        const Run linked = run(validate + QStringList{hardLink});
        QCOMPARE(linked.code, 2);
        QVERIFY2(linked.err.contains(hardLink + " has 2 hard links; Nimbus leaves it unchanged"),
                 qPrintable(linked.err));
        QCOMPARE(fileBytes(hardLink), shared);

        const QString fifo = dir.filePath("pipe.yaml");
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        const Run piped = run({"export", sourcePath(kSample), "-o", fifo});
        QCOMPARE(piped.code, 2);
        QVERIFY2(
            piped.err.contains(
                fifo +
                " is a FIFO (named pipe), not a regular file; Nimbus writes only regular files"),
            qPrintable(piped.err));
        const Run folder = run(validate + QStringList{dir.filePath("real")});
        QCOMPARE(folder.code, 2);
        QVERIFY2(folder.err.contains("real is a directory, not a regular file"),
                 qPrintable(folder.err));
        const QString picture = dir.filePath("pipe.png");
        QVERIFY(::mkfifo(QFile::encodeName(picture).constData(), 0600) == 0);
        const tests::ChildRun drawn =
            tests::runChild(tests::nimbusProgram(), {"render", sourcePath(kSample), "-o", picture});
        QCOMPARE(drawn.code, 2);
        QVERIFY2(drawn.err.contains(picture + " is a FIFO (named pipe)"), qPrintable(drawn.err));
        QCOMPARE(folderEntries(dir.path()),
                 (QStringList{"copy.sarif", "findings.sarif", "pipe.png", "pipe.yaml", "real"}));

        // /dev/null only once the same check refused it without creating anything.
        model::WriteTarget target;
        std::string error;
        QVERIFY(!model::resolveWriteTarget("/dev/null", target, error));
        const Run device = run(validate + QStringList{"/dev/null"});
        QCOMPARE(device.code, 2);
        QVERIFY2(device.err.contains("/dev/null is a character device, not a regular file"),
                 qPrintable(device.err));
        struct stat st = {};
        QVERIFY(::lstat("/dev/null", &st) == 0 && S_ISCHR(st.st_mode));
    }

    void unreadableInputsSayWhatTheyAre_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString folder = sourcePath("templates");
        QTest::newRow("validate a folder")
            << QStringList{"validate", folder} << folder + ": error: is a directory, not a file";
        QTest::newRow("info /dev/zero")
            << QStringList{"info", "/dev/zero"}
            << "/dev/zero: error: is a character device, not a regular file; "
               "Nimbus reads only regular files";
        QTest::newRow("import a folder")
            << QStringList{"import", folder} << folder + ": error: is a directory, not a file";
        QTest::newRow("prices /dev/zero")
            << QStringList{"estimate", sourcePath(kSample), "--prices", "/dev/zero"}
            << "/dev/zero: error: is a character device, not a regular file";
        QTest::newRow("catalog /dev/zero")
            << QStringList{"info", sourcePath(kSample), "--catalog", "/dev/zero"}
            << "/dev/zero: error: cannot read the catalog folder: Not a directory";
        QTest::newRow("compare /dev/zero")
            << QStringList{"compare", sourcePath(kSample), "/dev/zero"}
            << "/dev/zero: error: is a character device";
    }
    void unreadableInputsSayWhatTheyAre()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = run(args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(!r.err.contains("9223372036854775807") && !r.err.contains("empty"));
    }

    void fifoInputIsRefused()
    {
        QTemporaryDir dir;
        const QString fifo = dir.filePath("design.nimbus");
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        // In a child, so that a reader waiting for a writer fails the test instead of hanging it.
        const tests::ChildRun r = tests::runChild(tests::nimbusProgram(), {"validate", fifo});
        QVERIFY(r.finished);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(fifo + ": error: is a FIFO (named pipe), not a regular file"),
                 qPrintable(r.err));
    }

private:
    QString bigDesign() const { return m_data.filePath("big.nimbus"); }

    QTemporaryDir m_data;
};

QTEST_GUILESS_MAIN(TestCliFiles)
#include "tst_clifiles.moc"
