// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

// The `scenarios:` section of a project file (docs/file-format.md), read and written by
// projectfile.cpp.

#include <model/core/scenario.h>
#include <model/core/tree.h>

#include <vector>

namespace nimbus::model {

class Architecture;
class Catalog;
class TreeFields;

/// Reads the `scenarios` list into `design` (whose nodes must be read already). Problems
/// are reported through `fields` with their line: a missing or duplicate name or a bad
/// multiplier skip the scenario (error); an unknown architecture or capacity mode, an
/// override of a missing node or of a property the node does not have are warnings, and
/// what can be kept is kept.
void readScenarios(const Tree &list, TreeFields &fields, const Catalog &catalog, Architecture &design);

/// The `scenarios` list in the order the design keeps them; fields that are not set are
/// left out.
Tree scenariosTree(const std::vector<Scenario> &scenarios);

} // namespace nimbus::model
