// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/analysis/finding.h>

#include <string>
#include <unordered_map>
#include <vector>

namespace nimbus::app {

/// Findings as a SARIF 2.1.0 log, so that CI systems (GitHub code scanning, GitLab, Azure
/// DevOps) show them on the design file. Each result points at the line of the first node
/// or edge it concerns, from `idLines`.
std::string sarifLog(const std::vector<model::Finding> &findings,
                     const std::vector<model::RuleInfo> &rules, const std::string &file,
                     const std::unordered_map<std::string, int> &idLines);

} // namespace nimbus::app
