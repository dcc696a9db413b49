// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "estimatecommand.h"

#include "cli.h"
#include "designloader.h"

#include <model/core/limits.h>
#include <model/cost/estimate.h>
#include <model/cost/lineitemscsv.h>
#include <model/cost/montecarlo.h>
#include <model/cost/servercomparison.h>
#include <model/io/jsonwriter.h>
#include <model/io/pricelistreader.h>

#include <resources/embeddedfiles.h>

#include <cmath>
#include <cstdio>
#include <ostream>

namespace nimbus::app {

namespace {

std::string plainNumber(double value)
{
    if (!std::isfinite(value))
        return model::kTooLargeToPrice;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.10g", value);
    return buffer;
}

struct Extras
{
    std::optional<model::Comparison> comparison;
    std::optional<model::MonteCarloResult> monteCarlo;
    bool sweep = false;
};

void writeExtrasText(const Extras &x, const std::string &currency, std::ostream &out);
void writeExtrasJson(model::JsonWriter &json, const Extras &x);

void writeTable(const model::Estimate &e, bool explain, std::ostream &out)
{
    char line[512];
    std::snprintf(line, sizeof line, "%-28s %-30s %18s %-18s %14s\n", "Service", "Dimension", "Quantity", "Unit", "Monthly");
    out << line;
    std::string lastNode;
    for (const model::LineItem &item : e.items) {
        const std::string name = item.nodeName == lastNode ? "" : item.nodeName;
        lastNode = item.nodeName;
        std::snprintf(line, sizeof line, "%-28.28s %-30.30s %18s %-18.18s %14s\n", name.c_str(),
                      item.label.c_str(), model::formatAmount(item.quantity).c_str(), item.unit.c_str(),
                      item.unknown ? "unknown" : model::formatMoney(item.cost, e.currency).c_str());
        out << line;
        if (explain)
            out << "    " << item.explanation << '\n';
    }
    out << '\n' << "Total per month: " << model::formatMoney(e.total, e.currency);
    if (!e.unknownPrices.empty())
        out << " + unknown (no price for";
    for (std::size_t i = 0; i < e.unknownPrices.size(); ++i)
        out << (i ? ", " : " ") << e.unknownPrices[i];
    out << (e.unknownPrices.empty() ? "" : ")") << '\n';
    if (!std::isfinite(e.total))
        out << "The workload is too large to price: a quantity or a cost overflows. Check the "
               "lines "
               "marked too large to price and the workload numbers that feed them.\n";
    out << "Free tier saves " << model::formatMoney(e.freeTierSavings, e.currency) << "; prices for "
        << e.region << " read " << (e.pricesDate.empty() ? "(date unknown)" : e.pricesDate) << '\n';
}

void writeJson(const model::Estimate &e, const Extras &extras, std::ostream &out)
{
    model::JsonWriter json;
    json.beginObject();
    json.key("region").value(e.region).key("currency").value(e.currency).key("pricesDate").value(e.pricesDate);
    json.key("items").beginArray();
    for (const model::LineItem &item : e.items) {
        json.beginObject();
        json.key("node").value(item.node.str()).key("name").value(item.nodeName).key("service").value(item.service);
        json.key("dimension").value(item.priceKey).key("label").value(item.label);
        json.key("quantity").value(item.quantity).key("unit").value(item.unit);
        if (item.unknown)
            json.key("unitPrice").null().key("cost").null();
        else
            json.key("unitPrice").value(item.unitPrice).key("cost").value(item.cost);
        json.key("freeQuantity").value(item.freeQuantity);
        json.key("unknown").value(item.unknown).key("priceStatus").value(item.priceStatus);
        json.key("explanation").value(item.explanation);
        json.endObject();
    }
    json.endArray();
    json.key("totals").beginObject();
    json.key("monthly").value(e.total).key("freeTierSavings").value(e.freeTierSavings);
    if (!std::isfinite(e.total))
        json.key("tooLargeToPrice").value(true); // "monthly" is null then
    json.key("unknownPrices").beginArray();
    for (const std::string &key : e.unknownPrices)
        json.value(key);
    json.endArray().endObject();
    writeExtrasJson(json, extras);
    json.endObject();
    out << json.text() << '\n';
}

void writeCsv(const model::Estimate &e, std::ostream &out)
{
    out << "node,name,service,dimension,quantity,unit,unit_price,monthly_cost\n";
    for (const model::LineItem &item : e.items) {
        out << model::csvField(item.node.str()) << ',' << model::csvField(item.nodeName) << ',' << model::csvField(item.service) << ','
            << model::csvField(item.priceKey) << ',' << plainNumber(item.quantity) << ',' << model::csvField(item.unit) << ','
            << (item.unknown ? std::string("unknown") : plainNumber(item.unitPrice)) << ','
            << (item.unknown ? std::string("unknown") : plainNumber(item.cost)) << '\n';
    }
}

void writeSplitJson(model::JsonWriter &json, const char *key, const model::CostSplit &split)
{
    json.key(key).beginObject();
    json.key("infrastructure").value(split.infrastructure).key("operations").value(split.operations);
    json.key("disasterRecovery").value(split.disasterRecovery).key("total").value(split.total());
    json.endObject();
}

void writeExtrasJson(model::JsonWriter &json, const Extras &x)
{
    if (x.comparison) {
        const model::Comparison &c = *x.comparison;
        json.key("comparison").beginObject();
        writeSplitJson(json, "serverless", c.serverless);
        writeSplitJson(json, "servers", c.servers);
        json.key("instances").beginObject().key("application").value(c.applicationInstances);
        json.key("brokers").value(c.brokerInstances).key("database").value(c.databaseInstances).endObject();
        json.key("tco").beginObject();
        json.key("serverless1y").value(c.tco1Serverless).key("servers1y").value(c.tco1Servers);
        json.key("serverless3y").value(c.tco3Serverless).key("servers3y").value(c.tco3Servers).endObject();
        json.key("assumptions").beginArray();
        for (const auto &a : c.assumptions)
            json.value(a);
        json.endArray();
        if (x.sweep) {
            json.key("sweep").beginArray();
            for (const auto &p : c.sweep)
                json.beginObject().key("multiple").value(p.multiple).key("serverless").value(p.serverless)
                    .key("servers").value(p.servers).endObject();
            json.endArray();
            if (c.breakEven > 0)
                json.key("breakEven").value(c.breakEven);
            else
                json.key("breakEven").null();
            if (c.tooLargeToCompare)
                json.key("tooLargeToCompare").value(true);
        }
        json.endObject();
    }
    if (x.monteCarlo) {
        const model::MonteCarloResult &m = *x.monteCarlo;
        json.key("monteCarlo").beginObject();
        json.key("samples").value(m.samples).key("deterministic").value(m.deterministic).key("mean").value(m.mean);
        if (m.tooLarge > 0)
            json.key("tooLargeToPrice").value(m.tooLarge);
        json.key("p10").value(m.p10).key("p50").value(m.p50).key("p90").value(m.p90);
        json.key("histogram").beginArray();
        for (std::size_t b = 0; b < m.binCounts.size(); ++b)
            json.beginObject().key("from").value(m.binEdges[b]).key("to").value(m.binEdges[b + 1])
                .key("count").value(m.binCounts[b]).endObject();
        json.endArray();
        json.key("inputs").beginArray();
        for (const auto &i : m.inputs)
            json.beginObject().key("node").value(i.node.str()).key("property").value(i.property).key("low").value(i.low)
                .key("expected").value(i.expected).key("high").value(i.high).endObject();
        json.endArray().endObject();
    }
}

void writeExtrasText(const Extras &x, const std::string &currency, std::ostream &out)
{
    const auto money = [&](double v) { return model::formatMoney(v, currency); };
    char line[256];
    if (x.comparison) {
        const model::Comparison &c = *x.comparison;
        out << "\nServerless versus servers (per month)\n";
        std::snprintf(line, sizeof line, "  %-22s %16s %16s\n", "", "Serverless", "Servers");
        out << line;
        auto row = [&](const char *label, double a, double b) {
            std::snprintf(line, sizeof line, "  %-22s %16s %16s\n", label, money(a).c_str(), money(b).c_str());
            out << line;
        };
        row("Infrastructure", c.serverless.infrastructure, c.servers.infrastructure);
        row("Operations labour", c.serverless.operations, c.servers.operations);
        row("Disaster recovery", c.serverless.disasterRecovery, c.servers.disasterRecovery);
        row("Total", c.serverless.total(), c.servers.total());
        row("1-year TCO", c.tco1Serverless, c.tco1Servers);
        row("3-year TCO", c.tco3Serverless, c.tco3Servers);
        out << "  Servers: " << model::formatCount(c.applicationInstances) << " application, "
            << model::formatCount(c.brokerInstances) << " broker, "
            << model::formatCount(c.databaseInstances) << " database instances\n  Assumptions:\n";
        for (const auto &a : c.assumptions)
            out << "    - " << a << '\n';
        if (x.sweep) {
            out << "\nTraffic sweep\n";
            std::snprintf(line, sizeof line, "  %10s %16s %16s\n", "Traffic", "Serverless", "Servers");
            out << line;
            for (const auto &p : c.sweep) {
                std::snprintf(line, sizeof line, "  %9sx %16s %16s\n", model::formatAmount(p.multiple).c_str(),
                              money(p.serverless).c_str(), money(p.servers).c_str());
                out << line;
            }
            if (c.breakEven > 0)
                out << "  Break-even at " << model::formatAmount(c.breakEven) << "x the expected traffic\n";
            else if (c.tooLargeToCompare)
                out << "  No break-even: the costs are too large to price, so they cannot be "
                       "compared\n";
            else
                out << "  No break-even between x0.01 and x100: "
                    << (c.serverlessCheaperThroughout ? "serverless costs less throughout\n" : "servers cost less throughout\n");
        }
    }
    if (x.monteCarlo) {
        const model::MonteCarloResult &m = *x.monteCarlo;
        out << "\nMonte Carlo (" << model::formatAmount(m.samples) << " samples, " << m.inputs.size()
            << " uncertain inputs)\n  P10 " << money(m.p10) << "   P50 " << money(m.p50) << "   P90 " << money(m.p90)
            << "   (as designed: " << money(m.deterministic) << ")\n";
        if (m.tooLarge > 0)
            out << "  " << model::formatAmount(m.tooLarge)
                << " of the samples are too large to price\n";
    }
}

} // namespace

std::optional<model::PriceList> loadPrices(const std::string &region, const std::string &userFile,
                                           std::ostream &err)
{
    std::optional<model::PriceList> prices;
    const std::string path = "pricing/" + region + ".yaml";
    for (const auto &file : resources::embeddedFiles()) {
        if (file.path != path)
            continue;
        model::PriceListLoadResult bundled = model::readPriceList(file.content, "resources/" + path);
        for (const auto &d : bundled.diagnostics)
            err << d.toString() << '\n';
        if (!bundled.ok())
            return std::nullopt;
        prices = std::move(bundled.prices);
    }
    if (!userFile.empty()) {
        model::PriceListLoadResult user = model::readPriceListFile(userFile);
        for (const auto &d : user.diagnostics)
            err << d.toString() << '\n';
        if (!user.ok())
            return std::nullopt;
        if (!user.prices.region.empty() && user.prices.region != region) {
            err << userFile << ": price list is for " << user.prices.region << ", the estimate is for "
                << region << '\n';
            return std::nullopt;
        }
        if (!prices) {
            prices = model::PriceList();
            prices->region = region;
        }
        prices->overlay(user.prices);
    }
    if (!prices)
        err << "nimbus: no price list for region '" << region
            << "'; use --prices to give one, or one of the bundled regions\n";
    return prices;
}

int runEstimate(const CliOptions &options, std::ostream &out, std::ostream &err)
{
    std::optional<LoadedDesign> design = loadDesign(options.files.front(), options.catalogDir, err);
    if (!design)
        return ExitUsage;
    if (!options.scenario.empty()
        && !applyScenario(*design, options.scenario, options.files.front(), "nimbus estimate", err))
        return ExitUsage;
    const std::string region = options.region.empty() ? design->architecture.settings().region : options.region;
    std::optional<model::PriceList> prices = loadPrices(region, options.pricesFile, err);
    if (!prices)
        return ExitUsage;
    model::EstimateOptions estimateOptions;
    estimateOptions.freeTier = design->architecture.settings().freeTier && !options.noFreeTier;
    estimateOptions.discountPercent = options.discountPercent;
    const model::Estimate e = model::estimate(design->architecture, design->catalog, *prices, estimateOptions);
    Extras extras;
    extras.sweep = options.sweep;
    if (options.compareServers)
        extras.comparison = model::compareWithServers(design->architecture, design->catalog, *prices, estimateOptions);
    if (options.monteCarlo > model::maxMonteCarloSamples(design->architecture.nodes().size())) {
        err << options.files.front() << ": error: --monte-carlo " << options.monteCarlo << " is too many samples for "
            << design->architecture.nodes().size() << " services: at most "
            << model::maxMonteCarloSamples(design->architecture.nodes().size())
            << " for this design (see Limits in docs/file-format.md)\n";
        return ExitUsage;
    }
    if (options.monteCarlo > 0) {
        model::MonteCarloOptions mc;
        mc.samples = options.monteCarlo;
        mc.seed = options.seed;
        mc.distribution = options.distribution == "pert" ? model::Distribution::Pert : model::Distribution::Triangular;
        extras.monteCarlo = model::runMonteCarlo(design->architecture, design->catalog, *prices, estimateOptions, mc);
    }
    if (options.format == "json") {
        writeJson(e, extras, out);
    } else if (options.format == "csv") {
        writeCsv(e, out);
    } else {
        if (!options.scenario.empty())
            out << "Scenario: " << options.scenario << "\n\n";
        writeTable(e, options.explain, out);
        writeExtrasText(extras, e.currency, out);
    }
    return ExitClean;
}

} // namespace nimbus::app
