// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "estimate.h"

#include "usage.h"

#include <model/analysis/rules/rulecontext.h>
#include <model/analysis/workload.h>
#include <model/core/architecture.h>
#include <model/core/catalog.h>
#include <model/graph/architecturegraph.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>

namespace nimbus::model {

namespace {

std::string symbol(const std::string &currency)
{
    return currency == "USD" ? "$" : currency == "EUR" ? "€" : currency == "GBP" ? "£" : currency + " ";
}

std::string amount(double value)
{
    return formatAmount(value);
}

/// The price of one unit in words: "$0.20 per 1,000,000 requests".
std::string priceText(const Price &price, const std::string &currency)
{
    std::string text;
    for (std::size_t i = 0; i < price.tiers.size(); ++i) {
        const PriceTier &t = price.tiers[i];
        if (i)
            text += ", ";
        if (price.isTiered())
            text += t.upTo ? "up to " + amount(*t.upTo) + ": " : "beyond: ";
        text += formatUnitPrice(t.price, currency);
    }
    return text + (price.per == 1 ? " per " + price.unit : " per " + amount(price.per) + " " + price.unit + "s");
}

struct Dimension
{
    const Price *price = nullptr;
    double quantity = 0; ///< account total
    double free = 0;
    double cost = 0; ///< before discount
    std::vector<std::size_t> usages;
};

std::string unitWord(const std::string &unit, double quantity)
{
    // Words are pluralised ("requests"); symbols are not ("GB", "GB-second").
    const bool word = !unit.empty() && std::islower(static_cast<unsigned char>(unit[0]));
    return word && quantity != 1 ? unit + "s" : unit;
}

std::string quantityPhrase(const Usage &u)
{
    const std::string quantity = amount(u.quantity) + " " + unitWord(u.unit, u.quantity);
    return u.derivation.empty() || u.derivation == quantity ? quantity : u.derivation + " = " + quantity;
}

/// The line's formula: quantity, the account total when shared, free tier, price, share.
std::string explain(const Usage &u, const Dimension &d, double share, double keep, const std::string &currency)
{
    std::string text = quantityPhrase(u);
    const bool shared = d.usages.size() > 1;
    const double billed = d.quantity - d.free;
    if (shared)
        text += " (of " + amount(d.quantity) + " in the account)";
    if (d.free > 0)
        text += " - " + amount(d.free) + " free" + (shared ? ", shared by usage" : "");
    if (billed <= 1e-9) {
        text += ": within the free tier";
    } else if (!d.price->isTiered() && !shared) {
        text += (d.free > 0 ? " = " + amount(billed) + " × " : " × ") + formatUnitPrice(d.price->firstUnitPrice(), currency);
    } else {
        text += "; " + amount(billed) + " billed at " + priceText(*d.price, currency) + " = " + formatMoney(d.cost, currency);
        if (shared)
            text += "; this share " + formatAmount(share * 100) + "%";
    }
    if (keep < 1)
        text += " × " + formatAmount(keep * 100) + "% after discount";
    return text + " = " + formatMoney(d.cost * share * keep, currency);
}

/// A usage's part of its dimension's account total, in [0, 1]; an infinite usage takes the
/// whole of an infinite total (the quotient would be NaN).
double shareOf(double usage, double total)
{
    if (!(total > 0) || !(usage > 0))
        return 0;
    if (!std::isfinite(usage))
        return 1;
    return std::isfinite(total) ? std::min(1.0, usage / total) : 0;
}

/// What the free tier saves on a dimension: the cost of its whole usage less the cost billed.
/// When both overflowed, the free units at the last tier's price.
double savings(const Price &price, double quantity, double free, double billed)
{
    const double saved = price.cost(quantity) - billed;
    return std::isfinite(saved) ? saved : free * price.lastUnitPrice();
}

} // namespace

double Estimate::nodeTotal(const NodeId &id) const
{
    double sum = 0;
    for (const LineItem &item : items) {
        if (item.node == id && !item.unknown)
            sum += item.cost;
    }
    return sum;
}

std::optional<std::string> formatOutsidePlainRange(double value, const std::string &symbol)
{
    if (!std::isfinite(value))
        return std::string(kTooLargeToPrice);
    // One below the limit, so that rounding to cents or units never reaches it.
    if (std::fabs(value) < kLargestPlainAmount - 1)
        return std::nullopt;
    return (value < 0 ? "-" : "") + symbol + formatScientific(std::fabs(value));
}

std::string formatUnitPrice(double value, const std::string &currency)
{
    if (auto text = formatOutsidePlainRange(value, symbol(currency)))
        return *text;
    // Below kLargestPlainAmount "%.10f" needs at most 26 characters, so the point is there.
    const double magnitude = std::fabs(value);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.10f", magnitude);
    std::string text = buffer;
    while (text.back() == '0')
        text.pop_back();
    if (text.back() == '.')
        text += "00";
    else if (text.size() - text.find('.') == 2)
        text += '0'; // "$0.5" reads as "$0.50"
    const std::size_t dot = text.find('.');
    return (value < 0 ? "-" : "") + symbol(currency) + formatAmount(std::floor(magnitude)) +
           text.substr(dot);
}

std::string formatMoney(double value, const std::string &currency)
{
    if (auto text = formatOutsidePlainRange(value, symbol(currency)))
        return *text;
    const std::string sign = value < 0 ? "-" : "";
    const double magnitude = std::fabs(value);
    char buffer[64];
    if (magnitude != 0 && magnitude < 0.01) {
        std::snprintf(buffer, sizeof buffer, "%.10f", magnitude);
        std::string text = buffer;
        while (text.back() == '0')
            text.pop_back();
        return sign + symbol(currency) + text;
    }
    const double cents = std::round(magnitude * 100);
    const std::string whole = formatAmount(std::floor(cents / 100));
    std::snprintf(buffer, sizeof buffer, "%02d", static_cast<int>(std::fmod(cents, 100)));
    return sign + symbol(currency) + whole + "." + buffer;
}

Estimate estimate(const Architecture &architecture, const Catalog &catalog,
                  const PriceList &prices, const EstimateOptions &options)
{
    const ArchitectureGraph graph(architecture);
    const Workload workload = propagateWorkload(architecture, catalog, graph,
                                                options.entryScale.empty() ? nullptr : &options.entryScale);
    return estimate(architecture, catalog, prices, options, graph, workload);
}

Estimate estimate(const Architecture &architecture, const Catalog &catalog, const PriceList &prices,
                  const EstimateOptions &options, const ArchitectureGraph &graph, const Workload &workload)
{
    std::vector<Finding> unused;
    const RuleContext context(architecture, catalog, graph, workload, unused);
    std::vector<Usage> usages;
    for (const Node &node : architecture.nodes())
        collectUsage(context, node, options.explain, usages);

    std::map<std::string, Dimension> dimensions;
    for (std::size_t i = 0; i < usages.size(); ++i) {
        Dimension &d = dimensions[usages[i].priceKey];
        d.price = prices.price(usages[i].priceKey);
        d.quantity += usages[i].quantity;
        d.usages.push_back(i);
    }
    // Free tiers: one allowance per pool and account, shared in proportion to usage.
    std::map<std::string, std::pair<double, double>> pools; // pool -> (allowance, usage)
    for (const auto &[key, d] : dimensions) {
        if (d.price && d.price->freeTier > 0 && options.freeTier) {
            auto &pool = pools[d.price->freeTierPool];
            pool.first = std::max(pool.first, d.price->freeTier);
            pool.second += d.quantity;
        }
    }
    const double keep = 1 - std::clamp(options.discountPercent, 0.0, 100.0) / 100;
    Estimate result;
    result.region = prices.region;
    result.currency = prices.currency;
    for (auto &[key, d] : dimensions) {
        if (!d.price) {
            result.unknownPrices.push_back(key);
            continue;
        }
        if (auto pool = pools.find(d.price->freeTierPool); pool != pools.end())
            d.free = freeShare(pool->second.first, pool->second.second, d.quantity);
        d.cost = d.price->cost(d.quantity - d.free);
        result.freeTierSavings += savings(*d.price, d.quantity, d.free, d.cost) * keep;
        if (!d.price->sourceDate.empty() && (result.pricesDate.empty() || d.price->sourceDate < result.pricesDate))
            result.pricesDate = d.price->sourceDate;
    }

    for (const Usage &u : usages) {
        const Dimension &d = dimensions[u.priceKey];
        const Node &node = architecture.nodes()[u.node];
        const ServiceType *type = catalog.type(node.type);
        result.quantities.push_back({u.node, u.priceKey, u.quantity});
        LineItem item;
        item.node = node.id;
        item.nodeName = node.name;
        item.service = type ? type->name : node.type;
        item.priceKey = u.priceKey;
        item.label = u.label;
        item.quantity = u.quantity;
        item.unit = u.unit;
        if (!d.price) {
            item.unknown = true;
            if (options.explain)
                item.explanation = quantityPhrase(u) + "; the " + prices.region + " price list has no price for " + u.priceKey;
            result.items.push_back(std::move(item));
            continue;
        }
        const double share = shareOf(u.quantity, d.quantity);
        // A dimension too large to price makes every line that uses it too large to price
        // (a share of infinity is no figure), so that the total is infinite, not understated.
        item.cost = std::isfinite(d.cost) ? d.cost * share * keep
                    : keep > 0 && (u.quantity > 0 || std::isnan(u.quantity))
                        ? std::numeric_limits<double>::infinity()
                        : 0;
        item.freeQuantity = d.free * share;
        item.unitPrice = !(u.quantity > 0) ? 0
                         : std::isfinite(item.cost) && std::isfinite(u.quantity)
                             ? item.cost / u.quantity
                             : d.price->lastUnitPrice() * keep;
        item.priceStatus = d.price->status;
        item.priceSource = d.price->sourceAddress;
        if (options.explain)
            item.explanation = explain(u, d, share, keep, prices.currency);
        result.total += item.cost;
        result.items.push_back(std::move(item));
    }
    return result;
}

} // namespace nimbus::model
