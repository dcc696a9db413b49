// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace nimbus::model::iac {

struct ExportResult;

/// The file name of part `index` (from 1) of a split export whose text is `text`:
/// "<stem>-part<index>-<hash>.yaml", the hash being 8 hex digits of a 64-bit FNV-1a hash of
/// the text. Each version of a part has a name of its own, so that writing a new version
/// never changes a file the previous main template names (see writeExportFiles()); the same
/// design still gives the same names.
std::string partFileName(const std::string &stem, std::size_t index, std::string_view text);

/// True when `fileName` has the form partFileName() gives the parts of `stem`.
bool isPartFileName(const std::string &stem, const std::string &fileName);

/// Writes an export: the main template at `mainPath` and the nested stack parts, if any,
/// beside it (beside the file it links to, when `mainPath` is a symbolic link), as one set
/// (model::writeFileSetAtomically): every file is written to a temporary file and checked first,
/// then the parts are renamed into place, and the main template last. As parts are named by their
/// content, a run killed at any point leaves either the previous main template with the parts it
/// names, or the new one with its parts. Once the new main template is in place, the parts of
/// earlier versions of the same stem in that folder (names of partFileName()'s form that the new
/// set does not use) are removed. Two Nimbus processes exporting into the same folder take turns
/// (FolderLock). False with `error` set (naming the file and the reason) when a file cannot be
/// written; the previous files are then unchanged.
bool writeExportFiles(const ExportResult &result, const std::string &mainPath, std::string &error);

} // namespace nimbus::model::iac
