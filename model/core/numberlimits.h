// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace nimbus::model {

/// The largest magnitude of any number Nimbus accepts from a file, a template's metadata,
/// a price list or a command-line option: one quadrillion (docs/file-format.md, "Limits").
/// It is 100 times the largest workload the catalog allows (10^13 requests a month), and
/// every whole number up to it is exact in a double (integers are exact up to 2^53, about
/// 9.007 × 10^15).
inline constexpr double kNumberLimit = 1e15;

/// The largest magnitude of a canvas coordinate (`position`): 10^8 canvas units. At the
/// canvas's largest zoom (4×) every coordinate of a design then stays within a 32-bit
/// integer (2^31 ≈ 2.1 × 10^9), which Qt's scroll bars and pixel arithmetic use. A design of
/// 200,000 services in a grid spans about 10^5 units.
inline constexpr double kCoordinateLimit = 1e8;

/// True for a finite number whose magnitude is at most kNumberLimit (false for NaN).
constexpr bool isWithinNumberLimit(double value)
{
    return value >= -kNumberLimit && value <= kNumberLimit;
}

/// Why `value` is not accepted ("is not a finite number", "is beyond ±10^15, ..."), or
/// nullopt when it is.
std::optional<std::string> numberLimitProblem(double value);

/// Why `value` is not accepted as a canvas coordinate (beyond ±kCoordinateLimit, or not
/// finite), or nullopt when it is.
std::optional<std::string> coordinateProblem(double value);

/// The same for a number as written in a file: YAML's `.inf` and `.nan`, `inf`/`nan`
/// spellings, numbers too large for a double (`1e400`) or for a whole number
/// (`99999999999999999999`), and numbers beyond the limit. Nullopt when the text is within
/// the limit or is not a number at all (the caller's type check reports that).
std::optional<std::string> numberTextProblem(std::string_view text);

} // namespace nimbus::model
