// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "validatecommand.h"

#include "cli.h"
#include "builtincatalog.h"
#include "designloader.h"
#include "sarifwriter.h"

#include <model/analysis/ruledocs.h>
#include <model/analysis/validate.h>
#include <model/io/jsonwriter.h>

#include <ostream>

namespace nimbus::app {

namespace {

using model::Finding;
using model::Severity;

int rank(Severity s)
{
    return s == Severity::Error ? 0 : s == Severity::Warning ? 1 : 2;
}

Severity severityFromName(const std::string &name)
{
    return name == "error" ? Severity::Error : name == "warning" ? Severity::Warning : Severity::Info;
}

void writeText(const std::vector<Finding> &findings, const model::FindingSummary &summary,
               std::ostream &out)
{
    for (const Finding &f : findings) {
        out << model::severityName(f.severity) << " [" << f.rule << "] " << f.message << '\n';
        if (!f.fix.empty())
            out << "    fix: " << f.fix << '\n';
    }
    auto count = [](int n, const char *word) {
        return std::to_string(n) + ' ' + word + (n == 1 ? "" : "s");
    };
    out << count(summary.errors, "error") << ", " << count(summary.warnings, "warning") << ", "
        << summary.infos << " info\n";
}

void writeJson(const std::vector<Finding> &findings, const model::FindingSummary &summary,
               std::ostream &out)
{
    model::JsonWriter json;
    json.beginObject().key("findings").beginArray();
    for (const Finding &f : findings) {
        json.beginObject();
        json.key("rule").value(f.rule);
        json.key("severity").value(model::severityName(f.severity));
        json.key("message").value(f.message);
        json.key("nodes").beginArray();
        for (const auto &id : f.nodes)
            json.value(id.str());
        json.endArray().key("edges").beginArray();
        for (const auto &id : f.edges)
            json.value(id.str());
        json.endArray();
        json.key("fix").value(f.fix);
        json.key("docs").value(f.docs);
        json.endObject();
    }
    json.endArray();
    json.key("summary").beginObject();
    json.key("error").value(summary.errors);
    json.key("warning").value(summary.warnings);
    json.key("info").value(summary.infos);
    json.endObject().endObject();
    out << json.text() << '\n';
}

} // namespace

int runValidate(const CliOptions &options, std::ostream &out, std::ostream &err)
{
    std::optional<LoadedDesign> design = loadDesign(options.files.front(), options.catalogDir, err);
    if (!design)
        return ExitUsage;
    std::vector<Finding> findings = model::validate(design->architecture, design->catalog);
    // The exit code follows every error-level finding, whatever is shown.
    const model::FindingSummary all = model::summarise(findings);
    if (!options.minSeverity.empty()) {
        const int limit = rank(severityFromName(options.minSeverity));
        std::erase_if(findings, [&](const Finding &f) { return rank(f.severity) > limit; });
    }
    const model::FindingSummary shown = model::summarise(findings);
    if (options.format == "json")
        writeJson(findings, shown, out);
    else if (options.format == "sarif")
        out << sarifLog(findings, model::validationRules(design->catalog), options.files.front(),
                        design->idLines);
    else
        writeText(findings, shown, out);
    return all.errors > 0 ? ExitFindings : ExitClean;
}

int runRules(const CliOptions &options, std::ostream &out, std::ostream &err)
{
    model::CatalogLoadResult catalog = loadCatalog(options.catalogDir);
    if (!catalog.ok()) {
        for (const auto &d : catalog.diagnostics)
            err << d.toString() << '\n';
        return ExitUsage;
    }
    const auto rules = model::validationRules(catalog.catalog);
    if (options.format == "markdown") {
        out << model::rulesMarkdown(catalog.catalog);
    } else if (options.format == "json") {
        model::JsonWriter json;
        json.beginArray();
        for (const model::RuleInfo &rule : rules) {
            json.beginObject().key("id").value(rule.id).key("severity").value(model::severityName(rule.severity));
            json.key("title").value(rule.title).key("description").value(rule.description).endObject();
        }
        json.endArray();
        out << json.text() << '\n';
    } else {
        for (const model::RuleInfo &rule : rules)
            out << rule.id << " (" << model::severityName(rule.severity) << "): " << rule.title << '\n';
    }
    return ExitClean;
}

} // namespace nimbus::app
