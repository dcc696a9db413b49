// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

// Internal to the template importer.

#include "importer.h"

#include <model/core/tree.h>

namespace nimbus::model {
class Catalog;
}

namespace nimbus::model::iac::importing {

/// Restores a design exported by Nimbus from the template's Metadata.Nimbus (types, names,
/// positions, groups, notes, workload numbers, actors and connections): the services keep
/// their resource bodies, resources made for a service fold into it, and the connections
/// drawn replace the ones inferred between those services. Nothing happens without
/// Metadata.Nimbus; a malformed entry is a warning and is skipped.
void applyDesignMetadata(ImportResult &result, const Tree &root, const Catalog &catalog,
                         const std::string &fileName);

/// An error when the imported design has more services, connections, groups or notes
/// than a design may (model/core/limits.h), so that what is imported can be saved and
/// opened again.
void checkDesignLimits(ImportResult &result, const std::string &fileName);

} // namespace nimbus::model::iac::importing
