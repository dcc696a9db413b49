// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "ids.h"

#include <algorithm>

namespace nimbus::model {

bool isValidId(const std::string &text)
{
    if (text.empty() || text.size() > 255)
        return false;
    return std::all_of(text.begin(), text.end(), [](unsigned char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
               || c == '_' || c == '-' || c == '.';
    });
}

} // namespace nimbus::model
