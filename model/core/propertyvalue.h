// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>

namespace nimbus::model {

/// The value of one property of a node or an edge. Which alternative is legal for a key is
/// decided by the catalog's PropertyDef; choice values are strings.
using PropertyValue = std::variant<bool, std::int64_t, double, std::string>;

/// Properties sorted by key, so that iteration (and therefore saving) is deterministic.
using PropertyMap = std::map<std::string, PropertyValue, std::less<>>; // find(string_view)

/// The value as a number, for integer and number alternatives; nullopt otherwise.
std::optional<double> toNumber(const PropertyValue &value);

/// Text for messages and files: integers without a decimal point, doubles in their
/// shortest exact form ("0.5", "1e+13"), booleans as true/false.
std::string toString(const PropertyValue &value);

/// Shortest decimal text that reads back as exactly `value`.
std::string formatNumber(double value);

/// Amounts from this magnitude on are written in scientific form: in full they would be
/// 19 digits or more, which nobody reads (10^15, the largest number Nimbus accepts).
inline constexpr double kLargestPlainAmount = 1e15;

/// A number for people: thousands separators, at most two decimals ("1,500", "0.25");
/// from kLargestPlainAmount on, three significant digits in scientific form ("1.23e+17");
/// "too large" for infinity and NaN, which only an overflow produces.
std::string formatAmount(double value);

/// A count for people ("1,204 servers"): formatAmount of a whole number, "too many to
/// count" when it overflowed (infinite or NaN).
std::string formatCount(double count);

/// Three significant digits in scientific form, for a finite number: "1.23e+17", "-4e+20".
std::string formatScientific(double value);

/// Human name of the alternative held, for messages ("integer", "number", ...).
std::string typeName(const PropertyValue &value);

} // namespace nimbus::model
