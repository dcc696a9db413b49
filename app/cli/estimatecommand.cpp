// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "estimatecommand.h"

#include "cli.h"
#include "designloader.h"

#include <model/cost/estimate.h>
#include <model/io/jsonwriter.h>
#include <model/io/pricelistreader.h>

#include <resources/embeddedfiles.h>

#include <cstdio>
#include <ostream>

namespace nimbus::app {

namespace {

std::string csvField(const std::string &text)
{
    if (text.find_first_of(",\"\n") == std::string::npos)
        return text;
    std::string quoted = "\"";
    for (char ch : text)
        quoted += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return quoted + "\"";
}

std::string plainNumber(double value)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.10g", value);
    return buffer;
}

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
    out << "Free tier saves " << model::formatMoney(e.freeTierSavings, e.currency) << "; prices for "
        << e.region << " read " << (e.pricesDate.empty() ? "(date unknown)" : e.pricesDate) << '\n';
}

void writeJson(const model::Estimate &e, std::ostream &out)
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
    json.key("unknownPrices").beginArray();
    for (const std::string &key : e.unknownPrices)
        json.value(key);
    json.endArray().endObject().endObject();
    out << json.text() << '\n';
}

void writeCsv(const model::Estimate &e, std::ostream &out)
{
    out << "node,name,service,dimension,quantity,unit,unit_price,monthly_cost\n";
    for (const model::LineItem &item : e.items) {
        out << csvField(item.node.str()) << ',' << csvField(item.nodeName) << ',' << csvField(item.service) << ','
            << csvField(item.priceKey) << ',' << plainNumber(item.quantity) << ',' << csvField(item.unit) << ','
            << (item.unknown ? std::string("unknown") : plainNumber(item.unitPrice)) << ','
            << (item.unknown ? std::string("unknown") : plainNumber(item.cost)) << '\n';
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
    const std::string region = options.region.empty() ? design->architecture.settings().region : options.region;
    std::optional<model::PriceList> prices = loadPrices(region, options.pricesFile, err);
    if (!prices)
        return ExitUsage;
    model::EstimateOptions estimateOptions;
    estimateOptions.freeTier = design->architecture.settings().freeTier && !options.noFreeTier;
    estimateOptions.discountPercent = options.discountPercent;
    const model::Estimate e = model::estimate(design->architecture, design->catalog, *prices, estimateOptions);
    if (options.format == "json")
        writeJson(e, out);
    else if (options.format == "csv")
        writeCsv(e, out);
    else
        writeTable(e, options.explain, out);
    return ExitClean;
}

} // namespace nimbus::app
