// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace nimbus::app {

/// Exit codes of the command line.
enum ExitCode : int {
    ExitClean = 0,    ///< done; no error-level findings
    ExitFindings = 1, ///< the design has error-level findings
    ExitUsage = 2,    ///< bad usage, or input that cannot be read
};

/// True when `args` (without the program name) ask for the command line rather than the
/// window: a subcommand, --help or --version, or an unknown word that is not a file.
bool isCliInvocation(const std::vector<std::string> &args);

/// Runs one command-line action (`nimbus info|validate ...`, --help, --version) with the
/// given arguments (without the program name), writing results to `out` and problems to
/// `err`. Returns an ExitCode. Uses only nimbus::model, so it runs without an event loop.
int runCli(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);

} // namespace nimbus::app
