// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "validate.h"

#include "rules/rulecontext.h"
#include "workload.h"

#include <model/core/architecture.h>
#include <model/core/catalog.h>
#include <model/graph/architecturegraph.h>

#include <algorithm>
#include <functional>
#include <set>
#include <tuple>

namespace nimbus::model {

namespace {

int severityRank(Severity s)
{
    return s == Severity::Error ? 0 : s == Severity::Warning ? 1 : 2;
}

using Check = void (*)(const RuleContext &);

constexpr Check kChecks[] = {checkProperties,  checkWiring,     checkLoops,       checkTimeouts,
                             checkPayloads,    checkThroughput, checkReliability, checkSecurity,
                             checkEnvironment, checkCostTraps};

} // namespace

FindingSummary summarise(const std::vector<Finding> &findings)
{
    FindingSummary summary;
    for (const Finding &f : findings) {
        if (f.severity == Severity::Error)
            ++summary.errors;
        else if (f.severity == Severity::Warning)
            ++summary.warnings;
        else
            ++summary.infos;
    }
    return summary;
}

std::vector<Finding> validate(const Architecture &architecture, const Catalog &catalog)
{
    const ArchitectureGraph graph(architecture);
    return validate(architecture, catalog, graph, propagateWorkload(architecture, catalog, graph));
}

std::vector<Finding> validate(const Architecture &architecture, const Catalog &catalog,
                              const ArchitectureGraph &graph, const Workload &workload)
{
    std::vector<Finding> findings;
    const RuleContext context(architecture, catalog, graph, workload, findings);
    for (Check check : kChecks)
        check(context);
    std::stable_sort(findings.begin(), findings.end(), [](const Finding &a, const Finding &b) {
        const std::string na = a.nodes.empty() ? std::string() : a.nodes.front().str();
        const std::string nb = b.nodes.empty() ? std::string() : b.nodes.front().str();
        return std::make_tuple(severityRank(a.severity), std::cref(a.rule), std::cref(na))
               < std::make_tuple(severityRank(b.severity), std::cref(b.rule), std::cref(nb));
    });
    return findings;
}

} // namespace nimbus::model
