// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace nimbus::model {

/// Writes compact, valid JSON in one pass. The caller pairs begin/end calls; keys are
/// written with key() before each value in an object.
class JsonWriter
{
public:
    JsonWriter &beginObject();
    JsonWriter &endObject();
    JsonWriter &beginArray();
    JsonWriter &endArray();
    JsonWriter &key(std::string_view name);
    JsonWriter &value(std::string_view text);
    JsonWriter &value(const char *text) { return value(std::string_view(text)); }
    JsonWriter &value(double number);
    JsonWriter &value(long long number);
    JsonWriter &value(int number) { return value(static_cast<long long>(number)); }
    JsonWriter &value(bool flag);
    JsonWriter &null();

    const std::string &text() const { return m_text; }

    /// `text` as a JSON string literal, quotes included. Bytes that are not well-formed UTF-8
    /// are written as U+FFFD, so that the output is always valid JSON.
    static std::string quote(std::string_view text);

private:
    void separate();

    std::string m_text;
    std::vector<bool> m_hasItem; ///< per open container: something was written already
    bool m_afterKey = false;
};

} // namespace nimbus::model
