// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/iac/policytemplates.h>
#include <model/io/catalogreader.h>

#include <string>

namespace nimbus::app {

/// Reads the service catalog compiled into the program (resources/catalog/), or, when
/// `directory` is not empty, the catalog files in that folder.
model::CatalogLoadResult loadCatalog(const std::string &directory = {});

/// The AWS SAM policy templates compiled into the program (resources/sam/), read once.
const model::iac::PolicyTemplates &builtinPolicyTemplates();

} // namespace nimbus::app
