// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace nimbus::model {

/// One file of an output: where it goes and its complete content.
struct OutputFile
{
    std::string path;
    std::string content;
};

/// The one way Nimbus writes a file (designs, autosaves, templates, diagrams, reports, CSV,
/// SARIF, screenshots). Replaces the file at `path` with `content` so that, whatever
/// happens, the file holds either its old or its new content in full:
/// - the target is examined first (resolveWriteTarget): a symbolic link is written through
///   and stays a link; a directory, device, FIFO or socket, or a file with several hard
///   links, is refused and left as it is;
/// - temporary files that a killed run left beside the target are removed
///   (removeStaleTemporaries);
/// - the content goes to a temporary file beside the target (".NAME.saving-XXXXXX", locked
///   while it is written), is checked complete (a short write is an error), flushed to disk
///   (fsync), given the old file's permissions (and owner where the system allows), then
///   renamed over the target, and the folder is flushed too.
/// On failure the temporary file is removed, the target is left as it was, and `error`
/// names the file and the reason ("cannot write out.pdf: No space left on device").
bool writeFileAtomically(const std::string &path, std::string_view content, std::string &error);

/// Writes `files` as a set. Every content is first written to a temporary file beside its
/// target and checked as writeFileAtomically() does; only when all of them are complete are
/// they renamed over their targets, in the order given, and the renames of all but the last
/// are flushed to disk before the last one is made. Callers put last the file that names
/// the others (a split template's main file), and give the others names of their own per
/// version, so that a run killed at any point leaves the previous main file with the files
/// it names. False with `error` set, and no target changed, when any file cannot be
/// written; a rename that fails half way is reported too (those before it are done).
bool writeFileSetAtomically(const std::vector<OutputFile> &files, std::string &error);

/// For tests: called after each rename writeFileSetAtomically() makes, with the number
/// made so far, so that a test can stop the process at a chosen point. nullptr: none.
using RenameHook = void (*)(std::size_t renamed);
void setRenameHookForTesting(RenameHook hook);

} // namespace nimbus::model
