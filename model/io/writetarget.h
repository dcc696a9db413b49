// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <string>

namespace nimbus::model {

/// Where a write to a path lands, after following symbolic links, and what is there now.
struct WriteTarget
{
    std::string requested; ///< the path as given
    std::string path;      ///< the file to replace: `requested` with its symbolic links followed
    bool exists = false;   ///< false: the file is created
    unsigned mode = 0;     ///< permission bits of the file being replaced
    unsigned uid = 0;      ///< its owner and group, kept where the system allows
    unsigned gid = 0;
};

/// Finds the file that writing `path` replaces, the way editors do: a symbolic link is
/// followed (link by link, at most 40 as the kernel allows) and the file it points to is
/// replaced while the link stays a link; a dangling link is followed too and its target is
/// created. False with `error` set when the target is a directory, a device, a FIFO or a
/// socket ("… is a character device, not a regular file; Nimbus writes only regular files"),
/// when it is a regular file with more than one hard link (replacing it would separate it from
/// its other names, writing it in place would not be atomic: Nimbus leaves it unchanged), or
/// when it cannot be examined. Nothing is created or changed.
bool resolveWriteTarget(const std::string &path, WriteTarget &target, std::string &error);

/// The start of the names of the temporary files written beside a file named `fileName`:
/// ".NAME.saving-" (NAME shortened when the whole name would be too long for the folder).
/// mkstemp() completes it with six letters or digits.
std::string temporaryPrefix(const std::string &fileName);

/// A temporary file not modified for this long, and not locked by a Nimbus writing it,
/// was left by a run that was killed.
inline constexpr std::chrono::seconds kStaleTemporaryAge{120};

/// Removes the temporary files that runs killed while writing `target` (a path with its
/// links followed) left beside it: only names matching exactly temporaryPrefix() and six
/// letters or digits, only regular files, only those older than kStaleTemporaryAge and
/// that no process holds locked (a Nimbus holds an exclusive flock on its temporary file
/// while writing it). Returns how many were removed. Never fails: what cannot be examined
/// or removed is left as it is.
int removeStaleTemporaries(const std::string &target);

/// An exclusive advisory lock (flock) on a folder for as long as it lives, so that two
/// Nimbus processes replacing a set of files in the same folder do it one after the other.
/// Best effort: on a file system without locks it locks nothing.
class FolderLock final
{
public:
    explicit FolderLock(const std::string &folder);
    ~FolderLock();
    FolderLock(const FolderLock &) = delete;
    FolderLock &operator=(const FolderLock &) = delete;

private:
    int m_fd = -1;
};

} // namespace nimbus::model
