// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "scenariocommands.h"

#include "cli.h"
#include "designloader.h"
#include "estimatecommand.h"

#include <model/io/jsonwriter.h>

#include <resources/embeddedfiles.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <ostream>
#include <sstream>

namespace nimbus::app {

namespace {

std::string findingsText(const model::VariantSummary &row)
{
    return std::to_string(row.errors) + (row.errors == 1 ? " error, " : " errors, ") + std::to_string(row.warnings)
           + (row.warnings == 1 ? " warning" : " warnings");
}

model::EstimateOptions estimateOptions(const CliOptions &options)
{
    model::EstimateOptions e;
    e.freeTier = !options.noFreeTier;
    e.discountPercent = options.discountPercent;
    e.explain = false;
    return e;
}

int report(const std::vector<model::VariantSummary> &rows, const CliOptions &options, std::ostream &out)
{
    if (options.format == "json")
        writeVariantJson(rows, out);
    else
        writeVariantTable(rows, out);
    return ExitClean;
}

} // namespace

const model::PriceList *BundledPrices::operator()(const std::string &region)
{
    auto it = m_lists.find(region);
    if (it == m_lists.end()) {
        std::ostringstream problems; // a missing region is shown in the table, not here
        auto loaded = loadPrices(region, "", problems);
        if (loaded)
            m_err << problems.str();
        it = m_lists.emplace(region, loaded ? std::make_unique<model::PriceList>(std::move(*loaded)) : nullptr).first;
    }
    return it->second.get();
}

std::vector<std::string> bundledRegions()
{
    std::vector<std::string> regions;
    const std::string_view prefix = "pricing/", suffix = ".yaml";
    for (const auto &file : resources::embeddedFiles()) {
        if (file.path.starts_with(prefix) && file.path.ends_with(suffix))
            regions.emplace_back(file.path.substr(prefix.size(), file.path.size() - prefix.size() - suffix.size()));
    }
    std::sort(regions.begin(), regions.end());
    return regions;
}

void writeVariantTable(const std::vector<model::VariantSummary> &rows, std::ostream &out)
{
    char line[512];
    const char *format = "%-22.22s %-14.14s %14s %14s %11s %16s  %s\n";
    std::snprintf(line, sizeof line, format, "Variant", "Region", "Monthly", "Servers", "Break-even",
                  "3-year saving", "Findings");
    out << line;
    for (const model::VariantSummary &row : rows) {
        const bool priced = row.priced();
        auto money = [&](double v) { return priced ? model::formatMoney(v) : std::string("n/a"); };
        std::snprintf(line, sizeof line, format, row.name.c_str(), row.region.c_str(), money(row.monthly).c_str(),
                      money(row.serversMonthly).c_str(), priced ? row.breakEvenText().c_str() : "n/a",
                      money(row.saving3y()).c_str(), findingsText(row).c_str());
        out << line;
    }
    out << "\nMonthly: serverless estimate (known prices). Servers: the same workload on EC2 with\n"
           "operations labour and a warm standby. Break-even: traffic multiple where both cost the\n"
           "same (\"> x100\": serverless costs less from x0.01 to x100). 3-year saving: servers minus\n"
           "serverless over 36 months, all in.\n";
    for (const model::VariantSummary &row : rows) {
        if (row.unknownPrices.empty())
            continue;
        out << "\n" << row.name << ": ";
        if (!row.priced()) {
            out << row.unknownPrices.front() << '\n';
            continue;
        }
        out << "no price for";
        for (std::size_t i = 0; i < row.unknownPrices.size(); ++i)
            out << (i ? ", " : " ") << row.unknownPrices[i];
        out << " (left out of the total)\n";
    }
}

void writeVariantJson(const std::vector<model::VariantSummary> &rows, std::ostream &out)
{
    model::JsonWriter json;
    json.beginObject().key("variants").beginArray();
    for (const model::VariantSummary &row : rows) {
        json.beginObject().key("name").value(row.name).key("region").value(row.region);
        json.key("priced").value(row.priced());
        json.key("monthly").value(row.monthly).key("serversMonthly").value(row.serversMonthly);
        if (row.breakEven > 0)
            json.key("breakEven").value(row.breakEven);
        else
            json.key("breakEven").null();
        json.key("serverlessCheaperThroughout").value(row.serverlessCheaperThroughout);
        if (row.tooLargeToCompare)
            json.key("tooLargeToCompare").value(true);
        json.key("tco3Serverless").value(row.tco3Serverless).key("tco3Servers").value(row.tco3Servers);
        json.key("saving3y").value(row.saving3y());
        json.key("errors").value(row.errors).key("warnings").value(row.warnings);
        json.key("unknownPrices").beginArray();
        for (const std::string &key : row.unknownPrices)
            json.value(key);
        json.endArray().endObject();
    }
    json.endArray().endObject();
    out << json.text() << '\n';
}

int runScenarios(const CliOptions &options, std::ostream &out, std::ostream &err)
{
    std::optional<LoadedDesign> design = loadDesign(options.files.front(), options.catalogDir, err);
    if (!design)
        return ExitUsage;
    for (const model::Scenario &s : design->architecture.scenarios()) {
        for (const model::Diagnostic &d : model::checkScenario(design->architecture, s, design->catalog,
                                                               options.files.front()))
            err << d.toString() << '\n';
    }
    BundledPrices prices(err);
    const auto rows = model::compareScenarios(design->architecture, design->catalog, std::ref(prices),
                                              estimateOptions(options));
    if (rows.size() == 1 && options.format != "json")
        out << "The design has no scenarios; add some in the Scenarios panel of the designer.\n\n";
    return report(rows, options, out);
}

int runCompare(const CliOptions &options, std::ostream &out, std::ostream &err)
{
    std::vector<model::VariantSummary> rows;
    BundledPrices prices(err);
    for (const std::string &path : options.files) {
        std::optional<LoadedDesign> design = loadDesign(path, options.catalogDir, err);
        if (!design)
            return ExitUsage;
        const std::string name = design->architecture.name().empty() ? path : design->architecture.name();
        rows.push_back(model::summariseVariant(name, design->architecture, design->catalog, std::ref(prices),
                                               estimateOptions(options)));
    }
    if (rows.size() == 2 && rows[0].name == rows[1].name) { // two versions of one design
        for (std::size_t i = 0; i < 2; ++i)
            rows[i].name = std::filesystem::path(options.files[i]).filename().string();
    }
    return report(rows, options, out);
}

} // namespace nimbus::app
