// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

namespace nimbus::model {

enum class Severity { Error, Warning, Info };

/// Lower-case English name of a severity ("error", "warning", "info").
const char *severityName(Severity severity);

/// A problem found while reading a file: where it is and what is wrong. Line and column
/// are 1-based; 0 means "not known" (for example a file that could not be opened).
struct Diagnostic
{
    Severity severity = Severity::Error;
    std::string file;
    int line = 0;
    int column = 0;
    std::string message;

    /// "file:line:column: error: message", the form compilers and editors understand.
    std::string toString() const;
};

using Diagnostics = std::vector<Diagnostic>;

/// True when any diagnostic is an error.
bool hasErrors(const Diagnostics &diagnostics);

} // namespace nimbus::model
