// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "atomicfile.h"

#include "filekind.h"
#include "writetarget.h"

#include <algorithm>
#include <cerrno>
#include <filesystem>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace nimbus::model {

namespace {

namespace fs = std::filesystem;

RenameHook s_renameHook = nullptr;

/// A complete, flushed temporary copy, waiting to be renamed over its target.
struct Staged
{
    std::string temporary;
    std::string target;    ///< the file replaced, links followed
    std::string requested; ///< the name the caller gave, for messages
};

bool cannotWrite(std::string &error, const std::string &path, int errnum)
{
    error = "cannot write " + path + ": " + systemErrorText(errnum);
    return false;
}

fs::path folderOf(const std::string &path)
{
    const fs::path file(path);
    return file.has_parent_path() ? file.parent_path() : fs::path(".");
}

/// Writes all of `content`; false with `errnum` set on an error (a full disk often shows as
/// a short write first and the error on the next call).
bool writeAll(int fd, std::string_view content, int &errnum)
{
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            errnum = n == 0 ? EIO : errno;
            return false;
        }
        written += static_cast<std::size_t>(n);
    }
    return true;
}

/// The new file gets the old file's permissions, and its owner and group where the
/// system allows it (root, or a group the user is in); a new file gets 0666 less the umask.
void keepOwnerAndMode(int fd, const WriteTarget &target)
{
    if (!target.exists) {
        const mode_t mask = ::umask(0);
        ::umask(mask);
        ::fchmod(fd, 0666 & ~mask);
        return;
    }
    if (::fchown(fd, target.uid, target.gid) != 0 &&
        ::fchown(fd, static_cast<uid_t>(-1), target.gid) != 0) {
        // Not permitted: the new file keeps the writer's owner and group.
    }
    ::fchmod(fd, target.mode); // after chown, which clears the set-id bits
}

/// Writes `content` to a new temporary file beside `target`, checked complete and flushed.
bool writeTemporary(const WriteTarget &target, std::string_view content, std::string &temporary,
                    std::string &error)
{
    const fs::path folder = folderOf(target.path);
    temporary =
        (folder / (temporaryPrefix(fs::path(target.path).filename().string()) + "XXXXXX")).string();
    const int fd = ::mkstemp(temporary.data());
    if (fd < 0) {
        error = "cannot write " + target.requested + ": cannot create a file in " +
                folder.string() + ": " + systemErrorText(errno);
        return false;
    }
    ::flock(fd, LOCK_EX); // tells removeStaleTemporaries() in other processes that it is in use
    keepOwnerAndMode(fd, target);
    int errnum = 0;
    bool ok = writeAll(fd, content, errnum);
    if (ok && ::fsync(fd) != 0) {
        errnum = errno;
        ok = false;
    }
    struct stat written = {};
    const bool complete =
        !ok || (::fstat(fd, &written) == 0 && std::size_t(written.st_size) == content.size());
    if (::close(fd) != 0 && ok) {
        errnum = errno;
        ok = false;
    }
    if (ok && complete)
        return true;
    ::unlink(temporary.c_str());
    if (!complete) {
        error = "cannot write " + target.requested + ": only " + std::to_string(written.st_size) +
                " of " + std::to_string(content.size()) + " bytes reached the disk";
        return false;
    }
    return cannotWrite(error, target.requested, errnum);
}

bool stage(const std::string &path, std::string_view content, Staged &staged, std::string &error)
{
    WriteTarget target;
    if (!resolveWriteTarget(path, target, error))
        return false;
    removeStaleTemporaries(target.path);
    if (!writeTemporary(target, content, staged.temporary, error))
        return false;
    staged.target = target.path;
    staged.requested = path;
    return true;
}

void discard(const std::vector<Staged> &staged, std::size_t from)
{
    for (std::size_t i = from; i < staged.size(); ++i)
        ::unlink(staged[i].temporary.c_str());
}

bool rename(const Staged &staged, std::string &error)
{
    if (::rename(staged.temporary.c_str(), staged.target.c_str()) == 0)
        return true;
    error = "cannot replace " + staged.requested + ": " + systemErrorText(errno);
    return false;
}

void syncFolder(const fs::path &folder)
{
    // Makes the renames durable; a failure here cannot be repaired and the data is in
    // place, so it is not reported.
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

void syncFolders(const std::vector<Staged> &staged, std::size_t count)
{
    std::vector<fs::path> folders;
    for (std::size_t i = 0; i < count; ++i) {
        fs::path folder = folderOf(staged[i].target);
        if (std::find(folders.begin(), folders.end(), folder) == folders.end())
            folders.push_back(std::move(folder));
    }
    for (const fs::path &folder : folders)
        syncFolder(folder);
}

} // namespace

bool writeFileAtomically(const std::string &path, std::string_view content, std::string &error)
{
    Staged staged;
    if (!stage(path, content, staged, error))
        return false;
    if (!rename(staged, error)) {
        ::unlink(staged.temporary.c_str());
        return false;
    }
    syncFolder(folderOf(staged.target));
    return true;
}

bool writeFileSetAtomically(const std::vector<OutputFile> &files, std::string &error)
{
    std::vector<Staged> staged;
    staged.reserve(files.size());
    for (const OutputFile &file : files) {
        Staged next;
        if (!stage(file.path, file.content, next, error)) {
            discard(staged, 0);
            return false;
        }
        const std::string target = next.target;
        const auto same = [&](const Staged &s) { return s.target == target; };
        staged.push_back(std::move(next));
        if (std::count_if(staged.begin(), staged.end(), same) > 1) {
            error = "cannot write " + file.path + ": the set names this file twice";
            discard(staged, 0);
            return false;
        }
    }
    for (std::size_t i = 0; i < staged.size(); ++i) {
        if (i > 0 && i + 1 == staged.size())
            syncFolders(staged, i); // the others are durable before the last one names them
        if (!rename(staged[i], error)) {
            discard(staged, i);
            return false;
        }
        if (s_renameHook)
            s_renameHook(i + 1);
    }
    if (!staged.empty())
        syncFolder(folderOf(staged.back().target));
    return true;
}

void setRenameHookForTesting(RenameHook hook)
{
    s_renameHook = hook;
}

} // namespace nimbus::model
