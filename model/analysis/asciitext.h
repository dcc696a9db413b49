// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

/// Character classes of the C locale for bytes of UTF-8 text, as the secret detector reads
/// names and values: bytes of other characters are none of these.
namespace nimbus::model::ascii {

inline bool isAlnum(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

inline bool isUpper(char c)
{
    return std::isupper(static_cast<unsigned char>(c)) != 0;
}

inline bool isLower(char c)
{
    return std::islower(static_cast<unsigned char>(c)) != 0;
}

inline bool isDigit(char c)
{
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

/// `text` with its ASCII letters in upper case.
inline std::string upper(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return out;
}

/// `text` without the white space at either end.
inline std::string_view trim(std::string_view text)
{
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())) != 0)
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0)
        text.remove_suffix(1);
    return text;
}

} // namespace nimbus::model::ascii
