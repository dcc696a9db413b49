// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "currency.h"

#include "estimate.h"

#include <model/core/propertyvalue.h>

#include <cmath>
#include <cstdio>

namespace nimbus::model {

std::string formatCurrency(double usd, const Currency &currency)
{
    const double value = currency.fromUsd(usd);
    if (auto text = formatOutsidePlainRange(value, currency.symbol))
        return *text;
    const std::string sign = value < 0 ? "-" : "";
    const double magnitude = std::fabs(value);
    if (magnitude > 0 && magnitude < 0.005)
        return sign + "<" + currency.symbol + "0.01";
    const double cents = std::round(magnitude * 100);
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%02d", static_cast<int>(std::fmod(cents, 100)));
    return sign + currency.symbol + formatAmount(std::floor(cents / 100)) + "." + buffer;
}

std::string formatCurrencyWhole(double usd, const Currency &currency)
{
    const double value = currency.fromUsd(usd);
    if (auto text = formatOutsidePlainRange(value, currency.symbol))
        return *text;
    const std::string sign = value < 0 ? "-" : "";
    const double magnitude = std::fabs(value);
    if (magnitude > 0 && magnitude < 0.5)
        return sign + "<" + currency.symbol + "1";
    return sign + currency.symbol + formatAmount(std::round(magnitude));
}

std::string formatCurrencyPrice(double usd, const Currency &currency)
{
    const double value = currency.fromUsd(usd);
    if (auto text = formatOutsidePlainRange(value, currency.symbol))
        return *text;
    const std::string usdText = formatUnitPrice(std::fabs(value), "USD"); // "$0.0000153333"
    return (value < 0 ? "-" : "") + currency.symbol + usdText.substr(1);
}

std::string formatCurrencyShort(double usd, const Currency &currency)
{
    const double value = currency.fromUsd(usd);
    if (auto text = formatOutsidePlainRange(value, currency.symbol))
        return *text;
    const std::string sign = value < 0 ? "-" : "";
    const double magnitude = std::fabs(value);
    char buffer[32];
    if (magnitude >= 1e12)
        std::snprintf(buffer, sizeof buffer, "%.3gT", magnitude / 1e12);
    else if (magnitude >= 1e9)
        std::snprintf(buffer, sizeof buffer, "%.3gB", magnitude / 1e9);
    else if (magnitude >= 1e6)
        std::snprintf(buffer, sizeof buffer, "%.3gM", magnitude / 1e6);
    else if (magnitude >= 1e3)
        std::snprintf(buffer, sizeof buffer, "%.3gk", magnitude / 1e3);
    else if (magnitude >= 1 || magnitude == 0)
        std::snprintf(buffer, sizeof buffer, "%.0f", magnitude);
    else
        std::snprintf(buffer, sizeof buffer, "%.2g", magnitude);
    return sign + currency.symbol + buffer;
}

} // namespace nimbus::model
