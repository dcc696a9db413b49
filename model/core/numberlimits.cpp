// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "numberlimits.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

namespace nimbus::model {

namespace {

constexpr const char *kBeyond =
    "is beyond ±1,000,000,000,000,000 (10^15), the largest number Nimbus accepts";

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

} // namespace

std::optional<std::string> numberLimitProblem(double value)
{
    if (std::isnan(value))
        return std::string("is not a number (NaN); numbers must be finite");
    if (std::isinf(value))
        return std::string("is infinite; numbers must be finite");
    if (!isWithinNumberLimit(value))
        return std::string(kBeyond);
    return std::nullopt;
}

std::optional<std::string> coordinateProblem(double value)
{
    if (!std::isfinite(value))
        return numberLimitProblem(value);
    if (std::fabs(value) > kCoordinateLimit)
        return std::string(
            "is beyond ±100,000,000 (10^8), the largest canvas coordinate Nimbus accepts");
    return std::nullopt;
}

std::optional<std::string> numberTextProblem(std::string_view text)
{
    std::string_view body = text;
    if (!body.empty() && (body.front() == '+' || body.front() == '-'))
        body.remove_prefix(1);
    const std::string word = lower(body);
    // YAML 1.2 writes infinity and NaN as .inf and .nan (any case); C and JSON tools as inf/nan.
    if (word == ".inf" || word == "inf" || word == "infinity")
        return std::string("is infinite; numbers must be finite");
    if (word == ".nan" || word == "nan")
        return std::string("is not a number (NaN); numbers must be finite");
    if (body.empty() ||
        !(std::isdigit(static_cast<unsigned char>(body.front())) || body.front() == '.'))
        return std::nullopt;
    double value = 0;
    const auto result = std::from_chars(body.data(), body.data() + body.size(), value);
    if (result.ptr != body.data() + body.size())
        return std::nullopt; // not a number: the type check says so
    if (result.ec == std::errc::result_out_of_range) {
        // from_chars reports both overflow and underflow; an underflow has a negative exponent.
        const bool tiny = word.find("e-") != std::string::npos;
        return tiny ? std::string("is too close to zero to be held as a number; write 0")
                    : std::string(kBeyond);
    }
    if (result.ec != std::errc())
        return std::nullopt;
    return numberLimitProblem(value);
}

} // namespace nimbus::model
