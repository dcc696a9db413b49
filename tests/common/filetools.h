// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace nimbus::tests {

/// While it lives, no file this process writes can grow past `bytes` (RLIMIT_FSIZE, with
/// SIGXFSZ ignored): writes fail with EFBIG ("File too large") as they fail on a full disk.
/// Needs no root. Only for tests whose process runs no other writing thread.
class FileSizeLimit final
{
public:
    explicit FileSizeLimit(unsigned long long bytes);
    ~FileSizeLimit();
    FileSizeLimit(const FileSizeLimit &) = delete;
    FileSizeLimit &operator=(const FileSizeLimit &) = delete;

private:
    unsigned long long m_previous = 0;
};

/// What a child process did.
struct ChildRun
{
    bool finished = false; ///< false: it did not start, crashed or was still running after 120 s
    int code = -1;
    QString out;
    QString err;
};

/// Runs `program` with `args` in a child process whose files cannot grow past
/// `maxFileSize` bytes (0: no limit), set between fork and exec. SIGXFSZ gets its default
/// action, so a program that does not ignore it is killed (`finished` false).
ChildRun
runChild(const QString &program, const QStringList &args, unsigned long long maxFileSize = 0,
         const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

/// The built `nimbus` program ($NIMBUS_PROGRAM, else ../app/nimbus beside the test).
QString nimbusProgram();

/// Every name in `folder`, hidden ones included (to check that no temporary file is left).
QStringList folderEntries(const QString &folder);

/// The whole content of a file; empty when it cannot be read.
QByteArray fileBytes(const QString &path);

/// Writes `bytes` to `path` directly (test set-up only).
void putFile(const QString &path, const QByteArray &bytes);

} // namespace nimbus::tests
