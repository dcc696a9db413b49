// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "atomicfile.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace nimbus::model {

namespace {

std::string systemError(const char *what)
{
    return std::string(what) + ": " + std::strerror(errno);
}

bool writeAll(int fd, std::string_view content, std::string &error)
{
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (n == 0)
                errno = EIO;
            error = systemError("cannot write the file");
            return false;
        }
        written += static_cast<std::size_t>(n);
    }
    return true;
}

void syncDirectory(const std::filesystem::path &directory)
{
    // Makes the rename itself durable; a failure here cannot be repaired and the data is
    // already in place, so it is not reported.
    const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

} // namespace

bool writeFileAtomically(const std::string &path, std::string_view content, std::string &error)
{
    namespace fs = std::filesystem;
    const fs::path target(path);
    const fs::path directory = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string pattern = (directory / ("." + target.filename().string() + ".saving-XXXXXX"))
                              .string();
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');

    const int fd = ::mkstemp(name.data());
    if (fd < 0) {
        error = systemError("cannot create a temporary file beside the target");
        return false;
    }
    // Keep the permissions of the file being replaced; new files get the usual 0666 & umask.
    struct stat old{};
    if (::stat(path.c_str(), &old) == 0) {
        ::fchmod(fd, old.st_mode & 07777);
    } else {
        const mode_t mask = ::umask(0);
        ::umask(mask);
        ::fchmod(fd, 0666 & ~mask);
    }

    bool ok = writeAll(fd, content, error);
    if (ok && ::fsync(fd) != 0) {
        error = systemError("cannot flush the file to disk");
        ok = false;
    }
    if (::close(fd) != 0 && ok) {
        error = systemError("cannot close the file");
        ok = false;
    }
    if (ok && ::rename(name.data(), path.c_str()) != 0) {
        error = systemError("cannot replace the file");
        ok = false;
    }
    if (!ok) {
        ::unlink(name.data());
        return false;
    }
    syncDirectory(directory);
    return true;
}

} // namespace nimbus::model
