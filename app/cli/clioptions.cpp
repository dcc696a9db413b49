// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "clioptions.h"

#include <algorithm>
#include <cstdlib>
#include <optional>

namespace nimbus::app {

namespace {

/// Splits "--name=value" into its parts; for "--name" the value is empty.
std::pair<std::string, std::optional<std::string>> splitOption(const std::string &arg)
{
    const auto eq = arg.find('=');
    if (eq == std::string::npos)
        return {arg, std::nullopt};
    return {arg.substr(0, eq), arg.substr(eq + 1)};
}

} // namespace

bool parseOptions(const Command &command, const std::vector<std::string> &args,
                  CliOptions &options, std::string &error)
{
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &arg = args[i];
        if (arg == "--help" || arg == "-h") {
            options.help = true;
            return true;
        }
        if (arg.rfind("-", 0) != 0 || arg == "-") {
            options.files.push_back(arg);
            continue;
        }
        auto [name, inlineValue] = splitOption(arg);
        auto takeValue = [&](std::string &target) {
            if (inlineValue) {
                target = *inlineValue;
                return true;
            }
            if (i + 1 >= args.size()) {
                error = name + " needs a value";
                return false;
            }
            target = args[++i];
            return true;
        };
        if (name == "--format" || name == "-f") {
            if (!takeValue(options.format))
                return false;
            if (std::find(command.formats.begin(), command.formats.end(), options.format)
                == command.formats.end()) {
                error = "unknown format '" + options.format + "'";
                return false;
            }
        } else if (name == "--catalog") {
            if (!takeValue(options.catalogDir))
                return false;
        } else if ((name == "--output" || name == "-o") && command.output != OutputOption::None) {
            if (!takeValue(options.output))
                return false;
        } else if (name == "--min-severity" && command.takesMinSeverity) {
            if (!takeValue(options.minSeverity))
                return false;
            if (options.minSeverity != "error" && options.minSeverity != "warning"
                && options.minSeverity != "info") {
                error = "--min-severity takes error, warning or info";
                return false;
            }
        } else if (command.takesEstimateOptions && name == "--region") {
            if (!takeValue(options.region))
                return false;
        } else if (command.takesEstimateOptions && name == "--prices") {
            if (!takeValue(options.pricesFile))
                return false;
        } else if (command.takesEstimateOptions && name == "--discount") {
            std::string value;
            if (!takeValue(value))
                return false;
            char *end = nullptr;
            options.discountPercent = std::strtod(value.c_str(), &end);
            if (value.empty() || *end != '\0' || !(options.discountPercent >= 0)
                || options.discountPercent > 100) {
                error = "--discount takes a percentage from 0 to 100, not '" + value + "'";
                return false;
            }
        } else if (command.takesEstimateOptions && name == "--no-free-tier" && !inlineValue) {
            options.noFreeTier = true;
        } else if (command.takesEstimateOptions && name == "--explain" && !inlineValue) {
            options.explain = true;
        } else if (command.takesEstimateOptions && name == "--compare-servers" && !inlineValue) {
            options.compareServers = true;
        } else if (command.takesEstimateOptions && name == "--sweep" && !inlineValue) {
            options.sweep = true;
            options.compareServers = true;
        } else if (command.takesEstimateOptions && (name == "--monte-carlo" || name == "--seed")) {
            std::string value;
            if (!takeValue(value))
                return false;
            char *end = nullptr;
            const unsigned long long parsed = std::strtoull(value.c_str(), &end, 10);
            const bool bad = value.empty() || *end != '\0' || value[0] == '-'
                             || (name == "--monte-carlo" && (parsed < 1 || parsed > 10'000'000));
            if (bad) {
                error = name + (name == "--seed" ? std::string(" takes a whole number")
                                                 : std::string(" takes a sample count from 1 to 10,000,000"))
                        + ", not '" + value + "'";
                return false;
            }
            if (name == "--seed")
                options.seed = parsed;
            else
                options.monteCarlo = static_cast<int>(parsed);
        } else if (command.takesEstimateOptions && name == "--scenario") {
            if (!takeValue(options.scenario))
                return false;
        } else if (command.takesEstimateOptions && name == "--distribution") {
            if (!takeValue(options.distribution))
                return false;
            if (options.distribution != "triangular" && options.distribution != "pert") {
                error = "--distribution takes triangular or pert";
                return false;
            }
        } else {
            error = "unknown option '" + name + "'";
            return false;
        }
    }
    if (options.format.empty() && !command.formats.empty())
        options.format = command.formats.front();
    if (!command.needsFile && !options.files.empty()) {
        error = "no file is expected";
        return false;
    }
    if (command.needsFile && command.fileCount == 2 && options.files.size() != 2) {
        error = "two design files are needed";
        return false;
    }
    if (command.needsFile && command.fileCount == 1 && options.files.size() != 1) {
        error = options.files.empty() ? "a design file is needed" : "only one file is accepted";
        return false;
    }
    return true;
}

} // namespace nimbus::app
