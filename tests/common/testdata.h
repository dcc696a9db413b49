// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/core/catalog.h>

#include <QString>

namespace nimbus::tests {

/// Absolute path of a file below the source tree ("tests/data/x.nimbus").
QString sourcePath(const QString &relative);

/// The built-in catalog, loaded once; fails the calling test if it does not load.
const model::Catalog &builtinCatalog();

/// The contents of a file below the source tree.
std::string readSourceFile(const QString &relative);

} // namespace nimbus::tests
