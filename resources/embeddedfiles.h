// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>
#include <vector>

namespace nimbus::resources {

/// A data file compiled into the program; `path` is relative to resources/
/// ("catalog/compute.yaml").
struct EmbeddedFile
{
    std::string_view path;
    std::string_view content;
};

/// Every embedded file, in the order resources/CMakeLists.txt lists them.
const std::vector<EmbeddedFile> &embeddedFiles();

} // namespace nimbus::resources
