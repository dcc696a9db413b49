// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

namespace nimbus::app {

/// The parsed arguments of one command.
struct CliOptions
{
    std::vector<std::string> files;
    std::string format;      ///< "" when not given; each command has its default
    std::string minSeverity; ///< validate: error, warning or info
    std::string catalogDir;
    std::string output;      ///< -o/--output FILE; "" = standard output
    bool help = false;
    // estimate
    std::string region;     ///< "" = the design's region
    std::string pricesFile; ///< a user's price list laid over the bundled one
    double discountPercent = 0;
    bool noFreeTier = false;
    bool explain = false;
    bool compareServers = false;
    bool sweep = false;
    int monteCarlo = 0; ///< samples; 0 = no Monte Carlo run
    std::uint64_t seed = 1;
    std::string distribution = "triangular";
    std::string scenario; ///< estimate: price the design as this scenario sees it
};

/// What -o/--output FILE does for a command.
enum class OutputOption {
    None,     ///< not accepted
    Captured, ///< what the command prints goes to FILE (model::writeFileAtomically)
    Own,      ///< the command writes FILE itself (export, import)
};

/// A command-line action: its name, what it accepts and how it runs.
struct Command
{
    const char *name;
    const char *usage;
    std::vector<std::string> formats; ///< accepted --format values, first is the default
    bool takesMinSeverity;
    bool takesEstimateOptions;
    bool needsFile;
    int (*run)(const CliOptions &options, std::ostream &out, std::ostream &err);
    OutputOption output = OutputOption::None;
    int fileCount = 1;        ///< design files it needs when needsFile
};

/// Parses `args` for `command`; false with `error` set on bad usage (unknown option, a
/// missing value, a format the command does not offer, a wrong number of files).
bool parseOptions(const Command &command, const std::vector<std::string> &args,
                  CliOptions &options, std::string &error);

} // namespace nimbus::app
