// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "jsonwriter.h"

#include <model/core/propertyvalue.h>
#include <model/core/text.h>

#include <cmath>
#include <cstdio>

namespace nimbus::model {

namespace {

void appendAsciiEscaped(std::string &out, char c)
{
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
    // JSON is UTF-8 only: bytes that are not (a truncated name, a binary value) become
    // U+FFFD instead of making the whole output unreadable. U+2028 and U+2029 are escaped
    // too: valid JSON, but they end a line in JavaScript and in several log viewers.
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    for (std::size_t i = 0; i < text.size();) {
        char32_t c = 0;
        const std::size_t length = utf8SequenceAt(text, i, &c);
        if (length == 0) {
            out += "\\ufffd";
            ++i;
            continue;
        }
        if (length == 1)
            appendAsciiEscaped(out, text[i]);
        else if (c == 0x2028 || c == 0x2029)
            out += c == 0x2028 ? "\\u2028" : "\\u2029";
        else
            out.append(text, i, length);
        i += length;
    }
    out += '"';
    return out;
}

} // namespace nimbus::model
