// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include "clioptions.h"

namespace nimbus::app {

/// `nimbus export FILE --format sam|cloudformation [-o OUT]`: the design as a deployable
/// template (nested stack files beside OUT when the design is too large for one stack).
int runExport(const CliOptions &options, std::ostream &out, std::ostream &err);

/// `nimbus import TEMPLATE [-o DESIGN.nimbus]`: a SAM or CloudFormation template read into
/// a design laid out with Graphviz; prints a summary of what was read and inferred.
int runImport(const CliOptions &options, std::ostream &out, std::ostream &err);

} // namespace nimbus::app
