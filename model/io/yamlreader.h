// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/core/diagnostic.h>
#include <model/core/limits.h>
#include <model/core/tree.h>
#include <model/io/textfile.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace nimbus::model {

/// At most `max` entries in the list or map found at `path` (a key of the root map, a key
/// of the map under it, ...: {"nodes"}, {"Metadata", "Nimbus", "Services"}).
struct YamlSectionLimit
{
    std::vector<std::string> path;
    std::size_t max = 0;
    std::string what; ///< what the entries are, for the message: "services"
};

/// Limits that keep hostile or broken input from exhausting memory or time
/// (model/core/limits.h).
struct YamlParseOptions
{
    std::size_t maxBytes = kMaxFileBytes;  ///< larger files are refused before parsing
    std::size_t maxNodes = kMaxYamlValues; ///< counted after expanding aliases
    int maxDepth = kMaxYamlNesting;        ///< nesting of maps and sequences
    bool duplicateKeysAreErrors = true; ///< otherwise a warning, and the last value wins
    /// Checked while reading: the entry one over a limit stops the parse with an error at
    /// its line and column, so that an oversized design is refused before it is read.
    std::vector<YamlSectionLimit> sectionLimits;
};

/// The message for an entry beyond `limit`: "more than 20,000 services under 'nodes'...".
std::string sectionLimitMessage(const YamlSectionLimit &limit);

/// The limit among `limits` whose path is `keys`, or nullptr.
const YamlSectionLimit *findSectionLimit(const std::vector<YamlSectionLimit> &limits,
                                         const std::vector<const std::string *> &keys);

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
