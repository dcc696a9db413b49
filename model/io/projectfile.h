// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/core/architecture.h>
#include <model/core/diagnostic.h>

#include <string>
#include <unordered_map>
#include <string_view>

namespace nimbus::model {

class Catalog;
struct YamlParseOptions;

/// The project-file format version this build writes, and the newest it reads.
inline constexpr int kProjectFormatVersion = 1;

struct ProjectLoadResult
{
    Architecture architecture; ///< everything that could be read, even when there are errors
    Diagnostics diagnostics;
    /// The line where each object's id was read, so that findings can point into the file.
    std::unordered_map<std::string, int> idLines;
    bool ok() const { return !hasErrors(diagnostics); }
};

/// Reads a *.nimbus project (docs/file-format.md) from text. Never throws. Every problem is
/// a diagnostic naming `fileName`, line and column: malformed YAML, a missing or newer
/// format header, unknown service types, edges to missing nodes, duplicate ids, property
/// values of the wrong type. What can be kept is kept: unknown keys are preserved for
/// writing back, a node of an unknown type stays (validation reports it), a property of
/// the wrong type keeps its text.
/// How a project file is parsed: the YAML limits, and the counts of nodes, edges, groups,
/// notes and scenarios checked while reading (model/core/limits.h).
YamlParseOptions projectParseOptions();

ProjectLoadResult readProject(std::string_view text, const std::string &fileName,
                              const Catalog &catalog);
ProjectLoadResult readProjectFile(const std::string &path, const Catalog &catalog);

/// Writes a project deterministically: groups, nodes, edges and notes sorted by id,
/// properties sorted by key, unknown keys after the known ones in their original order.
/// Writing what readProject returned gives the same bytes again.
std::string writeProject(const Architecture &architecture);

/// Writes the project to `path` atomically (see atomicfile.h). False with `error` filled
/// when it failed; the previous file is then untouched.
bool saveProjectFile(const Architecture &architecture, const std::string &path,
                     std::string &error);

} // namespace nimbus::model
