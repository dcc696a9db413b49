// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/core/diagnostic.h>
#include <model/core/ids.h>

#include <string>
#include <vector>

namespace nimbus::model {

/// One thing validation has to say about a design: which rule, how bad, about which nodes
/// and edges, and what to do about it.
struct Finding
{
    std::string rule; ///< stable id, e.g. "properties/invalid-value"
    Severity severity = Severity::Error;
    std::string message; ///< names the services and the numbers involved
    std::vector<NodeId> nodes;
    std::vector<EdgeId> edges;
    std::string fix;  ///< a suggested remedy, one sentence
    std::string docs; ///< a documentation address, "" when none
};

/// What a rule is, for documentation (docs/rules.md) and for --help style listings.
struct RuleInfo
{
    std::string id;
    Severity severity = Severity::Error;
    std::string title;
    std::string description;
};

struct FindingSummary
{
    int errors = 0;
    int warnings = 0;
    int infos = 0;
};

FindingSummary summarise(const std::vector<Finding> &findings);

} // namespace nimbus::model
