// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/core/catalog.h>
#include <model/core/diagnostic.h>

#include <string>
#include <vector>

namespace nimbus::model {

/// One catalog file's name (for messages) and its text.
struct SourceText
{
    std::string name;
    std::string text;
};

struct CatalogLoadResult
{
    Catalog catalog;
    Diagnostics diagnostics;
    bool ok() const { return !hasErrors(diagnostics); }
};

/// Reads the service catalog from its YAML files (docs/catalog-format.md): a file with a
/// top-level `categories:` list and files with `services:` lists. The catalog is refused
/// (errors naming file and line) when it contradicts itself: unknown keys or property
/// types, defaults outside their range or choices, duplicate ids, unknown categories.
CatalogLoadResult readCatalog(const std::vector<SourceText> &files);

/// Reads every *.yaml file in `directory`, in name order.
CatalogLoadResult readCatalogDirectory(const std::string &directory);

} // namespace nimbus::model
