// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "writetarget.h"

#include "filekind.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <filesystem>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace nimbus::model {

namespace {

namespace fs = std::filesystem;

constexpr int kMaxLinks = 40;          ///< Linux's limit on symbolic links in one lookup
constexpr std::size_t kNameMax = 255;  ///< longest file name on the file systems Linux uses
constexpr std::size_t kRandomPart = 6; ///< the XXXXXX of mkstemp()

bool cannotWrite(std::string &error, const std::string &path, int errnum)
{
    error = "cannot write " + path + ": " + systemErrorText(errnum);
    return false;
}

/// The existing file at `current` (symbolic links followed) is refused, or taken.
bool acceptExisting(const std::string &requested, const std::string &current, const struct stat &st,
                    WriteTarget &target, std::string &error)
{
    const std::string shown =
        current == requested ? requested : requested + " (a link to " + current + ")";
    if (!S_ISREG(st.st_mode)) {
        error = shown + " is " + fileKindName(st.st_mode) +
                ", not a regular file; Nimbus writes only regular files";
        return false;
    }
    if (st.st_nlink > 1) {
        error = shown + " has " + std::to_string(st.st_nlink) +
                " hard links; Nimbus leaves it unchanged, as replacing it would split it from its "
                "other links and writing it in place would not be atomic (write to another name, "
                "or give it a single link first: cp FILE FILE.new && mv FILE.new FILE)";
        return false;
    }
    target.path = current;
    target.exists = true;
    target.mode = st.st_mode & 07777;
    target.uid = st.st_uid;
    target.gid = st.st_gid;
    return true;
}

bool isTemporaryName(const std::string &name, const std::string &prefix)
{
    return name.size() == prefix.size() + kRandomPart &&
           name.compare(0, prefix.size(), prefix) == 0 &&
           std::all_of(name.begin() + std::ptrdiff_t(prefix.size()), name.end(),
                       [](unsigned char c) { return std::isalnum(c) != 0; });
}

/// Removes `path` when it is an old regular file that no process holds locked.
bool removeIfStale(const fs::path &path)
{
    struct stat st = {};
    if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
        return false;
    const auto modified = std::chrono::system_clock::from_time_t(st.st_mtime);
    if (std::chrono::system_clock::now() - modified < kStaleTemporaryAge)
        return false;
    const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return false;
    // A Nimbus writing the file holds an exclusive lock on it; a killed one holds none.
    const bool removed = ::flock(fd, LOCK_EX | LOCK_NB) == 0 && ::unlink(path.c_str()) == 0;
    ::close(fd);
    return removed;
}

} // namespace

bool resolveWriteTarget(const std::string &path, WriteTarget &target, std::string &error)
{
    target = WriteTarget{};
    target.requested = path;
    if (path.empty()) {
        error = "no output file name was given";
        return false;
    }
    fs::path current(path);
    for (int links = 0;; ++links) {
        struct stat st = {};
        if (::lstat(current.c_str(), &st) != 0) {
            if (errno != ENOENT)
                return cannotWrite(error, path, errno);
            target.path = current.string(); // a new file, or the missing target of a link
            return true;
        }
        if (!S_ISLNK(st.st_mode))
            return acceptExisting(path, current.string(), st, target, error);
        if (links == kMaxLinks)
            return cannotWrite(error, path, ELOOP);
        std::error_code ec;
        const fs::path next = fs::read_symlink(current, ec);
        if (ec)
            return cannotWrite(error, path, ec.value());
        current = next.is_absolute() ? next : current.parent_path() / next;
    }
}

std::string temporaryPrefix(const std::string &fileName)
{
    constexpr std::size_t kFixed = 1 + 8 + kRandomPart; // "." ".saving-" "XXXXXX"
    return "." + fileName.substr(0, kNameMax - kFixed) + ".saving-";
}

int removeStaleTemporaries(const std::string &target)
{
    const fs::path file(target);
    const fs::path folder = file.has_parent_path() ? file.parent_path() : fs::path(".");
    const std::string prefix = temporaryPrefix(file.filename().string());
    int removed = 0;
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        if (isTemporaryName(it->path().filename().string(), prefix) && removeIfStale(it->path()))
            ++removed;
    }
    return removed;
}

FolderLock::FolderLock(const std::string &folder)
    : m_fd(::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC))
{
    if (m_fd < 0)
        return;
    while (::flock(m_fd, LOCK_EX) != 0 && errno == EINTR) {
    }
}

FolderLock::~FolderLock()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

} // namespace nimbus::model
