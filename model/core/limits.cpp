// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "limits.h"

#include "propertyvalue.h"

#include <algorithm>
#include <cmath>

namespace nimbus::model {

std::size_t utf8Length(std::string_view text)
{
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

std::string tooLongMessage(std::string_view what, std::size_t length, std::size_t maxLength)
{
    return std::string(what) + " is " + formatAmount(double(length)) + " characters long; at most "
           + formatAmount(double(maxLength)) + " are allowed (see Limits in docs/file-format.md)";
}

std::string tooManyMessage(std::string_view what, std::size_t maxCount, std::string_view items)
{
    return std::string(what) + " has more than " + formatAmount(double(maxCount)) + " " + std::string(items)
           + ", the most Nimbus reads (see Limits in docs/file-format.md)";
}

int maxMonteCarloSamples(std::size_t services)
{
    const double most = kMaxMonteCarloWork / double(std::max<std::size_t>(services, 1));
    return static_cast<int>(std::clamp(std::floor(most / 1000) * 1000, 1000.0, 10'000'000.0));
}

} // namespace nimbus::model
