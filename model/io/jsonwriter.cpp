// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "jsonwriter.h"

#include <model/core/propertyvalue.h>

#include <cmath>
#include <cstdio>

namespace nimbus::model {

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
    for (const char c : text) {
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
