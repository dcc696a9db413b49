// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/core/diagnostic.h>
#include <model/core/tree.h>
#include <model/io/textfile.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace nimbus::model {

/// Limits that keep hostile or broken input from exhausting memory or time.
struct YamlParseOptions
{
    std::size_t maxBytes = 64u * 1024u * 1024u; ///< larger files are refused before parsing
    std::size_t maxNodes = 2'000'000;           ///< counted after expanding aliases
    int maxDepth = 200;                         ///< nesting of maps and sequences
    bool duplicateKeysAreErrors = true; ///< otherwise a warning, and the last value wins
};

struct YamlParseResult
{
    Tree tree;
    Diagnostics diagnostics;
    bool ok() const { return !hasErrors(diagnostics); }
};

/// Parses one YAML document into a Tree, keeping tags, quoting and source positions.
/// Never throws: syntax errors, duplicate keys, alias bombs, too-deep nesting and extra
/// documents become diagnostics that name `fileName`, the line and the column.
YamlParseResult parseYaml(std::string_view text, const std::string &fileName,
                          const YamlParseOptions &options = {});

/// Reads and parses a file; an unreadable or oversized file is a diagnostic too.
YamlParseResult parseYamlFile(const std::string &path, const YamlParseOptions &options = {});

} // namespace nimbus::model
