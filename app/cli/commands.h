// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include "clioptions.h"

#include <string>

namespace nimbus::app {

/// The command named `name`, or nullptr.
const Command *findCommand(const std::string &name);

} // namespace nimbus::app
