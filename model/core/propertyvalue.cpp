// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "propertyvalue.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace nimbus::model {

std::optional<double> toNumber(const PropertyValue &value)
{
    if (const auto *i = std::get_if<std::int64_t>(&value))
        return static_cast<double>(*i);
    if (const auto *d = std::get_if<double>(&value))
        return *d;
    return std::nullopt;
}

std::string formatNumber(double value)
{
    if (std::isnan(value))
        return ".nan";
    if (std::isinf(value))
        return value > 0 ? ".inf" : "-.inf";
    // Plain decimals read best ("25000000", "0.0000166667"); exponent form only where the
    // plain one would be longer than 20 characters. Both are the shortest exact form.
    char buffer[400];
    const auto fixed = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
    if (fixed.ec == std::errc() && fixed.ptr - buffer <= 20)
        return std::string(buffer, fixed.ptr);
    const auto general = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, general.ptr);
}

std::string toString(const PropertyValue &value)
{
    struct Visitor
    {
        std::string operator()(bool b) const { return b ? "true" : "false"; }
        std::string operator()(std::int64_t i) const { return std::to_string(i); }
        std::string operator()(double d) const { return formatNumber(d); }
        std::string operator()(const std::string &s) const { return s; }
    };
    return std::visit(Visitor{}, value);
}

std::string typeName(const PropertyValue &value)
{
    static const char *const names[] = {"boolean", "integer", "number", "string"};
    return names[value.index()];
}

std::string formatScientific(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3g", value);
    return buffer;
}

std::string formatCount(double count)
{
    return std::isfinite(count) ? formatAmount(count) : std::string("too many to count");
}

std::string formatAmount(double value)
{
    if (!std::isfinite(value))
        return "too large";
    if (std::fabs(value) >= kLargestPlainAmount)
        return formatScientific(value);
    char buffer[64];
    const double rounded = std::fabs(value) >= 100 ? std::round(value)
                                                   : std::round(value * 100) / 100;
    if (std::fabs(rounded - std::round(rounded)) < 1e-9) {
        std::snprintf(buffer, sizeof buffer, "%.0f", rounded);
        std::string digits = buffer;
        const bool negative = !digits.empty() && digits[0] == '-';
        std::string grouped;
        const std::string body = negative ? digits.substr(1) : digits;
        for (std::size_t i = 0; i < body.size(); ++i) {
            if (i > 0 && (body.size() - i) % 3 == 0)
                grouped += ',';
            grouped += body[i];
        }
        return (negative ? "-" : "") + grouped;
    }
    std::snprintf(buffer, sizeof buffer, "%.2f", rounded);
    std::string text = buffer;
    while (text.back() == '0')
        text.pop_back();
    return text;
}

} // namespace nimbus::model
