// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace nimbus::app {

/// True when `args` (without the program name) ask for `nimbus report`.
bool isReportInvocation(const std::vector<std::string> &args);

/// `nimbus report FILE -o OUT.(pdf|csv) [options]`: the executive cost report as a PDF, or
/// every line item of the estimate as CSV. The PDF is drawn with Qt, so like `render` it
/// needs a QApplication (main.cpp makes one on the offscreen platform). `args` are the
/// words after "report". Returns ExitClean, or ExitUsage on bad usage, an unknown
/// extension, a bad exchange rate, an unreadable design, a region without prices or an
/// unwritable output.
int runReport(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);

} // namespace nimbus::app
