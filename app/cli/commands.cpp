// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "commands.h"

#include "builtincatalog.h"
#include "cli.h"
#include "estimatecommand.h"
#include "iaccommands.h"
#include "infocommand.h"
#include "scenariocommands.h"
#include "validatecommand.h"

#include <array>

namespace nimbus::app {

namespace {

const char *const kInfoUsage =
    R"(Usage: nimbus info FILE [--format text|json] [-o OUT] [--catalog DIR]

Lists the services of a design by type, its connections by kind and its groups.
)";

const char *const kValidateUsage =
    R"(Usage: nimbus validate FILE [--format text|json|sarif] [--min-severity error|warning|info]
                      [-o OUT] [--catalog DIR]

Checks a design and prints its findings: wiring AWS does not support, limits the expected
traffic breaks, loops, timeouts, payload sizes, reliability, security and cost traps.
SARIF 2.1.0 output lets CI systems show the findings. Exit code 1 when any error-level
finding remains (whatever --min-severity hides), 2 when the file cannot be read.
)";

const char *const kRulesUsage =
    R"(Usage: nimbus rules [--format text|markdown|json] [-o OUT] [--catalog DIR]

Lists every validation rule with its severity and what it finds.
)";

const char *const kEstimateUsage =
    R"(Usage: nimbus estimate FILE [--region R] [--prices PRICES.yaml] [--discount PCT]
                      [--no-free-tier] [--format table|json|csv] [--explain]
                      [--compare-servers] [--sweep] [--monte-carlo N [--seed S]
                      [--distribution triangular|pert]] [--scenario NAME] [-o OUT]
                      [--catalog DIR]

Estimates the monthly cost of a design from the traffic at its entry points: per service and
price dimension, with free tiers granted once per account and tiered prices applied to the
account's total. --prices lays your own price list (whole or partial, same format as
resources/pricing/<region>.yaml) over the bundled one; --discount applies an enterprise
discount to every price. --explain shows the formula behind each line. A price the list
lacks is shown as unknown, never as zero.

--compare-servers sizes a server-based equivalent (EC2 for peak, brokers, a database pair,
a load balancer, a warm standby, operations labour) and gives 1- and 3-year TCO; --sweep
adds both costs from x0.01 to x100 the traffic and the break-even multiple; --monte-carlo
samples the inputs that have low and high values and gives P10/P50/P90.

--scenario prices the design as one of its scenarios sees it (its traffic multiplier,
region, free tier, architecture, capacity mode and per-service overrides); 'nimbus scenarios
FILE' lists them.
)";

const char *const kScenariosUsage =
    R"(Usage: nimbus scenarios FILE [--format table|json] [-o OUT] [--catalog DIR]

Puts the design as drawn and each of its scenarios side by side: monthly serverless cost,
the server-based equivalent (operations and standby included), the traffic multiple where
both cost the same, the 3-year saving of serverless over servers, and the validation
findings of each variant. Each variant is priced in its own region with the bundled price
lists.
)";

const char *const kCompareUsage =
    R"(Usage: nimbus compare A.nimbus B.nimbus [--format table|json] [-o OUT] [--catalog DIR]

Puts two designs side by side in the same table as 'nimbus scenarios': monthly cost,
servers, break-even, 3-year saving and findings.
)";

const char *const kExportUsage =
    R"(Usage: nimbus export FILE [--format sam|cloudformation] [-o OUT.yaml] [--catalog DIR]

Writes the design as a template that deploys it: AWS SAM (the default) or plain
CloudFormation for organisations that allow no transforms. Functions get their events from
the edges that trigger them, and least-privilege permissions and environment variables from
the edges they start. A design that needs more than CloudFormation's 500 resources is split
into nested stacks written beside OUT (OUT-part1-<hash>.yaml, ...), named by their content:
the parts are written first and OUT last, so that a run stopped half way leaves the previous
set whole; parts of earlier exports of OUT are then removed. Without -o the template goes to
standard output. Exit code 1 when the design cannot be exported, 2 when a file cannot be
written (the previous files are then unchanged).
)";

const char *const kImportUsage = R"(Usage: nimbus import TEMPLATE [-o DESIGN.nimbus] [--catalog DIR]

Reads a SAM or CloudFormation template (YAML or JSON) into a design: one service per
resource, connections inferred from events, subscriptions, notifications, rule targets,
policies, environment variables and state machine definitions, laid out with Graphviz.
What Nimbus does not model is kept and written back on export. Prints a summary; without
-o the design goes to standard output.
)";

constexpr OutputOption Prints = OutputOption::Captured;
constexpr OutputOption WritesFiles = OutputOption::Own;

const std::array<Command, 8> kCommands = {{
    {"info", kInfoUsage, {"text", "json"}, false, false, true, runInfo, Prints},
    {"validate", kValidateUsage, {"text", "json", "sarif"}, true, false, true, runValidate, Prints},
    {"rules", kRulesUsage, {"text", "markdown", "json"}, false, false, false, runRules, Prints},
    {"estimate", kEstimateUsage, {"table", "json", "csv"}, false, true, true, runEstimate, Prints},
    {"scenarios", kScenariosUsage, {"table", "json"}, false, false, true, runScenarios, Prints},
    {"compare", kCompareUsage, {"table", "json"}, false, false, true, runCompare, Prints, 2},
    {"export", kExportUsage, {"sam", "cloudformation"}, false, false, true, runExport, WritesFiles},
    {"import", kImportUsage, {}, false, false, true, runImport, WritesFiles},
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
