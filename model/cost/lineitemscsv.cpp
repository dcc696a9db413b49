// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "lineitemscsv.h"

#include "estimate.h"
#include "pricelist.h"

#include <model/core/text.h>

#include <charconv>
#include <cmath>

namespace nimbus::model {

namespace {

bool isPlainNumber(const std::string &text)
{
    double value = 0;
    const char *end = text.data() + text.size();
    const auto result = std::from_chars(text.data(), end, value);
    return result.ec == std::errc() && result.ptr == end;
}

/// Whether a spreadsheet would read `text` as a formula (CWE-1236).
bool startsFormula(const std::string &text)
{
    return !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos &&
           !isPlainNumber(text);
}

} // namespace

std::string csvField(const std::string &raw)
{
    std::string text = validUtf8(raw);
    if (startsFormula(text))
        text.insert(0, 1, '\'');
    if (text.find_first_of(",\"\r\n") == std::string::npos)
        return text;
    std::string quoted = "\"";
    for (char ch : text) {
        if (ch == '"')
            quoted += '"';
        quoted += ch;
    }
    return quoted + '"';
}

namespace {

std::string amountHeader(const char *name, const Currency &currency)
{
    std::string header = name + ("_" + currency.code);
    if (!currency.isUsd())
        header += " (converted at " + plainNumber(currency.perUsd) + " " + currency.code + " per USD)";
    return header;
}

void writeRow(std::string &out, const std::vector<std::string> &fields)
{
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i)
            out += ',';
        out += csvField(fields[i]);
    }
    out += "\r\n";
}

} // namespace

std::string plainNumber(double value)
{
    if (!std::isfinite(value))
        return "";
    // Fixed notation of the shortest round-trip form: doubles span at most ~330 digits.
    char buffer[400];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
    return std::string(buffer, result.ptr);
}

std::string lineItemsCsv(const Estimate &estimate, const Currency &currency, const PriceList *prices)
{
    std::string out;
    writeRow(out, {"node", "name", "service", "dimension", "price_key", "quantity", "unit",
                   "free_quantity", amountHeader("unit_price", currency),
                   amountHeader("monthly_cost", currency), "currency", "price_status",
                   "price_source", "price_date"});
    for (const LineItem &item : estimate.items) {
        const Price *price = prices ? prices->price(item.priceKey) : nullptr;
        writeRow(out, {item.node.str(), item.nodeName, item.service, item.label, item.priceKey,
                       plainNumber(item.quantity), item.unit, plainNumber(item.freeQuantity),
                       item.unknown ? "" : plainNumber(currency.fromUsd(item.unitPrice)),
                       item.unknown ? "" : plainNumber(currency.fromUsd(item.cost)), currency.code,
                       item.unknown ? "unknown" : item.priceStatus, item.priceSource,
                       price ? price->sourceDate : ""});
    }
    return out;
}

std::vector<std::vector<std::string>> parseCsv(std::string_view text)
{
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string current;
    bool quoted = false;
    bool rowStarted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char ch = text[i];
        if (quoted) {
            if (ch != '"')
                current += ch;
            else if (i + 1 < text.size() && text[i + 1] == '"')
                current += text[++i];
            else
                quoted = false;
            continue;
        }
        rowStarted = true;
        if (ch == '"') {
            quoted = true;
        } else if (ch == ',') {
            row.push_back(std::move(current));
            current.clear();
        } else if (ch == '\r' || ch == '\n') {
            if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
            row.push_back(std::move(current));
            current.clear();
            rows.push_back(std::move(row));
            row.clear();
            rowStarted = false;
        } else {
            current += ch;
        }
    }
    if (rowStarted) {
        row.push_back(std::move(current));
        rows.push_back(std::move(row));
    }
    return rows;
}

} // namespace nimbus::model
