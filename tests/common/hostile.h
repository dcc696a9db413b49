// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/core/architecture.h>

#include <string>
#include <vector>

namespace nimbus::model {
class Catalog;
}

namespace nimbus::tests {

/// One text an attacker controls, with a name for test rows.
struct HostileText
{
    const char *name;
    std::string text;
};

/// Texts that try to break out of every format Nimbus writes: YAML line breaks of every
/// reader (LF, CR, NEL, LS, PS) followed by new top-level sections, YAML and JSON syntax,
/// CloudFormation intrinsics and Sub variables, XML/HTML markup, PDF string delimiters,
/// spreadsheet formulas, SARIF links, Markdown table syntax, terminal escape sequences,
/// bidirectional overrides and invalid UTF-8.
const std::vector<HostileText> &hostileTexts();

/// The marker every hostile text carries, to find where a text ended up.
inline constexpr const char *kHostileMarker = "Hostile";

/// `design` with `text` put into every place a person or an imported template can write
/// text: the design's name and description, group names, service names, note texts, every
/// text property of every service and connection, and the names and descriptions of its
/// scenarios.
model::Architecture withHostileText(model::Architecture design, const std::string &text,
                                    const model::Catalog &catalog);

} // namespace nimbus::tests
