// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include "clioptions.h"

namespace nimbus::app {

/// `nimbus info FILE`: services by type, connections by kind, groups with their members.
int runInfo(const CliOptions &options, std::ostream &out, std::ostream &err);

} // namespace nimbus::app
