// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// How Nimbus writes and reads the files a user names: symbolic links written through,
// devices, FIFOs, sockets, directories and hard links refused, sets of files replaced so that
// a kill never mixes two versions, temporary files of killed runs cleaned, and inputs that
// are no regular files refused with a message that says so.

#include "common/filetools.h"
#include "common/testdata.h"

#include <model/iac/exporter.h>
#include <model/iac/exportfiles.h>
#include <model/iac/importer.h>
#include <model/io/atomicfile.h>
#include <model/io/catalogreader.h>
#include <model/io/pricelistreader.h>
#include <model/io/projectfile.h>
#include <model/io/textfile.h>
#include <model/io/writetarget.h>
#include <model/io/yamlreader.h>

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/time.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace nimbus;
using namespace nimbus::model;
using tests::fileBytes;
using tests::folderEntries;
using tests::putFile;

namespace {

bool write(const QString &path, const std::string &content, std::string &error)
{
    return writeFileAtomically(path.toStdString(), content, error);
}

struct stat lstatOf(const QString &path)
{
    struct stat st = {};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        st.st_mode = 0;
    return st;
}

/// Moves the modification time of `path` `seconds` into the past.
void makeOlder(const QString &path, int seconds)
{
    timeval now{};
    ::gettimeofday(&now, nullptr);
    const timeval times[2] = {{now.tv_sec - seconds, 0}, {now.tv_sec - seconds, 0}};
    ::lutimes(QFile::encodeName(path).constData(), times);
}

/// An export of version `version` with `parts` nested stack files named by their content.
iac::ExportResult exportSet(const std::string &version, int parts)
{
    iac::ExportResult result;
    std::string main = "# main template " + version + "\n";
    for (int i = 1; i <= parts; ++i) {
        const std::string text = "# part " + std::to_string(i) + " of " + version + "\n";
        const std::string name = iac::partFileName("web", std::size_t(i), text);
        result.files.push_back({name, text});
        main += "Location: ./" + name + "\n";
    }
    result.files.insert(result.files.begin(), {"web.yaml", main});
    return result;
}

/// The version of the main template in `folder`, "" unless every part it names is there
/// and belongs to that same version.
QString consistentVersion(const QString &folder)
{
    const QStringList lines =
        QString::fromUtf8(fileBytes(folder + "/web.yaml")).split('\n', Qt::SkipEmptyParts);
    if (lines.isEmpty() || !lines.front().startsWith("# main template "))
        return {};
    const QString version = lines.front().mid(16);
    for (const QString &line : lines.mid(1)) {
        const QByteArray part =
            fileBytes(folder + '/' + line.mid(QStringLiteral("Location: ./").size()));
        if (!part.endsWith(" of " + version.toUtf8() + '\n'))
            return {};
    }
    return version;
}

std::size_t s_killAfter = 0;

} // namespace

class TestFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fullDiskNamesTheFileAndTheReason()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("report.sarif");
        putFile(path, "previous\n");
        std::string error;
        bool written = false;
        {
            const tests::FileSizeLimit limit(64);
            written = write(path, std::string(4096, 'x'), error);
        }
        QVERIFY(!written);
        QCOMPARE(QString::fromStdString(error), "cannot write " + path + ": File too large");
        QCOMPARE(fileBytes(path), QByteArray("previous\n"));
        QCOMPARE(folderEntries(dir.path()), QStringList{"report.sarif"});
    }

    void symlinkIsWrittenThrough()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath("real") && QDir(dir.path()).mkpath("links"));
        const QString real = dir.filePath("real/design.nimbus");
        putFile(real, "old\n");
        QVERIFY(::chmod(QFile::encodeName(real).constData(), 0640) == 0);
        const QString link = dir.filePath("links/design.nimbus");
        const QString linkToLink = dir.filePath("links/again.nimbus");
        QVERIFY(::symlink("../real/design.nimbus", QFile::encodeName(link).constData()) == 0);
        QVERIFY(::symlink("design.nimbus", QFile::encodeName(linkToLink).constData()) == 0);

        std::string error;
        QVERIFY2(write(link, "new\n", error), error.c_str());
        QVERIFY(S_ISLNK(lstatOf(link).st_mode));
        QCOMPARE(QFile::symLinkTarget(link), real);
        QCOMPARE(fileBytes(real), QByteArray("new\n"));
        QCOMPARE(lstatOf(real).st_mode & 07777, mode_t(0640));
        QVERIFY2(write(linkToLink, "newer\n", error), error.c_str());
        QVERIFY(S_ISLNK(lstatOf(linkToLink).st_mode) && S_ISLNK(lstatOf(link).st_mode));
        QCOMPARE(fileBytes(real), QByteArray("newer\n"));
        QCOMPARE(folderEntries(dir.filePath("real")), QStringList{"design.nimbus"});
        QCOMPARE(folderEntries(dir.filePath("links")),
                 (QStringList{"again.nimbus", "design.nimbus"}));
    }

    void danglingSymlinkCreatesItsTarget()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath("real"));
        const QString link = dir.filePath("out.yaml");
        QVERIFY(::symlink("real/template.yaml", QFile::encodeName(link).constData()) == 0);
        std::string error;
        QVERIFY2(write(link, "Resources: {}\n", error), error.c_str());
        QVERIFY(S_ISLNK(lstatOf(link).st_mode));
        QCOMPARE(fileBytes(dir.filePath("real/template.yaml")), QByteArray("Resources: {}\n"));

        const QString intoNowhere = dir.filePath("lost.yaml");
        QVERIFY(::symlink("missing/template.yaml", QFile::encodeName(intoNowhere).constData()) ==
                0);
        QVERIFY(!write(intoNowhere, "x\n", error));
        QVERIFY2(QString::fromStdString(error).contains("No such file or directory"),
                 error.c_str());
        QVERIFY(S_ISLNK(lstatOf(intoNowhere).st_mode));
    }

    void symlinkLoopIsRefused()
    {
        QTemporaryDir dir;
        const QString a = dir.filePath("a.pdf");
        const QString b = dir.filePath("b.pdf");
        QVERIFY(::symlink("b.pdf", QFile::encodeName(a).constData()) == 0);
        QVERIFY(::symlink("a.pdf", QFile::encodeName(b).constData()) == 0);
        std::string error;
        QVERIFY(!write(a, "x", error));
        QCOMPARE(QString::fromStdString(error),
                 "cannot write " + a + ": Too many levels of symbolic links");
        QVERIFY(S_ISLNK(lstatOf(a).st_mode) && S_ISLNK(lstatOf(b).st_mode));
        QCOMPARE(folderEntries(dir.path()), (QStringList{"a.pdf", "b.pdf"}));
    }

    void directoryFifoAndSocketAreRefused()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath("out.png");
        QVERIFY(QDir(dir.path()).mkdir("out.png"));
        const QString fifo = dir.filePath("pipe.csv");
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        const QString socketPath = dir.filePath("sock.svg");
        const int sock = ::socket(AF_UNIX, SOCK_STREAM, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        qstrncpy(address.sun_path, QFile::encodeName(socketPath).constData(),
                 sizeof address.sun_path);
        QVERIFY(::bind(sock, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0);

        std::string error;
        QVERIFY(!write(folder, "x", error));
        QCOMPARE(QString::fromStdString(error),
                 folder + " is a directory, not a regular file; Nimbus writes only regular files");
        QVERIFY(!write(fifo, "x", error));
        QCOMPARE(
            QString::fromStdString(error),
            fifo + " is a FIFO (named pipe), not a regular file; Nimbus writes only regular files");
        QVERIFY(!write(socketPath, "x", error));
        QVERIFY2(QString::fromStdString(error).contains("is a socket, not a regular file"),
                 error.c_str());
        ::close(sock);
        QVERIFY(S_ISDIR(lstatOf(folder).st_mode));
        QVERIFY(S_ISFIFO(lstatOf(fifo).st_mode));
        QVERIFY(S_ISSOCK(lstatOf(socketPath).st_mode));
        QCOMPARE(folderEntries(dir.path()), (QStringList{"out.png", "pipe.csv", "sock.svg"}));
    }

    void devicesAreRefused()
    {
        // The same check on things that cost nothing to lose first: a FIFO, then (as root)
        // a private copy of /dev/null. /dev/null itself is tried only when both were refused
        // and resolveWriteTarget(), which creates nothing, refuses it too.
        QTemporaryDir dir;
        const QString fifo = dir.filePath("fifo");
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        std::string error;
        QVERIFY(!write(fifo, "x", error));
        const QString copy = dir.filePath("null");
        if (::mknod(QFile::encodeName(copy).constData(), S_IFCHR | 0666, makedev(1, 3)) == 0) {
            QVERIFY(!write(copy, "x", error));
            QVERIFY(S_ISCHR(lstatOf(copy).st_mode));
        }
        WriteTarget target;
        QVERIFY(!resolveWriteTarget("/dev/null", target, error));

        const struct stat before = lstatOf("/dev/null");
        QVERIFY(S_ISCHR(before.st_mode));
        QVERIFY(!write("/dev/null", "x", error));
        QCOMPARE(QString::fromStdString(error),
                 QString("/dev/null is a character device, not a regular file; Nimbus writes only "
                         "regular files"));
        const QString link = dir.filePath("report.pdf");
        QVERIFY(::symlink("/dev/null", QFile::encodeName(link).constData()) == 0);
        QVERIFY(!write(link, "x", error));
        QCOMPARE(QString::fromStdString(error),
                 link + " (a link to /dev/null) is a character device, not a regular file; "
                        "Nimbus writes only regular files");
        const struct stat after = lstatOf("/dev/null");
        QVERIFY(S_ISCHR(after.st_mode));
        QCOMPARE(after.st_ino, before.st_ino);
        QCOMPARE(after.st_rdev, before.st_rdev);
        QVERIFY(QDir("/dev")
                    .entryList({".null.saving-*"}, QDir::Hidden | QDir::System | QDir::Files)
                    .isEmpty());
    }

    void hardLinkedFileIsRefused()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath("design.nimbus");
        const QString other = dir.filePath("snapshot.nimbus");
        putFile(file, "old\n");
        QVERIFY(::link(QFile::encodeName(file).constData(), QFile::encodeName(other).constData()) ==
                0);
        std::string error;
        QVERIFY(!write(file, "new\n", error));
        QVERIFY2(QString::fromStdString(error).startsWith(
                     file + " has 2 hard links; Nimbus leaves it unchanged"),
                 error.c_str());
        QCOMPARE(fileBytes(file), QByteArray("old\n"));
        QCOMPARE(lstatOf(file).st_ino, lstatOf(other).st_ino);
        QCOMPARE(folderEntries(dir.path()), (QStringList{"design.nimbus", "snapshot.nimbus"}));
    }

    void ownerAndPermissionsAreKept()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath("design.nimbus");
        putFile(file, "old\n");
        QVERIFY(::chmod(QFile::encodeName(file).constData(), 0640) == 0);
        const bool root = ::geteuid() == 0;
        if (root)
            QVERIFY(::chown(QFile::encodeName(file).constData(), 4321, 4321) == 0);
        std::string error;
        QVERIFY2(write(file, "new\n", error), error.c_str());
        QCOMPARE(lstatOf(file).st_mode & 07777, mode_t(0640));
        if (root) {
            QCOMPARE(lstatOf(file).st_uid, uid_t(4321));
            QCOMPARE(lstatOf(file).st_gid, gid_t(4321));
        }
    }

    void staleTemporariesAreRemoved()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath("design.nimbus");
        const QString killed = dir.filePath(".design.nimbus.saving-Ab12Cd");
        const QString writing = dir.filePath(".design.nimbus.saving-Zz99Yy"); // fresh
        const QString locked = dir.filePath(".design.nimbus.saving-Lock01");  // old, in use
        const QStringList notOurs = {".other.nimbus.saving-Ab12Cd", ".design.nimbus.saving-Ab12C",
                                     ".design.nimbus.saving-Ab12Cd.bak",
                                     ".design.nimbus.saving-Ab-2Cd"};
        for (const QString &path : QStringList{killed, writing, locked})
            putFile(path, "partial");
        for (const QString &name : notOurs)
            putFile(dir.filePath(name), "keep");
        QVERIFY(QDir(dir.path()).mkdir(".design.nimbus.saving-Dir123"));
        for (const QString &name : folderEntries(dir.path())) {
            if (dir.filePath(name) != writing)
                makeOlder(dir.filePath(name), 600);
        }
        const int lock = ::open(QFile::encodeName(locked).constData(), O_RDONLY);
        QVERIFY(lock >= 0 && ::flock(lock, LOCK_EX) == 0);

        std::string error;
        QVERIFY2(write(target, "design\n", error), error.c_str());
        ::close(lock);
        QStringList expected =
            notOurs + QStringList{".design.nimbus.saving-Dir123", ".design.nimbus.saving-Lock01",
                                  ".design.nimbus.saving-Zz99Yy", "design.nimbus"};
        expected.sort();
        QCOMPARE(folderEntries(dir.path()), expected);
    }

    void partNamesFollowTheirContent()
    {
        const std::string a = iac::partFileName("web", 1, "Resources: {A: 1}\n");
        QVERIFY(QString::fromStdString(a).contains(
            QRegularExpression("^web-part1-[0-9a-f]{8}\\.yaml$")));
        QCOMPARE(iac::partFileName("web", 1, "Resources: {A: 1}\n"), a);
        QVERIFY(iac::partFileName("web", 1, "Resources: {A: 2}\n") != a);
        QVERIFY(iac::isPartFileName("web", a));
        QVERIFY(iac::isPartFileName("web", "web-part12-0123abcd.yaml"));
        for (const char *name :
             {"web.yaml", "web-part1.yaml", "web-part-0123abcd.yaml", "web-part1-0123ABCD.yaml",
              "web-part1-0123abc.yaml", "web-partx-0123abcd.yaml", "webs-part1-0123abcd.yaml",
              "web-part1-0123abcd.yml"})
            QVERIFY2(!iac::isPartFileName("web", name), name);
    }

    void exportSetReplacesTheWholeSet()
    {
        QTemporaryDir dir;
        const std::string main = dir.filePath("web.yaml").toStdString();
        std::string error;
        QVERIFY2(iac::writeExportFiles(exportSet("v1", 3), main, error), error.c_str());
        QCOMPARE(consistentVersion(dir.path()), QString("v1"));
        putFile(dir.filePath("web-part1.yaml"), "an old-style part or a file of the user\n");
        QVERIFY2(iac::writeExportFiles(exportSet("v2", 2), main, error), error.c_str());
        QCOMPARE(consistentVersion(dir.path()), QString("v2"));
        QCOMPARE(folderEntries(dir.path()).size(), 4); // main, two parts, the file not ours
        QVERIFY2(iac::writeExportFiles(exportSet("v3", 0), main, error), error.c_str());
        QCOMPARE(folderEntries(dir.path()), (QStringList{"web-part1.yaml", "web.yaml"}));
    }

    void exportThroughALinkPutsThePartsBesideItsTarget()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath("deploy"));
        const QString link = dir.filePath("web.yaml");
        QVERIFY(::symlink("deploy/web.yaml", QFile::encodeName(link).constData()) == 0);
        std::string error;
        QVERIFY2(iac::writeExportFiles(exportSet("v1", 2), link.toStdString(), error),
                 error.c_str());
        QVERIFY(S_ISLNK(lstatOf(link).st_mode));
        QCOMPARE(consistentVersion(dir.filePath("deploy")), QString("v1"));
        QCOMPARE(folderEntries(dir.filePath("deploy")).size(), 3);
        QCOMPARE(folderEntries(dir.path()), (QStringList{"deploy", "web.yaml"}));
    }

    void failedExportChangesNothing()
    {
        QTemporaryDir dir;
        const std::string main = dir.filePath("web.yaml").toStdString();
        std::string error;
        QVERIFY2(iac::writeExportFiles(exportSet("v1", 2), main, error), error.c_str());
        const QStringList before = folderEntries(dir.path());
        iac::ExportResult next = exportSet("v2", 2);
        next.files[2].text += std::string(4096, '#'); // the second part does not fit
        bool written = false;
        {
            const tests::FileSizeLimit limit(1024);
            written = iac::writeExportFiles(next, main, error);
        }
        QVERIFY(!written);
        QVERIFY2(QString::fromStdString(error).endsWith(
                     QString::fromStdString(next.files[2].fileName) + ": File too large"),
                 error.c_str());
        QCOMPARE(consistentVersion(dir.path()), QString("v1"));
        QCOMPARE(folderEntries(dir.path()), before);
    }

    void killedExportLeavesAConsistentSet_data()
    {
        QTest::addColumn<int>("renames");
        QTest::addColumn<QString>("version");
        QTest::newRow("after the first part") << 1 << "v1";
        QTest::newRow("after the parts") << 2 << "v1";
        QTest::newRow("after the main template") << 3 << "v2";
    }
    void killedExportLeavesAConsistentSet()
    {
        QFETCH(int, renames);
        QFETCH(QString, version);
        QTemporaryDir dir;
        const std::string main = dir.filePath("web.yaml").toStdString();
        std::string error;
        QVERIFY2(iac::writeExportFiles(exportSet("v1", 3), main, error), error.c_str());

        const pid_t child = ::fork();
        if (child == 0) {
            s_killAfter = std::size_t(renames);
            setRenameHookForTesting([](std::size_t renamed) {
                if (renamed == s_killAfter)
                    ::raise(SIGKILL);
            });
            iac::writeExportFiles(exportSet("v2", 2), main, error);
            ::_exit(0);
        }
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
        QCOMPARE(consistentVersion(dir.path()), version);

        // The next run, minutes later, completes the set and removes what the killed one left.
        for (const QString &name : folderEntries(dir.path()))
            makeOlder(dir.filePath(name), 600);
        QVERIFY2(iac::writeExportFiles(exportSet("v2", 2), main, error), error.c_str());
        QCOMPARE(consistentVersion(dir.path()), QString("v2"));
        QCOMPARE(folderEntries(dir.path()).size(), 3);
        QVERIFY(folderEntries(dir.path()).filter(".saving-").isEmpty());
    }

    void nonRegularInputsAreRefused_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        QTest::newRow("directory") << QDir::tempPath() << "is a directory, not a file";
        QTest::newRow("zero device")
            << "/dev/zero"
            << "is a character device, not a regular file; Nimbus reads only regular files";
        QTest::newRow("missing") << "/nonexistent/design.nimbus"
                                 << "cannot open the file: No such file or directory";
    }
    void nonRegularInputsAreRefused()
    {
        QFETCH(QString, path);
        QFETCH(QString, message);
        const std::string p = path.toStdString();
        const std::vector<Diagnostics> results = {
            readProjectFile(p, tests::builtinCatalog()).diagnostics,
            iac::importTemplateFile(p, tests::builtinCatalog()).diagnostics,
            readPriceListFile(p).diagnostics,
            parseYamlFile(p).diagnostics,
        };
        for (const Diagnostics &diagnostics : results) {
            QCOMPARE(diagnostics.size(), std::size_t(1));
            QCOMPARE(QString::fromStdString(diagnostics.front().toString()),
                     path + ": error: " + message);
        }
    }

    void fifoInputIsRefusedWithoutWaiting()
    {
        QTemporaryDir dir;
        const QString fifo = dir.filePath("design.nimbus");
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        // In a child with an alarm, so that a reader that waits for a writer fails the test
        // instead of hanging it.
        const pid_t child = ::fork();
        if (child == 0) {
            ::alarm(60);
            std::string text;
            std::string error;
            const bool read = readTextFile(fifo.toStdString(), text, error, 1024);
            ::_exit(!read && error == "is a FIFO (named pipe), not a regular file; Nimbus reads "
                                      "only regular files"
                        ? 0
                        : 1);
        }
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY2(WIFEXITED(status) && WEXITSTATUS(status) == 0, "the FIFO was not refused at once");
    }

    void catalogFolderThatIsNoFolder()
    {
        const CatalogLoadResult result = readCatalogDirectory("/dev/zero");
        QVERIFY(!result.ok());
        QCOMPARE(QString::fromStdString(result.diagnostics.front().toString()),
                 QString("/dev/zero: error: cannot read the catalog folder: Not a directory"));
    }
};

QTEST_GUILESS_MAIN(TestFiles)
#include "tst_files.moc"
