// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "filekind.h"

#include <cstring>

#include <sys/stat.h>

namespace nimbus::model {

std::string fileKindName(unsigned mode)
{
    switch (mode & S_IFMT) {
    case S_IFDIR:
        return "a directory";
    case S_IFCHR:
        return "a character device";
    case S_IFBLK:
        return "a block device";
    case S_IFIFO:
        return "a FIFO (named pipe)";
    case S_IFSOCK:
        return "a socket";
    case S_IFLNK:
        return "a symbolic link";
    case S_IFREG:
        return "a regular file";
    default:
        return "a special file";
    }
}

std::string systemErrorText(int errnum)
{
    char buffer[256] = {};
    // GNU strerror_r returns the text, which may or may not be in `buffer`.
    const char *text = strerror_r(errnum, buffer, sizeof buffer);
    const std::string result = text ? text : "";
    if (result.empty() || result.rfind("Unknown error", 0) == 0)
        return "error " + std::to_string(errnum);
    return result;
}

} // namespace nimbus::model
