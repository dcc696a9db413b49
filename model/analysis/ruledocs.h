// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace nimbus::model {

class Catalog;

/// docs/rules.md: every validation rule with its severity, title and description, grouped
/// by family. A test keeps the file equal to this text.
std::string rulesMarkdown(const Catalog &catalog);

} // namespace nimbus::model
