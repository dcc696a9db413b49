// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace nimbus::model {

/// The currency figures are shown in. Prices and the engine work in US dollars; a user may
/// show them in another currency with a symbol and an exchange rate of their choice (the
/// rate is theirs, never fetched).
struct Currency
{
    std::string code = "USD"; ///< ISO 4217 code, shown in reports ("EUR")
    std::string symbol = "$";
    double perUsd = 1; ///< units of this currency for one US dollar

    double fromUsd(double usd) const { return usd * perUsd; }
    bool isUsd() const { return code == "USD" && perUsd == 1; }
    friend bool operator==(const Currency &, const Currency &) = default;
};

/// The exchange rates Nimbus takes, in units of a currency per US dollar, in the window's
/// Preferences and from `nimbus report --exchange-rate` alike (one range for both): the
/// Preferences show four decimals, so 0.0001 is the smallest, and offer up to 100,000.
/// Amounts converted at any rate in the range are formatted like any other.
inline constexpr double kMinExchangeRate = 0.0001;
inline constexpr double kMaxExchangeRate = 100000;

/// True for a rate within [kMinExchangeRate, kMaxExchangeRate] (false for NaN).
constexpr bool isValidExchangeRate(double rate)
{
    return rate >= kMinExchangeRate && rate <= kMaxExchangeRate;
}

/// `usd` converted and written with two decimals and thousands separators: "€1,234.56".
/// A non-zero amount that rounds to nothing reads "<€0.01" instead of a row of zeros.
/// Every formatter here writes amounts from kLargestPlainAmount on in scientific form
/// ("€1.23e+17") and non-finite ones as kTooLargeToPrice (see formatOutsidePlainRange).
std::string formatCurrency(double usd, const Currency &currency);

/// Whole units, for chart labels and headlines: "€1,235", "-$40"; "<$1" for small amounts.
std::string formatCurrencyWhole(double usd, const Currency &currency);

/// A unit price converted, with all its significant digits: "€0.0000153333".
std::string formatCurrencyPrice(double usd, const Currency &currency);

/// Compact, for chart axes: "$950", "$12.5k", "$3.2M".
std::string formatCurrencyShort(double usd, const Currency &currency);

} // namespace nimbus::model
