// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "jsonwriter.h"

#include <model/core/propertyvalue.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace nimbus::model {

namespace {

/// Length of the well-formed UTF-8 sequence at `text[i]` (Unicode 15, table 3-7: no overlong
/// forms, surrogates or values past U+10FFFF), or 0 when the bytes there are not one.
std::size_t utf8Length(std::string_view text, std::size_t i)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
    const unsigned char c = byte(0);
    if (c < 0x80)
        return 1;
    const std::size_t length = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (length == 0 || i + length > text.size())
        return 0;
    // The second byte's range depends on the first; the others are 0x80-0xbf.
    const unsigned char low = c == 0xe0 ? 0xa0 : c == 0xf0 ? 0x90 : 0x80;
    const unsigned char high = c == 0xed ? 0x9f : c == 0xf4 ? 0x8f : 0xbf;
    if (byte(1) < low || byte(1) > high)
        return 0;
    for (std::size_t k = 2; k < length; ++k) {
        if (byte(k) < 0x80 || byte(k) > 0xbf)
            return 0;
    }
    return length;
}

} // namespace

void JsonWriter::separate()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_hasItem.empty()) {
        if (m_hasItem.back())
            m_text += ',';
        m_hasItem.back() = true;
    }
}

JsonWriter &JsonWriter::beginObject()
{
    separate();
    m_text += '{';
    m_hasItem.push_back(false);
    return *this;
}

JsonWriter &JsonWriter::endObject()
{
    m_text += '}';
    m_hasItem.pop_back();
    return *this;
}

JsonWriter &JsonWriter::beginArray()
{
    separate();
    m_text += '[';
    m_hasItem.push_back(false);
    return *this;
}

JsonWriter &JsonWriter::endArray()
{
    m_text += ']';
    m_hasItem.pop_back();
    return *this;
}

JsonWriter &JsonWriter::key(std::string_view name)
{
    separate();
    m_text += quote(name);
    m_text += ':';
    m_afterKey = true;
    return *this;
}

JsonWriter &JsonWriter::value(std::string_view text)
{
    separate();
    m_text += quote(text);
    return *this;
}

JsonWriter &JsonWriter::value(double number)
{
    separate();
    // JSON has no NaN or infinity.
    m_text += std::isfinite(number) ? formatNumber(number) : std::string("null");
    return *this;
}

JsonWriter &JsonWriter::value(long long number)
{
    separate();
    m_text += std::to_string(number);
    return *this;
}

JsonWriter &JsonWriter::value(bool flag)
{
    separate();
    m_text += flag ? "true" : "false";
    return *this;
}

JsonWriter &JsonWriter::null()
{
    separate();
    m_text += "null";
    return *this;
}

std::string JsonWriter::quote(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (static_cast<unsigned char>(c) >= 0x80) {
            // JSON text is UTF-8 (RFC 8259, section 8.1): a byte that does not start a
            // well-formed sequence (a file name in Latin-1, say) becomes U+FFFD.
            const std::size_t length = utf8Length(text, i);
            const std::string_view sequence = text.substr(i, length);
            if (length == 0) {
                out += "\\ufffd";
            } else if (sequence == "\xef\xbb\xbf") {
                // Escaped, because readers that take U+FEFF for a byte order mark drop it.
                out += "\\ufeff";
            } else if (sequence == "\xe2\x80\xa8" || sequence == "\xe2\x80\xa9") {
                // Line and paragraph separators end a line in JavaScript before ES2019.
                out += sequence.back() == '\xa8' ? "\\u2028" : "\\u2029";
            } else {
                out.append(sequence);
            }
            i += std::max<std::size_t>(length, 1) - 1;
            continue;
        }
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
                out += buffer;
            } else {
                out += c;
            }
        }
    }
    out += '"';
    return out;
}

} // namespace nimbus::model
