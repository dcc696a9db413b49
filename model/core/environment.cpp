// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "environment.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

namespace nimbus::model {

namespace {

/// The entries of the text, split at unescaped ';' and unescaped.
std::vector<std::string> splitEntries(std::string_view text)
{
    std::vector<std::string> entries(1);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\\' && i + 1 < text.size() && (text[i + 1] == ';' || text[i + 1] == '\\')) {
            entries.back() += text[++i];
        } else if (c == ';') {
            entries.emplace_back();
        } else {
            entries.back() += c;
        }
    }
    return entries;
}

std::string trimmed(std::string_view text)
{
    const auto space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
    while (!text.empty() && space(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && space(text.back()))
        text.remove_suffix(1);
    return std::string(text);
}

void appendEscaped(std::string &out, std::string_view text)
{
    for (char c : text) {
        if (c == ';' || c == '\\')
            out += '\\';
        out += c;
    }
}

} // namespace

ParsedEnvironment parseEnvironment(std::string_view text)
{
    ParsedEnvironment parsed;
    std::set<std::string> seen;
    for (const std::string &entry : splitEntries(text)) {
        if (trimmed(entry).empty())
            continue;
        const std::size_t equals = entry.find('=');
        if (equals == std::string::npos) {
            parsed.problems.push_back({trimmed(entry), "has no '=' between name and value"});
            continue;
        }
        EnvironmentVariable variable{trimmed(std::string_view(entry).substr(0, equals)),
                                     entry.substr(equals + 1)};
        if (!seen.insert(variable.name).second)
            parsed.problems.push_back({variable.name, "is defined more than once"});
        parsed.variables.push_back(std::move(variable));
    }
    return parsed;
}

std::string formatEnvironment(const std::vector<EnvironmentVariable> &variables)
{
    std::string out;
    for (const EnvironmentVariable &v : variables) {
        if (!out.empty())
            out += ';';
        appendEscaped(out, v.name);
        out += '=';
        appendEscaped(out, v.value);
    }
    return out;
}

bool isValidVariableName(std::string_view name)
{
    const auto word = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
    };
    return name.size() >= 2 && std::isalpha(static_cast<unsigned char>(name.front())) != 0 &&
           std::all_of(name.begin(), name.end(), word);
}

bool isReservedLambdaVariable(std::string_view name)
{
    static constexpr std::array<std::string_view, 19> reserved = {
        "_HANDLER",
        "_X_AMZN_TRACE_ID",
        "AWS_DEFAULT_REGION",
        "AWS_REGION",
        "AWS_EXECUTION_ENV",
        "AWS_LAMBDA_FUNCTION_NAME",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
        "AWS_LAMBDA_FUNCTION_VERSION",
        "AWS_LAMBDA_INITIALIZATION_TYPE",
        "AWS_LAMBDA_LOG_GROUP_NAME",
        "AWS_LAMBDA_LOG_STREAM_NAME",
        "AWS_ACCESS_KEY",
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN",
        "AWS_LAMBDA_RUNTIME_API",
        "LAMBDA_TASK_ROOT",
        "LAMBDA_RUNTIME_DIR",
        "TZ",
    };
    return std::find(reserved.begin(), reserved.end(), name) != reserved.end();
}

bool isStartupHookVariable(std::string_view name)
{
    return name == "AWS_LAMBDA_EXEC_WRAPPER" || name == "LD_PRELOAD";
}

std::size_t environmentSize(const std::vector<EnvironmentVariable> &variables)
{
    std::size_t size = 0;
    for (const EnvironmentVariable &v : variables)
        size += v.name.size() + v.value.size();
    return size;
}

} // namespace nimbus::model
