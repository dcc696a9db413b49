// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "commands.h"

#include "builtincatalog.h"
#include "cli.h"
#include "infocommand.h"
#include "validatecommand.h"

#include <array>

namespace nimbus::app {

namespace {

const char *const kInfoUsage = R"(Usage: nimbus info FILE [--format text|json] [--catalog DIR]

Lists the services of a design by type, its connections by kind and its groups.
)";

const char *const kValidateUsage =
    R"(Usage: nimbus validate FILE [--format text|json] [--min-severity error|warning|info]
                      [--catalog DIR]

Checks a design and prints its findings. Exit code 1 when any error-level finding
remains, 2 when the file cannot be read.
)";

const std::array<Command, 2> kCommands = {{
    {"info", kInfoUsage, {"text", "json"}, false, runInfo},
    {"validate", kValidateUsage, {"text", "json"}, true, runValidate},
}};

} // namespace

const Command *findCommand(const std::string &name)
{
    for (const Command &c : kCommands) {
        if (name == c.name)
            return &c;
    }
    return nullptr;
}

} // namespace nimbus::app
