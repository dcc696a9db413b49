// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace nimbus::fuzz {

/// importTemplate on `text` never crashes; when it imports without errors, the design
/// exports as SAM and as CloudFormation, and each exported main template imports again
/// without errors. Any failure aborts with a message (see fail()).
void checkImport(std::string_view text, const std::string &fileName);

} // namespace nimbus::fuzz
