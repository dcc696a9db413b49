// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include "clioptions.h"

namespace nimbus::app {

/// `nimbus validate FILE`: findings as text or JSON; exit 1 with error-level findings.
int runValidate(const CliOptions &options, std::ostream &out, std::ostream &err);

/// `nimbus rules`: the validation rules as text, Markdown (docs/rules.md) or JSON.
int runRules(const CliOptions &options, std::ostream &out, std::ostream &err);

} // namespace nimbus::app
