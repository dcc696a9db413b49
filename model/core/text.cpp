// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "text.h"

#include <algorithm>

namespace nimbus::model {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD"; // U+FFFD

void appendHex(std::string &out, char32_t c, int digits)
{
    static constexpr char hex[] = "0123456789abcdef";
    for (int d = digits - 1; d >= 0; --d)
        out += hex[(c >> (4 * d)) & 0xF];
}

void appendEscaped(std::string &out, char32_t c)
{
    switch (c) {
    case '\n':
        out += "\\n";
        return;
    case '\r':
        out += "\\r";
        return;
    case '\t':
        out += "\\t";
        return;
    default:
        break;
    }
    if (c < 0x100) {
        out += "\\x";
        appendHex(out, c, 2);
    } else {
        out += "\\u";
        appendHex(out, c, 4);
    }
}

} // namespace

std::size_t utf8SequenceAt(std::string_view text, std::size_t offset, char32_t *codePoint)
{
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(offset);
    std::size_t length = 0;
    char32_t c = 0;
    if (lead < 0x80) {
        length = 1;
        c = lead;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        c = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        c = lead & 0x0F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        c = lead & 0x07;
    } else {
        return 0;
    }
    if (offset + length > text.size())
        return 0;
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(offset + k) & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (byte(offset + k) & 0x3F);
    }
    const bool overlong = (length == 3 && c < 0x800) || (length == 4 && c < 0x10000);
    if (overlong || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    if (codePoint != nullptr)
        *codePoint = c;
    return length;
}

std::optional<std::size_t> firstInvalidUtf8(std::string_view text)
{
    for (std::size_t i = 0; i < text.size();) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            ++i;
            continue;
        }
        const std::size_t length = utf8SequenceAt(text, i);
        if (length == 0)
            return i;
        i += length;
    }
    return std::nullopt;
}

std::string validUtf8(std::string_view text)
{
    if (!firstInvalidUtf8(text))
        return std::string(text);
    std::string out;
    out.reserve(text.size() + 8);
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = utf8SequenceAt(text, i);
        if (length == 0) {
            out += kReplacement;
            ++i;
        } else {
            out.append(text, i, length);
            i += length;
        }
    }
    return out;
}

bool isUnsafeCharacter(char32_t c)
{
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0xFEFF ||
           (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E ||
           c == 0x200F || c == 0x061C;
}

namespace {

std::string escapeUnsafe(std::string_view text, std::size_t maxCharacters, bool keepLines)
{
    std::string out;
    out.reserve(std::min(text.size(), std::size_t(4096)) + 8);
    std::size_t characters = 0;
    for (std::size_t i = 0; i < text.size();) {
        if (characters == maxCharacters) {
            out += "\xE2\x80\xA6"; // …
            break;
        }
        ++characters;
        char32_t c = 0;
        const std::size_t length = utf8SequenceAt(text, i, &c);
        if (length == 0) {
            out += kReplacement;
            ++i;
            continue;
        }
        if (isUnsafeCharacter(c) && !(keepLines && (c == '\n' || c == '\t')))
            appendEscaped(out, c);
        else
            out.append(text, i, length);
        i += length;
    }
    return out;
}

} // namespace

std::string singleLine(std::string_view text, std::size_t maxCharacters)
{
    return escapeUnsafe(text, maxCharacters, false);
}

std::string printableText(std::string_view text)
{
    return escapeUnsafe(text, std::string::npos, true);
}

std::size_t incompleteUtf8Tail(std::string_view text)
{
    for (std::size_t back = 1; back <= 3 && back <= text.size(); ++back) {
        const auto byte = static_cast<unsigned char>(text[text.size() - back]);
        if ((byte & 0xC0) == 0x80)
            continue; // a continuation byte: look further back for the lead
        const std::size_t needed = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
        return needed > back ? back : 0;
    }
    return 0;
}

} // namespace nimbus::model
