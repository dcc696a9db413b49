// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/io/yamlreader.h>

#include <optional>
#include <string>
#include <string_view>

namespace nimbus::model {

/// Reads the YAML that CloudFormation / SAM templates, JSON templates and Nimbus's own files
/// use, several times faster than yaml-cpp: block maps and lists, plain, quoted and block
/// scalars, flow collections, comments, local ("!Ref") and "!!" tags, one optional "---".
///
/// Whenever it returns a result, that result is exactly what parseYamlWithYamlCpp() gives for
/// the same text: the same Tree (kinds, text, tags, quoted and flow flags, the 1-based line
/// and column of every node, entry order) and the same duplicate-key warnings. For anything
/// it does not read with certainty (anchors, aliases, complex keys, directives, several
/// documents, indentation indicators, tabs used as indentation, a lone "\r", a 0x04 byte
/// (yaml-cpp's end-of-input mark), every syntax error, a duplicate key that is an error, a
/// crossed limit) it returns std::nullopt ("not handled"), and `whyNot`, when given, says
/// what and where; the caller then uses yaml-cpp, which produces the diagnostics.
std::optional<YamlParseResult> parseYamlFast(std::string_view text, const std::string &fileName,
                                             const YamlParseOptions &options = {},
                                             std::string *whyNot = nullptr);

/// The full parser on yaml-cpp events: every YAML construct and every diagnostic. parseYaml()
/// falls back to it whenever parseYamlFast() declines; tests call it to compare the two.
YamlParseResult parseYamlWithYamlCpp(std::string_view text, const std::string &fileName,
                                     const YamlParseOptions &options = {});

} // namespace nimbus::model
