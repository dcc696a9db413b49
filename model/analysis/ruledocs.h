// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace nimbus::model {

class Catalog;

/// docs/rules.md: every validation rule with its severity, title and description, grouped
/// by family. A test keeps the file equal to this text.
std::string rulesMarkdown(const Catalog &catalog);

/// `text` for one cell of a Markdown table: "|" escaped, line breaks folded into spaces,
/// "<" written as "&lt;" so that no HTML starts, and control characters made visible, so
/// that a name from a design cannot add cells, rows or markup.
std::string markdownCell(std::string_view text);

} // namespace nimbus::model
