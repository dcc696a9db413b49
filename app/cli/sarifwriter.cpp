// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "sarifwriter.h"

#include <model/io/jsonwriter.h>

#include <cctype>
#include <string_view>

namespace nimbus::app {

namespace {

const char *level(model::Severity severity)
{
    switch (severity) {
    case model::Severity::Error:
        return "error";
    case model::Severity::Warning:
        return "warning";
    case model::Severity::Info:
        return "note";
    }
    return "note";
}

int lineOf(const model::Finding &f, const std::unordered_map<std::string, int> &idLines)
{
    for (const auto &id : f.nodes) {
        if (auto it = idLines.find(id.str()); it != idLines.end())
            return it->second;
    }
    for (const auto &id : f.edges) {
        if (auto it = idLines.find(id.str()); it != idLines.end())
            return it->second;
    }
    return 1;
}

/// A file path as a SARIF "uri" (a URI reference, RFC 3986): every byte other than the
/// unreserved characters and "/" is percent-encoded, so that "#", "?", "%" and spaces in a
/// file name stay part of the path.
std::string uriReference(const std::string &path)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const char ch : path) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) != 0 || std::string_view("-._~/").find(ch) != std::string_view::npos) {
            out += ch;
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0xF];
        }
    }
    return out;
}

/// Message text for SARIF: "[text](target)" would become a link in the viewer (SARIF 2.1.0
/// §3.11.6), so brackets and backslashes from names are escaped with a backslash.
std::string sarifText(const std::string &text)
{
    std::string out;
    out.reserve(text.size());
    for (const char ch : text) {
        if (ch == '[' || ch == ']' || ch == '\\')
            out += '\\';
        out += ch;
    }
    return out;
}

} // namespace

std::string sarifLog(const std::vector<model::Finding> &findings,
                     const std::vector<model::RuleInfo> &rules, const std::string &file,
                     const std::unordered_map<std::string, int> &idLines)
{
    model::JsonWriter json;
    json.beginObject();
    json.key("$schema").value("https://json.schemastore.org/sarif-2.1.0.json");
    json.key("version").value("2.1.0");
    json.key("runs").beginArray().beginObject();
    json.key("tool").beginObject().key("driver").beginObject();
    json.key("name").value("Nimbus");
    json.key("version").value(NIMBUS_VERSION);
    json.key("rules").beginArray();
    std::unordered_map<std::string, int> ruleIndex;
    for (const model::RuleInfo &rule : rules) {
        ruleIndex.emplace(rule.id, static_cast<int>(ruleIndex.size()));
        json.beginObject();
        json.key("id").value(rule.id);
        json.key("shortDescription").beginObject().key("text").value(rule.title).endObject();
        json.key("fullDescription").beginObject().key("text").value(rule.description).endObject();
        json.key("defaultConfiguration").beginObject().key("level").value(level(rule.severity)).endObject();
        json.endObject();
    }
    json.endArray().endObject().endObject();
    json.key("artifacts").beginArray().beginObject();
    json.key("location").beginObject().key("uri").value(uriReference(file)).endObject();
    json.endObject().endArray();
    json.key("results").beginArray();
    for (const model::Finding &f : findings) {
        json.beginObject();
        json.key("ruleId").value(f.rule);
        if (auto it = ruleIndex.find(f.rule); it != ruleIndex.end())
            json.key("ruleIndex").value(it->second);
        json.key("level").value(level(f.severity));
        json.key("message").beginObject().key("text").value(sarifText(f.message + (f.fix.empty() ? "" : " Fix: " + f.fix))).endObject();
        json.key("locations").beginArray().beginObject();
        json.key("physicalLocation").beginObject();
        json.key("artifactLocation").beginObject().key("uri").value(uriReference(file)).key("index").value(0).endObject();
        json.key("region").beginObject().key("startLine").value(lineOf(f, idLines)).endObject();
        json.endObject();
        json.key("logicalLocations").beginArray();
        for (const auto &id : f.nodes)
            json.beginObject().key("name").value(id.str()).key("kind").value("resource").endObject();
        json.endArray();
        json.endObject().endArray();
        json.key("properties").beginObject();
        json.key("fix").value(f.fix);
        json.key("docs").value(f.docs);
        json.key("edges").beginArray();
        for (const auto &id : f.edges)
            json.value(id.str());
        json.endArray().endObject();
        json.endObject();
    }
    json.endArray();
    json.endObject().endArray();
    json.endObject();
    return json.text() + '\n';
}

} // namespace nimbus::app
