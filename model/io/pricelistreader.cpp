// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "pricelistreader.h"

#include "treefields.h"
#include "yamlreader.h"

#include <map>

namespace nimbus::model {

namespace {

struct Source
{
    std::string address;
    std::string date;
};

std::map<std::string, Source> readSources(TreeFields &fields, const Tree &root)
{
    std::map<std::string, Source> sources;
    const Tree *list = root.find("sources");
    if (!list)
        return sources;
    if (!fields.expectMap(*list, "'sources'"))
        return sources;
    for (const auto &[key, value] : list->entries) {
        if (!fields.expectMap(value, "source '" + key + "'"))
            continue;
        fields.rejectUnknownKeys(value, {"address", "date", "note"}, "source '" + key + "'");
        sources[key] = {fields.text(value, "address", true).value_or(""),
                        fields.text(value, "date", true).value_or("")};
    }
    return sources;
}

bool readTiers(TreeFields &fields, const Tree &item, Price &price)
{
    const Tree *tiers = item.find("tiers");
    if (!tiers->isSequence() || tiers->items.empty()) {
        fields.error(*tiers, "price '" + price.key + "': 'tiers' must be a list of tiers");
        return false;
    }
    for (std::size_t i = 0; i < tiers->items.size(); ++i) {
        const Tree &t = tiers->items[i];
        if (!fields.expectMap(t, "a tier"))
            return false;
        fields.rejectUnknownKeys(t, {"upTo", "price"}, "a tier");
        PriceTier tier;
        tier.price = fields.number(t, "price", true).value_or(0);
        tier.upTo = fields.number(t, "upTo", false);
        const bool last = i + 1 == tiers->items.size();
        if (last != !tier.upTo) {
            fields.error(t, "price '" + price.key + "': only the last tier has no 'upTo'");
            return false;
        }
        if (tier.upTo && !price.tiers.empty() && *tier.upTo <= *price.tiers.back().upTo) {
            fields.error(t, "price '" + price.key + "': tiers must rise ('upTo' is cumulative)");
            return false;
        }
        if (tier.price < 0) {
            fields.error(t, "price '" + price.key + "': a price cannot be negative");
            return false;
        }
        price.tiers.push_back(tier);
    }
    return true;
}

void readPrice(TreeFields &fields, const std::string &key, const Tree &item,
               const std::map<std::string, Source> &sources, PriceList &list)
{
    if (!fields.expectMap(item, "price '" + key + "'"))
        return;
    fields.rejectUnknownKeys(item,
                             {"unit", "per", "price", "tiers", "freeTier", "freeTierPool",
                              "freeTierNote", "source", "status"},
                             "price '" + key + "'");
    Price price;
    price.key = key;
    price.unit = fields.text(item, "unit", true).value_or("");
    price.per = fields.number(item, "per", false).value_or(1);
    price.freeTier = fields.number(item, "freeTier", false).value_or(0);
    price.freeTierPool = fields.text(item, "freeTierPool", false).value_or(key);
    price.freeTierNote = fields.text(item, "freeTierNote", false).value_or("");
    price.status = fields.text(item, "status", true).value_or("");
    if (price.per <= 0 || price.freeTier < 0) {
        fields.error(item, "price '" + key + "': 'per' must be positive and 'freeTier' not negative");
        return;
    }
    const bool flat = item.find("price") != nullptr;
    const bool tiered = item.find("tiers") != nullptr;
    if (flat == tiered) {
        fields.error(item, "price '" + key + "' needs either 'price' or 'tiers'");
        return;
    }
    if (flat) {
        const double value = fields.number(item, "price", true).value_or(-1);
        if (value < 0) {
            fields.error(*item.find("price"), "price '" + key + "' cannot be negative");
            return;
        }
        price.tiers.push_back({std::nullopt, value});
    } else if (!readTiers(fields, item, price)) {
        return;
    }
    // Bundled lists cite a source for every price (a test checks it); a user pinning a
    // negotiated rate need not.
    const std::string source = fields.text(item, "source", false).value_or("");
    if (auto it = sources.find(source); it != sources.end()) {
        price.sourceAddress = it->second.address;
        price.sourceDate = it->second.date;
    } else if (!source.empty()) {
        fields.error(*item.find("source"), "price '" + key + "' cites unknown source '" + source + "'");
        return;
    }
    list.set(std::move(price));
}

} // namespace

PriceListLoadResult readPriceList(std::string_view text, const std::string &fileName)
{
    PriceListLoadResult result;
    YamlParseResult parsed = parseYaml(text, fileName);
    result.diagnostics = std::move(parsed.diagnostics);
    if (hasErrors(result.diagnostics))
        return result;
    TreeFields fields(fileName, result.diagnostics);
    const Tree &root = parsed.tree;
    if (!fields.expectMap(root, "a price list"))
        return result;
    fields.rejectUnknownKeys(root, {"region", "name", "currency", "sources", "prices"}, "a price list");
    result.prices.region = fields.text(root, "region", false).value_or("");
    result.prices.name = fields.text(root, "name", false).value_or(result.prices.region);
    result.prices.currency = fields.text(root, "currency", false).value_or("USD");
    const auto sources = readSources(fields, root);
    const Tree *prices = root.find("prices");
    if (!prices) {
        fields.error(root, "a price list needs a 'prices' map");
        return result;
    }
    if (!fields.expectMap(*prices, "'prices'"))
        return result;
    for (const auto &[key, item] : prices->entries)
        readPrice(fields, key, item, sources, result.prices);
    return result;
}

PriceListLoadResult readPriceListFile(const std::string &path)
{
    std::string text;
    std::string error;
    if (!readTextFile(path, text, error, 16u * 1024u * 1024u)) {
        PriceListLoadResult result;
        result.diagnostics.push_back({Severity::Error, path, 0, 0, error});
        return result;
    }
    return readPriceList(text, path);
}

} // namespace nimbus::model
