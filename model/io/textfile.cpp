// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "textfile.h"

#include "filekind.h"

#include <algorithm>
#include <cerrno>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace nimbus::model {

namespace {

bool fail(std::string &error, std::string message)
{
    error = std::move(message);
    return false;
}

std::string tooLarge(std::size_t size, std::size_t maxBytes)
{
    return "file is " + std::to_string(size) + " bytes, more than the " + std::to_string(maxBytes) +
           " bytes Nimbus reads";
}

/// Reads `fd` to its end into `text`; a file that grows past `maxBytes` meanwhile is refused.
bool readAll(int fd, std::size_t expected, std::string &text, std::string &error,
             std::size_t maxBytes)
{
    text.assign(expected, '\0');
    std::size_t size = 0;
    for (;;) {
        if (size == text.size())
            text.resize(std::min(maxBytes + 1, text.size() + 65536));
        const ssize_t n = ::read(fd, text.data() + size, text.size() - size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return fail(error, "cannot read the file: " + systemErrorText(errno));
        if (n == 0)
            break;
        size += static_cast<std::size_t>(n);
        if (size > maxBytes)
            return fail(error, tooLarge(size, maxBytes));
    }
    text.resize(size);
    return true;
}

} // namespace

bool readTextFile(const std::string &path, std::string &text, std::string &error,
                  std::size_t maxBytes)
{
    // Non-blocking: opening a FIFO for reading would otherwise wait for a writer.
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return fail(error, "cannot open the file: " + systemErrorText(errno));
    struct stat st = {};
    bool ok = false;
    if (::fstat(fd, &st) != 0)
        fail(error, "cannot read the file: " + systemErrorText(errno));
    else if (S_ISDIR(st.st_mode))
        fail(error, "is a directory, not a file");
    else if (!S_ISREG(st.st_mode))
        fail(error, "is " + fileKindName(st.st_mode) +
                        ", not a regular file; Nimbus reads only regular files");
    else if (static_cast<unsigned long long>(st.st_size) > maxBytes)
        fail(error, tooLarge(static_cast<std::size_t>(st.st_size), maxBytes));
    else
        ok = readAll(fd, static_cast<std::size_t>(st.st_size), text, error, maxBytes);
    ::close(fd);
    return ok;
}

} // namespace nimbus::model
