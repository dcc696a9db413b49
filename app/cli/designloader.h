// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/core/architecture.h>
#include <model/core/catalog.h>

#include <iosfwd>
#include <optional>
#include <string>
#include <unordered_map>

namespace nimbus::app {

/// A design read for a command, with the catalog it was read against.
struct LoadedDesign
{
    model::Catalog catalog;
    model::Architecture architecture;
    std::unordered_map<std::string, int> idLines;
};

/// Loads the catalog and the design named in a command's options. Problems are printed to
/// `err` as "file:line:column: severity: message"; nullopt when either has errors.
std::optional<LoadedDesign> loadDesign(const std::string &path, const std::string &catalogDir,
                                       std::ostream &err);

/// Replaces the loaded design (read from `file`) by the view of it as its scenario `name`
/// sees it, printing the scenario's problems to `err`. When the design has no scenario of
/// that name, says so with the names it has ("<command>: FILE has no scenario 'x'; its
/// scenarios are ...") and returns false.
bool applyScenario(LoadedDesign &design, const std::string &name, const std::string &file,
                   const std::string &command, std::ostream &err);

} // namespace nimbus::app
